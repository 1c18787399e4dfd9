// What a worker counts, served at its /metrics beside the Temporal SDK's own figures (worker-metrics.ts).
import { Counter, Histogram } from 'prom-client';
import { processRegistry } from './process.metrics';

export const workerRegistry = processRegistry();

export const activityDuration = new Histogram({
  name: 'chuangwen_activity_duration_seconds',
  help: '活动执行耗时（秒），按活动类型和结果：OK、RETRY（将重试）、FAILED（不再重试）、CANCELLED / activity duration in seconds, by activity type and outcome',
  labelNames: ['activity_type', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [workerRegistry],
});

export const eventAppendDuration = new Histogram({
  name: 'chuangwen_event_append_duration_seconds',
  help: '写入事件（含投影与通知，一个事务）耗时（秒），按结果：WRITTEN、DUPLICATE（已写过）、STREAM_CONFLICT、ERROR / event append latency in seconds, by outcome',
  labelNames: ['outcome'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [workerRegistry],
});

export const notificationDeliveries = new Counter({
  name: 'chuangwen_notification_deliveries_total',
  help: '通知发送次数，按渠道和结果：SENT 已送达，RETRYING 本次失败、稍后重试，FAILED 不再重试 / notification sends by channel and outcome',
  labelNames: ['channel', 'outcome'] as const,
  registers: [workerRegistry],
});
