// Reading the organisation: one .xlsx with a 单位 sheet and a 人员 sheet (under titles, merged cells, in any
// order), or two .csv files recognised by their headers; kinds, roles and groups in Chinese or as identifiers;
// logins, codes and mobile numbers normalised; every cell problem at once.
import { parseOrganisationFiles, parseOrganisationGrids } from '../../src/organisation/organisation.parser';
import type { OrganisationParse } from '../../src/organisation/organisation.types';
import type { SheetProblem } from '../../src/platform/spreadsheet';
import { PEOPLE_HEADER, UNIT_HEADER, csvText, demoPeopleRows, demoUnitRows, personRow, xlsx, type Cell } from '../support/catalog-fixtures';

function located(problems: SheetProblem[]) {
  return problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, letter: p.columnLetter, code: p.code }));
}

function csvFile(fileName: string, rows: Cell[][]) {
  return { fileName, kind: 'csv' as const, content: Buffer.from(csvText(rows), 'utf8') };
}

describe('parseOrganisationFiles: one .xlsx', () => {
  let result: OrganisationParse;

  beforeAll(async () => {
    const file = await xlsx([
      { name: '说明', rows: [['组织机构导入说明'], ['单位表和人员表各一个工作表']] },
      {
        name: '人员',
        rows: [
          ['外滩街道创文组织机构：人员'],
          PEOPLE_HEADER.slice(),
          personRow({ 登录名: 'Office', 姓名: '张霞', 角色: '创建办', 工作小组: '统筹策划组', 手机: '138 0013 8000' }),
          personRow({ 登录名: 'supervisor', 姓名: '李督查', 角色: 'supervisor', 手机: '+86 139-0000-0000' }),
          personRow({ 登录名: 'wtsq.member', 姓名: '外滩社区工作人员', 角色: '责任单位成员', 所属单位: '外滩社区' }),
          personRow({ 登录名: 'wtsq.head', 姓名: '外滩社区负责人', 角色: 'UNIT_HEAD', 所属单位: 'wtsq', 手机: 13700000000 }),
        ],
        merges: ['A1:F1'],
      },
      {
        name: '单位',
        rows: [
          ['单位名册'],
          ['单位编码', '单位名称', '单位类型'],
          ['wtsq', '外滩社区', '社区'],
          ['BJSQ', '滨江社区', null],
          ['DZB', '街道党政办', 'department'],
        ],
        merges: ['C3:C4'],
      },
    ]);
    result = await parseOrganisationFiles([{ fileName: '组织机构.xlsx', kind: 'xlsx', content: file }]);
  });

  it('reports no problem', () => {
    expect(result.problems).toEqual([]);
  });

  it('reads the units under their title, a merged kind for both rows, codes in upper case, 单位类型 for 单位类别', () => {
    expect(result.units.map((u) => [u.sheet, u.row, u.code, u.name, u.kind])).toEqual([
      ['单位', 3, 'WTSQ', '外滩社区', 'COMMUNITY'],
      ['单位', 4, 'BJSQ', '滨江社区', 'COMMUNITY'],
      ['单位', 5, 'DZB', '街道党政办', 'DEPARTMENT'],
    ]);
  });

  it('reads the people: logins in lower case, roles and groups in either form, units as written, mobiles as 11 digits', () => {
    expect(result.people.map((p) => [p.row, p.login, p.displayName, p.role, p.unit, p.group, p.phone])).toEqual([
      [3, 'office', '张霞', 'OFFICE', null, 'PLANNING', '13800138000'],
      [4, 'supervisor', '李督查', 'SUPERVISOR', null, null, '13900000000'],
      [5, 'wtsq.member', '外滩社区工作人员', 'UNIT_MEMBER', '外滩社区', null, null],
      [6, 'wtsq.head', '外滩社区负责人', 'UNIT_HEAD', 'wtsq', null, '13700000000'],
    ]);
  });
});

describe('parseOrganisationFiles: two .csv files', () => {
  it('reads the 单位 and 人员 files in either order, each recognised by its header', async () => {
    const result = await parseOrganisationFiles([
      csvFile('人员.csv', [PEOPLE_HEADER.slice(), ...demoPeopleRows()]),
      csvFile('单位.csv', [UNIT_HEADER.slice(), ...demoUnitRows()]),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.units).toHaveLength(12);
    expect(result.people).toHaveLength(29);
    expect(result.people[0].sheet).toBe('人员');
  });

  it('asks for the other table when only one is sent, and reports a file with neither header', async () => {
    const one = await parseOrganisationFiles([csvFile('单位.csv', [UNIT_HEADER.slice(), ...demoUnitRows()])]);
    expect(located(one.problems)).toEqual([{ sheet: '', row: 0, column: '', letter: null, code: 'MISSING_HEADER' }]);
    expect(one.problems[0].message).toContain('找不到人员表');

    const neither = await parseOrganisationFiles([csvFile('单位.csv', [UNIT_HEADER.slice(), ...demoUnitRows()]), csvFile('名单.csv', [['序号', '备注'], ['1', '无']])]);
    expect(located(neither.problems)).toEqual([
      { sheet: '名单', row: 0, column: '', letter: null, code: 'MISSING_HEADER' },
      { sheet: '', row: 0, column: '', letter: null, code: 'MISSING_HEADER' },
    ]);
  });

  it('reports every cell problem at once with its file, row, column and letter', async () => {
    const result = await parseOrganisationFiles([
      csvFile('单位.csv', [UNIT_HEADER.slice(), ['WT SQ', '外滩社区', '居委会'], ['外滩/2', '', '社区']]),
      csvFile('人员.csv', [
        PEOPLE_HEADER.slice(),
        personRow({ 登录名: '张 霞', 姓名: '张霞', 角色: '主任' }),
        personRow({ 登录名: 'x', 姓名: 'X', 角色: '创建办', 工作小组: '后勤组', 手机: '1.38E+10' }),
        personRow({ 登录名: 'y', 姓名: '', 角色: '' }),
      ]),
    ]);
    expect(located(result.problems)).toEqual([
      { sheet: '单位', row: 2, column: '单位类别', letter: 'C', code: 'BAD_CHOICE' },
      { sheet: '单位', row: 3, column: '单位编码', letter: 'A', code: 'BAD_VALUE' },
      { sheet: '单位', row: 3, column: '单位名称', letter: 'B', code: 'MISSING_VALUE' },
      { sheet: '人员', row: 2, column: '登录名', letter: 'A', code: 'BAD_VALUE' },
      { sheet: '人员', row: 2, column: '角色', letter: 'C', code: 'BAD_CHOICE' },
      { sheet: '人员', row: 3, column: '工作小组', letter: 'E', code: 'BAD_CHOICE' },
      { sheet: '人员', row: 3, column: '手机', letter: 'F', code: 'BAD_VALUE' },
      { sheet: '人员', row: 4, column: '姓名', letter: 'B', code: 'MISSING_VALUE' },
      { sheet: '人员', row: 4, column: '角色', letter: 'C', code: 'MISSING_VALUE' },
    ]);
    // 'WT SQ' reads as WTSQ: spaces inside a code are not part of it.
    expect(result.units.map((u) => u.code)).toEqual(['WTSQ', null]);
    expect(result.problems.find((p) => p.column === '手机')?.message).toContain('文本');
  });

  it('reads an optional 邮箱 column for email notifications, refusing what is not an address, however long', async () => {
    const header = [...PEOPLE_HEADER, '邮箱'];
    const row = (login: string, email: string) => [...personRow({ 登录名: login, 姓名: login.toUpperCase(), 角色: '创建办' }), email];
    const result = await parseOrganisationFiles([
      csvFile('单位.csv', [UNIT_HEADER.slice(), ['WTSQ', '外滩社区', '社区']]),
      csvFile('人员.csv', [
        header,
        row('a', ' Zhang.San@Example.GOV.cn '),
        row('b', ''),
        row('c', '张三@example'),
        row('d', `${'x'.repeat(300)}@example.gov.cn`),
        row('e', `a@${'b.'.repeat(20_000)}cn`),
        row('f', 'a@b@c.cn'),
      ]),
    ]);
    expect(result.people.map((p) => [p.login, p.email])).toEqual([
      ['a', 'zhang.san@example.gov.cn'],
      ['b', null],
      ['c', null],
      ['d', null],
      ['e', null],
      ['f', null],
    ]);
    // The overlong cell is also refused by the spreadsheet's own cell limit.
    expect(located(result.problems).every((p) => p.sheet === '人员' && p.column === '邮箱' && p.letter === 'G' && p.code === 'BAD_VALUE')).toBe(true);
    expect([...new Set(result.problems.map((p) => p.row))]).toEqual([4, 5, 6, 7]);
    expect(result.problems[0].message).toContain('不是有效的电子邮箱地址');
  });

  it('refuses an unreadable file, and empty files', async () => {
    const broken = await parseOrganisationFiles([{ fileName: '组织机构.xlsx', kind: 'xlsx', content: Buffer.from('PK\u0003\u0004 broken') }]);
    expect(broken.problems.map((p) => p.code)).toEqual(['UNREADABLE_FILE']);
    expect(parseOrganisationGrids([]).problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
  });
});
