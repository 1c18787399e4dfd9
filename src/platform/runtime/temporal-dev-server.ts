// Runs the official Temporal dev server as a child process: SQLite persistence (or in memory for tests),
// the namespace and our search attributes registered, and waits until it answers before going on.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../../../workflows/search-attributes';
import { logTail, stopChild } from './child-process';
import { childWatchdog } from './child-watchdog';

export interface DevServerOptions {
  cli: string;
  port: number;
  /** null: no Web UI (tests). */
  uiPort: number | null;
  httpPort: number;
  metricsPort: number;
  /** SQLite file; null keeps everything in memory (tests). */
  dbFile: string | null;
  namespace: string;
  /** Server output goes here instead of the console. */
  logFile: string;
  startTimeoutMs?: number;
}

function titleCase(type: string): string {
  return type.charAt(0) + type.slice(1).toLowerCase();
}

export class TemporalDevServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly address: string,
    readonly uiUrl: string | null,
  ) {}

  static async start(options: DevServerOptions): Promise<TemporalDevServer> {
    const args = [
      'server',
      'start-dev',
      '--ip', '127.0.0.1',
      '--port', String(options.port),
      '--http-port', String(options.httpPort),
      '--metrics-port', String(options.metricsPort),
      '--namespace', options.namespace,
      '--log-level', 'warn',
      ...SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${titleCase(key.type)}`]),
    ];
    if (options.uiPort === null) args.push('--headless');
    else args.push('--ui-port', String(options.uiPort), '--ui-disable-news-fetch');
    if (options.dbFile) {
      fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
      args.push('--db-filename', options.dbFile);
    }
    fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
    const log = fs.openSync(options.logFile, 'a');
    // Its own process group: Ctrl-C in the terminal reaches only us, and we stop the server after the worker.
    const child = spawn(options.cli, args, { stdio: ['ignore', log, log], detached: true });
    fs.closeSync(log);
    // If this process ends without a clean stop (an uncaught error calling process.exit), take the server along;
    // if it dies without running exit handlers (kill -9, heap exhaustion), the watchdog does.
    const killOnExit = () => child.kill('SIGTERM');
    process.once('exit', killOnExit);
    if (child.pid) childWatchdog().guard(child.pid, 'SIGTERM', true);
    child.once('exit', () => {
      process.removeListener('exit', killOnExit);
      if (child.pid) childWatchdog().release(child.pid);
    });
    const address = `127.0.0.1:${options.port}`;
    const server = new TemporalDevServer(child, address, options.uiPort === null ? null : `http://localhost:${options.uiPort}`);
    try {
      await server.waitUntilReady(options.namespace, options.startTimeoutMs ?? 90_000, options.logFile);
    } catch (err) {
      await server.stop();
      throw err;
    }
    return server;
  }

  private async waitUntilReady(namespace: string, timeoutMs: number, logFile: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited: number | null = null;
    this.child.once('exit', (code) => (exited = code ?? -1));
    let lastError: unknown = null;
    while (Date.now() < deadline) {
      if (exited !== null) {
        throw new Error(`Temporal 开发服务器启动失败（退出码 ${exited}），日志见 ${logFile}:\n${logTail(logFile)}`);
      }
      try {
        const connection = await Connection.connect({ address: this.address, connectTimeout: 2000 });
        try {
          await connection.workflowService.describeNamespace({ namespace });
          return;
        } finally {
          await connection.close();
        }
      } catch (err) {
        lastError = err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    throw new Error(`Temporal 开发服务器在 ${timeoutMs / 1000} 秒内未就绪 / not ready in time: ${String(lastError)}\n${logTail(logFile)}`);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stop(): Promise<void> {
    return stopChild(this.child, 15_000);
  }
}
