// Servers we start (embedded PostgreSQL, the Temporal dev server) must not outlive us, however we die: a kill -9
// or a heap exhaustion runs no exit handler. One small watchdog process per launcher holds a pipe from us; when
// the pipe closes (we are gone, for whatever reason) it stops the servers it was told about and exits.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';

/**
 * The watchdog itself, run with `node -e` so that it needs no file on disk (it also serves the jest global setup,
 * which runs from TypeScript). Lines on stdin: {"guard":pid,"signal":"SIGTERM","group":true} | {"release":pid} |
 * {"pgdata":"/abs/dir"} | {"pgdataDone":"/abs/dir"}. At end of input: the signal to every guarded pid (or its process group), the postmaster
 * named by each pgdata's postmaster.pid gets SIGINT (fast shutdown); after GRACE_MS whatever is left gets SIGKILL.
 */
const WATCHDOG_SOURCE = String.raw`
const fs = require('fs');
const GRACE_MS = 10000;
const guarded = new Map();
const pgdata = new Set();
let buffer = '';
process.on('SIGINT', () => {});
process.on('SIGHUP', () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let nl;
  while ((nl = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, nl);
    buffer = buffer.slice(nl + 1);
    try {
      const m = JSON.parse(line);
      if (Number.isInteger(m.guard)) guarded.set(m.guard, { signal: m.signal, group: m.group === true });
      else if (Number.isInteger(m.release)) guarded.delete(m.release);
      else if (typeof m.pgdata === 'string') pgdata.add(m.pgdata);
      else if (typeof m.pgdataDone === 'string') pgdata.delete(m.pgdataDone);
    } catch {}
  }
});
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const send = (pid, group, signal) => { try { process.kill(group ? -pid : pid, signal); } catch {} };
function postmaster(dir) {
  try {
    const pid = Number(fs.readFileSync(dir + '/postmaster.pid', 'utf8').split('\n')[0]);
    if (!(pid > 0)) return null;
    try { if (!fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').split('\0').includes(dir)) return null; } catch (e) { if (e.code !== 'ENOENT' || fs.existsSync('/proc/self')) return null; }
    return pid;
  } catch { return null; }
}
process.stdin.on('close', () => {
  const targets = [...guarded].map(([pid, t]) => ({ pid, ...t }));
  for (const dir of pgdata) {
    const pid = postmaster(dir);
    if (pid !== null && !guarded.has(pid)) targets.push({ pid, signal: 'SIGINT', group: false });
  }
  for (const t of targets) send(t.pid, t.group, t.signal);
  const deadline = Date.now() + GRACE_MS;
  const poll = setInterval(() => {
    const left = targets.filter((t) => alive(t.pid));
    if (left.length === 0 || Date.now() > deadline) {
      for (const t of left) send(t.pid, t.group, 'SIGKILL');
      clearInterval(poll);
      process.exit(0);
    }
  }, 100);
});
`;

export class ChildWatchdog {
  private readonly child: ChildProcess;
  private readonly input: Writable;

  constructor() {
    // Its own session: Ctrl-C in the terminal is for us; we then stop the servers in order and, when we exit,
    // the watchdog finds nothing left to stop.
    this.child = spawn(process.execPath, ['-e', WATCHDOG_SOURCE], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    this.input = this.child.stdin!;
    this.input.on('error', () => undefined);
    // Neither keeps us running: the watchdog lives exactly as long as we do.
    this.child.unref();
    (this.input as Writable & { unref?: () => void }).unref?.();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** On our death, `signal` goes to pid (or its process group), then SIGKILL if it is still there after 10 s. */
  guard(pid: number, signal: NodeJS.Signals, group: boolean): void {
    this.send({ guard: pid, signal, group });
  }

  /** The process ended normally: its pid may be reused and must not be signalled later. */
  release(pid: number): void {
    this.send({ release: pid });
  }

  /** The postmaster of this data folder (read from its postmaster.pid when we die) gets a fast shutdown. */
  guardPostgres(dataDir: string): void {
    this.send({ pgdata: dataDir });
  }

  /**
   * The postmaster is guarded by its pid now (or did not start): the data folder is no longer looked at, so that
   * a later PostgreSQL on it, started by someone else, is never stopped by us.
   */
  guardPostgresDone(dataDir: string): void {
    this.send({ pgdataDone: dataDir });
  }

  private send(message: object): void {
    this.input.write(`${JSON.stringify(message)}\n`);
  }
}

let shared: ChildWatchdog | null = null;

/** The launcher's one watchdog, started on first use. */
export function childWatchdog(): ChildWatchdog {
  shared ??= new ChildWatchdog();
  return shared;
}
