// How the ledger's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { FundingEvent } from './funding.events';
import { DEFAULT_APPROVAL_THRESHOLD_FEN, type FundingLedgerState, type Spending } from './funding.types';

export function initialFundingState(ledgerId: string, campaignId = ''): FundingLedgerState {
  return { ledgerId, campaignId, thresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN, lines: [], allocations: [], spendings: [], version: 0 };
}

function updateSpending(state: FundingLedgerState, spendingId: string, change: (s: Spending) => Spending): Spending[] {
  return state.spendings.map((s) => (s.spendingId === spendingId ? change(s) : s));
}

export function evolveFunding(state: FundingLedgerState, event: FundingEvent, meta: EventMeta): FundingLedgerState {
  const next: FundingLedgerState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'FundingLedgerOpened':
      return { ...next, campaignId: event.data.campaignId, thresholdFen: event.data.thresholdFen };
    case 'ApprovalThresholdSet':
      return { ...next, thresholdFen: event.data.thresholdFen };
    case 'BudgetLineAdded':
      return { ...next, lines: [...state.lines, { ...event.data.line, createdAt: meta.at, amendedAt: null }] };
    case 'BudgetLineAmended': {
      const { lineId, name, amountFen, unitCode, purpose } = event.data;
      return { ...next, lines: state.lines.map((l) => (l.lineId === lineId ? { ...l, name, amountFen, unitCode, purpose, amendedAt: meta.at } : l)) };
    }
    case 'FundsAllocated':
      return { ...next, allocations: [...state.allocations, { ...event.data.allocation, allocatedAt: meta.at, allocatedBy: meta.actorId }] };
    case 'SpendingRecorded':
      return {
        ...next,
        spendings: [
          ...state.spendings,
          {
            ...event.data.spending,
            state: event.data.needsApproval ? 'PENDING' : 'RECORDED',
            recordedAt: meta.at,
            recordedBy: meta.actorId,
            decidedAt: null,
            decidedBy: null,
            decisionNote: null,
            escalationLevel: null,
          },
        ],
      };
    case 'SpendingApproved':
      return { ...next, spendings: updateSpending(state, event.data.spendingId, (s) => ({ ...s, state: 'APPROVED', decidedAt: meta.at, decidedBy: meta.actorId, decisionNote: event.data.note })) };
    case 'SpendingRejected':
      return { ...next, spendings: updateSpending(state, event.data.spendingId, (s) => ({ ...s, state: 'REJECTED', decidedAt: meta.at, decidedBy: meta.actorId, decisionNote: event.data.reason })) };
    case 'SpendingApprovalEscalated':
      return { ...next, spendings: updateSpending(state, event.data.spendingId, (s) => ({ ...s, escalationLevel: event.data.level })) };
    default:
      return assertNever(event);
  }
}
