// SQL lives in repositories (*.repository.ts), projections, the event store and src/platform/database (migrations and the
// helpers the repositories share); services, resolvers, controllers, starters and entry points go through them.
// A file elsewhere that builds a query fails this test with the file and line, so the rule survives the next feature.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { filesUnder } from '../support/files-under';

const root = projectRoot();
const src = path.join(root, 'src');

/** What builds or runs SQL: Kysely's query builders and its sql tag, a query run on a connection, a raw pg query. */
const SQL = [
  /\b(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(/,
  /\bsql\s*(`|<)/,
  /\bsql\.(raw|join|lit|ref|id|table|val)\s*\(/,
  /\.execute\(\s*(db|trx|conn|this\.db)\s*\)/,
  /\b\w+\.query\(\s*['"`]/,
];

/**
 * Files that talk to PostgreSQL below the data layer, with why: neither reads nor writes the application's tables.
 * - embedded-postgres.ts administers the server it starts (the password, creating the database) before any pool exists;
 * - pg-channel.listener.ts LISTENs on a dedicated connection for notifications.
 */
const BELOW_THE_DATA_LAYER = new Set(['src/platform/runtime/embedded-postgres.ts', 'src/platform/live/pg-channel.listener.ts']);

const sourceFiles = (dir: string) => filesUnder(dir, (name) => name.endsWith('.ts'));

/** `relative` is the path from the project root with forward slashes, e.g. `src/auth/auth.repository.ts`. */
function mayHoldSql(relative: string): boolean {
  if (/\.(repository|projection)\.ts$/.test(relative)) return true;
  if (BELOW_THE_DATA_LAYER.has(relative)) return true;
  return ['src/platform/database/', 'src/platform/event-store/', 'src/platform/projections/'].some((folder) => relative.startsWith(folder));
}

/** `file:line  text` for every line of `text` that builds SQL. */
function sqlLines(relative: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => (SQL.some((pattern) => pattern.test(line)) ? [`${relative}:${i + 1}  ${line.trim()}`] : []));
}

describe('SQL lives only in repositories', () => {
  it('no file outside repositories, projections, the event store and src/platform/database builds SQL', () => {
    const offenders = sourceFiles(src).flatMap((file) => {
      const relative = path.relative(root, file).split(path.sep).join('/');
      return mayHoldSql(relative) ? [] : sqlLines(relative, fs.readFileSync(file, 'utf8'));
    });
    expect(offenders).toEqual([]);
  });

  it('sees every way a file could build SQL', () => {
    const found = (line: string) => sqlLines('src/x/x.service.ts', line);
    for (const line of [
      "await this.db.selectFrom('users').selectAll().execute();",
      "await trx.insertInto('units').values(row).execute();",
      "await db.updateTable('campaigns').set({ policy }).execute();",
      "await db.deleteFrom('uploaded_files').execute();",
      'const overdue = sql<SqlBool>`due_at < now()`;',
      'await sql`select 1`.execute(this.db);',
      '  .execute(db)',
      'q.orderBy(sql.raw(key));',
      "await pool.query('select 1');",
      'await client.query(`select * from events`);',
    ]) {
      expect(found(line)).toHaveLength(1);
    }
    for (const line of ['const rows = await this.repository.list(campaignId);', "// selectFrom in a comment's prose is not a call", 'await this.db.destroy();']) {
      expect(found(line)).toEqual([]);
    }
  });

  it('tells the places that may hold SQL from the rest', () => {
    for (const file of ['src/auth/auth.repository.ts', 'src/platform/projections/indicator-task-card.projection.ts', 'src/platform/database/database.ts', 'src/platform/database/migrations/0001-initial.ts', 'src/platform/event-store/event-store.repository.ts']) {
      expect(mayHoldSql(file)).toBe(true);
    }
    for (const file of ['src/auth/auth.service.ts', 'src/platform/health/health.controller.ts', 'src/worker.main.ts', 'src/platform/graphql/cursor.ts', 'src/cli/migrate.ts', 'src/demo/demo-data.ts']) {
      expect(mayHoldSql(file)).toBe(false);
    }
  });
});
