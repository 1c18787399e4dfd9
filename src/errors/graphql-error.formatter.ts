// The one mapping from errors to what GraphQL clients see: a stable `extensions.code`, a Chinese message,
// the field at fault for form errors, and never a stack trace.
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, type ErrorCode } from './domain-error';

const APOLLO_CODES: Record<string, { code: ErrorCode; prefix: string }> = {
  GRAPHQL_PARSE_FAILED: { code: 'BAD_USER_INPUT', prefix: '请求无法解析' },
  GRAPHQL_VALIDATION_FAILED: { code: 'BAD_USER_INPUT', prefix: '请求不符合接口定义' },
  BAD_USER_INPUT: { code: 'BAD_USER_INPUT', prefix: '输入有误' },
  PERSISTED_QUERY_NOT_FOUND: { code: 'BAD_USER_INPUT', prefix: '请求无法识别' },
  OPERATION_RESOLUTION_FAILURE: { code: 'BAD_USER_INPUT', prefix: '找不到要执行的操作' },
  BAD_REQUEST: { code: 'BAD_USER_INPUT', prefix: '请求格式错误' },
};

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
  const known = APOLLO_CODES[apolloCode];
  if (known) {
    return {
      message: `${known.prefix}：${formatted.message}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: known.code },
    };
  }
  // Anything else is our fault: log it whole, tell the client nothing of its insides.
  console.error('[api] unexpected error', original);
  return {
    message: '服务器内部错误，请稍后重试 / internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
