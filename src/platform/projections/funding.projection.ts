// The funding ledger (issue 20), in the append's transaction: each campaign's ledger stream folded with the workflow's
// evolveFunding into `funding_ledgers` (the whole state), and the lines, allocations and spendings the events touched
// into their own tables with every amount in fen as a bigint, so that the reports sum integers in SQL. Rebuildable
// from the events alone.
import type { Insertable, Transaction } from 'kysely';
import type { Database, FundingBudgetLinesTable, FundingSpendingsTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { eventMeta } from './state-rows';
import { applyToStreamRows, rebuildStreamRows, type StreamRows } from './stream-rows';
import { allocatedOf, committedOf, isSpent } from '../../../workflows/funding/funding.decide';
import type { FundingEvent } from '../../../workflows/funding/funding.events';
import { evolveFunding, initialFundingState } from '../../../workflows/funding/funding.evolve';
import { FUNDING_STREAM_PREFIX } from '../../../workflows/funding/funding.messages';
import type { FundingLedgerState } from '../../../workflows/funding/funding.types';

const CHUNK = 500;

export function isFundingStream(streamId: string): boolean {
  return streamId.startsWith(FUNDING_STREAM_PREFIX);
}

/** A ledger while it is folded, and what its events touched (the rows to write). */
interface LedgerRow {
  state: FundingLedgerState;
  lastPosition: string;
  lines: Set<string>;
  allocations: Set<string>;
  spendings: Set<string>;
}

function touch(row: LedgerRow, event: FundingEvent): void {
  switch (event.type) {
    case 'FundingLedgerOpened':
    case 'ApprovalThresholdSet':
      return;
    case 'BudgetLineAdded':
      row.lines.add(event.data.line.lineId);
      return;
    case 'BudgetLineAmended':
      row.lines.add(event.data.lineId);
      return;
    case 'FundsAllocated':
      row.allocations.add(event.data.allocation.allocationId);
      row.lines.add(event.data.allocation.lineId);
      return;
    case 'SpendingRecorded':
      row.spendings.add(event.data.spending.spendingId);
      row.lines.add(event.data.spending.lineId);
      return;
    case 'SpendingApproved':
    case 'SpendingRejected':
    case 'SpendingApprovalEscalated': {
      const s = row.state.spendings.find((x) => x.spendingId === event.data.spendingId);
      row.spendings.add(event.data.spendingId);
      if (s) row.lines.add(s.lineId);
      return;
    }
  }
}

function lineRow(state: FundingLedgerState, lineId: string): Insertable<FundingBudgetLinesTable> | null {
  const l = state.lines.find((x) => x.lineId === lineId);
  if (!l) return null;
  return {
    line_id: l.lineId,
    ledger_id: state.ledgerId,
    campaign_id: state.campaignId,
    year: l.year,
    name: l.name,
    unit_code: l.unitCode,
    purpose: l.purpose,
    budget_fen: l.amountFen,
    allocated_fen: allocatedOf(state, l.lineId),
    spent_fen: committedOf(state, (s) => s.lineId === l.lineId && isSpent(s)),
    pending_fen: committedOf(state, (s) => s.lineId === l.lineId && s.state === 'PENDING'),
    created_at: l.createdAt,
  };
}

function spendingRow(state: FundingLedgerState, spendingId: string): Insertable<FundingSpendingsTable> | null {
  const s = state.spendings.find((x) => x.spendingId === spendingId);
  if (!s) return null;
  return {
    spending_id: s.spendingId,
    campaign_id: state.campaignId,
    line_id: s.lineId,
    allocation_id: s.allocationId,
    unit_code: s.unitCode,
    amount_fen: s.amountFen,
    payee: s.payee,
    spent_on: s.spentOn,
    purpose: s.purpose,
    state: s.state,
    recorded_at: s.recordedAt,
    recorded_by: s.recordedBy,
    decided_at: s.decidedAt,
    decided_by: s.decidedBy,
    decision_note: s.decisionNote,
    escalation_level: s.escalationLevel,
    receipts: JSON.stringify(s.receipts),
  };
}

async function upsert<T extends 'funding_budget_lines' | 'funding_spendings' | 'funding_allocations'>(trx: Transaction<Database>, tableName: T, key: string, rows: Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const table: string = tableName;
  const columns = Object.keys(rows[0]).filter((c) => c !== key);
  const loose = trx as unknown as Transaction<Record<string, Record<string, unknown>>>;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await loose
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as Record<string, unknown>[])
      .onConflict((oc) => oc.column(key).doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute();
  }
}

const LEDGER_ROWS: StreamRows<LedgerRow> = {
  isStream: isFundingStream,
  async read(trx, ids) {
    const rows = await trx.selectFrom('funding_ledgers').select(['ledger_id', 'state_json', 'last_position']).where('ledger_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.ledger_id, { state: r.state_json as unknown as FundingLedgerState, lastPosition: String(r.last_position), lines: new Set<string>(), allocations: new Set<string>(), spendings: new Set<string>() }]));
  },
  fold(row, event: StoredEvent) {
    const e = { type: event.type, data: event.data } as FundingEvent;
    const next: LedgerRow = row ?? { state: initialFundingState(event.streamId), lastPosition: event.position, lines: new Set(), allocations: new Set(), spendings: new Set() };
    next.state = evolveFunding(next.state, e, eventMeta(event));
    next.lastPosition = event.position;
    touch(next, e);
    return next;
  },
  async write(trx, rows) {
    const ledgers = rows.filter((r) => r.state.campaignId !== '');
    for (let i = 0; i < ledgers.length; i += CHUNK) {
      await trx
        .insertInto('funding_ledgers')
        .values(
          ledgers.slice(i, i + CHUNK).map((r) => ({
            ledger_id: r.state.ledgerId,
            campaign_id: r.state.campaignId,
            threshold_fen: r.state.thresholdFen,
            version: r.state.version,
            last_position: r.lastPosition,
            state_json: JSON.stringify(r.state),
          })),
        )
        .onConflict((oc) => oc.column('ledger_id').doUpdateSet((eb) => ({ threshold_fen: eb.ref('excluded.threshold_fen'), version: eb.ref('excluded.version'), last_position: eb.ref('excluded.last_position'), state_json: eb.ref('excluded.state_json') })))
        .execute();
    }
    for (const r of ledgers) {
      const s = r.state;
      await upsert(trx, 'funding_budget_lines', 'line_id', [...r.lines].map((id) => lineRow(s, id)).filter((x) => x !== null));
      const allocations = s.allocations.filter((a) => r.allocations.has(a.allocationId));
      await upsert(
        trx,
        'funding_allocations',
        'allocation_id',
        allocations.map((a) => ({
          allocation_id: a.allocationId,
          campaign_id: s.campaignId,
          line_id: a.lineId,
          target_kind: a.target.kind,
          target_area: a.target.kind === 'DRIVE' ? a.target.area : null,
          target_task_id: a.target.kind === 'TASK' ? a.target.taskId : null,
          amount_fen: a.amountFen,
          note: a.note,
          allocated_at: a.allocatedAt,
        })),
      );
      await upsert(trx, 'funding_spendings', 'spending_id', [...r.spendings].map((id) => spendingRow(s, id)).filter((x) => x !== null));
      r.lines.clear();
      r.allocations.clear();
      r.spendings.clear();
    }
  },
  async clear(trx) {
    await trx.deleteFrom('funding_spendings').execute();
    await trx.deleteFrom('funding_allocations').execute();
    await trx.deleteFrom('funding_budget_lines').execute();
    await trx.deleteFrom('funding_ledgers').execute();
  },
};

export class FundingProjection implements InlineProjection {
  readonly name = 'funding';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, LEDGER_ROWS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, LEDGER_ROWS);
  }
}
