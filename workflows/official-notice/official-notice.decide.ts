// What a notice allows, as pure functions: the head of the notice's unit acknowledges it (签收) once it is issued,
// and only once. Used by the workflow's validator and by the API (canAcknowledge on the card).
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import { shanghaiDate } from '../shared/time';
import type { OfficialNoticeEvent } from './official-notice.events';
import { NOTICE_KIND_LABELS } from './official-notice.labels';
import { MAX_NOTICE_NOTE_CHARS, NOTICE_ACK_ROLES, NOTICE_ACTIONS, type NoticeAction, type NoticeActionRequest, type OfficialNoticeState } from './official-notice.types';

export function checkNotice(state: OfficialNoticeState, actor: Actor, action: NoticeAction): Rejection | null {
  const what = `${NOTICE_KIND_LABELS[state.kind]}${state.number ?? ''}`;
  if (action !== 'ACKNOWLEDGE') return { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' };
  if (!NOTICE_ACK_ROLES.includes(actor.role)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权签收${what}（仅限责任单位负责人）` };
  if (actor.unitCode === null || actor.unitCode !== state.unitCode) return { code: 'FORBIDDEN', message: `${what}发给其他单位，只能由该单位负责人签收` };
  if (state.state === 'PENDING') return { code: 'ILLEGAL_TRANSITION', message: `${what}尚未印发，暂不能签收` };
  if (state.state === 'ACKNOWLEDGED') {
    return { code: 'ILLEGAL_TRANSITION', message: `${what}已于 ${state.acknowledgedAt ? shanghaiDate(state.acknowledgedAt) : ''} 签收，不能重复签收` };
  }
  return null;
}

export function canAcknowledge(state: OfficialNoticeState, actor: Actor): boolean {
  return checkNotice(state, actor, 'ACKNOWLEDGE') === null;
}

export function decideNotice(state: OfficialNoticeState, request: NoticeActionRequest): Decision<OfficialNoticeEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(NOTICE_ACTIONS as readonly string[]).includes(command.action)) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `通知已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const refused = checkNotice(state, actor, command.action);
  if (refused) return { ok: false, rejection: refused };
  const note = command.note ?? '';
  if (typeof note !== 'string' || [...note].length > MAX_NOTICE_NOTE_CHARS) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'note', message: `签收意见格式不正确或超过${MAX_NOTICE_NOTE_CHARS}字` } };
  }
  return { ok: true, events: [{ type: 'NoticeAcknowledged', data: { note: note.trim(), unitCode: state.unitCode } }] };
}
