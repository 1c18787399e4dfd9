// The one mapping from errors to what GraphQL clients see: a stable code, a Chinese message, the field at fault,
// and nothing of the server's insides.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../../src/errors/domain-error';
import { formatGraphQLError } from '../../src/errors/graphql-error.formatter';

const PATH = ['submitSelfCheck'];
const LOCATIONS = [{ line: 2, column: 3 }];

/** What Apollo hands the formatter for an error thrown in a resolver: its default formatting of the error. */
function formattedFor(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, path: PATH, locations: LOCATIONS, extensions: { code, ...extra } };
}

describe('formatGraphQLError', () => {
  let consoleError: jest.SpyInstance;

  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    consoleError.mockRestore();
  });

  describe('domain errors', () => {
    it('maps a DomainError to its code, field and message', () => {
      const error = new DomainError('BAD_USER_INPUT', '请填写自查说明', 'note');
      const result = formatGraphQLError(formattedFor('请填写自查说明', 'INTERNAL_SERVER_ERROR', { stacktrace: ['at x'] }), error);
      expect(result).toEqual({
        message: '请填写自查说明',
        path: PATH,
        locations: LOCATIONS,
        extensions: { code: 'BAD_USER_INPUT', field: 'note' },
      });
      expect(consoleError).not.toHaveBeenCalled();
    });

    it('unwraps a DomainError that GraphQL wrapped as originalError', () => {
      const domain = new DomainError('FORBIDDEN', '「创建办」无权执行「确认自查结果」');
      const wrapped = new GraphQLError(domain.message, { originalError: domain, path: PATH });
      const result = formatGraphQLError(formattedFor(domain.message, 'INTERNAL_SERVER_ERROR'), wrapped);
      expect(result.message).toBe('「创建办」无权执行「确认自查结果」');
      expect(result.extensions).toEqual({ code: 'FORBIDDEN', field: null });
    });

    it.each(['NOT_FOUND', 'CONFLICT', 'ILLEGAL_TRANSITION', 'UNAVAILABLE', 'UNAUTHENTICATED'] as const)('keeps the %s code', (code) => {
      const result = formatGraphQLError(formattedFor('x', 'INTERNAL_SERVER_ERROR'), new DomainError(code, '出错了'));
      expect(result.extensions?.code).toBe(code);
    });
  });

  describe('errors of the GraphQL layer', () => {
    it('maps GRAPHQL_VALIDATION_FAILED to BAD_USER_INPUT with a Chinese prefix', () => {
      const message = 'Cannot query field "foo" on type "Query".';
      const error = new GraphQLError(message);
      const result = formatGraphQLError(formattedFor(message, 'GRAPHQL_VALIDATION_FAILED', { stacktrace: ['GraphQLError: …'] }), error);
      expect(result).toEqual({
        message: `请求不符合接口定义：${message}`,
        locations: LOCATIONS,
        path: PATH,
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(consoleError).not.toHaveBeenCalled();
    });

    it.each<[string, string]>([
      ['GRAPHQL_PARSE_FAILED', '请求无法解析'],
      ['BAD_USER_INPUT', '输入有误'],
      ['PERSISTED_QUERY_NOT_FOUND', '请求无法识别'],
      ['OPERATION_RESOLUTION_FAILURE', '找不到要执行的操作'],
      ['BAD_REQUEST', '请求格式错误'],
    ])('maps %s to BAD_USER_INPUT prefixed with 「%s」', (code, prefix) => {
      const result = formatGraphQLError(formattedFor('Syntax Error', code), new GraphQLError('Syntax Error'));
      expect(result.message).toBe(`${prefix}：Syntax Error`);
      expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('unexpected errors', () => {
    const secret = 'connect ECONNREFUSED 10.0.0.5:5432 password=hunter2';

    it('answers INTERNAL_SERVER_ERROR and leaks neither message nor stack', () => {
      const error = new Error(secret);
      const formatted = formattedFor(secret, 'INTERNAL_SERVER_ERROR', { stacktrace: (error.stack ?? '').split('\n') });
      const result = formatGraphQLError(formatted, error);
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(result.message).toMatch(/[\u4e00-\u9fff]/);
      expect(result.path).toEqual(PATH);
      const sent = JSON.stringify(result);
      expect(sent).not.toContain('hunter2');
      expect(sent).not.toContain('ECONNREFUSED');
      expect(sent).not.toContain('stacktrace');
      expect(sent).not.toMatch(/at .*\.ts:\d+/);
    });

    it('logs the whole original error on the server', () => {
      const original = new TypeError(secret);
      const wrapped = new GraphQLError(secret, { originalError: original });
      formatGraphQLError(formattedFor(secret, 'INTERNAL_SERVER_ERROR'), wrapped);
      expect(consoleError).toHaveBeenCalledTimes(1);
      expect(consoleError).toHaveBeenCalledWith(expect.any(String), original);
    });

    it('treats an error without any code as unexpected', () => {
      const result = formatGraphQLError({ message: 'boom' }, 'a thrown string');
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(result.message).not.toContain('boom');
      expect(consoleError).toHaveBeenCalledWith(expect.any(String), 'a thrown string');
    });

    it('does not trust an unknown code reported by another layer', () => {
      const result = formatGraphQLError(formattedFor('internal detail', 'SOME_LIBRARY_CODE'), new Error('internal detail'));
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(result.message).not.toContain('internal detail');
    });
  });
});
