// From 单位 and 人员 rows to an organisation: each code, name and login once; units for unit roles only, found by
// name or code; supervisors in the 督查检查组 and archivists in the 档案组; units with tasks kept; the person
// importing kept in the office; then what it changes against the organisation as it stands.
import type { SheetProblem } from '../../src/platform/spreadsheet';
import { parseOrganisationGrids } from '../../src/organisation/organisation.parser';
import type { OrganisationReference, PersonRow, UnitRow } from '../../src/organisation/organisation.types';
import { diffOrganisation, planOrganisation } from '../../src/organisation/organisation.validator';
import { PEOPLE_HEADER, UNIT_HEADER, demoOrganisation, demoPeopleRows, demoUnitRows, personRow, type Cell } from '../support/catalog-fixtures';

const REFERENCE: OrganisationReference = { current: { units: [], people: [] }, unitsInUse: new Map(), importerLogin: 'office' };
// Every organisation has units: an import whose unit table is empty is refused before planning (EMPTY_FILE).
const ONE_UNIT: Cell[] = ['BJSQ', '滨江社区', '社区'];
const OFFICE = personRow({ 登录名: 'office', 姓名: '张霞', 角色: '创建办' });

function read(units: Cell[][], people: Cell[][]): { units: UnitRow[]; people: PersonRow[] } {
  const parsed = parseOrganisationGrids([
    { sheet: '单位', rows: [UNIT_HEADER.slice(), ...units].map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === null ? '' : String(c as string))) })) },
    { sheet: '人员', rows: [PEOPLE_HEADER.slice(), ...people].map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === null ? '' : String(c as string))) })) },
  ]);
  expect(parsed.problems).toEqual([]);
  return parsed;
}

function plan(units: Cell[][], people: Cell[][], reference: OrganisationReference = REFERENCE) {
  const parsed = read(units, people);
  return planOrganisation(parsed.units, parsed.people, reference);
}

function located(problems: SheetProblem[]) {
  return problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, code: p.code }));
}

describe('planOrganisation: a clean organisation', () => {
  it('plans the demo organisation: units by name become codes; supervisors and archivists get their groups', () => {
    const result = plan(demoUnitRows(), demoPeopleRows());
    expect(result.problems).toEqual([]);
    expect(result.organisation.units).toHaveLength(12);
    const byLogin = new Map(result.organisation.people.map((p) => [p.login, p]));
    expect(byLogin.get('wtsq.member')).toEqual({ login: 'wtsq.member', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'WTSQ', groups: [], phone: null, email: null });
    expect(byLogin.get('supervisor2')?.groups).toEqual(['SUPERVISION']);
    expect(byLogin.get('archivist')?.groups).toEqual(['ARCHIVES']);
    expect(byLogin.get('office')).toMatchObject({ role: 'OFFICE', unitCode: null, groups: [] });
  });

  it('finds a unit by its code too, and keeps a group written for any role', () => {
    const result = plan([['WTSQ', '外滩社区', '社区']], [OFFICE, personRow({ 登录名: 'a', 姓名: '甲', 角色: '单位负责人', 所属单位: 'wtsq', 工作小组: '活动组' })]);
    expect(result.problems).toEqual([]);
    expect(result.organisation.people[1]).toMatchObject({ unitCode: 'WTSQ', groups: ['ACTIVITIES'] });
  });
});

describe('planOrganisation: every problem at once', () => {
  it('reports codes, names and logins written twice (DUPLICATE)', () => {
    const result = plan(
      [
        ['WTSQ', '外滩社区', '社区'],
        ['WTSQ', '滨江社区', '社区'],
        ['DHC', '外滩 社区', '村'],
      ],
      [OFFICE, personRow({ 登录名: 'OFFICE', 姓名: '张霞', 角色: '创建办' })],
    );
    expect(located(result.problems)).toEqual([
      { sheet: '单位', row: 3, column: '单位编码', code: 'DUPLICATE' },
      { sheet: '单位', row: 4, column: '单位名称', code: 'DUPLICATE' },
      { sheet: '人员', row: 3, column: '登录名', code: 'DUPLICATE' },
    ]);
    expect(result.organisation).toEqual({ units: [], people: [] });
  });

  it('requires a unit for unit roles (MISSING_VALUE), forbids one for the others (NOT_ALLOWED), and names units it cannot find (UNKNOWN_UNIT)', () => {
    const result = plan(
      [['WTSQ', '外滩社区', '社区']],
      [
        OFFICE,
        personRow({ 登录名: 'a', 姓名: '甲', 角色: '责任单位成员' }),
        personRow({ 登录名: 'b', 姓名: '乙', 角色: '领导小组', 所属单位: '外滩社区' }),
        personRow({ 登录名: 'c', 姓名: '丙', 角色: '单位负责人', 所属单位: '外滩小区' }),
      ],
    );
    expect(located(result.problems)).toEqual([
      { sheet: '人员', row: 3, column: '所属单位', code: 'MISSING_VALUE' },
      { sheet: '人员', row: 4, column: '所属单位', code: 'NOT_ALLOWED' },
      { sheet: '人员', row: 5, column: '所属单位', code: 'UNKNOWN_UNIT' },
    ]);
    expect(result.problems[2].message).toContain('例如「外滩社区」');
  });

  it('keeps supervisors in the 督查检查组 and archivists in the 档案组 (INCONSISTENT)', () => {
    const result = plan(
      [ONE_UNIT],
      [OFFICE, personRow({ 登录名: 's', 姓名: '督', 角色: '督查检查组', 工作小组: '宣传组' }), personRow({ 登录名: 'r', 姓名: '档', 角色: '档案组', 工作小组: '档案组' })],
    );
    expect(located(result.problems)).toEqual([{ sheet: '人员', row: 3, column: '工作小组', code: 'INCONSISTENT' }]);
  });

  it('refuses to drop a unit that tasks use, naming it (IN_USE)', () => {
    const reference: OrganisationReference = { ...REFERENCE, current: demoOrganisation(), unitsInUse: new Map([['WTSQ', 5], ['DHC', 0]]) };
    const result = plan([['BJSQ', '滨江社区', '社区']], [OFFICE], reference);
    expect(result.problems.map((p) => [p.sheet, p.row, p.code])).toEqual([['', 0, 'IN_USE']]);
    expect(result.problems[0].message).toContain('WTSQ 外滩社区');
    expect(result.problems[0].message).toContain('5 项任务');
  });

  it('keeps the person importing in the office (REMOVES_IMPORTER)', () => {
    const gone = plan([ONE_UNIT], [personRow({ 登录名: 'other', 姓名: '别人', 角色: '创建办' })]);
    expect(located(gone.problems)).toEqual([{ sheet: '人员', row: 0, column: '', code: 'REMOVES_IMPORTER' }]);
    const demoted = plan([ONE_UNIT], [personRow({ 登录名: 'office', 姓名: '张霞', 角色: '领导小组' })]);
    expect(located(demoted.problems)).toEqual([{ sheet: '人员', row: 2, column: '角色', code: 'REMOVES_IMPORTER' }]);
  });
});

describe('diffOrganisation', () => {
  it('finds only the groups new when the demo organisation is imported over itself (the demo seeds no memberships)', () => {
    const result = plan(demoUnitRows(), demoPeopleRows());
    const diff = diffOrganisation(demoOrganisation(), result.organisation);
    expect(diff.counts).toEqual({
      units: { total: 12, created: 0, changed: 0, unchanged: 12, removed: 0 },
      people: { total: 29, created: 0, changed: 3, unchanged: 26, removed: 0 },
      groupMembers: 3,
    });
    expect(diff.changes.map((c) => `${c.kind} ${c.code}`)).toEqual(['CHANGED supervisor', 'CHANGED supervisor2', 'CHANGED archivist']);
    expect(diffOrganisation(result.organisation, result.organisation).changes).toEqual([]);
  });

  it('counts and lists new, changed and removed units and people, and writes only those', () => {
    const current = demoOrganisation();
    const units = demoUnitRows().filter((u) => u[0] !== 'DHC');
    units[0] = ['DZB', '街道党政综合办', '站办所'];
    units.push(['XQSQ', '新桥社区', '社区']);
    const people = demoPeopleRows()
      .filter((p) => !String(p[0]).startsWith('dhc.'))
      .map((p) => p.map((cell) => (cell === '街道党政办' ? 'DZB' : cell)));
    people.push(personRow({ 登录名: 'xqsq.member', 姓名: '新桥社区工作人员', 角色: '责任单位成员', 所属单位: '新桥社区', 手机: '13800138000' }));
    const planned = plan(units, people);
    expect(planned.problems).toEqual([]);
    const diff = diffOrganisation(current, planned.organisation);
    expect(diff.counts.units).toEqual({ total: 12, created: 1, changed: 1, unchanged: 10, removed: 1 });
    expect(diff.counts.people).toEqual({ total: 28, created: 1, changed: 3, unchanged: 24, removed: 2 });
    expect(diff.changes[0]).toEqual({ kind: 'CREATED', entity: 'UNIT', code: 'XQSQ', name: '新桥社区' });
    expect(diff.write.removedUnits).toEqual(['DHC']);
    expect(diff.write.removedLogins).toEqual(['dhc.head', 'dhc.member']);
    expect(diff.write.units.map((u) => u.code)).toEqual(['XQSQ', 'DZB']);
    expect(diff.write.memberships).toEqual([
      { login: 'supervisor', group: 'SUPERVISION' },
      { login: 'supervisor2', group: 'SUPERVISION' },
      { login: 'archivist', group: 'ARCHIVES' },
    ]);
  });
});
