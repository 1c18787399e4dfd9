// Passwords are kept as bcrypt hashes (cost 10). The demo users all share one documented password.
//
// bcryptjs is pure JavaScript: one hash or compare holds a thread for tens of milliseconds, so a storm of sign-ins
// run on the event loop would stall every other request (/health included). They run in a small pool of worker
// threads instead; the hashes are the same bcryptjs hashes as before.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export const BCRYPT_COST = 10;

/** The demo users' password, listed in the README. Demo data only. */
export const DEMO_PASSWORD = 'chuangwen2027';

/** Plain JavaScript run by each worker (an eval'd script, so that it works from the sources under jest and from dist/). */
const WORKER_SOURCE = `
const { parentPort, workerData, threadId } = require('node:worker_threads');
const bcrypt = require(workerData.bcryptjs);
parentPort.on('message', (job) => {
  try {
    const result = job.op === 'hash' ? bcrypt.hashSync(job.password, job.cost) : bcrypt.compareSync(job.password, job.hash);
    parentPort.postMessage({ id: job.id, result, threadId });
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: err && err.message ? err.message : String(err), threadId });
  }
});`;

type Job = { op: 'hash'; password: string; cost: number } | { op: 'compare'; password: string; hash: string };

interface Pending {
  resolve(value: string | boolean): void;
  reject(error: Error): void;
  op: Job['op'];
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** What the pool has done, for tests and for the operator: how many checks and hashes, and on which threads. */
export interface PasswordWork {
  compares: number;
  hashes: number;
  /** Checks and hashes asked for and not yet answered. */
  inFlight: number;
  /** The worker threads that did the work (never the main thread, whose threadId is 0). */
  threadIds: number[];
}

const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));

class PasswordPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 1;
  private readonly work = { compares: 0, hashes: 0, threadIds: new Set<number>() };

  run(job: Job): Promise<string | boolean> {
    const slot = this.pick();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, op: job.op });
      // A worker holds the process open only while it has work: an idle pool never keeps a CLI or jest alive.
      if (slot.pending.size === 1) slot.worker.ref();
      slot.worker.postMessage({ id, ...job });
    });
  }

  stats(): PasswordWork {
    const inFlight = this.workers.reduce((n, w) => n + w.pending.size, 0);
    return { compares: this.work.compares, hashes: this.work.hashes, inFlight, threadIds: [...this.work.threadIds].sort((a, b) => a - b) };
  }

  /** The least busy worker, starting another while the pool is not full. */
  private pick(): PoolWorker {
    const idle = this.workers.find((w) => w.pending.size === 0);
    if (idle) return idle;
    if (this.workers.length < POOL_SIZE) return this.start();
    return this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private start(): PoolWorker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptjs: require.resolve('bcryptjs') } });
    worker.unref();
    const slot: PoolWorker = { worker, pending: new Map() };
    worker.on('message', (msg: { id: number; result?: string | boolean; error?: string; threadId: number }) => {
      const job = slot.pending.get(msg.id);
      if (!job) return;
      slot.pending.delete(msg.id);
      if (slot.pending.size === 0) worker.unref();
      this.work.threadIds.add(msg.threadId);
      if (job.op === 'compare') this.work.compares += 1;
      else this.work.hashes += 1;
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve(msg.result as string | boolean);
    });
    // A worker that dies fails its own jobs and leaves the pool; the next job starts a new one.
    const fail = (error: Error) => {
      const at = this.workers.indexOf(slot);
      if (at >= 0) this.workers.splice(at, 1);
      for (const job of slot.pending.values()) job.reject(error);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`password worker exited with code ${code}`)));
    this.workers.push(slot);
    return slot;
  }
}

const pool = new PasswordPool();

export async function hashPassword(password: string): Promise<string> {
  return String(await pool.run({ op: 'hash', password, cost: BCRYPT_COST }));
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return (await pool.run({ op: 'compare', password, hash })) === true;
}

/** How many checks and hashes the pool has done so far, and on which threads. */
export function passwordWork(): PasswordWork {
  return pool.stats();
}

let demoHash: Promise<string> | null = null;

/** One hash of the demo password for every demo user (bcrypt salts it; computing it once keeps seeding fast). */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

/** A hash that matches no password, compared against when the login is unknown so that timing does not tell. */
export const NO_USER_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.DQm6SRD1s9m1YiQ8B3QJ2zF0cXWe';
