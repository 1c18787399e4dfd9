// The pure parts of /metrics: bounded label values, who may read them, and the outcome labels.
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { BoundedLabel, OTHER_LABEL } from '../../src/platform/metrics/bounded-label';
import { metricsRefusal } from '../../src/platform/metrics/metrics-endpoint';
import { graphqlMetricsPlugin, outcomeCode } from '../../src/platform/graphql/graphql-metrics.plugin';
import { apiRegistry, MAX_OPERATION_NAMES, measureImport } from '../../src/platform/metrics/api.metrics';
import { activityOutcome } from '../../src/platform/temporal/activity-metrics.interceptor';
import { DomainError } from '../../src/platform/errors/domain-error';
import { workerRegistry } from '../../src/platform/metrics/worker.metrics';
import { PermanentDeliveryError } from '../../src/notification/channels/notification-channel';
import { createNotificationDeliveryActivities } from '../../activities/notification-delivery.activities';

const TOKEN = 'a-metrics-token-of-32-characters';

describe('BoundedLabel', () => {
  it('admits up to its limit of names, then answers other, and keeps admitted names', () => {
    const label = new BoundedLabel(3, /^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
    expect(['A', 'B', 'C', 'D', 'A'].map((n) => label.value(n))).toEqual(['A', 'B', 'C', OTHER_LABEL, 'A']);
    expect(label.size).toBe(3);
  });

  it('answers other for what is not a name, without using up a place', () => {
    const label = new BoundedLabel(2, /^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
    for (const raw of ['', '1abc', 'a-b', 'a b', 'x'.repeat(65), '名字', 'a"}\n']) expect(label.value(raw)).toBe(OTHER_LABEL);
    expect(label.size).toBe(0);
    expect(label.value('x'.repeat(64))).toBe('x'.repeat(64));
  });

  it('keeps 10,000 made-up names to its limit', () => {
    const label = new BoundedLabel(200, /^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
    const values = new Set(Array.from({ length: 10_000 }, (_, i) => label.value(`Op${i}`)));
    expect(values.size).toBe(201);
    expect(values).toContain(OTHER_LABEL);
  });
});

describe('metricsRefusal', () => {
  it('answers loopback callers when no token is configured, and refuses others with 403 in Chinese', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.10']) expect(metricsRefusal(null, undefined, address)).toBeNull();
    for (const address of ['10.0.0.5', '203.0.113.7', '::ffff:10.0.0.5', '', 'unknown']) {
      expect(metricsRefusal(null, undefined, address)).toEqual({ status: 403, message: expect.stringContaining('监控指标只对本机开放') });
    }
  });

  it('requires the bearer token, from anywhere, once one is configured', () => {
    expect(metricsRefusal(TOKEN, `Bearer ${TOKEN}`, '203.0.113.7')).toBeNull();
    expect(metricsRefusal(TOKEN, `bearer  ${TOKEN}`, '10.0.0.5')).toBeNull();
    for (const authorization of [undefined, '', 'Bearer', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN} extra`]) {
      // Loopback gives no pass when a token is set: any local process could otherwise read them.
      expect(metricsRefusal(TOKEN, authorization, '127.0.0.1')).toEqual({ status: 401, message: expect.stringContaining('监控令牌') });
    }
  });
});

describe('outcome labels', () => {
  it('labels a GraphQL answer with the code of its first error, or OK', () => {
    expect(outcomeCode(undefined)).toBe('OK');
    expect(outcomeCode([])).toBe('OK');
    expect(outcomeCode([{ extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'NOT_FOUND' } }])).toBe('FORBIDDEN');
    // Never a value a client could choose.
    expect(outcomeCode([{ extensions: { code: 'MADE_UP_BY_SOMEONE' } }])).toBe('OTHER');
    expect(outcomeCode([{}])).toBe('OTHER');
  });

  it('labels an activity failure by whether Temporal will run it again', () => {
    expect(activityOutcome(new Error('database down'))).toBe('RETRY');
    expect(activityOutcome(ApplicationFailure.create({ type: 'X', message: 'later' }))).toBe('RETRY');
    expect(activityOutcome(ApplicationFailure.create({ type: 'STREAM_CONFLICT', message: 'no', nonRetryable: true }))).toBe('FAILED');
    expect(activityOutcome(new CancelledFailure('cancelled'))).toBe('CANCELLED');
  });

  it('labels an import with the status it answered, or the code it was refused with', async () => {
    await measureImport('catalog', async () => ({ status: 'DRY_RUN' }));
    await expect(measureImport('catalog', async () => Promise.reject(new DomainError('BAD_USER_INPUT', '文件是空的')))).rejects.toThrow('文件是空的');
    await expect(measureImport('catalog', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const text = await apiRegistry.getSingleMetricAsString('chuangwen_import_duration_seconds');
    for (const outcome of ['DRY_RUN', 'BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR']) {
      expect(text).toContain(`chuangwen_import_duration_seconds_count{kind="catalog",outcome="${outcome}"} 1`);
    }
  });
});

describe('graphqlMetricsPlugin', () => {
  /** Runs one request through the plugin as Apollo would: start, then the formatted answer. */
  async function request(operationName: string | null, errors?: { extensions: { code: string } }[]): Promise<void> {
    const plugin = graphqlMetricsPlugin();
    const listener = await plugin.requestDidStart!({} as never);
    const body = { kind: 'single', singleResult: { data: null, errors } };
    await listener!.willSendResponse!({ response: { body, http: {} }, operationName, request: {} } as never);
  }

  it(`counts 10,000 made-up operation names as at most ${MAX_OPERATION_NAMES} label values and other`, async () => {
    apiRegistry.resetMetrics();
    await request(null);
    await request('Refused', [{ extensions: { code: 'UNAUTHENTICATED' } }]);
    for (let i = 0; i < 10_000; i++) await request(`Made_Up_${i}`);
    const values = (await apiRegistry.getMetricsAsJSON()).find((m) => m.name === 'chuangwen_graphql_operations_total')!.values;
    const operations = new Set(values.map((v) => v.labels.operation));
    expect(operations.size).toBe(MAX_OPERATION_NAMES + 2);
    expect(operations).toContain('anonymous');
    expect(operations).toContain(OTHER_LABEL);
    expect(values.find((v) => v.labels.operation === 'Refused')!.labels.code).toBe('UNAUTHENTICATED');
    expect(values.reduce((n, v) => n + v.value, 0)).toBe(10_002);
  });
});

describe('notification delivery counts', () => {
  it('counts a send as SENT, a failure to retry as RETRYING, and a refusal or retries run out as FAILED, by channel', async () => {
    workerRegistry.resetMetrics();
    const outcomes = [async () => undefined, async () => Promise.reject(new Error('SMTP 421')), async () => Promise.reject(new PermanentDeliveryError('邮箱被拒'))];
    const channel = { name: 'EMAIL' as const, reaches: () => true, send: async () => (outcomes.shift() ?? (async () => undefined))() };
    const deliveries = {
      beginAttempt: async () => 'PENDING',
      message: async () => ({}),
      noteError: async () => undefined,
      markSent: async () => undefined,
      markFailed: async () => undefined,
    };
    const activities = createNotificationDeliveryActivities({ deliveries: deliveries as never, channels: [channel as never], retry: { initialMs: 1, maximumMs: 1, totalMs: 1 } });
    await activities.deliverNotification({ notificationId: 'n1', channel: 'EMAIL' });
    await expect(activities.deliverNotification({ notificationId: 'n2', channel: 'EMAIL' })).rejects.toThrow('SMTP 421');
    await expect(activities.deliverNotification({ notificationId: 'n3', channel: 'EMAIL' })).rejects.toThrow('邮箱被拒');
    await activities.recordDeliveryFailure({ notificationId: 'n2', channel: 'EMAIL', error: 'SMTP 421' });
    const values = (await workerRegistry.getMetricsAsJSON()).find((m) => m.name === 'chuangwen_notification_deliveries_total')!.values;
    expect(Object.fromEntries(values.map((v) => [`${v.labels.channel} ${v.labels.outcome}`, v.value]))).toEqual({ 'EMAIL SENT': 1, 'EMAIL RETRYING': 1, 'EMAIL FAILED': 2 });
  });
});
