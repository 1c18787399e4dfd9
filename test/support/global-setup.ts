// Starts what the integration tier needs, once: an embedded PostgreSQL in a temporary folder and the real
// Temporal dev server in memory, each on free ports. Tests create their own databases and task queues.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgresServer } from '../../src/platform/runtime/embedded-postgres';
import { freePort } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { resolveTemporalCli } from '../../src/platform/runtime/temporal-binaries';
import { TemporalDevServer } from '../../src/platform/runtime/temporal-dev-server';

declare global {
  var __TEST_SERVERS__: { pg: EmbeddedPostgresServer; temporal: TemporalDevServer; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-test-'));
  fs.chmodSync(dir, 0o755);
  const [pgPort, temporalPort, httpPort, metricsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const [pg, temporal] = await Promise.all([
    EmbeddedPostgresServer.start({ dataDir: path.join(dir, 'postgres'), port: pgPort, database: 'chuangwen_test' }),
    TemporalDevServer.start({
      cli: resolveTemporalCli(),
      port: temporalPort,
      uiPort: null,
      httpPort,
      metricsPort,
      dbFile: null,
      namespace: 'chuangwen-test',
      logFile: path.join(dir, 'temporal.log'),
    }),
  ]);
  globalThis.__TEST_SERVERS__ = { pg, temporal, dir };
  process.env.TEST_DATABASE_URL = pg.url;
  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_TEMPORAL_NAMESPACE = 'chuangwen-test';
  const bundle = path.join(projectRoot(), 'dist/workflow-bundle.js');
  if (fs.existsSync(bundle)) process.env.WORKFLOW_BUNDLE = bundle;
}
