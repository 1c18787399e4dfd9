import type { AppConfig } from '../config/config';
import { createDatabase, migrateToLatest, type Db } from '../database/database';
import { connectClient } from '../temporal/temporal-connection';
import type { AppRuntime } from '../core/app-runtime';
import type { Shutdown } from './shutdown';
import { createEventStore } from './worker-runner';

/** Migrates the schema and rebuilds projections written by an older version of the code. */
export async function prepareDatabase(db: Db): Promise<{ migrated: string[]; rebuilt: string[] }> {
  const migrated = await migrateToLatest(db);
  const results = await createEventStore(db).rebuildProjections({ onlyStale: true });
  return { migrated, rebuilt: results.map((r) => `${r.name} (${r.events})`) };
}

/** Opens the database (migrated) and the Temporal client that the API needs, and registers their closing. */
export async function connectRuntime(
  config: AppConfig,
  databaseUrl: string,
  temporalAddress: string,
  temporalUiUrl: string | null,
  shutdown: Shutdown,
): Promise<AppRuntime & { migrated: string[]; rebuilt: string[] }> {
  const db: Db = createDatabase(databaseUrl);
  shutdown.add('数据库连接 / database pool', () => db.destroy());
  const { migrated, rebuilt } = await prepareDatabase(db);
  const temporal = await connectClient({ ...config.temporal, address: temporalAddress });
  shutdown.add('Temporal 客户端 / Temporal client', () => temporal.connection.close());
  return { config, databaseUrl, db, temporal, temporalUiUrl, migrated, rebuilt };
}
