// What a newcomer does: `npm start` (the built entry point), use it, Ctrl-C, start again and find everything
// where it was; and a clear refusal when a port is taken. Runs the real launcher on free ports in a
// temporary data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, isPortFree } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { waitFor } from '../support/fixtures';
import { gql } from '../support/test-env';
import { parseSamples, total } from '../support/prometheus-text';
import { isAlive as alive } from '../../src/platform/runtime/process-alive';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function freeRun(count: number): Promise<number> {
  // A base port whose neighbours (+10, +11 for the Temporal HTTP and metrics ports) are free as well.
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    const ports = [base, base + 10, base + 11].slice(0, count);
    if ((await Promise.all(ports.map((p) => isPortFree(p)))).every(Boolean)) return base;
  }
  throw new Error('no free port run found');
}

const runs: Started[] = [];

function start(env: NodeJS.ProcessEnv): Started {
  let out = '';
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const run = { child, output: () => out, exited };
  runs.push(run);
  return run;
}

describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-start-'));
  let env: NodeJS.ProcessEnv;
  let base: string;

  beforeAll(async () => {
    fs.chmodSync(dataDir, 0o755);
    const temporalPort = await freeRun(3);
    const [apiPort, uiPort, pgPort, workerMetricsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    env = {
      DATA_DIR: dataDir,
      PORT: String(apiPort),
      WORKER_METRICS_PORT: String(workerMetricsPort),
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      LOG_LEVEL: 'warn',
    };
    base = `http://127.0.0.1:${apiPort}`;
  });
  afterEach(async () => {
    // A failed test must not leave a launcher (and its servers) holding the ports of the next one.
    for (const run of runs.splice(0)) {
      if (run.child.exitCode === null && run.child.signalCode === null) {
        run.child.kill('SIGINT');
        await run.exited;
      }
    }
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function stop(run: Started): Promise<void> {
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('全部已停止');
    // Nothing is left listening on any port the launcher opened.
    for (const port of [env.PORT, env.TEMPORAL_PORT, env.TEMPORAL_UI_PORT, env.EMBEDDED_POSTGRES_PORT, env.WORKER_METRICS_PORT]) {
      expect(await isPortFree(Number(port))).toBe(true);
    }
  }

  it('starts everything with demo data, stops cleanly, and finds the same data on the next start', async () => {
    const first = start(env);
    await waitFor(async () => first.output().includes('创文工作流引擎已启动'), 150_000, `start-up:\n${first.output()}`);
    expect(first.output()).toContain(`${base}/graphql`);
    expect(first.output()).toContain(`http://localhost:${env.TEMPORAL_UI_PORT}`);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    // The demo's 79 workflows record their creation as the worker gets to them.
    const cards = async () => {
      const board = await gql<{ board: { columns: { count: number }[] } }>(base, 'office', '{ board { columns { count } } }');
      return board.data!.board.columns.reduce((n, c) => n + c.count, 0);
    };
    await waitFor(async () => (await cards()) === 79, 60_000, 'the 79 demo cards');
    expect((await fetch(`${base}/`)).status).toBe(200);
    // 问责 in the demo: two tasks of 外滩社区 due weeks ago, one decision approved and one awaiting a leader.
    const decisions = async (id: string) =>
      (await gql<{ indicatorTask: { accountabilityDecisions: { status: string }[] } }>(base, 'leader', `{ indicatorTask(id: "${id}") { accountabilityDecisions { status } } }`)).data!
        .indicatorTask.accountabilityDecisions.map((d) => d.status);
    expect(await decisions('indicator-task:demo-2027:A1:WTSQ')).toEqual(['APPROVED']);
    expect(await decisions('indicator-task:demo-2027:A2:WTSQ')).toEqual(['PENDING']);

    const taskId = 'indicator-task:demo-2027:A4:WTSQ';
    // The demo's official notices on that card: one awaiting 签收, one acknowledged.
    const notices = await gql<{ indicatorTask: { officialNotices: { kind: string; state: string }[] } }>(base, 'wtsq.head', `{ indicatorTask(id: "${taskId}") { officialNotices { kind state } } }`);
    expect(notices.data!.indicatorTask.officialNotices).toEqual([
      { kind: 'SUPERVISION', state: 'ISSUED' },
      { kind: 'RECTIFICATION', state: 'ACKNOWLEDGED' },
    ]);
    // The demo's inspection rounds (issue 20): a mock assessment's scores moved the tasks they cover; a window check.
    const rounds = await gql<{ inspectionRounds: { title: string; state: string; taskAssessments: { unitCode: string; outcome: string }[]; windowChecks: { unitCode: string; passedCount: number }[] }[] }>(
      base,
      'supervisor',
      '{ inspectionRounds { title state taskAssessments { unitCode outcome } windowChecks { unitCode passedCount } } }',
    );
    expect(rounds.data!.inspectionRounds).toEqual([
      {
        title: '本月模拟测评（演示）',
        state: 'CLOSED',
        taskAssessments: [
          { unitCode: 'BMFW', outcome: 'APPLIED' },
          { unitCode: 'BJSQ', outcome: 'APPLIED' },
          { unitCode: 'DHC', outcome: 'NOT_APPLICABLE' },
        ],
        windowChecks: [],
      },
      { title: '本月窗口服务督查（演示）', state: 'IN_PROGRESS', taskAssessments: [], windowChecks: [{ unitCode: 'BMFW', passedCount: 6 }] },
    ]);
    const moved = await gql(base, 'wtsq.member', `mutation { submitSelfCheck(input: { taskId: "${taskId}", classification: UNKNOWN, note: "待测评" }) { version } }`);
    expect(moved.errors).toBeUndefined();

    // Prometheus: the API's GraphQL histogram at /metrics, and the in-process worker's port with the Temporal SDK's.
    expect(first.output()).toContain(`${base}/metrics`);
    expect(first.output()).toContain(`http://127.0.0.1:${env.WORKER_METRICS_PORT}/metrics`);
    const apiMetrics = parseSamples(await (await fetch(`${base}/metrics`)).text());
    expect(total(apiMetrics, 'chuangwen_graphql_operation_duration_seconds_bucket', { le: '+Inf', operation: 'anonymous', code: 'OK' })).toBeGreaterThan(0);
    const workerMetrics = parseSamples(await (await fetch(`http://127.0.0.1:${env.WORKER_METRICS_PORT}/metrics`)).text());
    expect(total(workerMetrics, 'temporal_workflow_task_schedule_to_start_latency_count')).toBeGreaterThan(0);
    expect(total(workerMetrics, 'chuangwen_activity_duration_seconds_bucket', { le: '+Inf', activity_type: 'appendEvents', outcome: 'OK' })).toBeGreaterThan(0);
    await stop(first);

    const second = start(env);
    await waitFor(async () => second.output().includes('创文工作流引擎已启动'), 150_000, `second start-up:\n${second.output()}`);
    expect(second.output()).not.toContain('正在写入演示数据');
    expect(await cards()).toBe(79);
    const card = await gql<{ indicatorTask: { awaitingReview: string; version: number } }>(base, 'supervisor', `{ indicatorTask(id: "${taskId}") { awaitingReview version } }`);
    expect(card.data!.indicatorTask).toEqual({ awaitingReview: 'SELF_CHECK_REVIEW', version: 2 });
    // The workflow survived the restart of the Temporal server: it still takes the next action.
    const confirmed = await gql<{ confirmSelfCheck: { stage: string } }>(base, 'supervisor', `mutation { confirmSelfCheck(input: { taskId: "${taskId}" }) { stage } }`);
    expect(confirmed.data!.confirmSelfCheck.stage).toBe('MOCK_ASSESSMENT');
    await stop(second);
  });

  it('leaves no server behind when the launcher is killed with kill -9, and the next start works', async () => {
    const first = start(env);
    await waitFor(async () => first.output().includes('创文工作流引擎已启动'), 150_000, `start-up:\n${first.output()}`);
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(postmaster)).toBe(true);
    // No exit handler runs: what happens on a heap exhaustion as well.
    first.child.kill('SIGKILL');
    await first.exited;
    const ports = [env.TEMPORAL_PORT, String(Number(env.TEMPORAL_PORT) + 10), String(Number(env.TEMPORAL_PORT) + 11), env.TEMPORAL_UI_PORT, env.EMBEDDED_POSTGRES_PORT];
    const allFree = async () => (await Promise.all(ports.map((p) => isPortFree(Number(p))))).every(Boolean);
    await waitFor(async () => !alive(postmaster) && (await allFree()), 30_000, 'PostgreSQL and Temporal to be stopped by the watchdog');

    const second = start(env);
    await waitFor(async () => second.output().includes('创文工作流引擎已启动'), 150_000, `start-up after kill -9:\n${second.output()}`);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    await stop(second);
  });

  it('refuses to start when a port is taken, naming the port and its variable', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(env.PORT), '127.0.0.1', resolve));
    try {
      const run = start(env);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`端口 ${env.PORT} 已被占用`);
      expect(run.output()).toContain('PORT');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses to start when the worker metrics port is taken, naming WORKER_METRICS_PORT', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(env.WORKER_METRICS_PORT), '127.0.0.1', resolve));
    try {
      const run = start(env);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`端口 ${env.WORKER_METRICS_PORT} 已被占用`);
      expect(run.output()).toContain('WORKER_METRICS_PORT');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses a bad configuration value, naming the variable', async () => {
    const run = start({ ...env, TEMPORAL_UI_PORT: 'abc' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/TEMPORAL_UI_PORT: /);
  });

  it('refuses to start in production with the demo on, naming each switch (DEMO_DATA, GRAPHQL_IDE by default)', async () => {
    const run = start({ ...env, NODE_ENV: 'production' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/^ {2}DEMO_DATA: 生产环境（NODE_ENV=production）不能加载演示数据/m);
    expect(run.output()).toMatch(/^ {2}GRAPHQL_IDE: 生产环境/m);
  });
});
