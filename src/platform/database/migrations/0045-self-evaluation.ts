// Self-evaluation rounds and 评议 (总结评议, issue 20): the rounds as the office's list, the units' forms and the
// performance assessment read them, and each campaign's grades and working-group ratings; projections of their
// streams (rebuildable). The forms and grades stay in state_json.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('self_evaluation_rounds')
    .addColumn('round_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('escalation_level', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index self_evaluation_rounds_campaign on self_evaluation_rounds (campaign_id, period_end, round_id)`.execute(db);
  await db.schema
    .createTable('appraisals')
    .addColumn('appraisal_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().unique())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('appraisals').execute();
  await db.schema.dropTable('self_evaluation_rounds').execute();
}
