// One board's cards (tasks or items): loaded once, kept current by the live subscription while on screen, merged by
// id and version so that nothing flickers or doubles, and reloaded quietly now and then (and when the tab comes
// back) so that a card the person may no longer see — which nobody pushes — leaves the board.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, gql, subscribe } from '../api/client';
import type { ItemCard } from '../api/types';
import { ITEM_BOARD_CARDS, ITEM_BOARD_CHANGED, TASK_BOARD, TASK_BOARD_CHANGED } from './documents';
import { mergeCard, mergeLoad, removeCard, visibleTo } from './model';
import type { AnyCard, BoardCampaign, ItemBoardCardsData, Kind, TaskBoardData, TaskCard } from './types';

/**
 * Nobody pushes the loss of a card (a task reassigned to another unit, an item handed back): a unit's small board
 * is read again every half minute; a board of everything, which such changes do not touch, every five minutes.
 */
const QUIET_RELOAD_MS = { unit: 30_000, all: 300_000 };

export interface BoardData<C extends AnyCard> {
  cards: Map<string, C>;
  campaign: BoardCampaign | null;
  loading: boolean;
  error: ApiError | null;
  live: boolean;
  reload(): Promise<void>;
  /** A card from an answer to this person's own action. */
  put(card: C): void;
  /** A card this person can no longer act on or see (e.g. answered NOT_FOUND). */
  drop(id: string): void;
}

async function load(kind: Kind): Promise<{ campaign: BoardCampaign; cards: AnyCard[] }> {
  if (kind === 'task') {
    const data = await gql<TaskBoardData>(TASK_BOARD);
    return { campaign: data.board.campaign, cards: data.board.columns.flatMap((c) => c.cards) };
  }
  const data = await gql<ItemBoardCardsData>(ITEM_BOARD_CARDS);
  return { campaign: data.itemBoard.campaign, cards: data.itemBoard.columns.flatMap((c) => c.items) };
}

export function useBoardData<C extends AnyCard>(kind: Kind, active: boolean, me: { role: string; unit: { code: string } | null }): BoardData<C> {
  const [cards, setCards] = useState<Map<string, C>>(() => new Map());
  const [campaign, setCampaign] = useState<BoardCampaign | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [live, setLive] = useState(false);
  const loadSeq = useRef(0);
  const meRef = useRef(me);
  useEffect(() => {
    meRef.current = me;
  }, [me]);

  const reload = useCallback((): Promise<void> => {
    const seq = ++loadSeq.current;
    return load(kind).then(
      (result) => {
        if (seq !== loadSeq.current) return;
        setLoaded(true);
        setCampaign(result.campaign);
        setCards((old) => mergeLoad(old, result.cards as C[]));
        setError(null);
      },
      (err: unknown) => {
        if (seq === loadSeq.current) setError(err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL_SERVER_ERROR'));
      },
    );
  }, [kind]);

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
      setCards((old) => (visibleTo(kind, card, meRef.current) ? mergeCard(old, card) : removeCard(old, card.id)));
    };
    const start = () => {
      stop =
        kind === 'task'
          ? subscribe<{ boardChanged: { task: TaskCard } }>(TASK_BOARD_CHANGED, { campaign: campaignId }, (d) => onCard(d.boardChanged.task as unknown as C), onError)
          : subscribe<{ itemChanged: { item: ItemCard } }>(ITEM_BOARD_CHANGED, { campaign: campaignId }, (d) => onCard(d.itemChanged.item as unknown as C), onError);
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
  }, [active, campaignId, kind, reload]);

  const put = useCallback((card: C) => {
    setCards((old) => (visibleTo(kind, card, meRef.current) ? mergeCard(old, card) : removeCard(old, card.id)));
  }, [kind]);
  const drop = useCallback((id: string) => setCards((old) => removeCard(old, id)), []);

  return { cards, campaign, loading: !loaded && !error, error, live, reload, put, drop };
}
