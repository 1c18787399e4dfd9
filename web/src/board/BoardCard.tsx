// One card on the board: what it is, whose it is, its classification, deadline countdown, escalation and relapses;
// a handle to drag it (pointer or keyboard), its title opens the detail drawer, its menu offers every action the
// person may take now. Memoised: a change to one card re-renders that card only.
import { memo, useMemo, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { Button, Dropdown, Tag, type MenuProps } from 'antd';
import { HolderOutlined, LoadingOutlined, MoreOutlined } from '@ant-design/icons';
import { specOf } from '../actions/specs';
import { useI18n, useWords } from '../i18n';
import { ESCALATION_COLORS } from '../i18n/labels';
import { routeHref } from '../shell/navigation';
import { navigate } from '../shell/useRoute';
import { countdown, deadlineOf, movesFor, shanghaiDay } from './model';
import type { AnyCard, BoardItemCard, Kind, TaskCard } from './types';
import { AREA_WORDS, CLASSIFICATION_WORDS, ESCALATION_WORDS, fill, WORDS } from '../i18n/board';

/** How a card is called in labels and messages. */
export function cardName(kind: Kind, card: AnyCard): string {
  if (kind === 'task') return `${(card as TaskCard).indicator.code} ${(card as TaskCard).indicator.name}`;
  const text = (card as BoardItemCard).description;
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

export function cardHref(kind: Kind, id: string, view: Kind): string {
  return routeHref('board', { view: view === 'item' ? 'items' : null, card: id, kind });
}

interface Props {
  kind: Kind;
  card: AnyCard;
  today: string;
  /** Dropped, its form open ('held'), or its action on the way ('saving'): it cannot be dragged meanwhile. */
  pending: 'held' | 'saving' | null;
  onAction(kind: Kind, card: AnyCard, action: string): void;
}

function BoardCardInner({ kind, card, today, pending, onAction }: Props) {
  const name = cardName(kind, card);
  // What does not change while cards are dragged is made once per change of the card: dragging re-renders every
  // draggable, and then only the small shell around these re-renders.
  const top = useMemo(
    () => (
      <>
        <CardTags kind={kind} card={card} />
        <CardMenu kind={kind} card={card} name={name} onAction={onAction} />
      </>
    ),
    [kind, card, name, onAction],
  );
  const body = useMemo(() => <CardText kind={kind} card={card} today={today} view={kind} />, [kind, card, today]);
  return <DraggableShell id={card.id} name={name} escalation={card.escalationLevel} pending={pending} top={top} body={body} />;
}

interface ShellProps {
  id: string;
  name: string;
  escalation: string | null;
  pending: 'held' | 'saving' | null;
  top: ReactNode;
  body: ReactNode;
}

function DraggableShell({ id, name, escalation, pending, top, body }: ShellProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id, disabled: pending !== null });
  const t = useWords(WORDS);
  // The pointer drags the whole card (the handle on touch screens); the keyboard picks it up by its handle.
  const onPointerDown = listeners?.onPointerDown as ((e: PointerEvent) => void) | undefined;
  const onKeyDown = listeners?.onKeyDown as ((e: KeyboardEvent) => void) | undefined;
  const className = ['board-card', escalation ? `esc-${escalation.toLowerCase()}` : '', pending ? `is-${pending}` : '', isDragging ? 'is-dragging' : ''].filter(Boolean).join(' ');
  return (
    <article ref={setNodeRef} className={className} data-card-id={id} aria-label={name} aria-busy={pending === 'saving' || undefined} onPointerDown={onPointerDown}>
      <div className="card-top">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="card-handle"
          {...attributes}
          aria-roledescription={t('dragRole')}
          aria-label={fill(t('dragHandle'), { name })}
          title={t('dragHint')}
          onKeyDown={onKeyDown}
        >
          <HolderOutlined aria-hidden />
        </button>
        {top}
      </div>
      {body}
      {pending === 'saving' && (
        <div className="card-pending" role="status">
          <LoadingOutlined aria-hidden /> {t('saving')}
        </div>
      )}
    </article>
  );
}

/** The card's menu: opening its details, and every action the person may take now (moves say where to). */
function CardMenu({ kind, card, name, onAction }: { kind: Kind; card: AnyCard; name: string; onAction(kind: Kind, card: AnyCard, action: string): void }) {
  const t = useWords(WORDS);
  const { locale } = useI18n();
  const moves = movesFor(card);
  const items: MenuProps['items'] = [{ key: '@open', label: t('openCard') }];
  const actions = [...card.allowedActions, ...(kind === 'task' ? (card as TaskCard).sideActions : [])];
  if (actions.length) items.push({ type: 'divider' });
  for (const action of actions) {
    const spec = specOf(kind, action);
    if (!spec) continue;
    const move = moves.find((m) => m.action === action && m.immediate);
    const label = spec.label[locale];
    items.push({ key: action, label: move ? `${label} → ${t(move.target as keyof typeof WORDS)}` : label, danger: spec.danger });
  }
  if (!actions.some((a) => specOf(kind, a))) items.push({ key: '@none', label: t('noActions'), disabled: true });
  const onMenu: MenuProps['onClick'] = ({ key, domEvent }) => {
    domEvent.stopPropagation();
    if (key === '@open') navigate(cardHref(kind, card.id, kind));
    else onAction(kind, card, key);
  };
  return (
    <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']} placement="bottomRight">
      <Button size="small" type="text" className="card-menu" icon={<MoreOutlined />} aria-label={fill(t('actionsFor'), { name })} onPointerDown={(e) => e.stopPropagation()} />
    </Dropdown>
  );
}

export const BoardCard = memo(BoardCardInner);

function CardTags({ kind, card }: { kind: Kind; card: AnyCard }) {
  const { locale } = useI18n();
  const t = useWords(WORDS);
  const escalation = card.escalationLevel;
  const escalationTag = escalation && (
    <Tag color={ESCALATION_COLORS[escalation]} className="card-escalation">
      {ESCALATION_WORDS[escalation]?.[locale] ?? escalation}
    </Tag>
  );
  // 重点/难点 as the office marked it; the reason on hover.
  const keyTag = card.keyFlag && (
    <Tag color="volcano" className="card-key-flag" title={card.keyFlag.reason}>
      {t(`keyFlag${card.keyFlag.kind}` as 'keyFlagKEY')}
    </Tag>
  );
  if (kind === 'task') {
    const task = card as TaskCard;
    return (
      <span className="card-tags">
        <span className="card-code">{task.indicator.code}</span>
        <Tag className={`cls cls-${(task.classification ?? 'none').toLowerCase()}`}>{task.classification ? CLASSIFICATION_WORDS[task.classification]?.[locale] : t('unclassified')}</Tag>
        {keyTag}
        {escalationTag}
      </span>
    );
  }
  const item = card as BoardItemCard;
  return (
    <span className="card-tags">
      <Tag className="card-source">{item.sourceLabel}</Tag>
      {item.area && <Tag className="card-area">{AREA_WORDS[item.area]?.[locale] ?? item.area}</Tag>}
      {keyTag}
      {escalationTag}
    </span>
  );
}

/** The card's words; also the drag overlay's. */
export function CardText({ kind, card, today, view }: { kind: Kind; card: AnyCard; today: string; view: Kind }) {
  const t = useWords(WORDS);
  const left = countdown(deadlineOf(kind, card), today);
  const due = left && (
    <span className={`card-due due-${left.kind}${left.kind === 'left' && left.days <= 7 ? ' due-soon' : ''}`}>
      {fill(t('dueLine'), { date: left.day })} ·{' '}
      {left.kind === 'overdue' ? fill(t('overdueDays'), { n: left.days }) : left.kind === 'today' ? t('dueToday') : fill(t('daysLeft'), { n: left.days })}
    </span>
  );
  const badges: { key: string; text: string; tone: string }[] = [];
  const mine = card.allowedActions.length > 0;
  if (kind === 'task') {
    const task = card as TaskCard;
    if (task.awaitingReview) {
      const proposed = task.proposedStage;
      badges.push({ key: 'review', text: `${t(task.awaitingReview as 'SELF_CHECK_REVIEW')}${proposed ? ` · ${fill(t('proposed'), { stage: t(proposed) })}` : ''}`, tone: 'review' });
    }
    if (task.pendingExtension) badges.push({ key: 'ext', text: t('extensionPending'), tone: 'review' });
    if (task.recheckDue) badges.push({ key: 'recheck', text: t('recheckDue'), tone: 'review' });
    if (task.relapseCount > 0) badges.push({ key: 'relapse', text: fill(t('relapses'), { n: task.relapseCount }), tone: 'relapse' });
    if (mine) badges.push({ key: 'mine', text: t('actionable'), tone: 'mine' });
    return (
      <>
        <a className="card-title" href={cardHref(kind, card.id, view)} draggable={false}>
          {task.indicator.name}
        </a>
        <div className="card-line muted">{task.indicator.itemName}</div>
        <div className="card-line">
          {fill(t('unitLine'), { unit: task.unit.name })}
          {task.leadUnit.code !== task.unit.code && <span className="muted"> · {fill(t('leadLine'), { unit: task.leadUnit.name })}</span>}
        </div>
        <div className="card-line">{due ?? <span className="muted">{fill(t('finalDueLine'), { date: shanghaiDay(task.dueAt) })}</span>}</div>
        <Badges badges={badges} />
      </>
    );
  }
  const item = card as BoardItemCard;
  if (item.pendingExtension) badges.push({ key: 'ext', text: t('extensionPending'), tone: 'review' });
  if (item.pendingDispatchReturn) badges.push({ key: 'ret', text: t('dispatchReturnPending'), tone: 'review' });
  if (item.relapseCount > 0) badges.push({ key: 'relapse', text: fill(t('relapses'), { n: item.relapseCount }), tone: 'relapse' });
  if (item.duplicateReports > 0) badges.push({ key: 'dup', text: fill(t('duplicates'), { n: item.duplicateReports }), tone: 'dup' });
  if (mine) badges.push({ key: 'mine', text: t('actionable'), tone: 'mine' });
  const recheck = item.state === 'VERIFIED' && item.recheckAt ? fill(t('recheckLine'), { date: shanghaiDay(item.recheckAt) }) : item.state === 'RECHECK' ? t('recheckDueNow') : null;
  return (
    <>
      <a className="card-title card-desc" href={cardHref(kind, card.id, view)} draggable={false}>
        {item.description}
      </a>
      <div className="card-line muted">{item.location.address}</div>
      <div className="card-line">{item.unit ? fill(t('unitLine'), { unit: item.unit.name }) : <span className="muted">{t('waitingDispatch')}</span>}</div>
      {(due || recheck) && <div className="card-line">{due ?? <span className="muted">{recheck}</span>}</div>}
      <Badges badges={badges} />
    </>
  );
}

function Badges({ badges }: { badges: { key: string; text: string; tone: string }[] }) {
  if (!badges.length) return null;
  return (
    <div className="card-badges">
      {badges.map((b) => (
        <span key={b.key} className={`card-badge tone-${b.tone}`}>
          {b.text}
        </span>
      ))}
    </div>
  );
}

/** The card as it follows the pointer while dragged. */
export function DragPreview({ kind, card, today }: { kind: Kind; card: AnyCard; today: string }) {
  return (
    <div className={`board-card drag-preview${card.escalationLevel ? ` esc-${card.escalationLevel.toLowerCase()}` : ''}`} aria-hidden>
      <div className="card-top">
        <span className="card-handle">
          <HolderOutlined />
        </span>
        <CardTags kind={kind} card={card} />
      </div>
      <CardText kind={kind} card={card} today={today} view={kind} />
    </div>
  );
}

