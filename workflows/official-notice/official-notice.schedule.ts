// What an unacknowledged notice waits for: 催签 at its 签收 deadline, then 督办 as long again after it, telling the
// unit head and then the office (the inbox rules in src/platform/projections/notification-rules.ts). Pure.
import type { Role } from '../shared/actor.types';
import { addMs, HOUR } from '../shared/time';
import type { OfficialNoticeEvent } from './official-notice.events';
import type { NoticeAckLevel, OfficialNoticeState } from './official-notice.types';

export interface NoticeTimer {
  level: NoticeAckLevel;
  at: string;
}

export const NOTICE_ACK_NOTIFY: Record<NoticeAckLevel, Role[]> = { URGE: ['UNIT_HEAD'], SUPERVISE: ['UNIT_HEAD', 'OFFICE'] };

/** The next step of an issued, unacknowledged notice, or null. `ackHours` is the 签收 period it was issued with. */
export function nextNoticeTimer(state: OfficialNoticeState, ackHours: number): NoticeTimer | null {
  if (state.state !== 'ISSUED' || state.ackDueAt === null) return null;
  if (state.escalationLevel === null) return { level: 'URGE', at: state.ackDueAt };
  if (state.escalationLevel === 'URGE') return { level: 'SUPERVISE', at: addMs(state.ackDueAt, ackHours * HOUR) };
  return null;
}

export function noticeTimerEvent(state: OfficialNoticeState, timer: NoticeTimer): OfficialNoticeEvent {
  return { type: 'NoticeAckEscalated', data: { level: timer.level, ackDueAt: state.ackDueAt ?? timer.at, notify: NOTICE_ACK_NOTIFY[timer.level] } };
}
