// An entry point of the build (dist/src/*.js) run as its own process, its output kept, for tests of what a
// deployed process does (its logs, its traces).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from '../../src/platform/runtime/project-paths';

export interface NodeProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Stops it (SIGTERM) and waits for its exit. */
  stop(): Promise<void>;
}

export function startEntryPoint(entry: 'api.main' | 'worker.main' | 'main', env: NodeJS.ProcessEnv): NodeProcess {
  let out = '';
  let err = '';
  const child = spawn(process.execPath, [path.join(projectRoot(), `dist/src/${entry}.js`)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (err += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
