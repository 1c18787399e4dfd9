// `npm run start:cluster` (or `npm start -- --cluster`): the system as a district runs it, in one process tree
// that Ctrl-C stops cleanly. PostgreSQL (embedded, or DATABASE_URL's server) holds our data and Temporal's two
// databases; the Temporal server runs as four processes (frontend, history, matching, worker) with the Temporal UI;
// two workers and two API instances run as processes of their own, the APIs behind one port (PORT) through a small
// reverse proxy. Everything keeps its state under data/cluster/ (another folder than `npm start`'s: the two
// Temporal servers do not share workflows), so the same data is there after a restart.
import * as path from 'node:path';
import { loadConfig } from './platform/config/config';
import { seedDemoData } from './demo/demo-data';
import { createDatabase } from './platform/database/database';
import { ApiProxy } from './platform/runtime/cluster/api-proxy';
import { requireClusterBinaries } from './platform/runtime/cluster/cluster-binaries';
import { SupervisedNodeProcess } from './platform/runtime/cluster/node-process';
import { clusterPortList, defaultClusterPorts, TemporalCluster } from './platform/runtime/cluster/temporal-cluster';
import { prepareDatabase } from './platform/runtime/connect';
import { embeddedPostgresPassword, EmbeddedPostgresServer } from './platform/runtime/embedded-postgres';
import { assertPortFree } from './platform/runtime/ports';
import { runMain } from './platform/runtime/run-main';
import { Shutdown } from './platform/runtime/shutdown';
import { connectClient } from './platform/temporal/temporal-connection';

const log = (line: string) => console.log(`[集群] ${line}`);

/** Two of each, as the issue of running at district scale asks; more are a matter of these two numbers. */
const WORKERS = 2;
const APIS = 2;

async function main(): Promise<void> {
  const config = loadConfig();
  const binaries = requireClusterBinaries();
  const shutdown = new Shutdown(log);
  shutdown.onSignals(() => {
    log('全部已停止 / all stopped');
    process.exit(0);
  });
  const dir = path.join(config.dataDir, 'cluster');
  const t = config.temporal;
  if (t.address) log(`已忽略 TEMPORAL_ADDRESS：集群模式自带 Temporal 集群 / TEMPORAL_ADDRESS ignored in cluster mode`);
  const ports = defaultClusterPorts(t.devServerPort, t.uiPort);
  const apiPorts = Array.from({ length: APIS }, (_, i) => config.api.port + 100 + i);
  const workerPorts = Array.from({ length: WORKERS }, (_, i) => config.worker.healthPort + i);

  // Every port we would open, checked before anything starts.
  if (!config.databaseUrl) await assertPortFree(config.embeddedPostgresPort, 'EMBEDDED_POSTGRES_PORT', '内置 PostgreSQL / embedded PostgreSQL');
  for (const { port, what } of clusterPortList(ports)) await assertPortFree(port, what.includes('UI') ? 'TEMPORAL_UI_PORT' : 'TEMPORAL_PORT', what);
  await assertPortFree(config.api.port, 'PORT', 'GraphQL API 与看板 / API and board', config.api.host);
  for (const port of apiPorts) await assertPortFree(port, 'PORT', `API 实例（PORT+100…）/ API instance`);
  for (const port of workerPorts) await assertPortFree(port, 'WORKER_HEALTH_PORT', 'worker 健康检查 / worker health');

  try {
    // PostgreSQL, and who may create Temporal's role and databases on it.
    let databaseUrl = config.databaseUrl;
    let admin: { host: string; port: number; adminUser: string; adminPassword: string };
    if (!databaseUrl) {
      log(`启动内置 PostgreSQL（端口 ${config.embeddedPostgresPort}）/ starting embedded PostgreSQL…`);
      const pgDir = path.join(dir, 'postgres');
      const pg = await EmbeddedPostgresServer.start({ dataDir: pgDir, port: config.embeddedPostgresPort, database: 'chuangwen' });
      shutdown.add('内置 PostgreSQL / embedded PostgreSQL', () => pg.stop());
      databaseUrl = pg.url;
      admin = { host: '127.0.0.1', port: config.embeddedPostgresPort, adminUser: 'postgres', adminPassword: embeddedPostgresPassword(pgDir) };
    } else {
      const url = new URL(databaseUrl);
      admin = { host: url.hostname, port: Number(url.port || 5432), adminUser: decodeURIComponent(url.username), adminPassword: decodeURIComponent(url.password) };
    }

    log('启动 Temporal 集群（frontend、history、matching、worker 四个服务）/ starting the Temporal cluster…');
    const cluster = await TemporalCluster.start({
      binaries,
      postgres: admin,
      // Temporal's own role; its password is kept beside the data like PostgreSQL's (mode 0600).
      temporalPassword: embeddedPostgresPassword(path.join(dir, 'temporal')),
      ports,
      namespace: t.namespace,
      dir: path.join(dir, 'temporal'),
      log,
    });
    shutdown.add('Temporal 集群 / Temporal cluster', () => cluster.stop());

    const db = createDatabase(databaseUrl);
    shutdown.add('数据库连接 / database pool', () => db.destroy());
    const prepared = await prepareDatabase(db);
    if (prepared.migrated.length > 0) log(`数据库迁移完成 / migrations applied: ${prepared.migrated.join(', ')}`);

    const childEnv = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_NAMESPACE: t.namespace,
      TEMPORAL_TASK_QUEUE: t.taskQueue,
      TEMPORAL_UI_URL: cluster.uiUrl ?? '',
      FILE_STORE_DIR: config.files.dir === path.resolve(config.dataDir, 'files') ? path.join(dir, 'files') : config.files.dir,
      ...extra,
    });

    const workers = workerPorts.map(
      (port, i) =>
        new SupervisedNodeProcess({
          name: `Worker ${i + 1}`,
          script: 'worker.main.js',
          env: childEnv({ WORKER_HEALTH_PORT: String(port), HOST: '127.0.0.1' }),
          logFile: path.join(dir, 'logs', `worker-${i + 1}.log`),
          readyUrl: `http://127.0.0.1:${port}/health`,
          log,
        }),
    );
    for (const [i, worker] of workers.entries()) {
      shutdown.add(`Worker ${i + 1}`, () => worker.stop());
      await worker.start();
    }
    log(`${WORKERS} 个 worker 已启动 / workers running`);

    if (config.demoData) {
      const temporal = await connectClient({ ...t, address: cluster.address });
      try {
        const started = await seedDemoData(db, temporal, t.taskQueue, log);
        if (started !== null) log(`演示数据已就绪，启动了 ${started} 个指标任务工作流 / demo data ready`);
      } finally {
        await temporal.connection.close();
      }
    }

    // The public origins are the proxy's, not the instances': their WebSocket and CORS checks must accept them.
    const publicHost = config.api.host === '0.0.0.0' ? 'localhost' : config.api.host;
    const origins = [...new Set([`http://${publicHost}:${config.api.port}`, `http://localhost:${config.api.port}`, `http://127.0.0.1:${config.api.port}`])];
    const apis = apiPorts.map(
      (port, i) =>
        new SupervisedNodeProcess({
          name: `API ${i + 1}`,
          script: 'api.main.js',
          env: childEnv({
            PORT: String(port),
            HOST: '127.0.0.1',
            // The proxy in front replaces X-Forwarded-For with the client it saw: trust it, and only it.
            TRUST_PROXY: 'loopback',
            ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS?.trim() ? process.env.ALLOWED_ORIGINS : origins.join(','),
          }),
          logFile: path.join(dir, 'logs', `api-${i + 1}.log`),
          readyUrl: `http://127.0.0.1:${port}/health`,
          log,
        }),
    );
    for (const [i, api] of apis.entries()) {
      shutdown.add(`API ${i + 1}`, () => api.stop());
      await api.start();
    }

    const proxy = await ApiProxy.start({
      host: config.api.host,
      port: config.api.port,
      upstreams: apiPorts.map((port) => ({ host: '127.0.0.1', port })),
      trustProxy: config.api.trustProxy,
      log,
    });
    shutdown.add('API 代理 / API proxy', () => proxy.close());

    const base = `http://${publicHost}:${config.api.port}`;
    console.log(
      [
        '',
        '  创文工作流引擎已在集群模式下启动 / the campaign engine is running on a Temporal cluster',
        `  看板 Board:              ${base}/`,
        `  GraphQL:                 ${base}/graphql   （${APIS} 个 API 实例：${apiPorts.join('、')}）`,
        `  健康检查 Health:         ${base}/health`,
        `  Worker 健康检查:         ${workerPorts.map((p) => `http://127.0.0.1:${p}/health`).join('  ')}`,
        `  Temporal 集群 Cluster:   ${cluster.address}（frontend ${ports.frontend.grpc}、history ${ports.history.grpc}、matching ${ports.matching.grpc}、worker ${ports.worker.grpc}）`,
        `  Temporal 界面 UI:        ${cluster.uiUrl ?? '（未启动 / not started）'}`,
        `  数据与日志 Data, logs:   ${config.databaseUrl ? '（外部数据库 / external database）' : path.join(dir, 'postgres')}  ${path.join(dir, 'logs')}  ${path.join(dir, 'temporal', 'logs')}`,
        '  按 Ctrl-C 停止全部 / press Ctrl-C to stop everything',
        '',
      ].join('\n'),
    );
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}

runMain(main);
