// The window-service checklist (issue 20, plan 五(二)8): the 规范化检查表 an inspection round checks window-service
// units against, kept by the office per campaign. Each save is a new version, never changed afterwards: a round's
// check names the version it used and keeps the points as they were then.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('window_service_checklists')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('points', 'jsonb', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('window_service_checklists_pk', ['campaign_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('window_service_checklists').execute();
}
