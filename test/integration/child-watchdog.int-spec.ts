// The watchdog stops what a process started when that process dies without running any exit handler: kill -9,
// and a heap exhaustion (V8 aborts). A parent (built src/platform/runtime/child-watchdog) starts a child in its own process
// group, as the Temporal dev server is started, hands it to the watchdog, and dies.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { waitFor } from '../support/fixtures';
import { isAlive as alive } from '../../src/platform/runtime/process-alive';

const PARENT = String.raw`
const { spawn } = require('child_process');
const { childWatchdog } = require(process.argv[1]);
const child = spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });
childWatchdog().guard(child.pid, 'SIGTERM', true);
let released = null;
if (process.argv[2] === 'release') {
  released = spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });
  childWatchdog().guard(released.pid, 'SIGTERM', true);
  childWatchdog().release(released.pid);
}
process.stdout.write(JSON.stringify({ child: child.pid, watchdog: childWatchdog().pid, released: released && released.pid }) + '\n');
if (process.argv[2] === 'oom') {
  const hog = [];
  setTimeout(() => { for (;;) hog.push(new Array(100000).fill(hog.length)); }, 200);
} else setInterval(() => undefined, 1000);
`;

async function startParent(mode: 'wait' | 'oom' | 'release') {
  const module = path.join(projectRoot(), 'dist/src/platform/runtime/child-watchdog.js');
  const parent = spawn(process.execPath, ['--max-old-space-size=48', '-e', PARENT, module, mode], { stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => parent.once('exit', (code, signal) => resolve(signal ?? code)));
  const pids = await new Promise<{ child: number; watchdog: number; released: number | null }>((resolve) => {
    let out = '';
    parent.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) resolve(JSON.parse(out) as { child: number; watchdog: number; released: number | null });
    });
  });
  return { parent, exited, ...pids };
}

describe('child watchdog', () => {
  it('stops the guarded process group when its parent is killed with kill -9', async () => {
    const run = await startParent('wait');
    expect(alive(run.child)).toBe(true);
    run.parent.kill('SIGKILL');
    expect(await run.exited).toBe('SIGKILL');
    await waitFor(async () => !alive(run.child) && !alive(run.watchdog), 30_000, 'the child and the watchdog to end');
  });

  it('stops it when the parent dies of heap exhaustion', async () => {
    const run = await startParent('oom');
    // V8 aborts the process (SIGABRT, or SIGTRAP on some builds): no exit handler runs.
    expect(await run.exited).not.toBe(0);
    await waitFor(async () => !alive(run.child) && !alive(run.watchdog), 30_000, 'the child and the watchdog to end');
  });

  it('leaves a process alone once it was released', async () => {
    const run = await startParent('release');
    // Released (as when a server ended normally): its pid may be reused and must not be signalled.
    try {
      run.parent.kill('SIGKILL');
      await waitFor(async () => !alive(run.child) && !alive(run.watchdog), 30_000, 'the child and the watchdog to end');
      expect(alive(run.released!)).toBe(true);
    } finally {
      process.kill(run.released!, 'SIGKILL');
    }
  });
});
