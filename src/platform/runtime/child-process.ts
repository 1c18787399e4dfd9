// Small helpers for the server processes we start (the Temporal dev server, the cluster's services, our own
// workers and APIs): their log's last lines for an error message, and a stop that escalates.
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

/** The last lines of a log file, or '' when it cannot be read. */
export function logTail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** SIGTERM (or `signal`), then SIGKILL if the process is still there after `graceMs`; resolves once it has exited. */
export async function stopChild(child: ChildProcess, graceMs: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
