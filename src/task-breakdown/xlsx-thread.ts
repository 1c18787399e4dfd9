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

/**
 * Runs a worker module (`entry`, a path without extension next to this file's kind: .js when built, .ts when
 * the tests run the sources) on a copy of `input`, and answers what it posts back, or why it did not.
 */
export async function runInThread(entry: string, input: Uint8Array, limits: ThreadLimits = XLSX_THREAD_LIMITS): Promise<ThreadAnswer> {
  const release = await slot();
  try {
    const copy = Uint8Array.from(input);
    const fromSources = __filename.endsWith('.ts');
    const file = `${entry}${fromSources ? '.ts' : '.js'}`;
    const sources = fromSources ? [...(await transpiled(file))] : null;
    const worker = new Worker(fromSources ? SOURCES_BOOTSTRAP : file, {
      eval: fromSources,
      workerData: { input: copy, sources, entry: file },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
      stdout: false,
      stderr: false,
    });
    return await new Promise<ThreadAnswer>((resolve) => {
      const timer = setTimeout(() => {
        resolve({ ok: false, reason: 'TIMEOUT' });
        void worker.terminate();
      }, limits.timeoutMs);
      const settle = (answer: ThreadAnswer) => {
        clearTimeout(timer);
        resolve(answer);
        void worker.terminate();
      };
      worker.once('message', (value: unknown) => settle({ ok: true, value }));
      worker.once('error', (error: Error & { code?: string }) => settle({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'OUT_OF_MEMORY' : 'FAILED' }));
      worker.once('exit', () => settle({ ok: false, reason: 'FAILED' }));
    });
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
