import type { Card, ItemCard } from '../api/types';

export type Kind = 'task' | 'item';

/** A task card as the board holds it: the shared Card and the side actions (comment, evidence, reassign). */
export interface TaskCard extends Card {
  sideActions: string[];
}

export type AnyCard = TaskCard | ItemCard;

export interface BoardCampaign {
  id: string;
  name: string;
  inspectionDate: string;
  daysToInspection: number;
}

export interface TaskBoardData {
  board: { campaign: BoardCampaign; columns: { stage: string; cards: TaskCard[] }[] };
}

export interface ItemBoardCardsData {
  itemBoard: { campaign: BoardCampaign; columns: { state: string; items: ItemCard[] }[] };
}
