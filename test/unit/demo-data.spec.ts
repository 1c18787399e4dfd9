// The demo's invented organisation and the tasks it starts: every indicator is somebody's job, and every
// reference points at something that exists.
import { demoTasks } from '../../src/demo/demo-data';
import { readDemoCatalog, type DemoCatalogRow } from '../../src/demo/demo-catalog';
import { DEMO_CAMPAIGN, DEMO_UNITS, DEMO_USERS, demoAssignment, demoDueAt } from '../../src/demo/demo-organisation';

const UNIT_CODES = new Set<string>(DEMO_UNITS.map((u) => u.code));
const UNIT_ROLES = new Set<string>(['UNIT_HEAD', 'UNIT_MEMBER']);

describe('demo catalog and tasks', () => {
  const catalog = readDemoCatalog();
  const tasks = demoTasks(catalog);

  it('reads the illustrative catalog: 10 items × 4 indicators, 100 points', () => {
    expect(catalog).toHaveLength(40);
    expect(new Set(catalog.map((r) => r.code)).size).toBe(40);
    expect(catalog.reduce((sum, r) => sum + r.points, 0)).toBe(100);
  });

  it('gives every catalog indicator at least one task', () => {
    const withTask = new Set(tasks.map((t) => t.indicatorCode));
    expect(catalog.map((r) => r.code).filter((code) => !withTask.has(code))).toEqual([]);
  });

  it('creates tasks only for catalog indicators', () => {
    const codes = new Set(catalog.map((r) => r.code));
    expect(tasks.filter((t) => !codes.has(t.indicatorCode))).toEqual([]);
  });

  it('never gives one unit the same indicator twice', () => {
    const keys = tasks.map((t) => `${t.indicatorCode}/${t.unitCode}`);
    const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(duplicates).toEqual([]);
  });

  it('names a 责任人 on some tasks, always a person of the task\'s own unit', () => {
    const named = tasks.filter((t) => t.responsiblePerson);
    expect(named.length).toBeGreaterThan(0);
    expect(named.length).toBeLessThan(tasks.length);
    for (const t of named) {
      const person = DEMO_USERS.find((u) => u.login === t.responsiblePerson?.login);
      expect([t.unitCode, person?.unitCode, person?.displayName]).toEqual([t.unitCode, t.unitCode, t.responsiblePerson?.name]);
      expect(UNIT_ROLES.has(person!.role)).toBe(true);
    }
  });

  it('assigns only units that exist, as responsible and as lead units', () => {
    expect(tasks.filter((t) => !UNIT_CODES.has(t.unitCode)).map((t) => t.unitCode)).toEqual([]);
    expect(tasks.filter((t) => !UNIT_CODES.has(t.leadUnitCode)).map((t) => t.leadUnitCode)).toEqual([]);
  });

  it('puts every task in the demo campaign, created by an office-level actor', () => {
    expect(new Set(tasks.map((t) => t.campaignId))).toEqual(new Set([DEMO_CAMPAIGN.id]));
    for (const t of tasks) expect(t.createdBy).toMatchObject({ role: 'OFFICE', unitCode: null });
  });

  it('gives every task a valid ISO instant before the inspection date in the campaign zone', () => {
    const inspectionStarts = Date.parse(`${DEMO_CAMPAIGN.inspectionDate}T00:00:00+08:00`);
    expect(DEMO_CAMPAIGN.timeZone).toBe('Asia/Shanghai');
    const bad = tasks.filter((t) => {
      const at = Date.parse(t.dueAt);
      return Number.isNaN(at) || new Date(at).toISOString() !== t.dueAt || at >= inspectionStarts;
    });
    expect(bad).toEqual([]);
  });

  it('gives every indicator of one item the same deadline', () => {
    const byItem = new Map<string, Set<string>>();
    for (const t of tasks) byItem.set(t.indicatorCode.charAt(0), (byItem.get(t.indicatorCode.charAt(0)) ?? new Set()).add(t.dueAt));
    for (const [item, deadlines] of byItem) expect({ item, deadlines: deadlines.size }).toEqual({ item, deadlines: 1 });
  });
});

describe('demoDueAt', () => {
  it.each<[string, string]>([
    ['A1', '2027-01-31T15:59:59.000Z'],
    ['B3', '2027-02-28T15:59:59.000Z'],
    ['E4', '2027-05-31T15:59:59.000Z'],
    ['F1', '2027-01-31T15:59:59.000Z'],
    ['J2', '2027-05-31T15:59:59.000Z'],
  ])('puts %s at the end of its month, Shanghai time (%s)', (code, expected) => {
    expect(demoDueAt(code)).toBe(expected);
  });
});

describe('demoAssignment', () => {
  it('prefers the rectification area over the item', () => {
    expect(demoAssignment('A1', 'CITY_APPEARANCE')).toEqual({ lead: 'ZHZF', units: ['ZHZF', 'WTSQ', 'BJSQ'] });
  });

  it('falls back to the item when there is no area', () => {
    expect(demoAssignment('J3', null)).toEqual({ lead: 'DZB', units: ['DZB'] });
  });

  it('gives an indicator of an unknown item and area to the party and government office', () => {
    const row: DemoCatalogRow = { code: 'K1', item: '新项目', indicator: '新指标', method: 'FIELD', points: 1, standard: '—', area: 'UNKNOWN_AREA' };
    expect(demoTasks([row]).map((t) => [t.unitCode, t.leadUnitCode])).toEqual([['DZB', 'DZB']]);
  });
});

describe('demo organisation', () => {
  it('has unique unit codes', () => {
    expect(UNIT_CODES.size).toBe(DEMO_UNITS.length);
  });

  it('gives every user with a unit role a unit that exists', () => {
    const unitUsers = DEMO_USERS.filter((u) => UNIT_ROLES.has(u.role));
    expect(unitUsers.length).toBeGreaterThan(0);
    expect(unitUsers.filter((u) => u.unitCode === null || !UNIT_CODES.has(u.unitCode)).map((u) => u.login)).toEqual([]);
  });

  it('gives office-level users no unit', () => {
    expect(DEMO_USERS.filter((u) => !UNIT_ROLES.has(u.role) && u.unitCode !== null).map((u) => u.login)).toEqual([]);
  });

  it('has a head and a member for every unit', () => {
    for (const unit of DEMO_UNITS) {
      const roles = DEMO_USERS.filter((u) => u.unitCode === unit.code).map((u) => u.role).sort();
      expect({ unit: unit.code, roles }).toEqual({ unit: unit.code, roles: ['UNIT_HEAD', 'UNIT_MEMBER'] });
    }
  });

  it('has somebody for every role, and two supervisors so that reviews can be separated', () => {
    const roles = DEMO_USERS.map((u) => u.role);
    expect(new Set(roles)).toEqual(new Set(['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER']));
    expect(roles.filter((r) => r === 'SUPERVISOR')).toHaveLength(2);
  });

  it('has unique logins', () => {
    const logins = DEMO_USERS.map((u) => u.login);
    expect(new Set(logins).size).toBe(logins.length);
  });
});
