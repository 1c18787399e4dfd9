// The office's own working-day calendar (工作日调整, issue 16): dates on which the district works or rests
// against the official holiday and 调休 calendar (the chinese-days package), imported from a spreadsheet. One row
// per date; an import replaces the whole list in one transaction. Read each time a working-day deadline is
// counted, so a change applies to deadlines counted after it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('working_day_overrides')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('is_workday', 'boolean', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('working_day_overrides').execute();
}
