// The 保障组's funding ledger (issue 20, plan 六(三)): projections of the ledgers' streams, rebuildable. Every amount is
// an integer number of fen in a bigint, never a float: the ledger (its whole state and the approval threshold), its
// budget lines with their allocated, spent and pending totals, its allocations and its spendings.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('funding_ledgers')
    .addColumn('ledger_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().unique())
    .addColumn('threshold_fen', 'bigint', (c) => c.notNull().check(sql`threshold_fen >= 0`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('funding_budget_lines')
    .addColumn('line_id', 'text', (c) => c.primaryKey())
    .addColumn('ledger_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('budget_fen', 'bigint', (c) => c.notNull().check(sql`budget_fen >= 0`))
    .addColumn('allocated_fen', 'bigint', (c) => c.notNull().check(sql`allocated_fen >= 0`))
    .addColumn('spent_fen', 'bigint', (c) => c.notNull().check(sql`spent_fen >= 0`))
    .addColumn('pending_fen', 'bigint', (c) => c.notNull().check(sql`pending_fen >= 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index funding_budget_lines_year on funding_budget_lines (campaign_id, year, unit_code)`.execute(db);

  await db.schema
    .createTable('funding_allocations')
    .addColumn('allocation_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_area', 'text')
    .addColumn('target_task_id', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('allocated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index funding_allocations_line on funding_allocations (line_id)`.execute(db);

  await db.schema
    .createTable('funding_spendings')
    .addColumn('spending_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('allocation_id', 'text')
    .addColumn('unit_code', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('spent_on', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('escalation_level', 'text')
    .addColumn('receipts', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index funding_spendings_line on funding_spendings (line_id, recorded_at)`.execute(db);
  await sql`create index funding_spendings_campaign on funding_spendings (campaign_id, state)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('funding_spendings').execute();
  await db.schema.dropTable('funding_allocations').execute();
  await db.schema.dropTable('funding_budget_lines').execute();
  await db.schema.dropTable('funding_ledgers').execute();
}
