import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
// Edge cases of input handling found in review: blank variables, port spellings, note length as people
// count it, demo deadlines for any indicator code, file store limits, campaign rules of time.
import { ConfigError, loadConfig } from '../../src/platform/config/config';
import { FileStore } from '../../src/platform/files/file-store';
import { demoDueAt } from '../../src/demo/demo-organisation';
import { allowedActions, decide } from '../../workflows/indicator-task/indicator-task.decide';
import { evolve, initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import { nextTimer } from '../../workflows/indicator-task/indicator-task.schedule';
import { validatePolicy, withDefaults } from '../../workflows/indicator-task/indicator-task.policy';
import { DEFAULT_TASK_POLICY } from '../../workflows/indicator-task/indicator-task.types';
import type { Actor } from '../../workflows/shared/actor.types';

const MEMBER: Actor = { userId: 'u1', displayName: '成员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
const STATE = { ...initialState({ taskId: 't', campaignId: 'c', indicatorCode: 'A1', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: '2027-01-01T00:00:00Z' }), version: 1 };

describe('configuration edge cases', () => {
  it('treats blank variables as unset, so HOST= keeps the loopback default', () => {
    const config = loadConfig({ HOST: '', PORT: ' ', DEMO_DATA: '', DATA_DIR: '' });
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000, trustProxy: false });
    expect(config.demoData).toBe(true);
    expect(config.dataDir).toMatch(/data$/);
  });

  it.each(['0x10', '1e3', '-1', '0', '65536', '80.5'])('refuses PORT=%s naming the variable', (value) => {
    const load = () => loadConfig({ PORT: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/^ {2}PORT: .*端口/m);
  });

  it('refuses a task queue with spaces', () => {
    expect(() => loadConfig({ TEMPORAL_TASK_QUEUE: 'a b' })).toThrow(/TEMPORAL_TASK_QUEUE/);
  });
});

describe('note length', () => {
  const submit = (note: string) => decide(STATE, { actor: MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note } }, '2026-12-01T00:00:00.000Z');

  it('counts after trimming', () => {
    expect(submit(`  ${'x'.repeat(2000)}  `).ok).toBe(true);
    expect(submit('x'.repeat(2001)).ok).toBe(false);
  });

  it('counts characters as people do, not UTF-16 units', () => {
    expect(submit('👍'.repeat(2000)).ok).toBe(true);
    expect(submit('👍'.repeat(2001))).toMatchObject({ ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'note' } });
  });
});

describe('demo deadlines', () => {
  it.each(['1A', '@1', 'Z9', 'a1'])('gives a valid date for indicator code %s', (code) => {
    expect(Number.isNaN(Date.parse(demoDueAt(code)))).toBe(false);
  });
});

describe('deadlines found in review', () => {
  const SUPERVISOR: Actor = { userId: 's1', displayName: '督查', role: 'SUPERVISOR', unitCode: null };
  const DAY = 86_400_000;
  const at = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();
  const NOW = '2026-12-01T00:00:00.000Z';
  const DUE = '2027-01-31T15:59:59.000Z';
  let state = evolve(
    initialState({ taskId: 't', campaignId: 'c', indicatorCode: 'A1', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: DUE }),
    { type: 'IndicatorTaskCreated', data: { campaignId: 'c', indicatorCode: 'A1', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: DUE, policy: DEFAULT_TASK_POLICY } },
    { actorId: 'system', at: NOW },
  );
  const apply = (actor: Actor, command: Parameters<typeof decide>[1]['command'], now = NOW) => {
    const decision = decide(state, { actor, command }, now);
    if (!decision.ok) throw new Error(decision.rejection.message);
    for (const event of decision.events) state = evolve(state, event, { actorId: actor.userId, at: now });
    return state;
  };

  it('never moves a deadline earlier when an extension is approved after a later plan', () => {
    apply(MEMBER, { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '未达标' });
    apply(SUPERVISOR, { action: 'CONFIRM_SELF_CHECK' });
    apply(MEMBER, { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '第一版', deadline: '2027-01-10T15:59:59.000Z' });
    apply(MEMBER, { action: 'REQUEST_EXTENSION', requestedDueAt: '2027-01-20T15:59:59.000Z', reason: '材料未到' });
    apply(MEMBER, { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '第二版', deadline: DUE });
    expect(apply(SUPERVISOR, { action: 'APPROVE_EXTENSION' }).stageDueAt).toBe(DUE);
  });

  it('refuses to approve an extension whose requested date has passed', () => {
    apply(MEMBER, { action: 'REQUEST_EXTENSION', requestedDueAt: '2027-02-10T15:59:59.000Z', reason: '再延' });
    const late = decide(state, { actor: SUPERVISOR, command: { action: 'APPROVE_EXTENSION' } }, '2027-02-11T00:00:00.000Z');
    expect(late).toMatchObject({ ok: false, rejection: { code: 'ILLEGAL_TRANSITION' } });
    apply(SUPERVISOR, { action: 'REFUSE_EXTENSION', reason: '已过期' }, '2027-02-11T00:00:00.000Z');
  });

  it('gives a relapse after the due date a fresh rectification window instead of an instant accountability', () => {
    const later = '2027-03-01T00:00:00.000Z';
    apply(MEMBER, { action: 'SUBMIT_RECTIFICATION', note: '完成' }, later);
    apply(SUPERVISOR, { action: 'APPROVE_RECTIFICATION' }, later);
    const relapsed = apply(SUPERVISOR, { action: 'RECORD_RECHECK', passed: false, note: '反弹' }, later);
    expect(relapsed).toMatchObject({ stage: 'RECTIFICATION', relapseCount: 1, stageDueAt: at(later, 14) });
    expect(nextTimer(relapsed, later)).toMatchObject({ kind: 'ESCALATE', level: 'REMINDER', at: at(later, 11) });
    expect(allowedActions(relapsed, MEMBER)).toContain('SUBMIT_RECTIFICATION_PLAN');
    expect(decide(relapsed, { actor: MEMBER, command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '再整改', deadline: at(later, 10) } }, later).ok).toBe(true);
  });
});

describe('file store limits', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-'));
  const store = new FileStore(dir, 1024);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

  it('stores by content hash, once', async () => {
    const a = await store.put('现场.jpg', jpeg);
    const b = await store.put('again.JPG', jpeg);
    expect(a.sha256).toBe(b.sha256);
    expect(a).toMatchObject({ size: 7, mimeType: 'image/jpeg', name: '现场.jpg' });
    expect(await store.get(a.sha256)).toEqual(jpeg);
  });

  it('refuses other types, content that does not match its extension, empty and oversized files', async () => {
    await expect(store.put('病毒.exe', jpeg)).rejects.toThrow(/不支持的文件类型/);
    await expect(store.put('伪装.png', jpeg)).rejects.toThrow(/与扩展名/);
    await expect(store.put('空.jpg', Buffer.alloc(0))).rejects.toThrow(/空/);
    await expect(store.put('大.jpg', Buffer.concat([jpeg, Buffer.alloc(2000)]))).rejects.toThrow(/上限/);
    expect(await store.get('../../etc/passwd')).toBeNull();
  });
});

describe('campaign policy checks', () => {
  it('accepts the defaults and fills an older stored policy with them', () => {
    expect(validatePolicy(DEFAULT_TASK_POLICY)).toEqual([]);
    expect(withDefaults({ selfCheckDays: 7 })).toEqual({ ...DEFAULT_TASK_POLICY, selfCheckDays: 7 });
    expect(withDefaults(null)).toEqual(DEFAULT_TASK_POLICY);
  });

  it.each<[string, Partial<typeof DEFAULT_TASK_POLICY>, string]>([
    ['a zero self-check period', { selfCheckDays: 0 }, 'selfCheckDays'],
    ['a fractional re-check interval', { recheckDays: { relapseProne: 1.5, other: 30 } }, 'recheckDays.relapseProne'],
    ['a pass rate below one half', { mockPassRate: 0.3 }, 'mockPassRate'],
    ['a ladder out of order', { escalationAfterHours: { URGE: 0, SUPERVISE: 200, INTERVIEW: 100, ACCOUNTABILITY: 400 } }, 'escalationAfterHours'],
    ['an unreadable archive deadline', { archiveDueAt: 'soon' }, 'archiveDueAt'],
  ])('refuses %s', (_what, change, field) => {
    const problems = validatePolicy({ ...DEFAULT_TASK_POLICY, ...change });
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems.every((p) => /[\u4e00-\u9fa5]/.test(p.message))).toBe(true);
  });
});
