// What a published circular waits for while named units have not acknowledged it: 提醒 half-way to the deadline
// (at most a day before it), 催办 at the deadline, 督办 as long again after it. Each step tells the units still
// pending (and from 督办 on, the office and the supervisors). Pure.
import type { Role } from '../shared/actor.types';
import { DAY } from '../shared/time';
import type { BriefingEvent } from './briefing.events';
import { pendingUnits } from './briefing.evolve';
import type { BriefingAckLevel, BriefingStateView } from './briefing.types';

export interface BriefingTimer {
  level: BriefingAckLevel;
  at: string;
}

export const BRIEFING_ACK_NOTIFY: Record<BriefingAckLevel, Role[]> = {
  REMINDER: ['UNIT_HEAD'],
  URGE: ['UNIT_HEAD', 'UNIT_MEMBER'],
  SUPERVISE: ['UNIT_HEAD', 'OFFICE', 'SUPERVISOR'],
};

export function nextBriefingTimer(state: BriefingStateView): BriefingTimer | null {
  if (state.state !== 'PUBLISHED' || state.ackDueAt === null || pendingUnits(state).length === 0) return null;
  const due = Date.parse(state.ackDueAt);
  const period = state.ackDays * DAY;
  if (state.escalationLevel === null) return { level: 'REMINDER', at: new Date(due - Math.min(period / 2, DAY)).toISOString() };
  if (state.escalationLevel === 'REMINDER') return { level: 'URGE', at: state.ackDueAt };
  if (state.escalationLevel === 'URGE') return { level: 'SUPERVISE', at: new Date(due + period).toISOString() };
  return null;
}

export function briefingTimerEvent(state: BriefingStateView, timer: BriefingTimer): BriefingEvent {
  return {
    type: 'BriefingAckEscalated',
    data: {
      campaignId: state.campaignId,
      kind: state.kind,
      title: state.title,
      number: state.number ?? '',
      level: timer.level,
      ackDueAt: state.ackDueAt ?? timer.at,
      unitCodes: pendingUnits(state),
      notify: BRIEFING_ACK_NOTIFY[timer.level],
    },
  };
}
