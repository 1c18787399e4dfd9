// The board's cards and pages, as the board's documents (./documents.ts) read them.
import type { BoardCardFragment, ItemBoardColumnQuery, TaskBoardColumnQuery, TaskBoardQuery } from '../api/graphql.generated';
import type { ItemCard } from '../api/types';

export type Kind = 'task' | 'item';

/** A task card as the board holds it: the shared Card and the side actions (comment, evidence, reassign). */
export type TaskCard = BoardCardFragment;

export type AnyCard = TaskCard | ItemCard;

export type BoardCampaign = TaskBoardQuery['board']['campaign'];
export type TaskColumnPage = TaskBoardColumnQuery['boardColumn'];
export type ItemColumnPage = ItemBoardColumnQuery['itemBoardColumn'];
export type PageInfo = TaskColumnPage['pageInfo'];
