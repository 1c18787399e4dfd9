// Excel files are opened in a worker thread with a heap of its own, limited in size and in time: whatever a
// hostile workbook makes exceljs build, it fills that heap, not the API's, and only its own import fails. The
// checks before exceljs (xlsx-workbook.ts, xlsx-sheet-scan.ts) refuse the bombs we know of; this is what stops
// the ones we do not. At most MAX_THREADS files are read at once, so that their heaps add up to a known bound.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface ThreadLimits {
  /** The worker's V8 old generation, where exceljs's objects live. */
  maxOldGenerationSizeMb: number;
  /** Reading longer than this ends the worker. */
  timeoutMs: number;
}

/** 20,000 rows of 50 columns read in about 150 MB; a file that needs more is not a table people fill in. */
export const XLSX_THREAD_LIMITS: ThreadLimits = { maxOldGenerationSizeMb: 256, timeoutMs: 120_000 };
const MAX_THREADS = 2;

export type ThreadAnswer = { ok: true; value: unknown } | { ok: false; reason: 'OUT_OF_MEMORY' | 'TIMEOUT' | 'FAILED' };

let running = 0;
const waiting: (() => void)[] = [];

/** A place among the MAX_THREADS; the release hands it straight to the next in line. */
async function slot(): Promise<() => void> {
  if (running < MAX_THREADS) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

/** A worker that answered is kept this long for the next file (starting one and loading exceljs takes time). */
const IDLE_MS = 30_000;
const idle = new Map<string, { worker: Worker; timer: NodeJS.Timeout }[]>();

function takeIdle(key: string): Worker | null {
  const kept = idle.get(key)?.pop();
  if (!kept) return null;
  clearTimeout(kept.timer);
  kept.worker.ref();
  return kept.worker;
}

function keepIdle(key: string, worker: Worker): void {
  const list = idle.get(key) ?? [];
  if (list.length >= MAX_THREADS) {
    void worker.terminate();
    return;
  }
  const entry = {
    worker,
    timer: setTimeout(() => {
      const at = list.indexOf(entry);
      if (at !== -1) list.splice(at, 1);
      void worker.terminate();
    }, IDLE_MS).unref(),
  };
  list.push(entry);
  idle.set(key, list);
  // An idle worker does not keep the process alive.
  worker.unref();
}

async function spawn(file: string, limits: ThreadLimits): Promise<Worker> {
  const fromSources = file.endsWith('.ts');
  const sources = fromSources ? [...(await transpiled(file))] : null;
  const worker = new Worker(fromSources ? SOURCES_BOOTSTRAP : file, {
    eval: fromSources,
    workerData: { sources, entry: file },
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
    stdout: false,
    stderr: false,
  });
  // Errors are taken by the read in progress; this keeps one that came between reads from being unhandled.
  worker.on('error', () => undefined);
  return worker;
}

/**
 * Runs a worker module (`entry`, a path without extension next to this file's kind: .js when built, .ts when
 * the tests run the sources) on a copy of `input`, and answers what it posts back, or why it did not. A worker
 * that answered may read the next file; one that failed, ran out of memory or out of time is ended.
 */
export async function runInThread(entry: string, input: Uint8Array, limits: ThreadLimits = XLSX_THREAD_LIMITS): Promise<ThreadAnswer> {
  const release = await slot();
  try {
    const file = `${entry}${__filename.endsWith('.ts') ? '.ts' : '.js'}`;
    const key = `${file}:${limits.maxOldGenerationSizeMb}`;
    const worker = takeIdle(key) ?? (await spawn(file, limits));
    const copy = Uint8Array.from(input);
    const answer = await new Promise<ThreadAnswer>((resolve) => {
      const settle = (answer: ThreadAnswer) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(answer);
      };
      const onMessage = (value: unknown) => settle({ ok: true, value });
      const onError = (error: Error & { code?: string }) => settle({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'OUT_OF_MEMORY' : 'FAILED' });
      const onExit = () => settle({ ok: false, reason: 'FAILED' });
      const timer = setTimeout(() => settle({ ok: false, reason: 'TIMEOUT' }), limits.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(copy, [copy.buffer]);
    });
    if (answer.ok) keepIdle(key, worker);
    else void worker.terminate();
    return answer;
  } finally {
    release();
  }
}

// Running from the TypeScript sources (the tests, through ts-jest), the worker cannot load .ts files by itself:
// the module and what it imports are transpiled here, once, and handed over with a loader for them.
const SOURCES_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const sources = new Map(workerData.sources);
require.extensions['.ts'] = (module, filename) => {
  if (!sources.has(filename)) throw new Error('not transpiled for the worker: ' + filename);
  module._compile(sources.get(filename), filename);
};
require(workerData.entry);
`;

const transpiledCache = new Map<string, Map<string, string>>();

async function transpiled(entry: string): Promise<Map<string, string>> {
  const cached = transpiledCache.get(entry);
  if (cached) return cached;
  const ts = await import('typescript');
  const sources = new Map<string, string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (sources.has(file)) continue;
    const output = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    sources.set(file, output);
    for (const match of output.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
      const target = path.resolve(path.dirname(file), match[1]);
      if (fs.existsSync(`${target}.ts`)) pending.push(`${target}.ts`);
    }
  }
  transpiledCache.set(entry, sources);
  return sources;
}
