// All of the funding ledger's SQL: the ledger's state, its lines with their totals and its spendings (amounts in fen
// as bigints, read back as strings and turned into safe integers by `fen`), per-unit sums, units, people, tasks, and
// the ledger's events.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { FundingLedgerState, FundingReceipt, SpendingStateName } from '../../workflows/funding/funding.types';

/** A bigint of fen as pg returns it (a string), as a number; refuses what is not a safe integer. */
export function fen(value: string | number | bigint | null | undefined): number {
  const n = typeof value === 'bigint' ? Number(value) : Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error(`金额 ${String(value)} 不是安全整数`);
  return n;
}

export interface LineRow {
  id: string;
  campaignId: string;
  year: number;
  name: string;
  unitCode: string | null;
  purpose: string;
  budgetFen: number;
  allocatedFen: number;
  spentFen: number;
  pendingFen: number;
}

export interface SpendingRow {
  id: string;
  campaignId: string;
  lineId: string;
  allocationId: string | null;
  unitCode: string | null;
  amountFen: number;
  payee: string;
  spentOn: string;
  purpose: string;
  state: SpendingStateName;
  recordedAt: Date;
  recordedBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionNote: string | null;
  escalationLevel: string | null;
  receipts: FundingReceipt[];
}

export interface Totals {
  budgetFen: number;
  allocatedFen: number;
  spentFen: number;
  pendingFen: number;
}

const LINE_COLUMNS = ['line_id', 'campaign_id', 'year', 'name', 'unit_code', 'purpose', 'budget_fen', 'allocated_fen', 'spent_fen', 'pending_fen'] as const;
const SPENDING_COLUMNS = [
  'spending_id',
  'campaign_id',
  'line_id',
  'allocation_id',
  'unit_code',
  'amount_fen',
  'payee',
  'spent_on',
  'purpose',
  'state',
  'recorded_at',
  'recorded_by',
  'decided_at',
  'decided_by',
  'decision_note',
  'escalation_level',
  'receipts',
] as const;

type LineDb = { line_id: string; campaign_id: string; year: number; name: string; unit_code: string | null; purpose: string; budget_fen: string; allocated_fen: string; spent_fen: string; pending_fen: string };

function toLine(r: LineDb): LineRow {
  return {
    id: r.line_id,
    campaignId: r.campaign_id,
    year: r.year,
    name: r.name,
    unitCode: r.unit_code,
    purpose: r.purpose,
    budgetFen: fen(r.budget_fen),
    allocatedFen: fen(r.allocated_fen),
    spentFen: fen(r.spent_fen),
    pendingFen: fen(r.pending_fen),
  };
}

@Injectable()
export class FundingRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async ledger(campaignId: string): Promise<{ state: FundingLedgerState; thresholdFen: number } | null> {
    const row = await this.db.selectFrom('funding_ledgers').select(['state_json', 'threshold_fen']).where('campaign_id', '=', campaignId).executeTakeFirst();
    return row ? { state: row.state_json as unknown as FundingLedgerState, thresholdFen: fen(row.threshold_fen) } : null;
  }

  async version(campaignId: string): Promise<number> {
    return (await this.db.selectFrom('funding_ledgers').select('version').where('campaign_id', '=', campaignId).executeTakeFirst())?.version ?? 0;
  }

  async line(lineId: string): Promise<LineRow | null> {
    const row = await this.db.selectFrom('funding_budget_lines').select(LINE_COLUMNS).where('line_id', '=', lineId).executeTakeFirst();
    return row ? toLine(row) : null;
  }

  /** A year's lines, by creation; only `unitCode`'s when given. */
  async lines(campaignId: string, year: number, unitCode: string | null = null): Promise<LineRow[]> {
    let query = this.db.selectFrom('funding_budget_lines').select(LINE_COLUMNS).where('campaign_id', '=', campaignId).where('year', '=', year);
    if (unitCode !== null) query = query.where('unit_code', '=', unitCode);
    return (await query.orderBy('created_at').orderBy('line_id').execute()).map(toLine);
  }

  /** Sums per owning unit (null: the office's lines), in SQL over bigints. */
  async unitTotals(campaignId: string, year: number, unitCode: string | null = null): Promise<(Totals & { unitCode: string | null })[]> {
    let query = this.db
      .selectFrom('funding_budget_lines')
      .select([
        'unit_code',
        sql<string>`sum(budget_fen)`.as('budget'),
        sql<string>`sum(allocated_fen)`.as('allocated'),
        sql<string>`sum(spent_fen)`.as('spent'),
        sql<string>`sum(pending_fen)`.as('pending'),
      ])
      .where('campaign_id', '=', campaignId)
      .where('year', '=', year)
      .groupBy('unit_code');
    if (unitCode !== null) query = query.where('unit_code', '=', unitCode);
    const rows = await query.orderBy(sql`unit_code nulls first`).execute();
    return rows.map((r) => ({ unitCode: r.unit_code, budgetFen: fen(r.budget), allocatedFen: fen(r.allocated), spentFen: fen(r.spent), pendingFen: fen(r.pending) }));
  }

  async spending(spendingId: string): Promise<SpendingRow | null> {
    const row = await this.db.selectFrom('funding_spendings').select(SPENDING_COLUMNS).where('spending_id', '=', spendingId).executeTakeFirst();
    return row ? this.toSpending(row) : null;
  }

  /** The spendings of some lines, newest first. */
  async spendings(lineIds: readonly string[]): Promise<SpendingRow[]> {
    if (lineIds.length === 0) return [];
    const rows = await this.db.selectFrom('funding_spendings').select(SPENDING_COLUMNS).where('line_id', 'in', [...lineIds]).orderBy('recorded_at', 'desc').orderBy('spending_id').execute();
    return rows.map((r) => this.toSpending(r));
  }

  async units(codes: readonly string[] | null = null): Promise<{ code: string; name: string; kind: string }[]> {
    let query = this.db.selectFrom('units').select(['code', 'name', 'kind']);
    if (codes !== null) {
      if (codes.length === 0) return [];
      query = query.where('code', 'in', [...codes]);
    }
    return query.orderBy('code').execute();
  }

  async unitExists(code: string): Promise<boolean> {
    return (await this.db.selectFrom('units').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
  }

  /** An indicator task of the campaign, with its indicator and unit for its label; null when it is not one. */
  async task(campaignId: string, taskId: string): Promise<{ taskId: string; indicatorCode: string; unitCode: string } | null> {
    const row = await this.db.selectFrom('indicator_task_cards').select(['task_id', 'indicator_code', 'unit_code']).where('task_id', '=', taskId).where('campaign_id', '=', campaignId).executeTakeFirst();
    return row ? { taskId: row.task_id, indicatorCode: row.indicator_code, unitCode: row.unit_code } : null;
  }

  async tasks(taskIds: readonly string[]): Promise<Map<string, { indicatorCode: string; unitCode: string }>> {
    if (taskIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('indicator_task_cards').select(['task_id', 'indicator_code', 'unit_code']).where('task_id', 'in', [...taskIds]).execute();
    return new Map(rows.map((r) => [r.task_id, { indicatorCode: r.indicator_code, unitCode: r.unit_code }]));
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  private toSpending(r: {
    spending_id: string;
    campaign_id: string;
    line_id: string;
    allocation_id: string | null;
    unit_code: string | null;
    amount_fen: string;
    payee: string;
    spent_on: string;
    purpose: string;
    state: string;
    recorded_at: Date;
    recorded_by: string;
    decided_at: Date | null;
    decided_by: string | null;
    decision_note: string | null;
    escalation_level: string | null;
    receipts: Record<string, unknown>[];
  }): SpendingRow {
    return {
      id: r.spending_id,
      campaignId: r.campaign_id,
      lineId: r.line_id,
      allocationId: r.allocation_id,
      unitCode: r.unit_code,
      amountFen: fen(r.amount_fen),
      payee: r.payee,
      spentOn: r.spent_on,
      purpose: r.purpose,
      state: r.state as SpendingStateName,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
      decidedAt: r.decided_at,
      decidedBy: r.decided_by,
      decisionNote: r.decision_note,
      escalationLevel: r.escalation_level,
      receipts: r.receipts as unknown as FundingReceipt[],
    };
  }
}
