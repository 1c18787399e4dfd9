// The 保障组's funding ledger (经费保障, plan 六(三), issue 20): the campaign's budget lines for each year, allocations
// from a line to a special drive (专项整治, named by campaign and RectificationArea) or to an indicator task, and
// spendings with receipts; a spending above the office's approval threshold waits for the leading group's approval.
// One workflow per campaign (`funding-ledger:{campaign}`), the authority for every figure: it decides each action on
// the committed state, one at a time, so two concurrent allocations or spendings can never overdraw a line.
// Amounts are integers in fen (分), never floats.
import type { Actor, Role } from '../shared/actor.types';
import type { EscalationLevel } from '../shared/escalation';

/** The largest amount one line, allocation or spending may have: 100 亿元 in fen. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;
/** Limits of one ledger; with MAX_AMOUNT_FEN they keep every total a safe integer (300 × 10^12 < 2^53). */
export const MAX_LINES = 300;
export const MAX_ALLOCATIONS = 2_000;
export const MAX_SPENDINGS = 5_000;
/** The threshold until the office sets one: 5 万元. A spending above it needs a leader's approval. */
export const DEFAULT_APPROVAL_THRESHOLD_FEN = 5_000_000;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const MAX_NAME_CHARS = 100;
export const MAX_PURPOSE_CHARS = 500;
export const MAX_PAYEE_CHARS = 100;
export const MAX_REASON_CHARS = 500;
export const MAX_RECEIPTS = 10;
export const MAX_RECEIPT_BYTES = 20 * 1024 * 1024;

/** The areas of the special drives (专项整治), as RectificationArea names them. */
export const FUNDING_AREAS = ['TRAFFIC_ORDER', 'CITY_APPEARANCE', 'PUBLIC_SECURITY', 'SANITATION', 'MARKETS', 'SERVICE_WINDOWS'] as const;
export type FundingArea = (typeof FUNDING_AREAS)[number];

/** Where an allocation goes: a special drive of the campaign (by area) or one indicator task. */
export type FundingTarget = { kind: 'DRIVE'; area: FundingArea } | { kind: 'TASK'; taskId: string };

export interface FundingReceipt {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

export interface BudgetLine {
  lineId: string;
  year: number;
  name: string;
  amountFen: number;
  /** The unit the line is for; null for the office's own lines. */
  unitCode: string | null;
  purpose: string;
  createdAt: string;
  amendedAt: string | null;
}

export interface FundingAllocation {
  allocationId: string;
  lineId: string;
  target: FundingTarget;
  amountFen: number;
  note: string;
  allocatedAt: string;
  allocatedBy: string;
}

export const SPENDING_STATES = ['RECORDED', 'PENDING', 'APPROVED', 'REJECTED'] as const;
export type SpendingStateName = (typeof SPENDING_STATES)[number];

/** The steps a spending waiting for approval climbs: 提醒, 催办, 督办 (to the leaders, from 督办 the office too). */
export const APPROVAL_LEVELS = ['REMINDER', 'URGE', 'SUPERVISE'] as const satisfies readonly EscalationLevel[];
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/** Hours after a spending is recorded at which each step is taken while it still waits. */
export type ApprovalLadder = Record<ApprovalLevel, number>;
export const DEFAULT_APPROVAL_LADDER: ApprovalLadder = { REMINDER: 24, URGE: 72, SUPERVISE: 120 };

export interface Spending {
  spendingId: string;
  lineId: string;
  allocationId: string | null;
  /** The unit it is charged to: the line's (null: the office's own line). */
  unitCode: string | null;
  amountFen: number;
  payee: string;
  /** YYYY-MM-DD */
  spentOn: string;
  purpose: string;
  receipts: FundingReceipt[];
  state: SpendingStateName;
  recordedAt: string;
  recordedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The leader's note on approval or reason for rejection. */
  decisionNote: string | null;
  escalationLevel: ApprovalLevel | null;
}

export interface FundingLedgerState {
  ledgerId: string;
  campaignId: string;
  thresholdFen: number;
  lines: BudgetLine[];
  allocations: FundingAllocation[];
  spendings: Spending[];
  version: number;
}

export interface FundingLedgerInput {
  campaignId: string;
  openedBy: Actor;
  /** DEFAULT_APPROVAL_LADDER when absent. */
  ladder?: ApprovalLadder;
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: { state: FundingLedgerState };
}

export const FUNDING_ACTIONS = ['SET_THRESHOLD', 'ADD_LINE', 'AMEND_LINE', 'ALLOCATE', 'RECORD_SPENDING', 'APPROVE_SPENDING', 'REJECT_SPENDING'] as const;
export type FundingAction = (typeof FUNDING_ACTIONS)[number];

export interface LineFields {
  name: string;
  amountFen: number;
  unitCode: string | null;
  purpose: string;
}

export type FundingCommand =
  | { action: 'SET_THRESHOLD'; thresholdFen: number }
  | ({ action: 'ADD_LINE'; lineId: string; year: number } & LineFields)
  | ({ action: 'AMEND_LINE'; lineId: string } & LineFields)
  | { action: 'ALLOCATE'; allocationId: string; lineId: string; target: FundingTarget; amountFen: number; note: string }
  | { action: 'RECORD_SPENDING'; spendingId: string; lineId: string; allocationId: string | null; amountFen: number; payee: string; spentOn: string; purpose: string; receipts: FundingReceipt[] }
  | { action: 'APPROVE_SPENDING'; spendingId: string; note: string }
  | { action: 'REJECT_SPENDING'; spendingId: string; reason: string };

export interface FundingActionRequest {
  command: FundingCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** The office (the 保障组 works through it) keeps the lines, the threshold and the allocations. */
export const FUNDING_OFFICE_ROLES: readonly Role[] = ['OFFICE'];
/** The office records any spending; a unit's people the spendings of their own unit's lines. */
export const FUNDING_SPEND_ROLES: readonly Role[] = ['OFFICE', 'UNIT_HEAD', 'UNIT_MEMBER'];
/** The leading group approves or rejects spendings above the threshold. */
export const FUNDING_APPROVER_ROLES: readonly Role[] = ['LEADER'];
/** Who reads the ledger: units their own part. */
export const FUNDING_READER_ROLES: readonly Role[] = ['LEADER', 'OFFICE', 'UNIT_HEAD', 'UNIT_MEMBER'];
