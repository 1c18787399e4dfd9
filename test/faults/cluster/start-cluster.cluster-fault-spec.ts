// `npm run start:cluster` as a district's engineer tries it (issue 17): the supervisor starts PostgreSQL, the
// four Temporal services, two workers, two APIs behind one port and the Temporal UI; the board and GraphQL answer
// through the proxy; Ctrl-C (SIGINT to the supervisor's process group, as a terminal sends it) stops every process;
// a second start finds the same data (no second demo seeding); and a supervisor killed with SIGKILL takes every
// process it started along (the watchdog). Runs the built entry point on free ports in a temporary data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultClusterPorts, clusterPortList } from '../../../src/platform/runtime/cluster/temporal-cluster';
import { freePort, isPortFree } from '../../../src/platform/runtime/ports';
import { projectRoot } from '../../../src/platform/runtime/project-paths';
import { waitFor } from '../../support/fixtures';
import { gql } from '../../support/test-env';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

function start(env: NodeJS.ProcessEnv): Started {
  let out = '';
  // Its own process group, like a terminal's foreground job: SIGINT to the group is Ctrl-C.
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/cluster.main.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output: () => out, exited };
}

/** Processes whose command line or working files mention the data folder (PostgreSQL, Temporal, ours). */
function processesOf(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      const env = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (cmd.includes(dir) || env.includes(`DATA_DIR=${dir}`)) found.push(`${entry} ${cmd.slice(0, 120)}`);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

describe('npm run start:cluster', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-cluster-start-'));
  let env: NodeJS.ProcessEnv;
  let base: string;
  const runs: Started[] = [];

  beforeAll(async () => {
    fs.chmodSync(dataDir, 0o755);
    // A frontend port whose whole layout (membership ports 300 below it, below 32768; metrics 767 above) is free.
    let temporalPort = 0;
    for (let attempt = 0; attempt < 100 && temporalPort === 0; attempt++) {
      const candidate = 21000 + Math.floor(Math.random() * 10000);
      const ports = clusterPortList(defaultClusterPorts(candidate, null)).map((p) => p.port);
      if ((await Promise.all(ports.map((p) => isPortFree(p)))).every(Boolean)) temporalPort = candidate;
    }
    expect(temporalPort).toBeGreaterThan(0);
    const apiPort = 20000 + Math.floor(Math.random() * 900);
    const [uiPort, pgPort, healthPort] = await Promise.all([freePort(), freePort(), freePort()]);
    env = {
      DATA_DIR: dataDir,
      PORT: String(apiPort),
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      WORKER_HEALTH_PORT: String(healthPort),
      HOST: '127.0.0.1',
      DEMO_DATA: 'true',
      TEMPORAL_ADDRESS: '',
      DATABASE_URL: '',
    };
    base = `http://127.0.0.1:${apiPort}`;
  });

  afterAll(async () => {
    for (const run of runs) {
      if (run.child.exitCode === null && run.child.signalCode === null) {
        process.kill(-run.child.pid!, 'SIGKILL');
        await run.exited;
      }
    }
    await waitFor(async () => processesOf(dataDir).length === 0, 60_000, 'every process of the test to end').catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  const running = async (run: Started) => {
    await waitFor(async () => run.output().includes('press Ctrl-C to stop everything') || run.child.exitCode !== null, 240_000, `the cluster to start:\n${run.output()}`);
    expect(run.child.exitCode).toBeNull();
  };

  it('starts everything, answers through one port, and Ctrl-C stops every process', async () => {
    const first = start(env);
    runs.push(first);
    await running(first);
    expect(first.output()).toContain('演示数据已就绪，启动了 79 个指标任务工作流');
    expect(first.output()).toContain(`（2 个 API 实例：${Number(env.PORT) + 100}、${Number(env.PORT) + 101}）`);

    const me = await gql<{ me: { login: string } }>(base, 'office', '{ me { login } }');
    expect(me.data?.me.login).toBe('office');
    const ui = await fetch(`http://127.0.0.1:${env.TEMPORAL_UI_PORT}/`);
    expect(ui.status).toBe(200);
    // A worker's health and metrics (ours and the Temporal SDK's).
    const metrics = await (await fetch(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/metrics`)).text();
    expect(metrics).toMatch(/^temporal_/m);
    // Two APIs behind the one port: the proxy spreads requests over both (each logs the operations it served).
    for (let i = 0; i < 6; i++) expect((await gql<{ me: { login: string } }>(base, 'office', 'query ProxyProbe { me { login } }')).errors).toBeUndefined();
    for (const n of [1, 2]) {
      await waitFor(async () => fs.readFileSync(path.join(dataDir, 'cluster', 'logs', `api-${n}.log`), 'utf8').includes('ProxyProbe'), 10_000, `API ${n} to have served a request`);
    }

    process.kill(-first.child.pid!, 'SIGINT');
    await first.exited;
    expect(first.output()).toContain('全部已停止 / all stopped');
    await waitFor(async () => processesOf(dataDir).length === 0, 60_000, `every process to end: ${processesOf(dataDir).join('\n')}`);
    expect(await isPortFree(Number(env.PORT))).toBe(true);
    expect(await isPortFree(Number(env.TEMPORAL_PORT))).toBe(true);
  });

  it('finds the same data after a restart, and a SIGKILL of the supervisor takes every process along', async () => {
    const second = start(env);
    runs.push(second);
    await running(second);
    expect(second.output()).not.toContain('正在写入演示数据');
    const board = await gql<{ board: { columns: { stage: string; count: number }[] } }>(base, 'office', '{ board(campaignId: "demo-2027") { columns { stage count } } }');
    expect(board.errors).toBeUndefined();
    expect(board.data!.board.columns.reduce((sum, c) => sum + c.count, 0)).toBe(79);

    process.kill(second.child.pid!, 'SIGKILL');
    await second.exited;
    await waitFor(async () => processesOf(dataDir).length === 0, 60_000, `every process to end after the supervisor died: ${processesOf(dataDir).join('\n')}`);
  });
});
