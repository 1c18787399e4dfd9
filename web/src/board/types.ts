// The board's cards and pages, as the board's documents (./documents.ts) read them.
import type { BoardCardFragment, BoardItemCardFragment, ItemBoardColumnQuery, TaskBoardColumnQuery, TaskBoardQuery } from '../api/graphql.generated';

export type Kind = 'task' | 'item';

/** A task card as the board holds it: the shared Card, the side actions and where it may be dropped. */
export type TaskCard = BoardCardFragment;
/** An item card as the board holds it: the shared ItemCard and where it may be dropped. */
export type BoardItemCard = BoardItemCardFragment;

export type AnyCard = TaskCard | BoardItemCard;

export type BoardCampaign = TaskBoardQuery['board']['campaign'];
export type TaskColumnPage = TaskBoardColumnQuery['boardColumn'];
export type ItemColumnPage = ItemBoardColumnQuery['itemBoardColumn'];
export type PageInfo = TaskColumnPage['pageInfo'];
