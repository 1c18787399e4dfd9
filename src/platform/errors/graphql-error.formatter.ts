// The one mapping from errors to what GraphQL clients see: a stable `extensions.code`, a Chinese message,
// the field at fault for form errors, and never a stack trace, SQL or any other part of the server's insides.
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, type ErrorCode } from './domain-error';
import { tooManyTokensMessage } from './query-limits';
import { currentRequestId } from './request-context';

const APOLLO_CODES: Record<string, { code: ErrorCode; prefix: string }> = {
  GRAPHQL_PARSE_FAILED: { code: 'BAD_USER_INPUT', prefix: '请求无法解析' },
  GRAPHQL_VALIDATION_FAILED: { code: 'BAD_USER_INPUT', prefix: '请求不符合接口定义' },
  BAD_USER_INPUT: { code: 'BAD_USER_INPUT', prefix: '输入有误' },
  PERSISTED_QUERY_NOT_FOUND: { code: 'BAD_USER_INPUT', prefix: '请求无法识别' },
  OPERATION_RESOLUTION_FAILURE: { code: 'BAD_USER_INPUT', prefix: '找不到要执行的操作' },
  BAD_REQUEST: { code: 'BAD_USER_INPUT', prefix: '请求格式错误' },
};

/** gRPC status codes that mean "the server cannot be reached now": UNAVAILABLE and DEADLINE_EXCEEDED. */
const GRPC_UNAVAILABLE = new Set([14, 4]);

/**
 * Whether the error, or an error it was caused by, is a gRPC call that could not reach its server (the Temporal
 * client wraps those in a ServiceError whose `cause` carries the gRPC status). gRPC errors carry `metadata`;
 * a numeric `code` alone is not enough to tell them from other libraries' errors.
 */
export function isServiceUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    const candidate = current as { code?: unknown; metadata?: unknown; cause?: unknown };
    if (typeof candidate.code === 'number' && GRPC_UNAVAILABLE.has(candidate.code) && candidate.metadata !== undefined) return true;
    current = candidate.cause;
  }
  return false;
}

/** SQLSTATEs meaning "the database cannot serve now": connection exceptions, shutting down or starting up, full. */
const PG_UNAVAILABLE = /^(08\w{3}|57P0[123]|53300)$/;
/** Socket errors of a connection to the database that could not be made or was lost. */
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** What node-postgres throws when the connection drops under a query, or a client is used after it dropped. */
const PG_CONNECTION_LOST = /^(Connection terminated( unexpectedly)?|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect)$/;

/**
 * Whether the error, or an error it was caused by, is PostgreSQL being unreachable, restarting or shutting down
 * (a server error carries `severity` with its SQLSTATE; a socket error carries `syscall`), rather than a fault
 * of a query.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    const candidate = current as { code?: unknown; severity?: unknown; syscall?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string') {
      if (candidate.severity !== undefined && PG_UNAVAILABLE.test(candidate.code)) return true;
      if (typeof candidate.syscall === 'string' && NET_UNAVAILABLE.has(candidate.code)) return true;
    }
    if (current instanceof Error && PG_CONNECTION_LOST.test(current.message)) return true;
    current = candidate.cause;
  }
  return false;
}

export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.code, field: original.field },
    };
  }
  const apolloCode = String(formatted.extensions?.code ?? '');
  // graphql-js stops parsing a document longer than `maxTokens` (its message: "…more that N tokens…").
  const tooLong = apolloCode === 'GRAPHQL_PARSE_FAILED' ? /Document contains more (?:than|that) (\d+) tokens/.exec(formatted.message) : null;
  if (tooLong) {
    return {
      message: tooManyTokensMessage(Number(tooLong[1])),
      locations: formatted.locations,
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    };
  }
  // The token limit keeps documents shallower than the recursive parser can go; should one still overflow it:
  if (apolloCode === 'GRAPHQL_PARSE_FAILED' && /Maximum call stack size exceeded/.test(formatted.message)) {
    return { message: '查询嵌套过深，无法解析，请减少嵌套层数', extensions: { code: 'QUERY_TOO_DEEP' } };
  }
  const known = APOLLO_CODES[apolloCode];
  if (known) {
    return {
      message: `${known.prefix}：${formatted.message}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: known.code },
    };
  }
  const requestId = currentRequestId();
  const forLog = requestId ? ` (request ${requestId})` : '';
  const forPeople = requestId ? `（请求编号 ${requestId}）` : '';
  const withId = requestId ? { requestId } : {};
  if (isServiceUnavailable(original)) {
    // Not our code's fault, but operators need to know: one line, without the stack.
    console.warn(`[api] workflow service unavailable${forLog}: ${(original as Error)?.message ?? String(original)}`);
    return {
      message: `工作流服务暂时不可用，请稍后重试${forPeople}`,
      path: formatted.path,
      extensions: { code: 'UNAVAILABLE', ...withId },
    };
  }
  if (isDatabaseUnavailable(original)) {
    // A restart or failover of PostgreSQL: the client should try again; operators get one line, not a stack.
    console.warn(`[api] database unavailable${forLog}: ${(original as Error)?.message ?? String(original)}`);
    return {
      message: `数据库暂时不可用，请稍后重试${forPeople}`,
      path: formatted.path,
      extensions: { code: 'UNAVAILABLE', ...withId },
    };
  }
  // Anything else is our fault: log it whole, tell the client nothing of its insides.
  console.error(`[api] unexpected error${forLog}`, original);
  return {
    message: `服务器内部错误，请稍后重试${forPeople} / internal server error`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...withId },
  };
}
