import { Kysely, Migrator, PostgresDialect, sql, type MigrationResultSet } from 'kysely';
import { Pool, type PoolConfig } from 'pg';
import type { Database } from './database.types';
import { MIGRATIONS } from './migrations';
import { componentLogger } from '../logging/logger';

export type Db = Kysely<Database>;

export function createDatabase(connectionString: string, options: Omit<PoolConfig, 'connectionString'> = {}): Db {
  const pool = new Pool({ connectionString, max: 10, ...options });
  // An idle connection dropped by the server (a restart, a failover, Ctrl-C reaching PostgreSQL first) must not
  // take the process down: the pool discards it and the next query opens a new one.
  pool.on('error', (err) => componentLogger('database').warn(`空闲的数据库连接已断开 / idle connection lost: ${err.message}`));
  // The pool listens for errors only while a connection is idle. One the server drops while it is taken (between
  // the statements of a transaction, or just before a query) emits 'error' with no listener, which ends the
  // process: an API died so when PostgreSQL shut down under load (test/faults/postgres-restart.fault-spec.ts).
  // Whoever holds the connection learns of it from its next query, and the pool discards it on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** One round trip to the database (`select 1`), for the health checks: rejects when it does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

export class MigrationError extends Error {
  constructor(readonly migration: string | undefined, cause: unknown) {
    super(`数据库迁移失败 / migration failed${migration ? ` (${migration})` : ''}: ${String(cause)}`);
    this.name = 'MigrationError';
  }
}

/** Runs pending migrations; safe to call from several processes at once (Kysely takes an advisory lock). */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(failed?.migrationName, result.error);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
