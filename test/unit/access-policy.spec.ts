// The access policy is complete and fails closed: every root field of the schema and every HTTP route is
// declared, nothing is declared that does not exist, and what is not declared is refused. How each role fares
// against each operation through HTTP is test/integration/access-matrix.int-spec.ts.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { NO_UNIT, OPERATIONS, authorise, may, mayReadUnit, hidesCovertReporter, visibleUnit, type Caller } from '../../src/auth/access-policy';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { loadSchema } from '../support/schema';

const person = (role: Caller['role'], unitCode: string | null = null): Caller => ({ userId: `user:${role}`, displayName: role, role, unitCode });
const service = (scopes: ('BOARD_READ' | 'CAMPAIGN_READ' | 'REPORTS_READ')[]): Caller => ({
  userId: 'service:1',
  displayName: '服务账号：区创建办',
  role: 'LEADER',
  unitCode: null,
  service: { accountId: '1', name: '区创建办', scopes },
});
const code = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as { code: string }).code;
  }
};

/** Every route of every controller under src/, as `GET /path/:param`, read from Nest's decorators. */
function controllerRoutes(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.controller.ts')) files.push(full);
    }
  };
  walk(path.join(projectRoot(), 'src'));
  const routes: string[] = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(file) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (typeof value !== 'function') continue;
      const base = Reflect.getMetadata('path', value) as string | undefined;
      if (base === undefined) continue;
      const proto = (value as { prototype: Record<string, unknown> }).prototype;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const sub = Reflect.getMetadata('path', handler) as string | undefined;
        const method = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
        if (sub === undefined || method === undefined) continue;
        const joined = ['', base, sub].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
        routes.push(`${RequestMethod[method]} /${joined}`);
      }
    }
  }
  return routes.sort();
}

describe('access policy', () => {
  const schema = loadSchema();
  const rootFields = ['Query', 'Mutation', 'Subscription'].flatMap((type) => Object.keys(schema.getType(type) ? (schema.getType(type) as unknown as { getFields(): object }).getFields() : {}).map((f) => `${type}.${f}`));

  it('declares every root field of the schema, and nothing that is not one', () => {
    const declared = Object.keys(OPERATIONS).filter((k) => /^(Query|Mutation|Subscription)\./.test(k));
    expect(rootFields.filter((f) => !(f in OPERATIONS))).toEqual([]);
    expect(declared.filter((k) => !rootFields.includes(k))).toEqual([]);
  });

  it('declares every HTTP route of the controllers, and nothing that is not one', () => {
    const routes = controllerRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(3);
    const declared = Object.keys(OPERATIONS).filter((k) => /^[A-Z]+ \//.test(k));
    expect(routes.filter((r) => !(r in OPERATIONS))).toEqual([]);
    expect(declared.filter((k) => !routes.includes(k)).sort()).toEqual([]);
  });

  it('says in Chinese what each operation does', () => {
    for (const [key, rule] of Object.entries(OPERATIONS)) expect([key, /[\u4e00-\u9fff]/.test(rule.what)]).toEqual([key, true]);
  });

  it('refuses what is not declared, even to the office', () => {
    expect(code(() => authorise(person('OFFICE'), 'Mutation.dropEverything'))).toBe('FORBIDDEN');
    expect(code(() => authorise(person('OFFICE'), 'DELETE /tasks/:taskId'))).toBe('FORBIDDEN');
  });

  it('asks nobody to sign in for public operations, and everyone else to', () => {
    expect(code(() => authorise(null, 'Mutation.signIn'))).toBeNull();
    expect(code(() => authorise(null, 'GET /health'))).toBeNull();
    expect(code(() => authorise(null, 'Query.me'))).toBe('UNAUTHENTICATED');
    expect(code(() => authorise(null, 'Query.board'))).toBe('UNAUTHENTICATED');
  });

  it('names the roles that may, in the refusal', () => {
    expect(() => authorise(person('UNIT_MEMBER', 'WTSQ'), 'Mutation.importTaskBreakdown')).toThrow('「责任单位成员」无权导入任务分解表（仅限创建办）');
    expect(() => authorise(person('LEADER'), 'Mutation.confirmSelfCheck')).toThrow('「领导小组」无权确认自查结果（仅限督查检查组）');
  });

  it('takes the lifecycle actions’ roles from the lifecycle rules', () => {
    expect(code(() => authorise(person('UNIT_MEMBER', 'WTSQ'), 'Mutation.submitSelfCheck'))).toBeNull();
    expect(code(() => authorise(person('SUPERVISOR'), 'Mutation.submitSelfCheck'))).toBe('FORBIDDEN');
    expect(code(() => authorise(person('ARCHIVIST'), 'Mutation.acceptArchiveMaterial'))).toBeNull();
    expect(code(() => authorise(person('SUPERVISOR'), 'Mutation.acceptArchiveMaterial'))).toBe('FORBIDDEN');
  });

  it('decides actOnItem by the action named', () => {
    const act = (role: Caller['role'], action: string) => code(() => authorise(person(role, 'WTSQ'), 'Mutation.actOnItem', { input: { action } }));
    expect(act('SUPERVISOR', 'VERIFY')).toBeNull();
    expect(act('UNIT_MEMBER', 'VERIFY')).toBe('FORBIDDEN');
    expect(act('UNIT_MEMBER', 'SUBMIT_RECTIFICATION')).toBeNull();
    expect(act('SUPERVISOR', 'SUBMIT_RECTIFICATION')).toBe('FORBIDDEN');
    expect(act('ARCHIVIST', 'NO_SUCH_ACTION')).toBe('FORBIDDEN');
    expect(act('SUPERVISOR', 'NO_SUCH_ACTION')).toBeNull();
  });

  it('lets a service account read within its scopes, and never act', () => {
    const board = service(['BOARD_READ']);
    expect(code(() => authorise(board, 'Query.board'))).toBeNull();
    expect(code(() => authorise(board, 'Subscription.itemChanged'))).toBeNull();
    expect(code(() => authorise(board, 'GET /tasks/:taskId/evidence/:sha256'))).toBeNull();
    expect(code(() => authorise(board, 'Query.performanceAssessment'))).toBe('FORBIDDEN');
    expect(code(() => authorise(service(['BOARD_READ', 'CAMPAIGN_READ', 'REPORTS_READ']), 'Mutation.addComment'))).toBe('FORBIDDEN');
    expect(code(() => authorise(service(['BOARD_READ', 'CAMPAIGN_READ', 'REPORTS_READ']), 'Query.me'))).toBe('FORBIDDEN');
    expect(code(() => authorise(service(['BOARD_READ', 'CAMPAIGN_READ', 'REPORTS_READ']), 'Query.organisation'))).toBe('FORBIDDEN');
    for (const [key, rule] of Object.entries(OPERATIONS)) {
      if (rule.scope) expect([key, key.startsWith('Mutation.')]).toEqual([key, false]);
    }
  });

  it('shows units their own unit only, and hides covert inspectors from them', () => {
    expect(mayReadUnit(person('UNIT_MEMBER', 'WTSQ'), 'WTSQ')).toBe(true);
    expect(mayReadUnit(person('UNIT_HEAD', 'WTSQ'), 'BJSQ')).toBe(false);
    expect(mayReadUnit(person('UNIT_HEAD', 'WTSQ'), null)).toBe(false);
    expect(mayReadUnit(person('SUPERVISOR'), 'BJSQ')).toBe(true);
    expect(hidesCovertReporter(person('UNIT_MEMBER', 'WTSQ'), 'COVERT_INSPECTION')).toBe(true);
    expect(hidesCovertReporter(person('UNIT_MEMBER', 'WTSQ'), 'OPEN_INSPECTION')).toBe(false);
    expect(hidesCovertReporter(person('LEADER'), 'COVERT_INSPECTION')).toBe(false);
    expect(may(person('ARCHIVIST'), 'Query.monthlyReport')).toBe(true);
    expect(may(person('UNIT_HEAD', 'WTSQ'), 'Query.monthlyReport')).toBe(false);
  });

  describe('a unit person without a unit (fails closed)', () => {
    const lost = [person('UNIT_MEMBER', null), person('UNIT_HEAD', ''), person('UNIT_MEMBER', '   ')];

    it('is scoped to no unit: reads no record, not even one without a unit or with an empty one', () => {
      for (const caller of lost) {
        expect(visibleUnit(caller)).toBe(NO_UNIT);
        for (const unit of [null, '', '   ', 'WTSQ', NO_UNIT]) expect([caller.unitCode, unit, mayReadUnit(caller, unit)]).toEqual([caller.unitCode, unit, false]);
      }
      expect(visibleUnit(person('UNIT_MEMBER', 'WTSQ'))).toBe('WTSQ');
      expect(visibleUnit(person('UNIT_HEAD', ' WTSQ '))).toBe('WTSQ');
      expect(visibleUnit(person('OFFICE'))).toBeNull();
      expect(visibleUnit(person('SUPERVISOR', ''))).toBeNull();
    });

    it('may call nothing but what concerns its own account', () => {
      for (const caller of lost) {
        const allowed = Object.keys(OPERATIONS).filter((op) => may(caller, op));
        expect(allowed.sort()).toEqual([
          'GET /health',
          'Mutation.changePassword',
          'Mutation.markAllNotificationsRead',
          'Mutation.markNotificationsRead',
          'Mutation.refreshSession',
          'Mutation.signIn',
          'Mutation.signOut',
          'Mutation.updateNotificationPreferences',
          'Query.me',
          'Query.myNotificationPreferences',
          'Query.notifications',
          'Subscription.notificationAdded',
        ]);
      }
      expect(() => authorise(person('UNIT_MEMBER', null), 'Query.board')).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', message: '「责任单位成员」账号未指定所属单位，无权查看任务看板，请联系创建办在组织机构中为其填写单位' }),
      );
      // The same role with its unit keeps what it had.
      expect(may(person('UNIT_MEMBER', 'WTSQ'), 'Query.board')).toBe(true);
      expect(may(person('UNIT_HEAD', 'WTSQ'), 'Mutation.submitSelfCheck')).toBe(true);
    });
  });
});

describe('the development identity header', () => {
  it('is taken only from this machine', async () => {
    const { isLoopback } = await import('../../src/auth/auth.service');
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3']) expect([address, isLoopback(address)]).toEqual([address, true]);
    for (const address of ['10.0.0.5', '::ffff:192.168.1.9', '203.0.113.7', 'unknown', '', '127.0.0.1.evil']) expect([address, isLoopback(address)]).toEqual([address, false]);
  });
});
