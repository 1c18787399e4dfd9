// The campaign's clock: one projection row per campaign (its phase and the state its workflow folds from the
// events of stream `campaign:{id}`), and the leading group's monthly reports (每月专题汇报), one per campaign
// and month, regenerated in place when a month is run again.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_states')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey())
    .addColumn('stream_id', 'text', (c) => c.notNull().unique())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('phase_entered_at', 'timestamptz')
    /** The next phase's planned start has passed while still in this one (a PhaseDue reminder stands). */
    .addColumn('phase_due', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('monthly_reports')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    /** 'YYYY-MM', in the campaign's time zone. */
    .addColumn('month', 'text', (c) => c.notNull().check(sql`month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('generated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    /** The monthly run that wrote it, for operators. */
    .addColumn('workflow_id', 'text')
    .addPrimaryKeyConstraint('monthly_reports_pk', ['campaign_id', 'month'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monthly_reports').execute();
  await db.schema.dropTable('campaign_states').execute();
}
