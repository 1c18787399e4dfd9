// Activity records (活动组, issue 20): one row per activity, a projection of the activities' streams (rebuildable),
// for the list with its filters (month, kind, organiser, state) and the monthly counts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('activity_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organiser_unit_code', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('held_date', 'text')
    .addColumn('attendance', 'integer')
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('escalation_level', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  // The list and the monthly counts: a campaign's activities by planned date.
  await sql`create index activities_campaign_date on activities (campaign_id, planned_date, activity_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activities').execute();
}
