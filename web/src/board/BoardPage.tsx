// 任务看板: indicator tasks by stage, or rectification items by state, with swimlanes, filters and search. Cards
// move by dragging (pointer or keyboard) only where the card's allowed actions lead; an action that needs input
// opens its form; the card moves at once and comes back, with the API's reason, if the API refuses. Changes by
// others arrive live. The detail drawer opens from the route (`card`, `kind`) and reports actions back here.
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Alert, App as AntApp, Badge, Button, Checkbox, Input, Radio, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { ApiError, gql } from '../api/client';
import { downloadExported } from '../api/files';
import type { ExportLocalReportsQuery } from '../api/graphql.generated';
import { ActionModal, type ActionRequest } from '../actions/ActionModal';
import { completeWith, runAction, type ActionValues } from '../actions/run';
import { specOf } from '../actions/specs';
import { useI18n, useWords } from '../i18n';
import { useMe } from '../session/session';
import { routeHref, type Route } from '../shell/navigation';
import { navigate } from '../shell/useRoute';
import { cardName, DragPreview } from './BoardCard';
import { BoardGrid, type DragState, type Lane } from './BoardGrid';
import { EXPORT_LOCAL_REPORTS, ITEM_CARD_QUERY, TASK_CARD } from './documents';
import { columnKeyboardCoordinates } from './keyboard';
import {
  columnOf,
  columnsOf,
  compareCards,
  filtersActive,
  LANE_MODES,
  laneOf,
  matches,
  moveTo,
  movesFor,
  presetOf,
  NO_FILTERS,
  serverFilter,
  shanghaiDay,
  type Column,
  type Filters,
  type LaneMode,
  type Move,
} from './model';
import type { AnyCard, BoardItemCard, Kind, TaskCard } from './types';
import { useBoardData } from './useBoardData';
import { AREA_WORDS, CLASSIFICATION_WORDS, fill, SOURCE_WORDS, WORDS } from '../i18n/board';
import './board.css';
import type { ItemCardOneQuery, TaskCardQuery, UnitsQuery } from '../api/graphql.generated';
import { UNITS } from '../api/documents';

const CardDrawer = lazy(() => import('../detail/CardDrawer'));

const LANE_KEY = 'chuangwen.board.lanes';

function useToday(): string {
  const [today, setToday] = useState(() => shanghaiDay(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setToday(shanghaiDay(Date.now())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

function storedLanes(): Record<Kind, LaneMode> {
  try {
    const saved = JSON.parse(localStorage.getItem(LANE_KEY) ?? '{}') as Partial<Record<Kind, LaneMode>>;
    return {
      task: saved.task && LANE_MODES.task.includes(saved.task) ? saved.task : 'none',
      item: saved.item && LANE_MODES.item.includes(saved.item) ? saved.item : 'none',
    };
  } catch {
    return { task: 'none', item: 'none' };
  }
}

/** Pointer drops go where the pointer is; keyboard drops (no pointer) where the card's rectangle is. */
const collisions: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length ? within : rectIntersection(args);
};

/** What a lane is called, in the chosen language. */
function laneLabel(kind: Kind, mode: LaneMode, key: string, label: string | null, locale: 'zh' | 'en'): string | null {
  if (mode === 'none') return null;
  if (mode === 'area') return key ? (AREA_WORDS[key]?.[locale] ?? key) : WORDS.noArea[locale];
  if (mode === 'source') return SOURCE_WORDS[key]?.[locale] ?? label ?? key;
  if (mode === 'unit' && kind === 'item' && !key) return WORDS.waitingDispatch[locale];
  return label ?? WORDS.noLane[locale];
}

/** One card as this person sees it now. */
/** A code's words as a Select's options, in the chosen language. */
function wordOptions(words: Record<string, { zh: string; en: string }>, locale: 'zh' | 'en'): { value: string; label: string }[] {
  return Object.entries(words).map(([value, w]) => ({ value, label: w[locale] }));
}

interface ChoiceFilterProps {
  name: 'classification' | 'source' | 'area' | 'unit';
  filters: Filters;
  set(patch: Partial<Filters>): void;
  label: string;
  /** What the cleared filter says: every card. */
  placeholder: string;
  options: { value: string; label: string }[];
  /** Many options: typing narrows them by their label. */
  searchable?: boolean;
}

/** A filter keeping the cards of one choice (a classification, a source, an area, a unit); cleared, it keeps all. */
function ChoiceFilter({ name, filters, set, label, placeholder, options, searchable = false }: ChoiceFilterProps) {
  return (
    <Select
      className="board-select"
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      value={filters[name]}
      onChange={(v: string | undefined) => set({ [name]: v ?? null })}
      placeholder={placeholder}
      aria-label={label}
      options={options}
    />
  );
}

function fetchCard(kind: Kind, id: string): Promise<AnyCard> {
  return kind === 'task'
    ? gql<TaskCardQuery>(TASK_CARD, { id }).then((d) => d.indicatorTask)
    : gql<ItemCardOneQuery>(ITEM_CARD_QUERY, { id }).then((d) => d.rectificationItem);
}

/** A card dropped or on its way: where it shows meanwhile (null: where it is), and whether it is being saved. */
interface Pending {
  column: Column | null;
  saving: boolean;
}

/** How long the board waits after the last keystroke or choice before asking the API for the filtered board. */
const SEARCH_PAUSE_MS = 300;
/** The API's limit on a search (src/platform/database/database.helpers.ts). */
const SEARCH_MAX_CHARS = 100;

/** `value` once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const unitRoleOf = (role: string) => role === 'UNIT_MEMBER' || role === 'UNIT_HEAD';

/** Every unit for the unit filter, from the organisation (not from the cards loaded so far); none for a unit's people. */
function useUnitOptions(wanted: boolean): { value: string; label: string }[] {
  const [units, setUnits] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    gql<UnitsQuery>(UNITS)
      .then((d) => live && setUnits(d.units.map((u) => ({ value: u.code, label: u.name }))))
      .catch(() => undefined); // without the list the filter offers nothing; the board itself still works
    return () => {
      live = false;
    };
  }, [wanted]);
  return units;
}

export default function BoardPage({ route }: { route: Route }) {
  const t = useWords(WORDS);
  const { locale } = useI18n();
  const me = useMe();
  const { message } = AntApp.useApp();
  const today = useToday();

  const view: Kind = route.params.get('view') === 'items' ? 'item' : 'task';
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const deferredFilters = useDeferredValue(filters);
  // The API filters the whole board (not only the cards loaded so far); typing waits for a pause before asking it.
  const asked = useSettled(filters, SEARCH_PAUSE_MS);
  const taskFilter = useMemo(() => serverFilter('task', asked, today), [asked, today]);
  const itemFilter = useMemo(() => serverFilter('item', asked, today), [asked, today]);
  const tasks = useBoardData<TaskCard>('task', view === 'task', me, taskFilter);
  const items = useBoardData<BoardItemCard>('item', view === 'item', me, itemFilter);
  const data = view === 'task' ? tasks : items;
  const cards = data.cards as Map<string, AnyCard>;

  const [lanes, setLanes] = useState<Record<Kind, LaneMode>>(storedLanes);
  const laneMode = lanes[view];
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [pending, setPending] = useState<Map<string, Pending>>(() => new Map());
  const [modal, setModal] = useState<{ request: ActionRequest; move: Move | null } | null>(null);
  const [dragging, setDragging] = useState<(DragState & { id: string }) | null>(null);
  const [notice, setNotice] = useState<{ type: 'error' | 'info'; text: string } | null>(null);

  const setLaneMode = (mode: LaneMode) => {
    const next = { ...lanes, [view]: mode };
    setLanes(next);
    localStorage.setItem(LANE_KEY, JSON.stringify(next));
  };

  /* ---------- What is on screen ---------- */

  const columns = columnsOf(view);
  const board = useMemo(() => {
    const counts = new Map<Column, { shown: number; total: number }>(columns.map((c) => [c, { shown: 0, total: 0 }]));
    const byLane = new Map<string, Lane>();
    if (laneMode === 'none') byLane.set('all', { key: 'all', label: null, total: 0, cells: new Map() });
    for (const card of cards.values()) {
      const column = pending.get(card.id)?.column ?? columnOf(view, card);
      const count = counts.get(column);
      if (!count) continue;
      count.total += 1;
      if (!matches(view, card, deferredFilters, today)) continue;
      count.shown += 1;
      const { key, label } = laneOf(view, laneMode, card);
      let lane = byLane.get(key);
      if (!lane) {
        lane = { key, label: laneLabel(view, laneMode, key, label, locale), total: 0, cells: new Map() };
        byLane.set(key, lane);
      }
      lane.total += 1;
      const cell = lane.cells.get(column);
      if (cell) cell.push(card);
      else lane.cells.set(column, [card]);
    }
    for (const lane of byLane.values()) for (const cell of lane.cells.values()) cell.sort((a, b) => compareCards(view, a, b));
    // A column's total is the API's count over all its pages, not only the cards loaded so far.
    for (const [column, count] of counts) {
      const state = data.columns.get(column);
      if (state) count.total = Math.max(state.count, count.total);
    }
    const laneList = [...byLane.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : (a.label ?? '').localeCompare(b.label ?? '', 'zh-CN')));
    return { counts, lanes: laneList };
  }, [cards, pending, deferredFilters, laneMode, view, today, columns, locale, data.columns]);

  const shown = useMemo(() => [...board.counts.values()].reduce((n, c) => n + c.shown, 0), [board]);
  /** Every card of the board, loaded or not (the columns' counts; under a filter, the whole board's as the API counts it). */
  const total = useMemo(() => data.unfilteredTotal ?? [...board.counts.values()].reduce((n, c) => n + c.total, 0), [board, data.unfilteredTotal]);
  /** Cards of each column loaded so far, whatever the filters: what「加载更多」adds to. */
  const loadedPerColumn = useMemo(() => {
    const loaded = new Map<Column, number>();
    for (const card of cards.values()) {
      const column = columnOf(view, card);
      loaded.set(column, (loaded.get(column) ?? 0) + 1);
    }
    return loaded;
  }, [cards, view]);
  const units = useUnitOptions(!unitRoleOf(me.role));

  /* ---------- Taking actions ---------- */

  const cardsRef = useRef({ task: tasks, item: items });
  useEffect(() => {
    cardsRef.current = { task: tasks, item: items };
  });

  const perform = useCallback(
    async (kind: Kind, card: AnyCard, action: string, values: ActionValues, move: Move | null) => {
      const spec = specOf(kind, action);
      const label = spec?.label[locale] ?? action;
      setPending((old) => new Map(old).set(card.id, { column: move?.immediate ? move.target : null, saving: true }));
      const target = cardsRef.current[kind];
      try {
        const updated = await runAction(kind, card, action, values);
        (target.put as (c: AnyCard) => void)(updated);
        const landed = columnOf(kind, updated);
        if (move?.immediate && landed !== move.target) void message.info(fill(t('movedElsewhere'), { action: label, column: t(landed) }));
        else void message.success(fill(t('done'), { action: label }));
        setNotice(null);
      } catch (err) {
        const error = err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL_SERVER_ERROR');
        // Someone acted first, or the card left this person's sight: show the board as it now is.
        if (error.code === 'CONFLICT' || error.code === 'ILLEGAL_TRANSITION' || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') void target.reload();
        throw error;
      } finally {
        setPending((old) => {
          const next = new Map(old);
          next.delete(card.id);
          return next;
        });
      }
    },
    [locale, message, t],
  );

  /** An action asked for from a drop, the card's menu or the drawer. */
  const request = useCallback(
    (kind: Kind, card: AnyCard, action: string, move: Move | null) => {
      const spec = specOf(kind, action);
      if (!spec) return;
      const preset = move ? presetOf(move) : {};
      if (move && completeWith(spec, preset)) {
        perform(kind, card, action, preset, move).catch((err: ApiError) => setNotice({ type: 'error', text: err.message }));
        return;
      }
      // Dropped where it goes: it stays there while the form is open, and goes back if the form is cancelled.
      if (move?.immediate) setPending((old) => new Map(old).set(card.id, { column: move.target, saving: false }));
      setModal({ request: { kind, card, action, preset }, move });
    },
    [perform],
  );

  const cancelModal = useCallback(() => {
    const id = modal?.request.card.id;
    setModal(null);
    if (id)
      setPending((old) => {
        if (!old.has(id) || old.get(id)?.saving) return old;
        const next = new Map(old);
        next.delete(id);
        return next;
      });
  }, [modal]);

  // The cards' menus call the latest `request` through a ref, so that the memoised cards do not re-render when
  // this screen does.
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  }, [request]);
  const onMenuAction = useCallback((kind: Kind, card: AnyCard, action: string) => requestRef.current(kind, card, action, null), []);

  const submitModal = useCallback(
    async (values: ActionValues) => {
      if (!modal) return;
      const { request: asked, move } = modal;
      try {
        await perform(asked.kind, asked.card, asked.action, values, move);
        setModal(null);
      } catch (err) {
        // Someone acted first: a second try acts on the card as it now stands (if the action is still allowed).
        if (err instanceof ApiError && err.code === 'CONFLICT') {
          const fresh = await fetchCard(asked.kind, asked.card.id).catch(() => null);
          if (fresh) setModal((m) => (m && m.request.card.id === fresh.id ? { ...m, request: { ...m.request, card: fresh } } : m));
        }
        throw err;
      }
    },
    [modal, perform],
  );

  /* ---------- Dragging ---------- */

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }));

  const onDragStart = ({ active }: DragStartEvent) => {
    const card = cards.get(String(active.id));
    if (!card) return;
    setNotice(null);
    setDragging({ id: card.id, from: columnOf(view, card), targets: new Set(movesFor(card).map((m) => m.target)) });
  };

  const refusal = (card: AnyCard, target: Column): string => {
    const name = cardName(view, card);
    const moves = movesFor(card);
    if (pending.has(card.id)) return fill(t('refusedPending'), { name });
    if (moves.length) {
      const seen = new Set<string>();
      const targets = moves
        .filter((m) => !seen.has(m.target) && seen.add(m.target))
        .map((m) => fill(t('targetItem'), { column: t(m.target), action: specOf(view, m.action)?.label[locale] ?? m.action }))
        .join('、');
      return fill(t('refusedTarget'), { name, column: t(target), targets });
    }
    if (view === 'task' && (card as TaskCard).awaitingReview) return fill(t('refusedAwaiting'), { name, review: t((card as TaskCard).awaitingReview as 'SELF_CHECK_REVIEW') });
    return fill(t('refusedNothing'), { name, column: t(target), stage: t(columnOf(view, card)) });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const card = cards.get(String(active.id));
    const target = (over?.data.current as { column?: Column } | undefined)?.column;
    if (!card || !target || target === columnOf(view, card)) return;
    const move = pending.has(card.id) ? null : moveTo(card, target);
    if (!move) {
      setNotice({ type: 'error', text: refusal(card, target) });
      return;
    }
    request(view, card, move.action, move);
  };

  const nameOf = (id: string | number) => {
    const card = cards.get(String(id));
    return card ? cardName(view, card) : '';
  };
  const columnOfOver = (over: { data: { current?: unknown } } | null) => (over?.data.current as { column?: Column } | undefined)?.column;
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const card = cards.get(String(active.id));
      if (!card) return undefined;
      const targets = [...new Set(movesFor(card).map((m) => t(m.target)))];
      return targets.length ? fill(t('pickedUp'), { name: cardName(view, card), targets: targets.join('、') }) : fill(t('pickedUpNowhere'), { name: cardName(view, card) });
    },
    onDragOver: ({ active, over }) => {
      const column = columnOfOver(over);
      if (!column) return undefined;
      const card = cards.get(String(active.id));
      const allowed = card ? !!moveTo(card, column) : false;
      return fill(t('overColumn'), { column: t(column), allowed: allowed ? t('overAllowed') : t('overDenied') });
    },
    onDragEnd: ({ active }) => fill(t('dropped'), { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => fill(t('cancelled'), { name: nameOf(active.id) }),
  };

  /* ---------- The drawer ---------- */

  const openId = route.params.get('card');
  const openKind: Kind = route.params.get('kind') === 'item' ? 'item' : 'task';
  const openCard = openId ? (openKind === 'task' ? tasks.cards.get(openId) : items.cards.get(openId)) : undefined;
  const closeDrawer = useCallback(() => navigate(routeHref('board', { view: view === 'item' ? 'items' : null })), [view]);
  const drawerAction = useCallback(
    (action: string) => {
      if (!openId) return;
      const known = cardsRef.current[openKind].cards.get(openId);
      if (known) {
        request(openKind, known, action, null);
        return;
      }
      fetchCard(openKind, openId)
        .then((card) => request(openKind, card, action, null))
        .catch((err: ApiError) => setNotice({ type: 'error', text: err.message }));
    },
    [openId, openKind, request],
  );

  /* ---------- The screen ---------- */

  const switchView = (next: Kind) => {
    setNotice(null);
    navigate(routeHref('board', { view: next === 'item' ? 'items' : null }));
  };
  const activeCard = dragging ? cards.get(dragging.id) : undefined;
  const pendingStates = useMemo(() => new Map([...pending].map(([id, p]) => [id, p.saving ? ('saving' as const) : ('held' as const)])), [pending]);
  const unitRole = unitRoleOf(me.role);
  const laneWords: Record<LaneMode, string> = { none: t('laneNone'), unit: t('laneUnit'), item: t('laneItem'), area: t('laneArea'), source: t('laneSource') };
  const set = (patch: Partial<Filters>) => setFilters((old) => ({ ...old, ...patch }));
  const anyFilter = filtersActive(filters);

  return (
    <div className="board-page" data-view={view}>
      <div className="board-toolbar">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={view}
          onChange={(e) => switchView(e.target.value as Kind)}
          aria-label={t('viewSwitch')}
          options={[
            { value: 'task', label: t('viewTasks') },
            { value: 'item', label: t('viewItems') },
          ]}
        />
        <Input
          className="board-search"
          type="search"
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          value={filters.search}
          maxLength={SEARCH_MAX_CHARS}
          onChange={(e) => set({ search: e.target.value })}
          placeholder={view === 'task' ? t('searchTasks') : t('searchItems')}
          aria-label={t('search')}
        />
        <Button className="board-filter-toggle" icon={<FilterOutlined />} aria-expanded={filtersOpen} onClick={() => setFiltersOpen((o) => !o)}>
          <Badge dot={anyFilter} offset={[6, -2]}>
            {t('filters')}
          </Badge>
        </Button>
        <div className={`board-filters${filtersOpen ? ' open' : ''}`}>
          <Select
            className="board-select"
            value={laneMode}
            onChange={setLaneMode}
            aria-label={t('lanes')}
            options={LANE_MODES[view].map((mode) => ({ value: mode, label: laneWords[mode] }))}
          />
          {view === 'task' ? (
            <ChoiceFilter
              name="classification"
              filters={filters}
              set={set}
              label={t('classification')}
              placeholder={t('allClassifications')}
              options={[...wordOptions(CLASSIFICATION_WORDS, locale), { value: 'NONE', label: t('unclassified') }]}
            />
          ) : (
            <ChoiceFilter name="source" filters={filters} set={set} label={t('source')} placeholder={t('allSources')} options={wordOptions(SOURCE_WORDS, locale)} />
          )}
          {view === 'item' && filters.source === 'LOCAL_REPORT' && (
            // 属地上报 chosen: the whole list as a workbook (the API gives a community or village only its own).
            <Tooltip title={t('exportLocalReportsHint')}>
              <Button
                icon={<DownloadOutlined />}
                data-testid="export-local-reports"
                onClick={() =>
                  gql<ExportLocalReportsQuery>(EXPORT_LOCAL_REPORTS, { campaignId: data.campaign?.id ?? null })
                    .then((d) => downloadExported(d.exportLocalReports))
                    .catch((err: ApiError) => setNotice({ type: 'error', text: err.message }))
                }
              >
                {t('exportLocalReports')}
              </Button>
            </Tooltip>
          )}
          <ChoiceFilter name="area" filters={filters} set={set} label={t('area')} placeholder={t('allAreas')} options={wordOptions(AREA_WORDS, locale)} />
          {!unitRole && <ChoiceFilter name="unit" filters={filters} set={set} label={t('unit')} placeholder={t('allUnits')} options={units} searchable />}
          <Checkbox checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
            {t('overdue')}
          </Checkbox>
          <Checkbox checked={filters.dueThisWeek} onChange={(e) => set({ dueThisWeek: e.target.checked })}>
            {t('dueThisWeek')}
          </Checkbox>
          <Checkbox checked={filters.keyDifficult} onChange={(e) => set({ keyDifficult: e.target.checked })}>
            {t('keyDifficult')}
          </Checkbox>
          {anyFilter && (
            <Button size="small" type="link" onClick={() => setFilters(NO_FILTERS)}>
              {t('clearFilters')}
            </Button>
          )}
        </div>
        <Space size="small" className="board-status">
          <Typography.Text type="secondary" data-testid="board-count" aria-live="polite">
            {fill(t('shownOf'), { shown, total })}
          </Typography.Text>
          <Tooltip title={data.live ? t('liveOn') : t('liveOff')}>
            <span className={`board-live ${data.live ? 'on' : 'off'}`} role="status" aria-label={data.live ? t('liveOn') : t('liveOff')} />
          </Tooltip>
        </Space>
      </div>

      {notice && (
        <Alert
          className="board-notice"
          type={notice.type}
          showIcon
          closable={{ 'aria-label': t('close') }}
          title={notice.text}
          onClose={() => setNotice(null)}
          role="alert"
          data-testid="board-notice"
        />
      )}
      {data.error && (
        <Alert
          className="board-notice"
          type="error"
          showIcon
          role="alert"
          title={fill(t('loadFailed'), { message: data.error.message })}
          action={
            <Button size="small" onClick={() => void data.reload()}>
              {t('retry')}
            </Button>
          }
        />
      )}

      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('dragInstructions') } }}
        autoScroll={{ threshold: { x: 0.15, y: 0.15 } }}
      >
        <div className="board-scroll" role="region" aria-label={`${t('board')} · ${view === 'task' ? t('viewTasks') : t('viewItems')}`} aria-busy={data.loading}>
          {data.loading && cards.size === 0 ? (
            <Spin tip={t('loading')}>
              <div className="board-loading" />
            </Spin>
          ) : (
            <BoardGrid
              kind={view}
              columns={columns}
              lanes={board.lanes}
              counts={board.counts}
              pages={data.columns}
              loaded={loadedPerColumn}
              today={today}
              pending={pendingStates}
              dragging={dragging}
              onAction={onMenuAction}
              onLoadMore={data.loadMore}
            />
          )}
        </div>
        <DragOverlay dropAnimation={null}>{activeCard ? <DragPreview kind={view} card={activeCard} today={today} /> : null}</DragOverlay>
      </DndContext>

      <ActionModal request={modal?.request ?? null} onCancel={cancelModal} onSubmit={submitModal} />
      <Suspense fallback={null}>
        <CardDrawer kind={openKind} id={openId} version={openCard?.version} onClose={closeDrawer} onAction={drawerAction} />
      </Suspense>
    </div>
  );
}
