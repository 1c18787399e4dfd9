// The 责任人 a task breakdown names for a new task (issue 16): kept with the import's change until the import
// workflow starts the task with it. Null where the file names none (and for every row imported before).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_breakdown_import_items').addColumn('responsible_login', 'text').addColumn('responsible_name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_breakdown_import_items').dropColumn('responsible_login').dropColumn('responsible_name').execute();
}
