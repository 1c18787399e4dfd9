// A campaign's rules of time (TaskPolicy as JSON): deadlines per stage, the escalation ladder, re-check
// intervals, the mock-assessment pass rate, the archive deadline. Null means the defaults in code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('policy', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaigns').dropColumn('policy').execute();
}
