// The API and the worker as separate Node processes, exactly as `npm run api` and `npm run worker` run them
// (node dist/src/api.main.js, node dist/src/worker.main.js) with their configuration in the environment, so
// that each one's CPU and memory can be read from /proc. Each is stopped with SIGTERM (SIGKILL after 20 s).
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import type { Shutdown } from '../../src/platform/runtime/shutdown';
import { NAMESPACE, procStat, waitFor } from './harness';

export type ServiceKind = 'api' | 'worker';

export interface Service {
  kind: ServiceKind;
  label: string;
  pid: number;
  /** The API's base URL, or the worker's health endpoint. */
  url: string;
  /** Settles with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** False once the process has ended. */
  alive(): boolean;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  kind: ServiceKind;
  label: string;
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** More configuration (FILE_STORE_DIR, TEMPORAL_MAX_CACHED_WORKFLOWS, …). */
  env?: Record<string, string>;
}

const MAIN: Record<ServiceKind, string> = { api: 'dist/src/api.main.js', worker: 'dist/src/worker.main.js' };
const STARTUP_TIMEOUT_MS = 120_000;

/** Starts the process, waits until its /health answers 200, and registers its stopping with `shutdown`. */
export async function startService(shutdown: Shutdown, options: ServiceOptions): Promise<Service> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(projectRoot(), MAIN[options.kind])], {
    env: {
      PATH: process.env.PATH ?? '',
      // The prebuilt bundle the benchmark checked for (useWorkflowBundle).
      ...(process.env.WORKFLOW_BUNDLE ? { WORKFLOW_BUNDLE: process.env.WORKFLOW_BUNDLE } : {}),
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      HOST: '127.0.0.1',
      ...(options.kind === 'api' ? { PORT: String(port) } : { WORKER_HEALTH_PORT: String(port) }),
      // Seeds nothing outside `npm start`; the benchmarks name people with the demo header, which needs the demo on.
      DEMO_DATA: 'true',
      LOG_LEVEL: 'error',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The last lines it wrote, to say why it failed.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ended = false;
  void exited.then(() => (ended = true));
  const stop = async () => {
    if (ended) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  shutdown.add(`${options.label} (pid ${child.pid})`, stop);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (ended) throw new Error(`${options.label} exited during start-up:\n${output}`);
      return (await fetch(`${url}/health`).catch(() => null))?.status === 200;
    },
    STARTUP_TIMEOUT_MS,
    `${options.label} healthy`,
    200,
  );
  return { kind: options.kind, label: options.label, pid: child.pid!, url, exited, alive: () => !ended, stop };
}

/** CPU seconds (user + system) each process has used so far; 0 for one that is gone. */
export function cpuSecondsOf(services: readonly Service[]): Map<Service, number> {
  return new Map(services.map((s) => [s, procStat(s.pid)?.[1] ?? 0]));
}
