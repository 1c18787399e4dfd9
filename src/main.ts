// `npm start`: the whole system on embedded defaults. Temporal dev server (SQLite, Web UI) unless
// TEMPORAL_ADDRESS is set; embedded PostgreSQL unless DATABASE_URL is set; then the worker, the API with the
// board, and the demo data on first start.
import './platform/tracing/register';
import * as path from 'node:path';
import { loadConfig } from './platform/config/config';
import { seedDemoData } from './demo/demo-data';
import { startApi } from './platform/runtime/api-server';
import { connectRuntime } from './platform/runtime/connect';
import { EmbeddedPostgresServer } from './platform/runtime/embedded-postgres';
import { assertPortFree } from './platform/runtime/ports';
import { runMain } from './platform/runtime/run-main';
import { Shutdown } from './platform/runtime/shutdown';
import { resolveTemporalCli } from './platform/runtime/temporal-binaries';
import { TemporalDevServer } from './platform/runtime/temporal-dev-server';
import { configuredWorkerOptions, installWorkerMetrics, startWorker } from './platform/runtime/worker-runner';
import { configureLogging, lifecycleLogger } from './platform/logging/logger';
import { flushTracing } from './platform/tracing/tracing';
import { FileStore } from './platform/files/file-store';

const log = (line: string) => lifecycleLogger().info(line);

async function main(): Promise<void> {
  const config = loadConfig();
  configureLogging({ level: config.logLevel, format: config.logFormat, name: '创文' });
  const shutdown = new Shutdown(log);
  // Added first, so run last: the spans of the stop itself are sent too.
  shutdown.add('追踪 / traces', flushTracing);
  shutdown.onSignals(() => {
    log('全部已停止 / all stopped');
    process.exit(0);
  });
  const t = config.temporal;

  // Every port we would open, checked before anything starts.
  if (!config.databaseUrl) await assertPortFree(config.embeddedPostgresPort, 'EMBEDDED_POSTGRES_PORT', '内置 PostgreSQL / embedded PostgreSQL');
  if (!t.address) {
    await assertPortFree(t.devServerPort, 'TEMPORAL_PORT', 'Temporal 服务 / Temporal frontend');
    await assertPortFree(t.devServerPort + 10, 'TEMPORAL_PORT', 'Temporal HTTP 接口（TEMPORAL_PORT+10）');
    await assertPortFree(t.devServerPort + 11, 'TEMPORAL_PORT', 'Temporal 监控指标（TEMPORAL_PORT+11）');
    await assertPortFree(t.uiPort, 'TEMPORAL_UI_PORT', 'Temporal 网页界面 / Temporal Web UI');
  }
  await assertPortFree(config.api.port, 'PORT', 'GraphQL API 与看板 / API and board', config.api.host);
  await assertPortFree(config.metrics.workerPort, 'WORKER_METRICS_PORT', 'worker 监控指标 / worker metrics', config.api.host);

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      log(`启动内置 PostgreSQL（端口 ${config.embeddedPostgresPort}）/ starting embedded PostgreSQL…`);
      const pg = await EmbeddedPostgresServer.start({
        dataDir: path.join(config.dataDir, 'postgres'),
        port: config.embeddedPostgresPort,
        database: 'chuangwen',
      });
      shutdown.add('内置 PostgreSQL / embedded PostgreSQL', () => pg.stop());
      databaseUrl = pg.url;
    }

    let temporalAddress = t.address;
    let temporalUiUrl = t.uiUrl;
    if (!temporalAddress) {
      const cli = resolveTemporalCli(log);
      log(`启动 Temporal 开发服务器（端口 ${t.devServerPort}）/ starting the Temporal dev server…`);
      const server = await TemporalDevServer.start({
        cli,
        port: t.devServerPort,
        uiPort: t.uiPort,
        httpPort: t.devServerPort + 10,
        metricsPort: t.devServerPort + 11,
        dbFile: path.join(config.dataDir, 'temporal/temporal.db'),
        namespace: t.namespace,
        logFile: path.join(config.dataDir, 'logs/temporal.log'),
      });
      shutdown.add('Temporal 开发服务器 / Temporal dev server', () => server.stop());
      temporalAddress = server.address;
      temporalUiUrl ??= server.uiUrl;
    }

    const runtime = await connectRuntime(config, databaseUrl, temporalAddress, temporalUiUrl, shutdown);
    if (runtime.migrated.length > 0) log(`数据库迁移完成 / migrations applied: ${runtime.migrated.join(', ')}`);
    if (runtime.rebuilt.length > 0) log(`已按新版本重建投影 / projections rebuilt: ${runtime.rebuilt.join(', ')}`);

    // Before the worker: the Temporal SDK's metrics exporter is set up with the process's Temporal runtime.
    const workerMetrics = await installWorkerMetrics();
    const worker = await startWorker({ ...t, address: temporalAddress }, runtime.db, configuredWorkerOptions(config), config.notifications, config.files);
    shutdown.add('Worker', () => worker.stop());
    const metricsServer = await workerMetrics.listen(config.api.host, config.metrics.workerPort, config.metrics.token);
    shutdown.add('worker 监控指标 / worker metrics', () => new Promise((resolve) => metricsServer.close(() => resolve())));
    worker.done.catch((err) => {
      lifecycleLogger().error({ err }, 'Worker 异常停止 / worker failed');
      void shutdown.run().then(() => process.exit(1));
    });

    if (config.demoData) {
      const started = await seedDemoData(runtime.db, runtime.temporal, t.taskQueue, log, new FileStore(config.files.dir, config.files.maxBytes));
      if (started !== null) log(`演示数据已就绪，启动了 ${started} 个指标任务工作流 / demo data ready`);
    }

    const app = await startApi({ ...runtime, workerStatus: worker.status }, { checkPort: false });
    shutdown.add('API', () => app.close());

    const host = config.api.host === '0.0.0.0' ? 'localhost' : config.api.host;
    const base = `http://${host}:${config.api.port}`;
    console.log(
      [
        '',
        '  创文工作流引擎已启动 / the campaign engine is running',
        `  看板 Board:              ${base}/`,
        `  GraphQL:                 ${base}/graphql`,
        ...(config.graphqlIde ? [`  调试台 GraphiQL:         ${base}/graphiql`] : []),
        `  健康检查 Health:         ${base}/health`,
        `  监控指标 Metrics:        ${base}/metrics`,
        `  Worker 指标 Metrics:     http://${host}:${config.metrics.workerPort}/metrics`,
        `  Temporal 界面 UI:        ${temporalUiUrl ?? '（未知 / unknown）'}`,
        `  数据目录 Data:           ${config.databaseUrl ? '（外部数据库 / external database）' : config.dataDir}`,
        '  按 Ctrl-C 停止全部 / press Ctrl-C to stop everything',
        '',
      ].join('\n'),
    );
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}

// `npm start -- --cluster` is `npm run start:cluster`: the same system on a real Temporal cluster (cluster.main.ts).
if (process.argv.includes('--cluster')) void import('./cluster.main');
else runMain(main);
