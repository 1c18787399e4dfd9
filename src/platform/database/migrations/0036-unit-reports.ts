// Units' monthly reports (issue 19, plan 五(二)2): the reports as the month's matrix and the report view show them (a
// projection of the reports' streams, rebuildable), and each campaign's due day of the month (a setting of the office).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_reports')
    .addColumn('report_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('late', 'boolean', (c) => c.notNull())
    .addColumn('escalation_level', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create unique index unit_reports_month on unit_reports (campaign_id, month, unit_code)`.execute(db);

  await db.schema
    .createTable('unit_report_settings')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey())
    .addColumn('due_day', 'integer', (c) => c.notNull().check(sql`due_day between 1 and 28`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_report_settings').execute();
  await db.schema.dropTable('unit_reports').execute();
}
