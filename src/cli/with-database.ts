// For one-off commands: the configured database, or the embedded one started just for the command.
import * as path from 'node:path';
import type { AppConfig } from '../platform/config/config';
import { createDatabase, type Db } from '../platform/database/database';
import { EmbeddedPostgresServer, passwordFileOf } from '../platform/runtime/embedded-postgres';
import { assertPortFree } from '../platform/runtime/ports';

export async function withDatabase<T>(config: AppConfig, fn: (db: Db) => Promise<T>): Promise<T> {
  let embedded: EmbeddedPostgresServer | null = null;
  let url = config.databaseUrl;
  if (!url) {
    await assertPortFree(config.embeddedPostgresPort, 'EMBEDDED_POSTGRES_PORT', `内置 PostgreSQL。若 npm start 正在运行，请设置 DATABASE_URL=postgres://postgres:<${passwordFileOf(path.join(config.dataDir, 'postgres'))} 中的密码>@127.0.0.1:${config.embeddedPostgresPort}/chuangwen / if npm start is running, point DATABASE_URL at its database (password in that file)`);
    embedded = await EmbeddedPostgresServer.start({ dataDir: path.join(config.dataDir, 'postgres'), port: config.embeddedPostgresPort, database: 'chuangwen' });
    url = embedded.url;
  }
  const db = createDatabase(url);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}
