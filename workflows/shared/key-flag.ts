// 重点和难点 (issue 20): the office (or the leading group) marks an indicator task or a rectification item as a key
// task (重点), a difficult one (难点) or both, with the reason, and clears the mark again. One flag with a kind, not
// two: the board shows one badge, the filter asks one question, the dashboard lists one set. Pure rules and fold
// shared by both kinds: their `decide` and `evolve` call these, so the workflow, the card and the dashboard agree.
import { ROLE_LABELS } from './actor.labels';
import type { Actor, Role } from './actor.types';
import { checkText } from './accountability';
import { assertNever } from './assert-never';
import type { EventMeta, Rejection } from './decision.types';

export const KEY_FLAG_KINDS = ['KEY', 'DIFFICULT', 'BOTH'] as const;
export type KeyFlagKind = (typeof KEY_FLAG_KINDS)[number];

/** The badge on the card: 重点, 难点, or both. */
export const KEY_FLAG_KIND_LABELS: Record<KeyFlagKind, string> = { KEY: '重点', DIFFICULT: '难点', BOTH: '重点、难点' };

export const KEY_FLAG_ACTIONS = ['SET_KEY_FLAG', 'CLEAR_KEY_FLAG'] as const;
export type KeyFlagAction = (typeof KEY_FLAG_ACTIONS)[number];
export const KEY_FLAG_ACTION_LABELS: Record<KeyFlagAction, string> = { SET_KEY_FLAG: '标记重点难点', CLEAR_KEY_FLAG: '取消重点难点标记' };

/** The office marks; the leading group, which sets the campaign's priorities, may too. Units never. */
export const KEY_FLAG_ROLES: readonly Role[] = ['OFFICE', 'LEADER'];

/** Characters (code points, trimmed) of a reason, checked in linear time. */
export const KEY_FLAG_REASON_MAX = 500;

/** The mark as a stream holds it. */
export interface KeyFlag {
  kind: KeyFlagKind;
  reason: string;
  flaggedBy: string;
  flaggedAt: string;
}

export type KeyFlagCommand = { action: 'SET_KEY_FLAG'; kind: KeyFlagKind; reason: string } | { action: 'CLEAR_KEY_FLAG'; reason?: string };

/** Events, the same on both kinds' streams. `previousKind`: the mark it replaced, null when there was none. */
export type KeyFlagEvent =
  | { type: 'KeyFlagSet'; data: { kind: KeyFlagKind; reason: string; previousKind: KeyFlagKind | null } }
  | { type: 'KeyFlagCleared'; data: { kind: KeyFlagKind; reason: string } };

export const KEY_FLAG_EVENT_TYPES = ['KeyFlagSet', 'KeyFlagCleared'] as const;
export type KeyFlagEventType = (typeof KEY_FLAG_EVENT_TYPES)[number];
export const KEY_FLAG_EVENT_LABELS: Record<KeyFlagEventType, string> = { KeyFlagSet: '标记为重点难点', KeyFlagCleared: '取消重点难点标记' };

export function isKeyFlagAction(value: unknown): value is KeyFlagAction {
  return typeof value === 'string' && (KEY_FLAG_ACTIONS as readonly string[]).includes(value);
}

export function isKeyFlagCommand(command: unknown): command is KeyFlagCommand {
  return typeof command === 'object' && command !== null && isKeyFlagAction((command as { action?: unknown }).action);
}

/**
 * Whether `actor` may take the step now, whatever the input. `closed`: the task is archived or the item closed (a
 * settled record is no longer anyone's priority); `what`: 「任务」 or 「整改问题」.
 */
export function checkKeyFlag(current: KeyFlag | null | undefined, actor: Actor, action: KeyFlagAction, closed: boolean, what: string): Rejection | null {
  const label = KEY_FLAG_ACTION_LABELS[action];
  if (!KEY_FLAG_ROLES.includes(actor.role)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权执行「${label}」` };
  if (closed) return { code: 'ILLEGAL_TRANSITION', message: `${what}已办结，不能${label}` };
  if (action === 'CLEAR_KEY_FLAG' && !current) return { code: 'ILLEGAL_TRANSITION', message: `${what}没有重点难点标记，无需取消` };
  return null;
}

/** The input of a step, checked in linear time. */
export function validateKeyFlag(current: KeyFlag | null | undefined, command: KeyFlagCommand): Rejection | null {
  switch (command.action) {
    case 'SET_KEY_FLAG': {
      if (!(KEY_FLAG_KINDS as readonly string[]).includes(command.kind)) return { code: 'BAD_USER_INPUT', field: 'kind', message: '请选择标记类型（重点、难点或重点难点）' };
      const bad = checkText(command.reason, 'reason', '标记理由', KEY_FLAG_REASON_MAX, true);
      if (bad) return bad;
      if (current && current.kind === command.kind && current.reason === command.reason.trim()) {
        return { code: 'BAD_USER_INPUT', field: 'kind', message: `已标记为「${KEY_FLAG_KIND_LABELS[command.kind]}」，理由相同，无需重复标记` };
      }
      return null;
    }
    case 'CLEAR_KEY_FLAG':
      return checkText(command.reason, 'reason', '取消理由', KEY_FLAG_REASON_MAX, false);
    default:
      return assertNever(command);
  }
}

/** The event an accepted step records (checkKeyFlag guarantees a mark to clear). */
export function keyFlagEvent(current: KeyFlag | null | undefined, command: KeyFlagCommand): KeyFlagEvent {
  switch (command.action) {
    case 'SET_KEY_FLAG':
      return { type: 'KeyFlagSet', data: { kind: command.kind, reason: command.reason.trim(), previousKind: current?.kind ?? null } };
    case 'CLEAR_KEY_FLAG':
      return { type: 'KeyFlagCleared', data: { kind: current?.kind ?? 'KEY', reason: command.reason?.trim() ?? '' } };
    default:
      return assertNever(command);
  }
}

/** The mark after a step. */
export function evolveKeyFlag(event: KeyFlagEvent, meta: EventMeta): KeyFlag | null {
  switch (event.type) {
    case 'KeyFlagSet':
      return { kind: event.data.kind, reason: event.data.reason, flaggedBy: meta.actorId, flaggedAt: meta.at };
    case 'KeyFlagCleared':
      return null;
    default:
      return assertNever(event);
  }
}

/** The steps `actor` may take now (the card drawer's buttons). */
export function allowedKeyFlagActions(current: KeyFlag | null | undefined, actor: Actor, closed: boolean): KeyFlagAction[] {
  return KEY_FLAG_ACTIONS.filter((action) => checkKeyFlag(current, actor, action, closed, '') === null);
}
