// The 责任人 column of a task breakdown (issue 16): read from the file, resolved by name or mobile number against
// the people of the row's responsible units; unknown people, people of other units, shared names and shared numbers
// are row problems in Chinese, and a file with any of them plans nothing. Hostile cells stay fast and quoted short.
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { DEMO_UNITS } from '../../src/demo/demo-organisation';
import { parseTaskBreakdownCsv } from '../../src/task-breakdown/task-breakdown.parser';
import { mobileKey } from '../../src/task-breakdown/task-breakdown.people';
import type { BreakdownReference, BreakdownRow } from '../../src/task-breakdown/task-breakdown.types';
import { planTasks } from '../../src/task-breakdown/task-breakdown.validator';

const catalog = readDemoCatalog();
const reference: BreakdownReference = {
  units: DEMO_UNITS.map((u) => ({ code: u.code, name: u.name })),
  indicators: catalog.map((r) => ({ code: r.code, name: r.indicator, itemName: r.item })),
  people: [
    { login: 'wtsq.li', name: '李四', phone: '13800000001', unitCode: 'WTSQ' },
    { login: 'wtsq.zhang', name: '张三', phone: '138-0000-0002', unitCode: 'WTSQ' },
    { login: 'wtsq.zhang2', name: '张三', phone: '13800000003', unitCode: 'WTSQ' },
    { login: 'bjsq.wang', name: '王五', phone: '13800000004', unitCode: 'BJSQ' },
    { login: 'bjsq.zhao', name: '赵六', phone: '13800000005', unitCode: 'BJSQ' },
    // One number given for two people (a shared office phone).
    { login: 'xcb.a', name: '钱七', phone: '13900000009', unitCode: 'XCB' },
    { login: 'xcb.b', name: '孙八', phone: '+86 139 0000 0009', unitCode: 'XCB' },
  ],
};

function row(responsiblePeople: string[], responsibleUnitNames = ['外滩社区'], at = 3): BreakdownRow {
  return {
    sheet: '任务分解表',
    row: at,
    seq: null,
    itemName: '思想道德与核心价值观宣传',
    indicatorName: '主次干道公益广告密度',
    criterion: null,
    leadUnitName: '街道宣传统战办',
    responsibleUnitNames,
    due: '2027-03-31',
    classification: null,
    remarks: null,
    columnLetters: { 责任单位: 'F', 责任人: 'J' },
    responsiblePeople,
  };
}

const CSV_HEADER = '测评项目,测评指标,牵头单位,责任单位,完成时限,责任人';

describe('the 责任人 column of a task breakdown', () => {
  it('is read from the file, split like the units, and left out when empty', () => {
    const parsed = parseTaskBreakdownCsv(`${CSV_HEADER}\n思想道德与核心价值观宣传,主次干道公益广告密度,街道宣传统战办,"外滩社区、滨江社区","2027-03-31","李四、 王五 "\n思想道德与核心价值观宣传,主次干道公益广告密度,街道宣传统战办,东湖村,2027-03-31,\n`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0].responsiblePeople).toEqual(['李四', '王五']);
    expect(parsed.rows[0].columnLetters?.['责任人']).toBe('F');
    expect(parsed.rows[1]).not.toHaveProperty('responsiblePeople');
  });

  it('names one person per unit, by name or by mobile number, and leaves units without one unnamed', () => {
    const result = planTasks([row(['李四', '138 0000 0004'], ['外滩社区', '滨江社区', '东湖村'])], reference);
    expect(result.problems).toEqual([]);
    expect(result.tasks.map((t) => [t.unitCode, t.responsiblePerson ?? null])).toEqual([
      ['WTSQ', { login: 'wtsq.li', name: '李四' }],
      ['BJSQ', { login: 'bjsq.wang', name: '王五' }],
      ['DHC', null],
    ]);
    // Full-width digits, dashes and +86 are the same number.
    expect(planTasks([row(['＋86 138-0000-0002'])], reference).tasks[0].responsiblePerson).toEqual({ login: 'wtsq.zhang', name: '张三' });
    expect(mobileKey('12345')).toBeNull();
    expect(mobileKey('=13800000001')).toBeNull();
  });

  it.each([
    ['an unknown person', ['周九'], 'UNKNOWN_PERSON', '找不到责任人「周九」。请填写组织机构中「外滩社区」人员的姓名或手机号'],
    ["a person of another unit", ['王五'], 'UNKNOWN_PERSON', '责任人「王五」是「滨江社区」的人员，不是本行责任单位「外滩社区」的人员'],
    ['a name two people of the unit share', ['张三'], 'AMBIGUOUS_PERSON', '「张三」是「外滩社区」多位同名人员的姓名（账号 wtsq.zhang、wtsq.zhang2）。请改填其手机号'],
    ['two people for one unit', ['李四', '13800000003'], 'DUPLICATE', '「外滩社区」只能有一位责任人，这一行填了「李四」和「张三」'],
  ])('refuses %s, in Chinese, naming the row and column, and plans nothing', (_what, people, code, message) => {
    const result = planTasks([row(people)], reference);
    expect(result.tasks).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 3, column: '责任人', columnLetter: 'J', code });
    expect(result.problems[0].message).toContain(message);
  });

  it('refuses a mobile number two people share', () => {
    const result = planTasks([row(['13900000009'], ['街道宣传统战办'])], reference);
    expect(result.tasks).toEqual([]);
    expect(result.problems[0]).toMatchObject({ code: 'AMBIGUOUS_PERSON' });
    expect(result.problems[0].message).toContain('手机号「13900000009」对应多位人员（账号 xcb.a、xcb.b）');
  });

  it('is all or nothing: one bad 责任人 anywhere plans no task of the file', () => {
    const clean = planTasks([row(['李四'])], reference);
    expect(clean.tasks).toHaveLength(1);
    const result = planTasks([row(['李四']), row(['周九'], ['滨江社区'], 4)], reference);
    expect(result.tasks).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([[4, 'UNKNOWN_PERSON']]);
  });

  it('quotes hostile cells back short, as text, and reads a huge cell in linear time', () => {
    const long = '责'.repeat(100_000);
    const started = Date.now();
    const tooLong = planTasks([row([long])], reference);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(tooLong.problems).toHaveLength(1);
    expect(tooLong.problems[0].code).toBe('UNKNOWN_PERSON');
    expect(tooLong.problems[0].message.length).toBeLessThan(200);
    expect(tooLong.problems[0].message).toContain('过长');

    const formula = planTasks([row(['=HYPERLINK("http://evil","李四")', '+13800000001', '@SUM(A1)'])], reference);
    expect(formula.tasks).toEqual([]);
    for (const p of formula.problems) {
      expect(p.code).toBe('UNKNOWN_PERSON');
      // Never at the start of the message, where a spreadsheet would run it.
      expect(p.message).not.toMatch(/^[=+\-@]/);
    }
    // '+13800000001' is a number written with a plus: it is 李四, so only the two formulas are refused.
    expect(formula.problems).toHaveLength(2);

    // Many names in one cell: every one is looked up once, quickly.
    const many = parseTaskBreakdownCsv(`${CSV_HEADER}\n思想道德与核心价值观宣传,主次干道公益广告密度,街道宣传统战办,外滩社区,2027-03-31,"${Array.from({ length: 5000 }, (_, i) => `人${i}`).join('、')}"\n`);
    const t0 = Date.now();
    const planned = planTasks(many.rows, reference);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(planned.problems).toHaveLength(5000);
  });
});
