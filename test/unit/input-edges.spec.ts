// Edge cases of input handling found in review: blank variables, port spellings, note length as people
// count it, quoted CSV cells, demo deadlines for any indicator code.
import { ConfigError, loadConfig } from '../../src/config/config';
import { parseCsv } from '../../src/demo/csv';
import { demoDueAt } from '../../src/demo/demo-organisation';
import { decide, initialState } from '../../workflows/indicator-task/indicator-task.lifecycle';
import type { Actor } from '../../workflows/indicator-task/indicator-task.types';

const MEMBER: Actor = { userId: 'u1', displayName: '成员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
const STATE = { ...initialState({ taskId: 't', campaignId: 'c', indicatorCode: 'A1', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: '2027-01-01T00:00:00Z' }), version: 1 };

describe('configuration edge cases', () => {
  it('treats blank variables as unset, so HOST= keeps the loopback default', () => {
    const config = loadConfig({ HOST: '', PORT: ' ', DEMO_DATA: '', DATA_DIR: '' });
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000 });
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
  const submit = (note: string) => decide(STATE, { actor: MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note } });

  it('counts after trimming', () => {
    expect(submit(`  ${'x'.repeat(2000)}  `).ok).toBe(true);
    expect(submit('x'.repeat(2001)).ok).toBe(false);
  });

  it('counts characters as people do, not UTF-16 units', () => {
    expect(submit('👍'.repeat(2000)).ok).toBe(true);
    expect(submit('👍'.repeat(2001))).toMatchObject({ ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'note' } });
  });
});

describe('CSV edge cases', () => {
  it('keeps spaces inside quotes and trims unquoted cells', () => {
    expect(parseCsv('a,b\n"  x  ",  y  ')).toEqual([{ a: '  x  ', b: 'y' }]);
  });

  it('refuses an unterminated quote instead of swallowing the rest', () => {
    expect(() => parseCsv('a,b\n"x,y\nz,w')).toThrow(/引号未闭合/);
  });
});

describe('demo deadlines', () => {
  it.each(['1A', '@1', 'Z9', 'a1'])('gives a valid date for indicator code %s', (code) => {
    expect(Number.isNaN(Date.parse(demoDueAt(code)))).toBe(false);
  });
});
