// The task breakdown as the office last imported it (task_assignments), each import with what it changed,
// and which of those changes have reached the task workflows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_assignments')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
    .addColumn('lead_unit_code', 'text', (c) => c.notNull().references('units.code'))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('classification', 'text')
    .addColumn('import_id', 'uuid')
    .addPrimaryKeyConstraint('task_assignments_pk', ['campaign_id', 'indicator_code', 'unit_code'])
    .execute();
  await db.schema
    .createTable('task_breakdown_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('task_count', 'integer', (c) => c.notNull())
    .addColumn('created_count', 'integer', (c) => c.notNull())
    .addColumn('changed_count', 'integer', (c) => c.notNull())
    .addColumn('unchanged_count', 'integer', (c) => c.notNull())
    .addColumn('removed_count', 'integer', (c) => c.notNull())
    .addColumn('applied_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('task_breakdown_import_items')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('task_breakdown_imports.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('lead_unit_code', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('previous_lead_unit_code', 'text')
    .addColumn('previous_due_at', 'timestamptz')
    .addColumn('source_sheet', 'text')
    .addColumn('source_row', 'integer')
    .addColumn('applied_at', 'timestamptz')
    .addPrimaryKeyConstraint('task_breakdown_import_items_pk', ['import_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_breakdown_import_items').execute();
  await db.schema.dropTable('task_breakdown_imports').execute();
  await db.schema.dropTable('task_assignments').execute();
}
