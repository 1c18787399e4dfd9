// The record of denied attempts (src/audit/access-denial.service.ts), with a fake table and a fake identity: which
// refusals are recorded, with what, and that recording never changes or delays the answer beyond its bound.
import { GraphQLError } from 'graphql';
import type { AuthService, GraphQLContext } from '../../src/auth/auth.service';
import type { AccessDenialRecord, AccessDenialRepository } from '../../src/audit/access-denial.repository';
import { AccessDenialService, MAX_PATHS_PER_RECORD } from '../../src/audit/access-denial.service';
import { authorise } from '../../src/auth/access-policy';
import { DomainError } from '../../src/platform/errors/domain-error';
import type { Actor } from '../../workflows/shared/actor.types';

const MEMBER: Actor = { userId: 'u-wtsq-member', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'wtsq' };
const OFFICE: Actor = { userId: 'u-office', displayName: '张霞', role: 'OFFICE', unitCode: null };

const resolverError = (error: Error, path: (string | number)[]) => new GraphQLError(error.message, { originalError: error, path });

function setUp(options: { actor?: Actor | null; insert?: (record: AccessDenialRecord) => Promise<void> } = {}) {
  const written: AccessDenialRecord[] = [];
  const repo = {
    insert: options.insert ?? (async (record: AccessDenialRecord) => void written.push(record)),
    page: jest.fn(async () => []),
  };
  const auth = {
    actor: async () => {
      if (!options.actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
      return options.actor;
    },
  };
  const service = new AccessDenialService(repo as unknown as AccessDenialRepository, auth as unknown as AuthService);
  const context = { req: { headers: {}, ip: '203.0.113.9', requestId: 'req-test-0001' } } as unknown as GraphQLContext;
  return { service, written, repo, context };
}

describe('recording denied attempts', () => {
  let consoleWarn: jest.SpyInstance;
  beforeEach(() => {
    consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => consoleWarn.mockRestore());

  it('records a FORBIDDEN refusal with who, what and where', async () => {
    const { service, written, context } = setUp({ actor: MEMBER });
    const refusal = new DomainError('FORBIDDEN', '「责任单位成员」无权执行「确认自查结果」');
    await service.recordRequest({ errors: [resolverError(refusal, ['confirmSelfCheck'])], context, operationType: 'mutation', operationName: 'Confirm' });
    expect(written).toEqual([
      {
        userId: 'u-wtsq-member',
        role: 'UNIT_MEMBER',
        unitCode: 'wtsq',
        operationType: 'mutation',
        operationName: 'Confirm',
        path: 'confirmSelfCheck',
        code: 'FORBIDDEN',
        message: '「责任单位成员」无权执行「确认自查结果」',
        ip: '203.0.113.9',
        requestId: 'req-test-0001',
      },
    ]);
  });

  it('records an UNAUTHENTICATED refusal with nobody as the caller', async () => {
    const { service, written, context } = setUp({ actor: null });
    await service.recordRequest({
      errors: [resolverError(new DomainError('UNAUTHENTICATED', '请先登录'), ['board'])],
      context,
      operationType: 'query',
      operationName: null,
    });
    expect(written[0]).toMatchObject({ userId: null, role: null, unitCode: null, code: 'UNAUTHENTICATED', path: 'board' });
  });

  it('leaves out every other error: NOT_FOUND, input errors, limits, faults', async () => {
    const { service, written, context } = setUp({ actor: MEMBER });
    const errors = [
      resolverError(new DomainError('NOT_FOUND', '任务不存在或无权查看'), ['indicatorTask']),
      resolverError(new DomainError('BAD_USER_INPUT', '请填写说明', 'note'), ['submitSelfCheck']),
      new GraphQLError('查询嵌套过深', { originalError: new DomainError('QUERY_TOO_DEEP', '查询嵌套过深') }),
      resolverError(new Error('boom'), ['board']),
    ];
    await service.recordRequest({ errors, context, operationType: 'query', operationName: null });
    expect(written).toEqual([]);
  });

  it(`writes one row for one request, naming at most ${MAX_PATHS_PER_RECORD} refused paths`, async () => {
    const { service, written, context } = setUp({ actor: MEMBER });
    const errors = Array.from({ length: 50 }, (_, i) => resolverError(new DomainError('FORBIDDEN', '无权查看'), [`a${i}`, 'history']));
    await service.recordRequest({ errors, context, operationType: 'query', operationName: null });
    expect(written).toHaveLength(1);
    const paths = Array.from({ length: MAX_PATHS_PER_RECORD }, (_, i) => `a${i}.history`).join(', ');
    expect(written[0].path).toBe(`${paths} …（共 50 处）`);
  });

  it('keeps the path of one row within 500 characters, whatever the aliases', async () => {
    const { service, written, context } = setUp({ actor: null });
    const errors = Array.from({ length: 30 }, (_, i) => resolverError(new DomainError('UNAUTHENTICATED', '请先登录'), [`${'x'.repeat(200)}${i}`]));
    await service.recordRequest({ errors, context, operationType: 'query', operationName: null });
    expect(written).toHaveLength(1);
    expect(written[0].path!.length).toBe(500);
  });

  it('never throws when the record cannot be written, and says so in the log', async () => {
    const { service, context } = setUp({ actor: MEMBER, insert: async () => Promise.reject(new Error('relation "access_denials" does not exist')) });
    await expect(
      service.recordRequest({ errors: [resolverError(new DomainError('FORBIDDEN', '无权'), ['x'])], context, operationType: 'query', operationName: null }),
    ).resolves.toBeUndefined();
    expect(consoleWarn).toHaveBeenCalledWith(expect.stringContaining('could not record 1 denied attempt(s)'));
  });

  it('waits for a write that hangs at most about two seconds', async () => {
    const { service, context } = setUp({ actor: MEMBER, insert: () => new Promise<void>(() => undefined) });
    const started = Date.now();
    await service.recordRequest({ errors: [resolverError(new DomainError('FORBIDDEN', '无权'), ['x'])], context, operationType: 'query', operationName: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('reading the record', () => {
  const row = (id: string) => ({
    id,
    occurred_at: new Date('2027-01-05T02:00:00Z'),
    user_id: null,
    login: null,
    role: null,
    unit_code: null,
    operation_type: 'query',
    operation_name: null,
    path: 'board',
    code: 'UNAUTHENTICATED',
    message: '请先登录',
    ip: '127.0.0.1',
    request_id: null,
    repeats: 1,
    anonymous_minute: null as string | null,
  });

  it('is for the office and the leading group only (declared in the access policy)', () => {
    expect(() => authorise(MEMBER, 'Query.accessDenials')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorise({ ...OFFICE, role: 'SUPERVISOR' }, 'Query.accessDenials')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorise(OFFICE, 'Query.accessDenials')).not.toThrow();
    expect(() => authorise({ ...OFFICE, role: 'LEADER' }, 'Query.accessDenials')).not.toThrow();
  });

  it('reads an empty record as an empty page', async () => {
    const { service } = setUp();
    await expect(service.page({})).resolves.toEqual({ nodes: [], endCursor: null, hasNextPage: false });
  });

  it('asks for one row more than the page to know whether another page follows', async () => {
    const { service, repo } = setUp();
    repo.page.mockResolvedValueOnce([row('9'), row('8'), row('7')] as never);
    const page = await service.page({ first: 2, after: '10', since: '2027-01-01T00:00:00.000Z' });
    expect(repo.page).toHaveBeenCalledWith(3, '10', new Date('2027-01-01T00:00:00.000Z'));
    expect(page.nodes.map((n) => n.id)).toEqual(['9', '8']);
    expect(page).toMatchObject({ endCursor: '8', hasNextPage: true });
  });

  it('says how many unidentified refusals a summary row stands for', async () => {
    const { service, repo } = setUp();
    repo.page.mockResolvedValueOnce([{ ...row('5'), repeats: 37, anonymous_minute: '29000000' }, row('4')] as never);
    const page = await service.page({});
    expect(page.nodes.map((n) => n.message)).toEqual(['请先登录（此地址本分钟内另有 37 次未登录的请求被拒，未逐条记录）', '请先登录']);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ first: 0 }, 'first'],
    [{ first: 201 }, 'first'],
    [{ after: 'abc' }, 'after'],
    [{ after: '-1' }, 'after'],
  ])('refuses %j as BAD_USER_INPUT on %s', async (args, field) => {
    const { service } = setUp();
    await expect(service.page(args)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
