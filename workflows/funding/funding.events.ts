// Domain events of the funding ledger. Every event names its campaign; those that tell someone carry what the
// notice says (the line's name, the amount, the unit), so the inbox rules need nothing else of the stream.
import type { Role } from '../shared/actor.types';
import type { ApprovalLevel, BudgetLine, FundingAllocation, LineFields, Spending } from './funding.types';

type About = { campaignId: string };
type SpendingAbout = About & { spendingId: string; lineName: string; amountFen: number; unitCode: string | null };

export type FundingEvent =
  | { type: 'FundingLedgerOpened'; data: About & { thresholdFen: number } }
  | { type: 'ApprovalThresholdSet'; data: About & { thresholdFen: number } }
  | { type: 'BudgetLineAdded'; data: About & { line: Omit<BudgetLine, 'createdAt' | 'amendedAt'> } }
  | { type: 'BudgetLineAmended'; data: About & { lineId: string } & LineFields }
  | { type: 'FundsAllocated'; data: About & { allocation: Omit<FundingAllocation, 'allocatedAt' | 'allocatedBy'> } }
  /** `needsApproval`: above the threshold, so it waits for a leader (PENDING); otherwise it is spent (RECORDED). */
  | {
      type: 'SpendingRecorded';
      data: About & { spending: Omit<Spending, 'state' | 'recordedAt' | 'recordedBy' | 'decidedAt' | 'decidedBy' | 'decisionNote' | 'escalationLevel'>; needsApproval: boolean; lineName: string };
    }
  | { type: 'SpendingApproved'; data: SpendingAbout & { note: string } }
  | { type: 'SpendingRejected'; data: SpendingAbout & { reason: string } }
  /** Still awaiting approval: 提醒, 催办, 督办; `notify` says who is told. */
  | { type: 'SpendingApprovalEscalated'; data: SpendingAbout & { level: ApprovalLevel; notify: Role[] } };

export type FundingEventType = FundingEvent['type'];
