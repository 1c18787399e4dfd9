// Every card of a board for the screens that need them all (the approval queue, the unit pickers): the API gives a
// page of each column at a time (at most 200 cards a request), so this reads the first pages and then follows each
// column's cursor. Each request stays bounded; what the screen asks for in total is its own choice.
import { gql } from './client';

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The most cards a page may hold (the API's BOARD_MAX_PAGE_SIZE default). */
export const MAX_BOARD_PAGE = 200;

/**
 * `board` is a query with `$campaign` and `$first` answering `{ [root]: { campaign { id }, columns { [key], pageInfo, [list] } } }`;
 * `column` one with `$campaign`, `$first`, `$after` and the column's variable `[key]`, answering `{ [columnRoot]: { pageInfo, [list] } }`.
 */
export async function everyCard<N>(spec: { board: string; column: string; root: string; columnRoot: string; key: 'stage' | 'state'; list: 'cards' | 'items' }, campaign: string | null = null) {
  type Column = { pageInfo: PageInfo } & Record<string, unknown>;
  const data = await gql<Record<string, { campaign: { id: string } & Record<string, unknown>; columns: Column[] }>>(spec.board, { campaign, first: MAX_BOARD_PAGE });
  const board = data[spec.root];
  const nodes: N[] = [];
  for (const first of board.columns) {
    let column = first;
    nodes.push(...(column[spec.list] as N[]));
    // Bounded: a column of a million cards is 5,000 pages.
    for (let page = 0; page < 5000 && column.pageInfo.hasNextPage; page++) {
      const next = await gql<Record<string, Column>>(spec.column, { campaign: board.campaign.id, [spec.key]: first[spec.key], first: MAX_BOARD_PAGE, after: column.pageInfo.endCursor });
      column = next[spec.columnRoot];
      nodes.push(...(column[spec.list] as N[]));
    }
  }
  return { campaign: board.campaign, nodes };
}

/**
 * Every node of a paged list (`tasks`, `items`…): `document` takes `$first` and `$after` and answers
 * `{ campaign { id }, [root]: { pageInfo, edges { node } } }`; the cursor is followed to the end, at most 5,000 pages.
 */
export async function everyListed<N>(document: string, root: string, campaign: string | null = null) {
  type Page = { pageInfo: PageInfo; edges: { node: N }[] };
  const nodes: N[] = [];
  let after: string | null = null;
  let campaignOf: { id: string } | null = null;
  for (let page = 0; page < 5000; page++) {
    const data: Record<string, unknown> = await gql<Record<string, unknown>>(document, { campaign, first: MAX_BOARD_PAGE, after });
    campaignOf ??= data.campaign as { id: string };
    const list = data[root] as Page;
    nodes.push(...list.edges.map((e) => e.node));
    if (!list.pageInfo.hasNextPage) break;
    after = list.pageInfo.endCursor;
    // Later pages of the same campaign, whichever is the latest by then.
    campaign = campaignOf.id;
  }
  return { campaign: campaignOf!, nodes };
}
