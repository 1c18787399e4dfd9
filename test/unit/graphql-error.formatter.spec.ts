// The one mapping from errors to what GraphQL clients see: a stable code, a Chinese message, the field at fault,
// and nothing of the server's insides.
import { Client, Connection, ServiceError } from '@temporalio/client';
import { Client as PgClient, DatabaseError } from 'pg';
import { GraphQLError, buildSchema, parse, validate, type GraphQLFormattedError } from 'graphql';
import { DomainError, ERROR_CODES } from '../../src/platform/errors/domain-error';
import { formatGraphQLError, isDatabaseUnavailable, isServiceUnavailable } from '../../src/platform/errors/graphql-error.formatter';
import { DEFAULT_QUERY_LIMITS, queryLimitRules } from '../../src/platform/errors/query-limits';
import { withRequestId } from '../../src/platform/errors/request-context';
import { freePort } from '../../src/platform/runtime/ports';
import { temporalToDomainError } from '../../src/platform/temporal/temporal-errors';

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

    it.each(ERROR_CODES)('keeps the %s code, the message and the field', (code) => {
      const result = formatGraphQLError(formattedFor('x', 'INTERNAL_SERVER_ERROR'), new DomainError(code, '出错了', 'note'));
      expect(result).toEqual({ message: '出错了', path: PATH, locations: LOCATIONS, extensions: { code, field: 'note' } });
    });
  });

  describe('limits', () => {
    const schema = buildSchema('type Query { users: [User!]! } type User { name: String, friends: [User!]! }');

    /** What Apollo makes of a validation rule's error: GRAPHQL_VALIDATION_FAILED, the rule's error as originalError. */
    function asApolloDoes(error: GraphQLError): { formatted: GraphQLFormattedError; error: GraphQLError } {
      const wrapped = new GraphQLError(error.message, {
        nodes: error.nodes,
        extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
        originalError: error.originalError ?? error,
      });
      return { formatted: { message: error.message, locations: error.locations, extensions: wrapped.extensions }, error: wrapped };
    }

    it('answers a document over the parser’s token limit with QUERY_TOO_COMPLEX and a Chinese message', () => {
      let parseError: GraphQLError | undefined;
      try {
        parse('{ users { name friends { name } } }', { maxTokens: 5 });
      } catch (err) {
        parseError = err as GraphQLError;
      }
      // What Apollo makes of it: GRAPHQL_PARSE_FAILED, the parser's error as originalError.
      const wrapped = new GraphQLError(parseError!.message, { originalError: parseError, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      const result = formatGraphQLError({ message: parseError!.message, locations: parseError!.locations, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, wrapped);
      expect(result).toEqual({
        message: '查询文本过长：超过 5 个词法单元（token）的上限，请精简查询或拆成几次查询',
        locations: parseError!.locations,
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      });
    });

    it('answers a document that overflowed the parser’s stack with QUERY_TOO_DEEP, not the engine’s words', () => {
      const overflow = new RangeError('Maximum call stack size exceeded');
      const wrapped = new GraphQLError(overflow.message, { originalError: overflow, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      const result = formatGraphQLError({ message: overflow.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, wrapped);
      expect(result).toEqual({ message: '查询嵌套过深，无法解析，请减少嵌套层数', extensions: { code: 'QUERY_TOO_DEEP' } });
    });

    it.each<[string, string]>([
      ['QUERY_TOO_DEEP', `{ users ${'{ friends '.repeat(12)}{ name }${' }'.repeat(12)} }`],
      ['QUERY_TOO_COMPLEX', '{ users { friends { friends { friends { friends { name } } } } } }'],
    ])('answers a refused operation with %s and the Chinese message, not BAD_USER_INPUT', (code, query) => {
      const [refusal] = validate(schema, parse(query), queryLimitRules(DEFAULT_QUERY_LIMITS));
      const { formatted, error } = asApolloDoes(refusal);
      const result = formatGraphQLError(formatted, error);
      expect(result.extensions).toEqual({ code, field: null });
      expect(result.message).toMatch(/^查询/);
      expect(result.locations).toEqual([{ line: 1, column: 1 }]);
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

    it('does not leak SQL from a database error', () => {
      const sqlError = Object.assign(new Error('column "secret_column" of relation "users" does not exist'), {
        code: '42703',
        query: 'select secret_column from users where login = $1',
      });
      const result = formatGraphQLError(formattedFor(sqlError.message, 'INTERNAL_SERVER_ERROR'), new GraphQLError(sqlError.message, { originalError: sqlError }));
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(result)).not.toMatch(/secret_column|select|users/);
    });

    it('names the request in the answer and in the log, so that a screenshot leads to the log line', () => {
      const requestId = 'req-0123456789abcdef';
      const result = withRequestId(requestId, () => formatGraphQLError(formattedFor(secret, 'INTERNAL_SERVER_ERROR'), new Error(secret)));
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      expect(result.message).toBe(`服务器内部错误，请稍后重试（请求编号 ${requestId}） / internal server error`);
      expect(consoleError).toHaveBeenCalledWith(`[api] unexpected error (request ${requestId})`, expect.any(Error));
    });

    it('does not trust an unknown code reported by another layer', () => {
      const result = formatGraphQLError(formattedFor('internal detail', 'SOME_LIBRARY_CODE'), new Error('internal detail'));
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(result.message).not.toContain('internal detail');
    });
  });

  describe('Temporal unavailable', () => {
    let consoleWarn: jest.SpyInstance;
    beforeEach(() => {
      consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    });
    afterEach(() => consoleWarn.mockRestore());

    /** A gRPC status error as @grpc/grpc-js makes them: a numeric code, details and metadata. */
    const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });

    it('maps a gRPC UNAVAILABLE thrown directly to a coded DomainError (temporal-errors.ts)', () => {
      const mapped = temporalToDomainError(grpcError(14, 'UNAVAILABLE: No connection established'), '不存在');
      expect(mapped).toBeInstanceOf(DomainError);
      expect((mapped as DomainError).code).toBe('UNAVAILABLE');
    });

    it.each<[string, number]>([
      ['UNAVAILABLE', 14],
      ['DEADLINE_EXCEEDED', 4],
    ])('answers UNAVAILABLE for a Temporal ServiceError caused by gRPC %s, without its insides', (_name, code) => {
      const error = new ServiceError('Workflow Update failed', { cause: grpcError(code, 'connect ECONNREFUSED 10.0.0.7:7233') });
      const result = withRequestId('req-unavailable-1', () => formatGraphQLError(formattedFor(error.message, 'INTERNAL_SERVER_ERROR'), new GraphQLError(error.message, { originalError: error })));
      expect(result.extensions).toEqual({ code: 'UNAVAILABLE', requestId: 'req-unavailable-1' });
      expect(result.message).toBe('工作流服务暂时不可用，请稍后重试（请求编号 req-unavailable-1）');
      expect(JSON.stringify(result)).not.toContain('10.0.0.7');
      expect(consoleError).not.toHaveBeenCalled();
      expect(consoleWarn).toHaveBeenCalledTimes(1);
    });

    it('does not take any error with a numeric code 14 for gRPC', () => {
      expect(isServiceUnavailable(Object.assign(new Error('x'), { code: 14 }))).toBe(false);
      expect(isServiceUnavailable(null)).toBe(false);
    });

    it('answers UNAVAILABLE for what the real Temporal client throws when its server is down', async () => {
      const port = await freePort(); // nothing listens there
      // No retry interceptor: the client gives up at once instead of retrying for about 20 s.
      const connection = Connection.lazy({ address: `127.0.0.1:${port}`, interceptors: [], connectTimeout: 2000 });
      const client = new Client({ connection, namespace: 'chuangwen' });
      let thrown: unknown;
      try {
        await client.workflow.getHandle('indicator-task:x:A1:WTSQ').executeUpdate('act', { args: [] });
      } catch (err) {
        thrown = err;
      } finally {
        await connection.close();
      }
      // The status is on the cause: temporal-errors.ts, which looks at the error's own code, passes it through,
      // and the formatter recognises it.
      expect(thrown).toBeInstanceOf(ServiceError);
      expect((thrown as ServiceError).cause).toMatchObject({ code: 14 });
      const error = temporalToDomainError(thrown, '任务不存在');
      const result = formatGraphQLError(formattedFor('x', 'INTERNAL_SERVER_ERROR'), new GraphQLError('x', { originalError: error }));
      expect(result.extensions?.code).toBe('UNAVAILABLE');
    });
  });

  describe('PostgreSQL unavailable', () => {
    let consoleWarn: jest.SpyInstance;
    beforeEach(() => {
      consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    });
    afterEach(() => consoleWarn.mockRestore());

    /** A server error as node-postgres makes it: the message, then severity and SQLSTATE from the server. */
    const serverError = (code: string, message: string) => Object.assign(new DatabaseError(message, 100, 'error'), { severity: 'FATAL', code });

    it.each<[string, Error]>([
      ['a fast shutdown ending the connection (57P01)', serverError('57P01', 'terminating connection due to administrator command')],
      ['a server shutting down (57P03)', serverError('57P03', 'the database system is shutting down')],
      ['a server starting up (57P03)', serverError('57P03', 'the database system is starting up')],
      ['a connection failure (08006)', serverError('08006', 'connection failure')],
      ['the connection dropping under a query', new Error('Connection terminated unexpectedly')],
      ['a client used after its connection dropped', new Error('Client has encountered a connection error and is not queryable')],
    ])('answers UNAVAILABLE for %s, in Chinese, without its insides', (_case, error) => {
      const result = withRequestId('req-db-1', () => formatGraphQLError(formattedFor(error.message, 'INTERNAL_SERVER_ERROR'), new GraphQLError(error.message, { originalError: error })));
      expect(result).toEqual({ message: '数据库暂时不可用，请稍后重试（请求编号 req-db-1）', path: PATH, extensions: { code: 'UNAVAILABLE', requestId: 'req-db-1' } });
      expect(consoleError).not.toHaveBeenCalled();
      expect(consoleWarn).toHaveBeenCalledTimes(1);
    });

    it('answers UNAVAILABLE for what node-postgres throws when nothing listens', async () => {
      const port = await freePort();
      const client = new PgClient({ connectionString: `postgres://x:y@127.0.0.1:${port}/db` });
      const thrown = await client.connect().then(
        () => null,
        (err: unknown) => err,
      );
      expect(isDatabaseUnavailable(thrown)).toBe(true);
    });

    it.each<[string, unknown]>([
      ['a syntax error (42601)', serverError('42601', 'syntax error at or near "selec"')],
      ['a unique violation (23505)', serverError('23505', 'duplicate key value violates unique constraint')],
      ['a code 08006 without a severity', Object.assign(new Error('x'), { code: '08006' })],
      ['ECONNREFUSED without a syscall', Object.assign(new Error('x'), { code: 'ECONNREFUSED' })],
      ['nothing', null],
    ])('takes %s for a fault of ours, not an outage', (_case, error) => {
      expect(isDatabaseUnavailable(error)).toBe(false);
    });
  });
});
