// What the API counts, served at its /metrics (api-server.ts). One registry per process: in `npm start` the worker
// in the same process serves its own (worker.metrics.ts) on another port, so no figure is scraped twice.
import { Counter, Gauge, Histogram } from 'prom-client';
import { DomainError } from '../errors/domain-error';
import { BoundedLabel } from './bounded-label';
import { processRegistry } from './process.metrics';

export const apiRegistry = processRegistry();

/** Seconds; an answer past 10 s has already failed a person waiting for it. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const graphqlOperations = new Counter({
  name: 'chuangwen_graphql_operations_total',
  help: 'GraphQL 请求数，按操作名和结果代码（首个错误的代码，或 OK） / GraphQL operations by operation name and outcome code',
  labelNames: ['operation', 'code'] as const,
  registers: [apiRegistry],
});

export const graphqlDuration = new Histogram({
  name: 'chuangwen_graphql_operation_duration_seconds',
  help: 'GraphQL 请求耗时（秒），按操作名和结果代码 / GraphQL operation latency in seconds, by operation name and outcome code',
  labelNames: ['operation', 'code'] as const,
  buckets: REQUEST_BUCKETS,
  registers: [apiRegistry],
});

export const activeSubscriptions = new Gauge({
  name: 'chuangwen_graphql_active_subscriptions',
  help: '本实例当前的实时订阅数（graphql-ws） / live subscriptions held on this instance (graphql-ws)',
  registers: [apiRegistry],
});

export const signInFailures = new Counter({
  name: 'chuangwen_sign_in_failures_total',
  help: '登录失败次数，按原因：WRONG_PASSWORD 登录名或密码不正确，RATE_LIMITED 尝试过于频繁，BAD_USER_INPUT 未填写 / failed sign-ins by reason',
  labelNames: ['reason'] as const,
  registers: [apiRegistry],
});

export const importDuration = new Histogram({
  name: 'chuangwen_import_duration_seconds',
  help: '导入耗时（秒），按导入类型和结果（状态或错误代码） / import duration in seconds, by kind and outcome (status or error code)',
  labelNames: ['kind', 'outcome'] as const,
  buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  registers: [apiRegistry],
});

/** A GraphQL operation name as clients send it: a GraphQL name of at most 64 characters. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** The board sends about a hundred named operations; room for twice that, then `other`. */
export const MAX_OPERATION_NAMES = 200;

/** Operation names, bounded: a client cannot add a series per name it makes up. */
export const operationNames = new BoundedLabel(MAX_OPERATION_NAMES, OPERATION_NAME);

export type ImportKind = 'task_breakdown' | 'catalog' | 'organisation' | 'working_days';

/**
 * Runs one import and records how long it took, labelled with its outcome: the status it answered (`REJECTED`,
 * `DRY_RUN`, `UNCHANGED`, `APPLYING`, `APPLIED`), or the code of the error it was refused with.
 */
export async function measureImport<T extends { status: string }>(kind: ImportKind, work: () => Promise<T>): Promise<T> {
  const end = importDuration.startTimer({ kind });
  try {
    const result = await work();
    end({ outcome: /^[A-Z_]{1,32}$/.test(result.status) ? result.status : 'OTHER' });
    return result;
  } catch (err) {
    end({ outcome: err instanceof DomainError ? err.code : 'INTERNAL_SERVER_ERROR' });
    throw err;
  }
}
