// One action is one trace (issue 17): an API and a worker run as processes, as deployed, exporting to a real
// OTLP/HTTP receiver started here; one task action over GraphQL yields, under one trace id, the GraphQL operation,
// the Temporal Update sent by the API, the workflow's Update handler and the activity on the worker, and the
// PostgreSQL queries the activity made. Without OTEL variables a process registers no tracer provider at all.
import { execFileSync } from 'node:child_process';
import { freePort } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { connectClient } from '../../src/platform/temporal/temporal-connection';
import type { Client } from '@temporalio/client';
import { seedTask, waitFor } from '../support/fixtures';
import { startEntryPoint, type NodeProcess } from '../support/node-process';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { createTestDatabase, env, gql, testConfig, uniqueTaskQueue } from '../support/test-env';

describe('traces across API, Temporal, worker and PostgreSQL', () => {
  let receiver: OtlpReceiver;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let temporal: Client;
  let api: NodeProcess;
  let worker: NodeProcess;
  let apiUrl: string;
  let taskQueue: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    database = await createTestDatabase();
    taskQueue = uniqueTaskQueue('traces');
    const [apiPort, healthPort] = await Promise.all([freePort(), freePort()]);
    apiUrl = `http://127.0.0.1:${apiPort}`;
    const common = {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: env('TEST_TEMPORAL_ADDRESS'),
      TEMPORAL_NAMESPACE: env('TEST_TEMPORAL_NAMESPACE'),
      TEMPORAL_TASK_QUEUE: taskQueue,
      HOST: '127.0.0.1',
      // Seeds nothing (only npm start seeds); lets the test name people with the demo header from loopback.
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Spans are sent within a fifth of a second rather than the default five.
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_SERVICE_NAME: '',
      OTEL_SDK_DISABLED: '',
      OTEL_TRACES_SAMPLER: '',
    };
    worker = startEntryPoint('worker.main', { ...common, WORKER_HEALTH_PORT: String(healthPort) });
    api = startEntryPoint('api.main', { ...common, PORT: String(apiPort) });
    const up = async (url: string) => (await fetch(url).catch(() => null))?.ok === true;
    await waitFor(async () => (await up(`${apiUrl}/health`)) && (await up(`http://127.0.0.1:${healthPort}/health`)), 60_000, `the API and the worker:\n${api.stderr()}\n${worker.stderr()}`);
    temporal = await connectClient({ ...testConfig(taskQueue).temporal, address: env('TEST_TEMPORAL_ADDRESS') });
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await temporal?.connection.close();
    await database?.drop();
    await receiver?.close();
  });

  it('exports the GraphQL operation, the Update on both sides, the activity and its SQL as one trace', async () => {
    const taskId = await seedTask(database.db, temporal, taskQueue);
    const res = await gql<{ submitSelfCheck: { version: number } }>(
      apiUrl,
      'wtsq.member',
      `mutation SubmitOwn { submitSelfCheck(input: { taskId: "${taskId}", classification: NOT_MET, note: "缺公益广告" }) { version } }`,
    );
    expect(res.errors).toBeUndefined();

    const named = (service: string, name: string) => (s: ReceivedSpan) => s.service === service && s.name === name;
    let operation: ReceivedSpan | undefined;
    const inTrace = (predicate: (s: ReceivedSpan) => boolean) => receiver.spans.find((s) => s.traceId === operation?.traceId && predicate(s));
    await waitFor(
      async () => {
        operation = receiver.spans.find(named('chuangwen-api', 'mutation SubmitOwn'));
        return Boolean(
          operation &&
            inTrace(named('chuangwen-api', 'StartWorkflowUpdate:performAction')) &&
            inTrace(named('chuangwen-worker', 'HandleUpdate:performAction')) &&
            inTrace(named('chuangwen-worker', 'RunActivity:appendEvents')) &&
            inTrace((s) => s.service === 'chuangwen-worker' && s.attributes['db.system'] === 'postgresql' && /^pg\.query/.test(s.name)),
        );
      },
      30_000,
      `the spans of one trace; received:\n${JSON.stringify(receiver.spans.map((s) => `${s.service} ${s.name} ${s.traceId}`), null, 1)}`,
    );
    expect(receiver.rejected).toEqual([]);

    // The chain, parent by parent: the Update is sent within the operation, the activity runs within the handler.
    const span = (predicate: (s: ReceivedSpan) => boolean) => inTrace(predicate)!;
    const byId = (id: string | null) => receiver.spans.find((s) => s.spanId === id);
    const ancestors = (s: ReceivedSpan): string[] => {
      const names: string[] = [];
      for (let parent = byId(s.parentSpanId); parent; parent = byId(parent.parentSpanId)) names.push(parent.name);
      return names;
    };
    expect(operation!.attributes).toMatchObject({ 'graphql.operation.type': 'mutation', 'graphql.operation.name': 'SubmitOwn', 'chuangwen.outcome': 'OK' });
    expect(ancestors(span(named('chuangwen-api', 'StartWorkflowUpdate:performAction')))).toContain('mutation SubmitOwn');
    expect(ancestors(span(named('chuangwen-worker', 'RunActivity:appendEvents')))).toEqual(
      expect.arrayContaining(['StartActivity:appendEvents', 'HandleUpdate:performAction', 'StartWorkflowUpdate:performAction', 'mutation SubmitOwn']),
    );
    const insert = span((s) => s.service === 'chuangwen-worker' && s.attributes['db.system'] === 'postgresql' && /insert/i.test(String(s.attributes['db.statement'] ?? s.name)));
    expect(ancestors(insert)).toContain('RunActivity:appendEvents');
    // Statements without their values (instrumentation-pg's default): the note typed by the person is not in any span.
    expect(JSON.stringify(receiver.spans)).not.toContain('缺公益广告');
  });

  it('registers no tracer provider and loads no OpenTelemetry SDK without the OTEL variables', () => {
    // The entry points' first import, then pg, as in dist/src/api.main.js; in a fresh process.
    const probe = `
      require('./dist/src/platform/tracing/register');
      require('pg');
      const { trace } = require('@opentelemetry/api');
      const delegate = trace.getTracerProvider().getDelegate().constructor.name;
      const sdk = Object.keys(require.cache).filter((file) => /@opentelemetry[\\\\/](sdk-|exporter-|instrumentation)/.test(file)).length;
      console.log(JSON.stringify({ delegate, sdk }));
      process.exit(0);`;
    const run = (extra: NodeJS.ProcessEnv) => {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...extra };
      for (const key of Object.keys(childEnv)) if (key.startsWith('OTEL_') && !(key in extra)) delete childEnv[key];
      return JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: projectRoot(), env: childEnv, encoding: 'utf8' })) as { delegate: string; sdk: number };
    };
    expect(run({})).toEqual({ delegate: 'NoopTracerProvider', sdk: 0 });
    expect(run({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SDK_DISABLED: 'true' })).toEqual({ delegate: 'NoopTracerProvider', sdk: 0 });
    const on = run({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    expect(on.delegate).toBe('NodeTracerProvider');
    expect(on.sdk).toBeGreaterThan(0);
  });
});
