// One board's cards (tasks or items), a page per column: each column's count and first page, more of a column when
// asked (「加载更多」 or scrolling to its end), kept current by the live subscription while on screen, merged by id
// and version so that nothing flickers or doubles, and reloaded quietly now and then (and when the tab comes back)
// so that a card the person may no longer see — which nobody pushes — leaves the board. A reload reads again as many
// cards of each column as were on screen, never the whole board.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, gql, subscribe } from '../api/client';
import type { ItemBoardCardsQuery, ItemBoardChangedSubscription, ItemBoardColumnQuery, ItemBoardCountsQuery, TaskBoardChangedSubscription, TaskBoardColumnQuery, TaskBoardCountsQuery, TaskBoardQuery } from '../api/graphql.generated';
import {
  BOARD_PAGE,
  ITEM_BOARD_CARDS,
  ITEM_BOARD_CHANGED,
  ITEM_BOARD_COLUMN,
  ITEM_BOARD_COUNTS,
  TASK_BOARD,
  TASK_BOARD_CHANGED,
  TASK_BOARD_COLUMN,
  TASK_BOARD_COUNTS,
} from './documents';
import { columnOf, mergeCard, mergeLoad, removeCard, visibleTo } from './model';
import type { AnyCard, BoardCampaign, ItemColumnPage, Kind, PageInfo, TaskColumnPage } from './types';

/**
 * Nobody pushes the loss of a card (a task reassigned to another unit, an item handed back): a unit's small board
 * is read again every half minute; a board of everything, which such changes do not touch, every five minutes.
 */
const QUIET_RELOAD_MS = { unit: 30_000, all: 300_000 };

/** The most cards the API gives in one page (its BOARD_MAX_PAGE_SIZE default). */
const MAX_PAGE = 200;

/** A column as the API counted it, and where its next page begins. */
export interface ColumnState {
  count: number;
  pageInfo: PageInfo;
  loading: boolean;
}

export interface BoardData<C extends AnyCard> {
  cards: Map<string, C>;
  /** By column (stage or item state): the count over all pages, and whether more can be loaded. */
  columns: Map<string, ColumnState>;
  /** Under a filter, how many cards the whole board holds, matching or not (null without a filter). */
  unfilteredTotal: number | null;
  campaign: BoardCampaign | null;
  loading: boolean;
  error: ApiError | null;
  live: boolean;
  reload(): Promise<void>;
  /** The next page of one column. */
  loadMore(column: string): Promise<void>;
  /** A card from an answer to this person's own action. */
  put(card: C): void;
  /** A card this person can no longer act on or see (e.g. answered NOT_FOUND). */
  drop(id: string): void;
}

interface ColumnPage {
  column: string;
  count: number;
  pageInfo: PageInfo;
  cards: AnyCard[];
}

const fromTasks = (c: TaskColumnPage): ColumnPage => ({ column: c.stage, count: c.count, pageInfo: c.pageInfo, cards: c.cards });
const fromItems = (c: ItemColumnPage): ColumnPage => ({ column: c.state, count: c.count, pageInfo: c.pageInfo, cards: c.items });

/** The lists' filter (TaskFilter or ItemFilter) the API applies to every column; null for every card. */
export type ServerFilter = Record<string, unknown> | null;

async function columnPage(kind: Kind, campaign: string, column: string, after: string | null, first: number, filter: ServerFilter): Promise<ColumnPage> {
  if (kind === 'task') {
    const d = await gql<TaskBoardColumnQuery>(TASK_BOARD_COLUMN, { campaign, stage: column, first, after, filter });
    return fromTasks(d.boardColumn);
  }
  const d = await gql<ItemBoardColumnQuery>(ITEM_BOARD_COLUMN, { campaign, state: column, first, after, filter });
  return fromItems(d.itemBoardColumn);
}

/** The first page of every column, then more of a column until it has as many cards as `want` asks for it. */
async function load(kind: Kind, want: ReadonlyMap<string, number>, filter: ServerFilter): Promise<{ campaign: BoardCampaign; columns: ColumnPage[] }> {
  const board =
    kind === 'task'
      ? await gql<TaskBoardQuery>(TASK_BOARD, { first: BOARD_PAGE, filter }).then((d) => ({ campaign: d.board.campaign, columns: d.board.columns.map(fromTasks) }))
      : await gql<ItemBoardCardsQuery>(ITEM_BOARD_CARDS, { first: BOARD_PAGE, filter }).then((d) => ({ campaign: d.itemBoard.campaign, columns: d.itemBoard.columns.map(fromItems) }));
  const columns = await Promise.all(
    board.columns.map(async (page) => {
      const wanted = want.get(page.column) ?? 0;
      let column = page;
      // Bounded: each round adds at least one card, and at most `wanted / MAX_PAGE + 1` rounds are needed.
      for (let round = 0; round < 1000 && column.cards.length < wanted && column.pageInfo.hasNextPage; round++) {
        const next = await columnPage(kind, board.campaign.id, page.column, column.pageInfo.endCursor, Math.min(MAX_PAGE, wanted - column.cards.length), filter);
        column = { ...next, cards: [...column.cards, ...next.cards] };
      }
      return column;
    }),
  );
  return { campaign: board.campaign, columns };
}

/** How many cards the whole board holds, over every column, whatever the filter. */
async function boardTotal(kind: Kind): Promise<number> {
  const counts =
    kind === 'task'
      ? (await gql<TaskBoardCountsQuery>(TASK_BOARD_COUNTS, { filter: null })).board.columns
      : (await gql<ItemBoardCountsQuery>(ITEM_BOARD_COUNTS, { filter: null })).itemBoard.columns;
  return counts.reduce((n, c) => n + c.count, 0);
}

function columnStates(pages: readonly ColumnPage[]): Map<string, ColumnState> {
  return new Map(pages.map((p) => [p.column, { count: p.count, pageInfo: p.pageInfo, loading: false }]));
}

/**
 * `filter` is applied by the API (counts, pages and cursors are of the matching cards only); a new filter reads the
 * board afresh from each column's first page.
 */
export function useBoardData<C extends AnyCard>(kind: Kind, active: boolean, me: { role: string; unit: { code: string } | null }, filter: ServerFilter = null): BoardData<C> {
  const [cards, setCards] = useState<Map<string, C>>(() => new Map());
  const [columns, setColumns] = useState<Map<string, ColumnState>>(() => new Map());
  const [campaign, setCampaign] = useState<BoardCampaign | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [live, setLive] = useState(false);
  const [unfilteredTotal, setUnfilteredTotal] = useState<number | null>(null);
  const loadSeq = useRef(0);
  const meRef = useRef(me);
  useEffect(() => {
    meRef.current = me;
  }, [me]);
  const filterKey = JSON.stringify(filter);
  const filterRef = useRef(filter);
  /** The filter the cards on screen were read with: another one reads the board afresh. */
  const loadedWith = useRef(filterKey);
  // The latest cards, columns and campaign, for callbacks that must not re-subscribe when they change.
  const cardsRef = useRef(cards);
  const columnsRef = useRef(columns);
  const campaignRef = useRef(campaign);
  useEffect(() => {
    cardsRef.current = cards;
    columnsRef.current = columns;
    campaignRef.current = campaign;
  });

  const reload = useCallback((): Promise<void> => {
    const seq = ++loadSeq.current;
    const filter = filterRef.current;
    const key = JSON.stringify(filter);
    // As many cards of each column as are on screen now (at least a page); a new filter starts from the first pages.
    const want = new Map<string, number>();
    if (key === loadedWith.current) {
      for (const card of cardsRef.current.values()) {
        const column = columnOf(kind, card);
        want.set(column, (want.get(column) ?? 0) + 1);
      }
    }
    return Promise.all([load(kind, want, filter), filter ? boardTotal(kind) : null]).then(
      ([result, total]) => {
        if (seq !== loadSeq.current) return;
        loadedWith.current = key;
        setUnfilteredTotal(total);
        setLoaded(true);
        setCampaign(result.campaign);
        setCards((old) => mergeLoad(old, result.columns.flatMap((c) => c.cards) as C[]));
        setColumns(columnStates(result.columns));
        setError(null);
      },
      (err: unknown) => {
        if (seq === loadSeq.current) setError(err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL_SERVER_ERROR'));
      },
    );
  }, [kind]);

  const loadMore = useCallback(
    async (column: string): Promise<void> => {
      const state = columnsRef.current.get(column);
      const campaignId = campaignRef.current?.id;
      if (!state || state.loading || !state.pageInfo.hasNextPage || !campaignId) return;
      // The column's cursor belongs to the filter it was read with; a new one is on its way.
      if (JSON.stringify(filterRef.current) !== loadedWith.current) return;
      const mark = (loading: boolean) => setColumns((old) => new Map(old).set(column, { ...(old.get(column) ?? state), loading }));
      mark(true);
      columnsRef.current = new Map(columnsRef.current).set(column, { ...state, loading: true });
      try {
        const page = await columnPage(kind, campaignId, column, state.pageInfo.endCursor, BOARD_PAGE, filterRef.current);
        setCards((old) => (page.cards as C[]).reduce((m, card) => (visibleTo(kind, card, meRef.current) ? mergeCard(m, card) : m), old));
        setColumns((old) => new Map(old).set(column, { count: page.count, pageInfo: page.pageInfo, loading: false }));
      } catch (err) {
        mark(false);
        setError(err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL_SERVER_ERROR'));
      }
    },
    [kind],
  );

  // A live change of a card not on screen (new, or on a page not loaded) leaves the counts uncertain: read them
  // again, once for a burst of such changes.
  const countsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshCounts = useCallback(() => {
    if (countsTimer.current) return;
    countsTimer.current = setTimeout(() => {
      countsTimer.current = null;
      const campaignId = campaignRef.current?.id;
      if (!campaignId) return;
      const counts =
        kind === 'task'
          ? gql<TaskBoardCountsQuery>(TASK_BOARD_COUNTS, { campaign: campaignId, filter: filterRef.current }).then((d) => d.board.columns.map((c) => [c.stage, c.count] as const))
          : gql<ItemBoardCountsQuery>(ITEM_BOARD_COUNTS, { campaign: campaignId, filter: filterRef.current }).then((d) => d.itemBoard.columns.map((c) => [c.state, c.count] as const));
      counts.then(
        (pairs) =>
          setColumns((old) => {
            const next = new Map(old);
            for (const [column, count] of pairs) {
              const state = next.get(column);
              if (state) next.set(column, { ...state, count });
            }
            return next;
          }),
        () => undefined, // the next reload puts them right
      );
    }, 500);
  }, [kind]);
  useEffect(() => () => {
    if (countsTimer.current) clearTimeout(countsTimer.current);
  }, []);

  /** A card as it is now: moved between columns (counts follow), gone from this person's view, or new here. */
  const apply = useCallback(
    (card: C) => {
      const before = cardsRef.current.get(card.id);
      const visible = visibleTo(kind, card, meRef.current);
      if (before && before.version >= card.version) return;
      // The ref at once (a burst of changes to one card must each see the one before), the state as an update.
      const change = (m: Map<string, C>) => (visible ? mergeCard(m, card) : removeCard(m, card.id));
      cardsRef.current = change(cardsRef.current);
      setCards(change);
      if (!before) {
        if (visible) refreshCounts();
        return;
      }
      // Under a filter the card may have left or joined the matching ones: only the API can count them.
      if (filterRef.current) {
        refreshCounts();
        return;
      }
      const from = columnOf(kind, before);
      const to = visible ? columnOf(kind, card) : null;
      if (from === to) return;
      setColumns((old) => {
        const moved = new Map(old);
        const dec = moved.get(from);
        if (dec) moved.set(from, { ...dec, count: Math.max(0, dec.count - 1) });
        const inc = to === null ? undefined : moved.get(to);
        if (to !== null && inc) moved.set(to, { ...inc, count: inc.count + 1 });
        return moved;
      });
    },
    [kind, refreshCounts],
  );

  // Another filter: the board as the API filters it, from the first pages (what is on screen stays until it comes).
  useEffect(() => {
    filterRef.current = filter;
    if (active && filterKey !== loadedWith.current) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the filter's content
  }, [filterKey]);

  // On screen: load (quietly when cards are already there), then reload now and then and when the tab returns.
  const unitRole = me.role === 'UNIT_MEMBER' || me.role === 'UNIT_HEAD';
  useEffect(() => {
    if (!active) return;
    void reload();
    const timer = setInterval(
      () => {
        if (!document.hidden) void reload();
      },
      unitRole ? QUIET_RELOAD_MS.unit : QUIET_RELOAD_MS.all,
    );
    const onVisible = () => {
      if (!document.hidden) void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onVisible);
    };
  }, [active, reload, unitRole]);

  // Live changes of the campaign on screen.
  const campaignId = campaign?.id ?? null;
  useEffect(() => {
    if (!active || !campaignId) return;
    let stopped = false;
    let stop: () => void = () => undefined;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const onCard = (card: C) => {
      setLive(true);
      if (card.campaignId !== campaignId) return;
      apply(card);
    };
    const start = () => {
      stop =
        kind === 'task'
          ? subscribe<TaskBoardChangedSubscription>(TASK_BOARD_CHANGED, { campaign: campaignId }, (d) => onCard(d.boardChanged.task as unknown as C), onError)
          : subscribe<ItemBoardChangedSubscription>(ITEM_BOARD_CHANGED, { campaign: campaignId }, (d) => onCard(d.itemChanged.item as unknown as C), onError);
      setLive(true);
    };
    function onError() {
      if (stopped) return;
      setLive(false);
      stop();
      // Start again in a while, and catch up on what was missed meanwhile.
      retry = setTimeout(() => {
        if (stopped) return;
        start();
        void reload();
      }, 5_000);
    }
    start();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      stop();
    };
  }, [active, campaignId, kind, reload, apply]);

  const put = useCallback((card: C) => apply(card), [apply]);
  const drop = useCallback(
    (id: string) => {
      const before = cardsRef.current.get(id);
      if (!before) return;
      cardsRef.current = removeCard(cardsRef.current, id);
      setCards((old) => removeCard(old, id));
      const from = columnOf(kind, before);
      setColumns((old) => {
        const state = old.get(from);
        return state ? new Map(old).set(from, { ...state, count: Math.max(0, state.count - 1) }) : old;
      });
    },
    [kind],
  );

  return { cards, columns, unfilteredTotal, campaign, loading: !loaded && !error, error, live, reload, loadMore, put, drop };
}
