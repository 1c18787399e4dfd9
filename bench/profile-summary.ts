// Reads a V8 CPU profile (.cpuprofile, e.g. from BENCH_PROFILE with the lifecycle benchmark) and prints where the
// time went: self time by area (our folders, each npm package, Node's internals, garbage collection, idle) and the
// functions with the most self time, so that a change meant to save CPU can be checked against the same profile.
//
//   node dist/bench/profile-summary.js <file.cpuprofile> [TOP functions=30]
import * as fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a frame's code lives: `src/<folder>`, `workflows`, an npm package, Node itself, or V8's own entries. */
export function areaOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = /\/dist\/(src\/[^/]+(?:\/[^/]+)?|workflows|activities|bench|web)\//.exec(url);
  if (dist) return dist[1].replace(/\/[^/]+\.js$/, '');
  return url.replace(/^file:\/\//, '');
}

export function summarise(profile: CpuProfile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|dist)\//, '')}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const busy = total - (areas.get('(idle)') ?? 0);
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)}%`.padStart(6);
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`.padStart(9);
  const lines = [`${(total / 1e6).toFixed(2)} s profiled, ${(busy / 1e6).toFixed(2)} s busy (shares below are of the busy time)`, '', 'By area (self time):'];
  for (const [area, us] of [...areas].filter(([a]) => a !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 40)) lines.push(`${ms(us)} ${pct(us)}  ${area}`);
  lines.push('', `Top ${top} functions (self time):`);
  for (const [name, us] of [...functions].filter(([n]) => !n.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${ms(us)} ${pct(us)}  ${name}`);
  return lines.join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('用法 / usage: node dist/bench/profile-summary.js <file.cpuprofile> [TOP=30]');
    process.exit(2);
  }
  console.log(summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, top ? Number(top) : 30));
}
