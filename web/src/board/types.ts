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

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface TaskColumnPage {
  stage: string;
  count: number;
  pageInfo: PageInfo;
  cards: TaskCard[];
}

export interface ItemColumnPage {
  state: string;
  count: number;
  pageInfo: PageInfo;
  items: ItemCard[];
}

export interface TaskBoardData {
  board: { campaign: BoardCampaign; columns: TaskColumnPage[] };
}

export interface ItemBoardCardsData {
  itemBoard: { campaign: BoardCampaign; columns: ItemColumnPage[] };
}
