// Cards keep the whole lifecycle state (deadlines, escalation, extension, re-checks) as jsonb, with the
// columns the board filters and sorts on beside it. Projections carry a schema version: a process that finds
// an older one rebuilds them from the events at start-up (src/platform/projections/projection-maintenance.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('indicator_task_cards')
    .addColumn('state', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('stage_due_at', 'timestamptz')
    .addColumn('escalation_level', 'text')
    .addColumn('pending_extension', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('recheck_due', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .alterTable('projection_checkpoints')
    .addColumn('schema_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Existing rows were written by the previous projection: mark them stale so they are rebuilt.
  await db.updateTable('projection_checkpoints').set({ schema_version: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('projection_checkpoints').dropColumn('schema_version').execute();
  for (const column of ['recheck_due', 'pending_extension', 'escalation_level', 'stage_due_at', 'state']) {
    await db.schema.alterTable('indicator_task_cards').dropColumn(column).execute();
  }
}
