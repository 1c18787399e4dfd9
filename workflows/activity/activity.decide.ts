// What an activity allows, as pure functions: while planned, the organiser unit's head and members (or the office)
// record it as held — the actual date, the attendance (a whole number from 0 to MAX_ATTENDANCE), the photos (at most
// MAX_ACTIVITY_PHOTOS files of the store) and a summary — and the office cancels it with a reason; a held or cancelled
// activity changes no more. Used by the workflow's validator and by the API (canRecordHeld, canCancel). Every check is
// linear in the size of the command.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import { isLocalDate } from '../campaign/campaign.calendar';
import type { ActivityEvent } from './activity.events';
import { ACTIVITY_STATE_LABELS } from './activity.labels';
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_OFFICE_ROLES,
  ACTIVITY_UNIT_ROLES,
  MAX_ACTIVITY_PHOTOS,
  MAX_ACTIVITY_REASON_CHARS,
  MAX_ACTIVITY_SUMMARY_CHARS,
  MAX_ATTENDANCE,
  type ActivityAction,
  type ActivityActionRequest,
  type ActivityPhoto,
  type ActivityState,
} from './activity.types';

const ACTION_VERBS: Record<ActivityAction, string> = { RECORD_HELD: '登记举办', CANCEL: '取消' };
const NAME_CHARS = 255;
const MIME_CHARS = 100;

/** A text of at most `max` characters, counted without building an array. */
export function textWithin(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length > max * 2) return false;
  let chars = 0;
  for (const _ of value) if (++chars > max) return false;
  return true;
}

/** Whether the actor may take `action` on any activity of the organiser `unitCode` (roles only, not the state). */
export function mayActOnActivity(actor: Actor, unitCode: string, action: ActivityAction): boolean {
  if (ACTIVITY_OFFICE_ROLES.includes(actor.role)) return true;
  return action === 'RECORD_HELD' && ACTIVITY_UNIT_ROLES.includes(actor.role) && actor.unitCode === unitCode;
}

export function checkActivity(state: ActivityState, actor: Actor, action: ActivityAction): Rejection | null {
  const what = `活动「${state.title}」`;
  if (!mayActOnActivity(actor, state.organiserUnitCode, action)) {
    const who = action === 'CANCEL' ? '创建办' : '创建办或承办单位的负责人、工作人员';
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权${ACTION_VERBS[action]}${what}（仅限${who}）` };
  }
  if (state.state !== 'PLANNED') return { code: 'ILLEGAL_TRANSITION', message: `${what}${ACTIVITY_STATE_LABELS[state.state]}，不能再${ACTION_VERBS[action]}` };
  return null;
}

export const canRecordHeld = (state: ActivityState, actor: Actor) => checkActivity(state, actor, 'RECORD_HELD') === null;
export const canCancelActivity = (state: ActivityState, actor: Actor) => checkActivity(state, actor, 'CANCEL') === null;

function badInput(field: string, message: string): Decision<ActivityEvent> {
  return { ok: false, rejection: { code: 'BAD_USER_INPUT', field, message } };
}

const isHex64 = (v: unknown): v is string => {
  if (typeof v !== 'string' || v.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
};

/** Whether `photos` are at most MAX_ACTIVITY_PHOTOS well-formed files of the store. */
export function checkPhotos(photos: unknown): photos is ActivityPhoto[] {
  if (!Array.isArray(photos) || photos.length > MAX_ACTIVITY_PHOTOS) return false;
  return photos.every(
    (p: Partial<ActivityPhoto> | null) =>
      p !== null && typeof p === 'object' && isHex64(p.sha256) && textWithin(p.name, NAME_CHARS) && p.name !== '' && textWithin(p.mimeType, MIME_CHARS) && Number.isSafeInteger(p.size) && (p.size ?? -1) >= 0,
  );
}

export const isAttendance = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_ATTENDANCE;

export function decideActivity(state: ActivityState, request: ActivityActionRequest): Decision<ActivityEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(ACTIVITY_ACTIONS as readonly string[]).includes(command.action)) return badInput('action', '未知的操作');
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `活动已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const refused = checkActivity(state, actor, command.action);
  if (refused) return { ok: false, rejection: refused };
  const about = { campaignId: state.campaignId, title: state.title, organiserUnitCode: state.organiserUnitCode };
  switch (command.action) {
    case 'RECORD_HELD': {
      if (!isLocalDate(command.heldDate)) return badInput('heldDate', '举办日期须写作 YYYY-MM-DD');
      if (!isAttendance(command.attendance)) return badInput('attendance', `参加人数须为 0 到 ${MAX_ATTENDANCE} 之间的整数`);
      if (!checkPhotos(command.photos)) return badInput('photos', `照片最多 ${MAX_ACTIVITY_PHOTOS} 张`);
      const summary = typeof command.summary === 'string' ? command.summary.trim() : '';
      if (!textWithin(command.summary, MAX_ACTIVITY_SUMMARY_CHARS) || summary === '') return badInput('summary', `请填写活动总结（不超过${MAX_ACTIVITY_SUMMARY_CHARS}字）`);
      const photos = command.photos.map(({ sha256, name, size, mimeType }) => ({ sha256, name, size, mimeType }));
      return { ok: true, events: [{ type: 'ActivityHeld', data: { ...about, heldDate: command.heldDate, attendance: command.attendance, photos, summary } }] };
    }
    case 'CANCEL': {
      const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
      if (!textWithin(command.reason, MAX_ACTIVITY_REASON_CHARS) || reason === '') return badInput('reason', `请填写取消原因（不超过${MAX_ACTIVITY_REASON_CHARS}字）`);
      return { ok: true, events: [{ type: 'ActivityCancelled', data: { ...about, reason } }] };
    }
    default:
      return badInput('action', '未知的操作');
  }
}
