import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const servers = globalThis.__TEST_SERVERS__;
  if (!servers) return;
  await Promise.allSettled([servers.temporal.stop(), servers.pg.stop()]);
  fs.rmSync(servers.dir, { recursive: true, force: true });
}
