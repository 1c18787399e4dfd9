// The set-up every workflow spec shares: the time-skipping test server (the pinned binary, never a download), our
// search attributes registered on it, and one worker on the spec's task queue running the given activities.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import { resolveTemporalTestServer } from '../../src/platform/runtime/temporal-binaries';
import { registerSearchAttributes } from '../../src/platform/temporal/search-attributes';

export interface TimeSkippingWorker {
  env: TestWorkflowEnvironment;
  /** Shuts the worker down, waits for it, and stops the test server. */
  stop(): Promise<void>;
}

export async function startTimeSkippingWorker(options: {
  taskQueue: string;
  workflowsPath: string;
  /** The fake activities; one may call back into a workflow through the environment, as a real one would. */
  activities: object;
  logLevel?: LogLevel;
}): Promise<TimeSkippingWorker> {
  Runtime.install({ logger: new DefaultLogger(options.logLevel ?? 'WARN') });
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: resolveTemporalTestServer() } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: options.taskQueue,
    workflowsPath: options.workflowsPath,
    activities: options.activities,
  });
  const running = worker.run();
  return {
    env,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
