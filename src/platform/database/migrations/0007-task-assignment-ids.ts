// A task keeps its id (its workflow's id) when the office reassigns it to another unit, so the breakdown as
// imported records which task each (indicator, unit) row is: `task_id`, first derived from the business key.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_assignments').addColumn('task_id', 'text').execute();
  await sql`update task_assignments set task_id = 'indicator-task:' || campaign_id || ':' || indicator_code || ':' || unit_code`.execute(db);
  await db.schema.alterTable('task_assignments').alterColumn('task_id', (c) => c.setNotNull()).execute();
  await db.schema.createIndex('task_assignments_task_id').on('task_assignments').column('task_id').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('task_assignments_task_id').execute();
  await db.schema.alterTable('task_assignments').dropColumn('task_id').execute();
}
