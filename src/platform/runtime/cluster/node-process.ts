// A worker or API instance of ours as a child process of the cluster supervisor: its output in a log file, taken
// along by the watchdog if the supervisor dies without stopping it, and started again if it crashes (at most five
// times a minute: a process that cannot start says so and stays down).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { logTail, stopChild } from '../child-process';
import { childWatchdog } from '../child-watchdog';
import { projectRoot } from '../project-paths';

export interface NodeProcessOptions {
  name: string;
  /** dist/src/<script>, e.g. worker.main.js. */
  script: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** URL answering 200 when the process is ready (its /health). */
  readyUrl: string;
  log: (line: string) => void;
}

export class SupervisedNodeProcess {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restarts: number[] = [];

  constructor(readonly options: NodeProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 120_000): Promise<void> {
    this.spawn();
    await this.waitReady(timeoutMs);
  }

  private spawn(): void {
    fs.mkdirSync(path.dirname(this.options.logFile), { recursive: true });
    const out = fs.openSync(this.options.logFile, 'a');
    // Its own process group: Ctrl-C in the terminal reaches only the supervisor, which stops us in order.
    const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/src', this.options.script)], { env: this.options.env, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    this.child = child;
    if (child.pid) childWatchdog().guard(child.pid, 'SIGTERM', true);
    child.once('exit', (code, signal) => {
      if (child.pid) childWatchdog().release(child.pid);
      if (this.stopping || this.child !== child) return;
      const now = Date.now();
      this.restarts = [...this.restarts.filter((t) => now - t < 60_000), now];
      if (this.restarts.length > 5) {
        this.options.log(`${this.options.name} 一分钟内多次异常退出，不再重启；日志见 ${this.options.logFile} / crashed repeatedly, left down`);
        return;
      }
      this.options.log(`${this.options.name} 异常退出（${code ?? signal}），正在重启 / exited unexpectedly, restarting`);
      setTimeout(() => {
        if (!this.stopping) this.spawn();
      }, 1000).unref();
    });
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const child = this.child;
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        throw new Error(`${this.options.name} 启动失败，日志见 ${this.options.logFile}:\n${logTail(this.options.logFile)}`);
      }
      try {
        const res = await fetch(this.options.readyUrl, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.options.name} 在限定时间内未就绪 / not ready in time\n${logTail(this.options.logFile)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  /** SIGTERM (a clean stop), SIGKILL after 20 s. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.child) await stopChild(this.child, 20_000);
  }
}
