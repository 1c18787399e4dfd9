// The columns (stages or item states) and the swimlanes, each cell a drop target. Cells show their first cards
// and「显示更多」for the rest, so that a board of thousands of cards renders at once and scrolls smoothly. The API
// gives a page of each column at a time: the column's end has「加载更多」, which also loads by itself when scrolled to.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { Button } from 'antd';
import { useWords } from '../i18n';
import { BoardCard } from './BoardCard';
import type { Column } from './model';
import type { ColumnState } from './useBoardData';
import type { AnyCard, Kind } from './types';
import { fill, WORDS } from '../i18n/board';

export interface Lane {
  key: string;
  label: string | null;
  total: number;
  cells: Map<Column, AnyCard[]>;
}

export interface DragState {
  from: Column;
  targets: Set<Column>;
}

interface GridProps {
  kind: Kind;
  columns: readonly Column[];
  lanes: Lane[];
  counts: Map<Column, { shown: number; total: number }>;
  today: string;
  pending: ReadonlyMap<string, 'held' | 'saving'>;
  dragging: DragState | null;
  onAction(kind: Kind, card: AnyCard, action: string): void;
  /** Each column's count over all pages and whether it has more to load; cards loaded per column. */
  pages: ReadonlyMap<string, ColumnState>;
  loaded: ReadonlyMap<Column, number>;
  onLoadMore(column: string): Promise<void>;
}

/** Cards shown at first in a cell, and how many more each「显示更多」adds. */
export const PAGE = { single: 30, lanes: 6 };

export function BoardGrid({ kind, columns, lanes, counts, today, pending, dragging, onAction, pages, loaded, onLoadMore }: GridProps) {
  const t = useWords(WORDS);
  const [limits, setLimits] = useState<Record<string, number>>({});
  const single = lanes.length === 1 && lanes[0].label === null;
  const page = single ? PAGE.single : PAGE.lanes;
  const onMore = useCallback((cell: string) => setLimits((old) => ({ ...old, [cell]: (old[cell] ?? page) + page })), [page]);
  return (
    <div className="board-grid" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(208px, 1fr))`, ['--columns' as string]: columns.length }} data-kind={kind}>
      {columns.map((column) => {
        const count = counts.get(column) ?? { shown: 0, total: 0 };
        const state = dragging ? (dragging.from === column ? 'from' : dragging.targets.has(column) ? 'allowed' : 'denied') : null;
        return (
          <div key={column} className={`board-column-head${state ? ` drop-${state}` : ''}`} data-column={column}>
            <span className="column-title">{t(column)}</span>
            <span className="column-count" aria-hidden>
              {count.shown === count.total ? count.total : `${count.shown}/${count.total}`}
            </span>
          </div>
        );
      })}
      {lanes.map((lane, index) => (
        <LaneRow
          key={lane.key}
          eager={index < 2}
          kind={kind}
          lane={lane}
          single={single}
          columns={columns}
          today={today}
          pending={pending}
          dragging={dragging}
          limits={limits}
          page={page}
          onMore={onMore}
          onAction={onAction}
        />
      ))}
      {columns.map((column) => (
        <ColumnEnd key={`end::${column}`} column={column} state={pages.get(column)} loaded={loaded.get(column) ?? 0} onLoadMore={onLoadMore} />
      ))}
    </div>
  );
}

/**
 * The end of a column: when the API has more of it,「加载更多」, which also loads the next page by itself when it
 * is scrolled into view.
 */
function ColumnEnd({ column, state, loaded, onLoadMore }: { column: Column; state: ColumnState | undefined; loaded: number; onLoadMore(column: string): Promise<void> }) {
  const t = useWords(WORDS);
  const ref = useRef<HTMLDivElement>(null);
  const more = state?.pageInfo.hasNextPage ?? false;
  const loading = state?.loading ?? false;
  // Only when the end comes into view, not again while it stays there: cells show their first cards only, so the
  // end may stay in view after a page is loaded, and loading on would read the whole column.
  useEffect(() => {
    const el = ref.current;
    if (!el || !more) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void onLoadMore(column);
      },
      { root: el.closest('.board-scroll'), rootMargin: '200px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [column, more, onLoadMore]);
  return (
    <div ref={ref} className="board-column-end" data-column={column}>
      {more && (
        <Button block size="small" className="column-load-more" loading={loading} onClick={() => void onLoadMore(column)}>
          {fill(t('loadMore'), { n: Math.max(0, (state?.count ?? 0) - loaded) })}
        </Button>
      )}
    </div>
  );
}

interface LaneProps {
  /** Rendered at once; the others when they come near the screen. */
  eager: boolean;
  kind: Kind;
  lane: Lane;
  single: boolean;
  columns: readonly Column[];
  today: string;
  pending: ReadonlyMap<string, 'held' | 'saving'>;
  dragging: DragState | null;
  limits: Record<string, number>;
  page: number;
  onMore(cell: string): void;
  onAction(kind: Kind, card: AnyCard, action: string): void;
}

function LaneRow({ eager, kind, lane, single, columns, today, pending, dragging, limits, page, onMore, onAction }: LaneProps) {
  const [near, setNear] = useState(eager);
  const placeholder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = placeholder.current;
    if (near || !el) return;
    // Within the board's own scrolling area, a screen ahead.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { root: el.closest('.board-scroll'), rootMargin: '600px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  const head = !single && (
    <div className="board-lane-head" role="heading" aria-level={3} style={{ gridColumn: `1 / span ${columns.length}` }}>
      <span className="lane-title">{lane.label}</span>
      <span className="lane-count">{lane.total}</span>
    </div>
  );
  if (!near) {
    // Far below: its heading and the room its cards will take, until it is scrolled near.
    const tallest = Math.max(0, ...[...lane.cells.values()].map((cards) => Math.min(cards.length, page)));
    return (
      <>
        {head}
        <div ref={placeholder} className="board-lane-placeholder" style={{ gridColumn: `1 / span ${columns.length}`, height: 40 + tallest * 130 }} />
      </>
    );
  }
  return (
    <>
      {head}
      {columns.map((column) => {
        const id = `${lane.key}::${column}`;
        return (
          <DropCell
            key={id}
            id={id}
            kind={kind}
            column={column}
            laneLabel={single ? null : lane.label}
            cards={lane.cells.get(column) ?? []}
            limit={limits[id] ?? page}
            today={today}
            pending={pending}
            state={dragging ? (dragging.from === column ? 'from' : dragging.targets.has(column) ? 'allowed' : 'denied') : null}
            onMore={onMore}
            onAction={onAction}
          />
        );
      })}
    </>
  );
}

interface CellProps {
  id: string;
  kind: Kind;
  column: Column;
  laneLabel: string | null;
  cards: AnyCard[];
  limit: number;
  today: string;
  pending: ReadonlyMap<string, 'held' | 'saving'>;
  state: 'from' | 'allowed' | 'denied' | null;
  onMore(cell: string): void;
  onAction(kind: Kind, card: AnyCard, action: string): void;
}

const DropCell = memo(function DropCell({ id, kind, column, laneLabel, cards, limit, today, pending, state, onMore, onAction }: CellProps) {
  const t = useWords(WORDS);
  const { setNodeRef, isOver } = useDroppable({ id, data: { column } });
  const shown = cards.slice(0, limit);
  const label = fill(t('columnCount'), { label: laneLabel ? `${laneLabel} · ${t(column)}` : t(column), n: cards.length });
  const className = ['board-cell', state ? `drop-${state}` : '', isOver ? 'drop-over' : ''].filter(Boolean).join(' ');
  return (
    <section ref={setNodeRef} className={className} aria-label={label} data-column={column}>
      {shown.length === 0 ? (
        // In swimlanes, an empty cell is only room to drop on; the text would repeat on every lane.
        <p className={laneLabel ? 'cell-empty visually-hidden' : 'cell-empty'}>{t('empty')}</p>
      ) : (
        <ul className="cell-cards">
          {shown.map((card) => (
            <li key={card.id}>
              <BoardCard kind={kind} card={card} today={today} pending={pending.get(card.id) ?? null} onAction={onAction} />
            </li>
          ))}
        </ul>
      )}
      {cards.length > shown.length && (
        <Button block size="small" type="dashed" className="cell-more" onClick={() => onMore(id)}>
          {fill(t('showMore'), { n: cards.length - shown.length })}
        </Button>
      )}
    </section>
  );
});
