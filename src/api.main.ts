// `npm run api`: the GraphQL API and the board alone, against TEMPORAL_ADDRESS and DATABASE_URL.
// Run as many as you like behind a load balancer; they share nothing but Temporal and PostgreSQL.
import './platform/tracing/register';
import { loadConfig, requireDatabaseUrl, requireTemporalAddress } from './platform/config/config';
import { startApi } from './platform/runtime/api-server';
import { connectRuntime } from './platform/runtime/connect';
import { runMain } from './platform/runtime/run-main';
import { Shutdown } from './platform/runtime/shutdown';
import { configureLogging, lifecycleLogger } from './platform/logging/logger';
import { flushTracing } from './platform/tracing/tracing';

const log = (line: string) => lifecycleLogger().info(line);

async function main(): Promise<void> {
  const config = loadConfig();
  configureLogging({ level: config.logLevel, format: config.logFormat, name: 'api' });
  const databaseUrl = requireDatabaseUrl(config);
  const address = requireTemporalAddress(config);
  const shutdown = new Shutdown(log);
  shutdown.add('追踪 / traces', flushTracing);
  shutdown.onSignals(() => process.exit(0));
  try {
    const runtime = await connectRuntime(config, databaseUrl, address, config.temporal.uiUrl, shutdown);
    const app = await startApi(runtime);
    shutdown.add('API', () => app.close());
    log(`GraphQL: http://${config.api.host}:${config.api.port}/graphql  (pid ${process.pid})`);
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}

runMain(main);
