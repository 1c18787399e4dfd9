// Starts what the integration tier needs, once: an embedded PostgreSQL in a temporary folder and the real
// Temporal dev server in memory, each on free ports. Tests create their own databases and task queues.
// Under `npm run test:cluster` (TEST_TEMPORAL=cluster) Temporal is the full server instead, as four services with
// PostgreSQL persistence and SQL visibility on the same PostgreSQL.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireClusterBinaries } from '../../src/platform/runtime/cluster/cluster-binaries';
import { TemporalCluster } from '../../src/platform/runtime/cluster/temporal-cluster';
import { embeddedPostgresPassword, EmbeddedPostgresServer } from '../../src/platform/runtime/embedded-postgres';
import { freePort } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { resolveTemporalCli } from '../../src/platform/runtime/temporal-binaries';
import { TemporalDevServer } from '../../src/platform/runtime/temporal-dev-server';
import { testClusterPorts, usingCluster } from './temporal-under-test';

declare global {
  var __TEST_SERVERS__: { pg: EmbeddedPostgresServer; temporal: { stop(): Promise<void> }; dir: string } | undefined;
}

const NAMESPACE = 'chuangwen-test';

export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-test-'));
  fs.chmodSync(dir, 0o755);
  const [pgPort, temporalPort, httpPort, metricsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const pgDataDir = path.join(dir, 'postgres');
  const startPg = () => EmbeddedPostgresServer.start({ dataDir: pgDataDir, port: pgPort, database: 'chuangwen_test' });
  let pg: EmbeddedPostgresServer;
  let temporal: TemporalDevServer | TemporalCluster;
  if (usingCluster()) {
    const binaries = requireClusterBinaries();
    pg = await startPg();
    temporal = await TemporalCluster.start({
      binaries,
      postgres: { host: '127.0.0.1', port: pgPort, adminUser: 'postgres', adminPassword: embeddedPostgresPassword(pgDataDir) },
      temporalPassword: embeddedPostgresPassword(path.join(dir, 'temporal')),
      ports: await testClusterPorts(temporalPort),
      namespace: NAMESPACE,
      dir: path.join(dir, 'temporal-cluster'),
    }).catch(async (err: unknown) => {
      await pg.stop();
      throw err;
    });
  } else {
    [pg, temporal] = await Promise.all([
      startPg(),
      TemporalDevServer.start({
        cli: resolveTemporalCli(),
        port: temporalPort,
        uiPort: null,
        httpPort,
        metricsPort,
        dbFile: null,
        namespace: NAMESPACE,
        logFile: path.join(dir, 'temporal.log'),
      }),
    ]);
  }
  globalThis.__TEST_SERVERS__ = { pg, temporal, dir };
  process.env.TEST_DATABASE_URL = pg.url;
  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_TEMPORAL_NAMESPACE = NAMESPACE;
  const bundle = path.join(projectRoot(), 'dist/workflow-bundle.js');
  if (fs.existsSync(bundle)) process.env.WORKFLOW_BUNDLE = bundle;
}
