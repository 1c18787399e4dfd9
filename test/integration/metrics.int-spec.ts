// Prometheus metrics as operators scrape them: the API's /metrics counts GraphQL operations by name and outcome code
// (with a latency histogram) and refused sign-ins; a worker run as `npm run worker` serves its own /metrics with our
// activity and event-append latencies and the Temporal SDK's figures. Only this machine, or a scraper with
// METRICS_TOKEN, may read them; client-made operation names cannot grow the number of series without bound.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startApi } from '../../src/platform/runtime/api-server';
import { freePort } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { MAX_OPERATION_NAMES } from '../../src/platform/metrics/api.metrics';
import { seedReferenceData, seedTask, waitFor } from '../support/fixtures';
import { env, gql, startTestStack, type TestStack } from '../support/test-env';
import { parseSamples, samplesOf, total, type Sample } from '../support/prometheus-text';

const TOKEN = 'scrape-token-0123456789abcdef';

describe('Prometheus metrics', () => {
  let stack: TestStack;
  let worker: ChildProcess;
  let workerOutput = '';
  let workerUrl: string;

  beforeAll(async () => {
    // TRUST_PROXY: the test talks to the API from loopback, as a proxy on the same host would.
    stack = await startTestStack({ prefix: 'metrics', withWorker: false, env: { TRUST_PROXY: 'loopback' } });
    await seedReferenceData(stack.db);
    const port = await freePort();
    workerUrl = `http://127.0.0.1:${port}`;
    worker = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/worker.main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: stack.databaseUrl,
        TEMPORAL_ADDRESS: env('TEST_TEMPORAL_ADDRESS'),
        TEMPORAL_NAMESPACE: env('TEST_TEMPORAL_NAMESPACE'),
        TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
        WORKER_HEALTH_PORT: String(port),
        HOST: '127.0.0.1',
        METRICS_TOKEN: TOKEN,
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (d) => (workerOutput += String(d)));
    worker.stderr!.on('data', (d) => (workerOutput += String(d)));
    await waitFor(async () => (await fetch(`${workerUrl}/health`).catch(() => null))?.ok === true, 60_000, `the worker:\n${workerOutput}`);
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await stack?.stop();
  });

  async function scrape(url: string, headers: Record<string, string> = {}): Promise<Sample[]> {
    const res = await fetch(`${url}/metrics`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseSamples(await res.text());
  }

  it('counts and times GraphQL operations by operation name and outcome code', async () => {
    const ok = await gql(stack.url, 'office', 'query MetricsWhoAmI { me { displayName } }');
    expect(ok.errors).toBeUndefined();
    const refused = await gql(stack.url, null, 'query MetricsRefused { me { displayName } }');
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const samples = await scrape(stack.url);
    const okBuckets = samplesOf(samples, 'chuangwen_graphql_operation_duration_seconds_bucket', { operation: 'MetricsWhoAmI', code: 'OK' });
    expect(okBuckets.map((s) => s.labels.le)).toContain('+Inf');
    expect(okBuckets.find((s) => s.labels.le === '+Inf')!.value).toBe(1);
    expect(total(samples, 'chuangwen_graphql_operation_duration_seconds_bucket', { operation: 'MetricsRefused', code: 'UNAUTHENTICATED', le: '+Inf' })).toBe(1);
    expect(total(samples, 'chuangwen_graphql_operations_total', { operation: 'MetricsRefused', code: 'UNAUTHENTICATED' })).toBe(1);
    expect(total(samples, 'chuangwen_graphql_operations_total', { operation: 'MetricsWhoAmI', code: 'OK' })).toBe(1);
    // Node's own figures, under our prefix.
    expect(samplesOf(samples, 'chuangwen_process_cpu_user_seconds_total')).toHaveLength(1);
    expect(samplesOf(samples, 'chuangwen_graphql_active_subscriptions')).toHaveLength(1);
  });

  it('counts a sign-in refused for a wrong password', async () => {
    const before = total(await scrape(stack.url), 'chuangwen_sign_in_failures_total', { reason: 'WRONG_PASSWORD' });
    const res = await gql(stack.url, null, 'mutation MetricsSignIn($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: { login: 'office', password: 'not-the-password-1' } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const samples = await scrape(stack.url);
    expect(total(samples, 'chuangwen_sign_in_failures_total', { reason: 'WRONG_PASSWORD' })).toBe(before + 1);
    expect(total(samples, 'chuangwen_graphql_operations_total', { operation: 'MetricsSignIn', code: 'UNAUTHENTICATED' })).toBe(1);
  });

  it('answers a client behind the trusted proxy with 403 and a Chinese message, without a token configured', async () => {
    const res = await fetch(`${stack.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('监控指标只对本机开放');
    // The same request from this machine itself is answered.
    expect((await fetch(`${stack.url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(200);
  });

  describe('with METRICS_TOKEN', () => {
    let app: NestExpressApplication;
    let url: string;

    beforeAll(async () => {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      const config = { ...stack.config, metrics: { ...stack.config.metrics, token: TOKEN } };
      app = await startApi({ config, databaseUrl: stack.databaseUrl, db: stack.db, temporal: stack.temporal, temporalUiUrl: null }, { port });
    });
    afterAll(async () => {
      await app?.close();
    });

    it.each([
      ['no token, even from this machine', {}],
      ['a wrong token', { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }],
      ['a longer token that starts like the right one', { authorization: `Bearer ${TOKEN}0` }],
      ['the token in another scheme', { authorization: `Basic ${TOKEN}` }],
    ])('refuses %s with 401', async (_what, headers: Record<string, string>) => {
      const res = await fetch(`${url}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await res.text()).toContain('监控令牌');
    });

    it('answers the right token, from anywhere behind the proxy', async () => {
      const samples = await scrape(url, { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.7' });
      expect(samplesOf(samples, 'chuangwen_process_resident_memory_bytes')).toHaveLength(1);
    });
  });

  it(`keeps at most ${MAX_OPERATION_NAMES} operation names however many a client makes up`, async () => {
    // Five times the limit over HTTP (test/unit/metrics.spec.ts sends 10,000 through the plugin): under CI's load
    // 10,000 requests here took longer than a test may.
    const names = Array.from({ length: 5 * MAX_OPERATION_NAMES }, (_, i) => `Made_Up_${i}`);
    // Twenty at a time: a client hammering the API, not a benchmark.
    for (let i = 0; i < names.length; i += 20) {
      await Promise.all(
        names.slice(i, i + 20).map(async (name) => {
          const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query ${name} { __typename }` }) });
          expect(res.status).toBe(200);
        }),
      );
    }
    // A name that is not a GraphQL name, or is far too long, is `other` as well.
    await gql(stack.url, null, `query ${'L'.repeat(65)} { __typename }`);
    const samples = samplesOf(await scrape(stack.url), 'chuangwen_graphql_operations_total');
    const operations = new Set(samples.map((s) => s.labels.operation));
    expect(operations.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 2);
    expect(operations).toContain('other');
    expect(operations).not.toContain('L'.repeat(65));
    // Every request was still counted: the made-up names past the limit are `other`.
    expect(samples.filter((s) => s.labels.operation.startsWith('Made_Up_') || s.labels.operation === 'other').reduce((n, s) => n + s.value, 0)).toBe(names.length + 1);
  });

  describe('the worker (npm run worker)', () => {
    it('refuses /metrics without its METRICS_TOKEN', async () => {
      expect((await fetch(`${workerUrl}/metrics`)).status).toBe(401);
      expect((await fetch(`${workerUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    });

    it("serves our activity and event-append latencies and the Temporal SDK's metrics at one URL", async () => {
      const taskId = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue);
      const moved = await gql(stack.url, 'wtsq.member', `mutation { submitSelfCheck(input: { taskId: "${taskId}", classification: NOT_MET, note: "缺公益广告" }) { version } }`);
      expect(moved.errors).toBeUndefined();

      const samples = await scrape(workerUrl, { authorization: `Bearer ${TOKEN}` });
      expect(total(samples, 'chuangwen_activity_duration_seconds_count', { activity_type: 'appendEvents', outcome: 'OK' })).toBeGreaterThanOrEqual(1);
      expect(samplesOf(samples, 'chuangwen_activity_duration_seconds_bucket', { activity_type: 'appendEvents', outcome: 'OK', le: '+Inf' })).toHaveLength(1);
      // The creation event and the self-check: two appends that wrote.
      expect(total(samples, 'chuangwen_event_append_duration_seconds_count', { outcome: 'WRITTEN' })).toBeGreaterThanOrEqual(2);
      const temporal = [...new Set(samples.map((s) => s.name).filter((n) => n.startsWith('temporal_')))];
      expect(temporal).toEqual(expect.arrayContaining(['temporal_workflow_task_schedule_to_start_latency_bucket', 'temporal_activity_schedule_to_start_latency_bucket']));
      expect(samplesOf(samples, 'chuangwen_nodejs_heap_size_used_bytes')).toHaveLength(1);
    });
  });
});
