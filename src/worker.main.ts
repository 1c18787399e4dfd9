// `npm run worker`: a Temporal worker alone, against TEMPORAL_ADDRESS and DATABASE_URL, with a health
// endpoint and the worker's Prometheus metrics (ours and the Temporal SDK's) on WORKER_HEALTH_PORT. Run several for
// throughput; Temporal spreads the work.
import './platform/tracing/register';
import * as http from 'node:http';
import { loadConfig, requireDatabaseUrl, requireTemporalAddress } from './platform/config/config';
import { createDatabase, pingDatabase } from './platform/database/database';
import { prepareDatabase } from './platform/runtime/connect';
import { assertPortFree } from './platform/runtime/ports';
import { runMain } from './platform/runtime/run-main';
import { Shutdown } from './platform/runtime/shutdown';
import { configuredWorkerOptions, installWorkerMetrics, startWorker } from './platform/runtime/worker-runner';
import { configureLogging, lifecycleLogger } from './platform/logging/logger';
import { flushTracing } from './platform/tracing/tracing';

const log = (line: string) => lifecycleLogger().info(line);

async function main(): Promise<void> {
  const config = loadConfig();
  configureLogging({ level: config.logLevel, format: config.logFormat, name: 'worker' });
  const databaseUrl = requireDatabaseUrl(config);
  const address = requireTemporalAddress(config);
  const shutdown = new Shutdown(log);
  shutdown.add('追踪 / traces', flushTracing);
  shutdown.onSignals(() => process.exit(0));
  await assertPortFree(config.worker.healthPort, 'WORKER_HEALTH_PORT', 'worker 健康检查 / worker health');
  try {
    const db = createDatabase(databaseUrl);
    shutdown.add('数据库连接 / database pool', () => db.destroy());
    await prepareDatabase(db);
    // Before the worker: the Temporal SDK's metrics exporter is set up with the process's Temporal runtime.
    const metrics = await installWorkerMetrics();
    const worker = await startWorker({ ...config.temporal, address }, db, configuredWorkerOptions(config), config.notifications, config.files);
    shutdown.add('Worker', () => worker.stop());
    worker.done.catch((err) => {
      lifecycleLogger().error({ err }, 'Worker 异常停止 / worker failed');
      void shutdown.run().then(() => process.exit(1));
    });
    const health = http.createServer((req, res) => {
      if (metrics.handle(req, res, config.metrics.token)) return;
      if (req.url !== '/health') {
        res.writeHead(404).end();
        return;
      }
      void pingDatabase(db)
        .then(() => 'ok', (err: unknown) => `error: ${String(err)}`)
        .then((database) => {
          const status = worker.status();
          const ok = database === 'ok' && status.state === 'RUNNING';
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database, worker: status }));
        });
    });
    await new Promise<void>((resolve) => health.listen(config.worker.healthPort, config.api.host, resolve));
    shutdown.add('健康检查 / health endpoint', () => new Promise((resolve) => health.close(() => resolve())));
    log(`已连接 ${address}，任务队列 ${config.temporal.taskQueue}；健康检查 http://${config.api.host}:${config.worker.healthPort}/health，监控指标 /metrics (pid ${process.pid})`);
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}

runMain(main);
