// Versions of the assessment catalog (测评体系的版本): every import that changes the catalog records the whole
// catalog after it (snapshot, the `Catalog` of src/catalog/catalog.types.ts) and the changes it reported, so
// that any earlier version can still be read and exported. Numbered 1, 2, 3… without gaps: the catalog's
// import lock serialises every writer, so the next number is max + 1 (no sequence, which would leave gaps).
//
// A catalog already in the tables gets its version 1 from the repository, lazily, in the first transaction
// that takes the catalog lock (an import, the demo seeding, or the first read) — not here: the demo seeding
// and other writers fill the tables after migrations run, and one code path then builds every snapshot.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey().check(sql`version >= 1`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('file_sha256', 'text')
    // A user id, without a foreign key: the organisation import may remove the person, never the history.
    .addColumn('imported_by', 'text')
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('indicator_count', 'integer', (c) => c.notNull())
    .addColumn('total_points', 'numeric', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_versions').execute();
}
