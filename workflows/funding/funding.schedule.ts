// What a spending awaiting a leader's approval waits for: 提醒 a day after it was recorded, 催办 after three days,
// 督办 after five (the ladder's hours), telling the leading group and from 督办 the office too (the inbox rules in
// funding.notifications.ts). The ledger waits for the earliest step of all its pending spendings. Pure.
import type { Role } from '../shared/actor.types';
import { addMs, HOUR } from '../shared/time';
import type { FundingEvent } from './funding.events';
import { APPROVAL_LEVELS, DEFAULT_APPROVAL_LADDER, type ApprovalLadder, type ApprovalLevel, type FundingLedgerState } from './funding.types';

export interface FundingTimer {
  spendingId: string;
  level: ApprovalLevel;
  at: string;
}

export const APPROVAL_NOTIFY: Record<ApprovalLevel, Role[]> = {
  REMINDER: ['LEADER'],
  URGE: ['LEADER'],
  SUPERVISE: ['LEADER', 'OFFICE'],
};

/** The earliest next step of any spending still awaiting approval, or null. */
export function nextFundingTimer(state: FundingLedgerState, ladder: ApprovalLadder = DEFAULT_APPROVAL_LADDER): FundingTimer | null {
  let best: FundingTimer | null = null;
  for (const s of state.spendings) {
    if (s.state !== 'PENDING') continue;
    const from = s.escalationLevel === null ? -1 : APPROVAL_LEVELS.indexOf(s.escalationLevel);
    const level = APPROVAL_LEVELS[from + 1];
    if (level === undefined) continue;
    const at = addMs(s.recordedAt, ladder[level] * HOUR);
    if (best === null || Date.parse(at) < Date.parse(best.at)) best = { spendingId: s.spendingId, level, at };
  }
  return best;
}

export function fundingTimerEvent(state: FundingLedgerState, timer: FundingTimer): FundingEvent {
  const s = state.spendings.find((x) => x.spendingId === timer.spendingId)!;
  const line = state.lines.find((l) => l.lineId === s.lineId);
  return {
    type: 'SpendingApprovalEscalated',
    data: { campaignId: state.campaignId, spendingId: s.spendingId, lineName: line?.name ?? '', amountFen: s.amountFen, unitCode: s.unitCode, level: timer.level, notify: APPROVAL_NOTIFY[timer.level] },
  };
}
