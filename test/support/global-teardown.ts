import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const servers = globalThis.__TEST_SERVERS__;
  if (!servers) return;
  // The cluster's services use PostgreSQL: stop them first.
  await servers.temporal.stop().catch(() => undefined);
  await servers.pg.stop().catch(() => undefined);
  fs.rmSync(servers.dir, { recursive: true, force: true });
}
