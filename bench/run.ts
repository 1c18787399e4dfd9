// `npm run bench -- <name> [size arguments]`: runs one benchmark from dist/bench (built by `npm run bench`'s
// prebuild). Without a name it lists them. Each benchmark appends its figures to bench/results/<name>.md.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const BENCHMARKS: Record<string, { file: string; args: string; node?: string[] }> = {
  lifecycle: { file: 'lifecycle.bench.js', args: '[N tasks=50] [C clients=8] [R rounds=3]' },
  'action-latency': { file: 'action-latency.bench.js', args: '[C clients=20] [ACTIONS per client=45] [ROUNDS=3]' },
  'board-query': { file: 'board-query.bench.js', args: '[N cards=10000] [QUERIES=200] [ROUNDS=3]' },
  rebuild: { file: 'rebuild.bench.js', args: '[N events=1000000] [ROUNDS=3]' },
  import: { file: 'import.bench.js', args: '[ROWS=2000] [UNITS per row=3] [ROUNDS=3]' },
  'worker-memory': { file: 'worker-memory.bench.js', args: '[N workflows=10000] [STEP=1000] [ROUNDS=3]' },
  'scale-out': { file: 'scale-out.bench.js', args: '[N tasks=200] [C clients=16]' },
  'board-render': { file: 'board-render.bench.js', args: '[N cards=2000] [RUNS=3]' },
  'board-as-of': { file: 'board-as-of.bench.js', args: '[N events=1000000] [ROUNDS=3] [SPAN days=330]', node: ['--max-old-space-size=8192'] },
  'archive-package': { file: 'archive-package.bench.js', args: '[MiB of materials=2048] [FILES=400]' },
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHMARKS[name] : undefined;
if (!bench) {
  console.log(`用法 / usage: npm run bench -- <name> [arguments]\n`);
  for (const [key, b] of Object.entries(BENCHMARKS)) console.log(`  npm run bench -- ${key} ${b.args}`);
  process.exit(name ? 2 : 0);
}
const run = spawnSync(process.execPath, [...(bench.node ?? []), path.join(__dirname, bench.file), ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
