// Checking breakdown rows against the demo's unit roster and catalog: names or codes, clear Chinese messages
// with a suggestion when one is close, duplicates named with the earlier row, every problem at once, and one
// task per (indicator, responsible unit) ending 23:59:59 Shanghai time on the due date.
import { demoTasks } from '../../src/demo/demo-data';
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { DEMO_UNITS, demoAssignment } from '../../src/demo/demo-organisation';
import { parseTaskBreakdownXlsx } from '../../src/task-breakdown/task-breakdown.parser';
import {
  BREAKDOWN_CLASSIFICATIONS,
  IMPORT_PROBLEM_CODES,
  type BreakdownReference,
  type BreakdownRow,
  type ImportProblem,
} from '../../src/task-breakdown/task-breakdown.types';
import { formatProblems, planTasks } from '../../src/task-breakdown/task-breakdown.validator';
import { CLASSIFICATIONS } from '../../workflows/indicator-task/indicator-task.types';
import { breakdownSheet, dataRow, xlsx, type Cell } from '../support/breakdown-fixtures';

const catalog = readDemoCatalog();
const reference: BreakdownReference = {
  units: DEMO_UNITS.map((u) => ({ code: u.code, name: u.name })),
  indicators: catalog.map((r) => ({ code: r.code, name: r.indicator, itemName: r.item })),
};
const ITEM_A = '思想道德与核心价值观宣传';
const LETTERS = { 序号: 'A', 测评项目: 'B', 测评指标: 'C', 测评内容: 'D', 牵头单位: 'E', 责任单位: 'F', 完成时限: 'G', 当前状态: 'H', 备注: 'I' } as const;

function row(fields: Partial<BreakdownRow>): BreakdownRow {
  return {
    sheet: '任务分解表',
    row: 3,
    seq: null,
    itemName: ITEM_A,
    indicatorName: '主次干道公益广告密度',
    criterion: null,
    leadUnitName: '街道宣传统战办',
    responsibleUnitNames: ['外滩社区'],
    due: '2027-03-31',
    classification: null,
    remarks: null,
    columnLetters: LETTERS,
    ...fields,
  };
}

function located(problems: ImportProblem[]) {
  return problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, letter: p.columnLetter, code: p.code }));
}

describe('planTasks: a clean breakdown', () => {
  it('plans one task per (indicator, responsible unit) with codes, lead unit, deadline, classification and source', () => {
    const result = planTasks(
      [
        row({ row: 3, responsibleUnitNames: ['街道宣传统战办', '外滩社区'], classification: 'NOT_MET' }),
        row({ row: 4, itemName: '环境卫生', indicatorName: '公厕洁净无异味、设指引牌', leadUnitName: '街道环卫所', responsibleUnitNames: ['东湖村'], due: '2027-01-01' }),
      ],
      reference,
    );
    expect(result.problems).toEqual([]);
    expect(result.tasks).toEqual([
      { indicatorCode: 'A1', unitCode: 'XCB', leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z', classification: 'NOT_MET', source: { sheet: '任务分解表', row: 3 } },
      { indicatorCode: 'A1', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: '2027-03-31T15:59:59.000Z', classification: 'NOT_MET', source: { sheet: '任务分解表', row: 3 } },
      { indicatorCode: 'C3', unitCode: 'DHC', leadUnitCode: 'HWS', dueAt: '2027-01-01T15:59:59.000Z', classification: null, source: { sheet: '任务分解表', row: 4 } },
    ]);
  });

  it('matches units by code in any case, and by name with half- or full-width spaces', () => {
    const result = planTasks([row({ leadUnitName: 'xcb', responsibleUnitNames: ['wtsq', 'BjSq', '东湖\u3000村', ' 街道 环卫所 '] })], reference);
    expect(result.problems).toEqual([]);
    expect(result.tasks.map((t) => [t.leadUnitCode, t.unitCode])).toEqual([
      ['XCB', 'WTSQ'],
      ['XCB', 'BJSQ'],
      ['XCB', 'DHC'],
      ['XCB', 'HWS'],
    ]);
  });

  it('accepts a code in front of the indicator name, or the code alone, in half- or full-width letters', () => {
    const names = ['A1 主次干道公益广告密度', 'A2', 'a3、新时代文明实践站活动台账', 'Ａ４\u3000市民创建知晓率'];
    const result = planTasks(names.map((indicatorName, i) => row({ row: 3 + i, indicatorName })), reference);
    expect(result.problems).toEqual([]);
    expect(result.tasks.map((t) => t.indicatorCode)).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('accepts numbering in front of the item name and spaces inside names', () => {
    const rows = [row({ itemName: `一、${ITEM_A}` }), row({ row: 4, itemName: `(二) 未成年人思想道德建设`, indicatorName: '校园 周边环境' })];
    const result = planTasks(rows, reference);
    expect(result.problems).toEqual([]);
    expect(result.tasks.map((t) => t.indicatorCode)).toEqual(['A1', 'B1']);
  });

  it('plans exactly the demo tasks from the demo breakdown written as a spreadsheet', async () => {
    const unitName = new Map(DEMO_UNITS.map((u) => [u.code as string, u.name as string]));
    const dueDate = (code: string) => demoTasks(catalog).find((t) => t.indicatorCode === code)?.dueAt ?? '';
    const shanghaiDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
    const rows: Cell[][] = catalog.map((r, i) => {
      const { lead, units } = demoAssignment(r.code, r.area);
      return [i + 1, r.item, r.indicator, r.standard, unitName.get(lead) ?? lead, units.map((u) => unitName.get(u) ?? u).join('、'), shanghaiDate(dueDate(r.code)), null, null];
    });
    // Each item's name merged over its four indicators, as offices lay it out.
    const merges = catalog.map((_, i) => i).filter((i) => i % 4 === 0).map((i) => `B${i + 3}:B${i + 6}`);
    const parsed = await parseTaskBreakdownXlsx(await xlsx([breakdownSheet('任务分解表', rows, { merges })]));
    const planned = planTasks(parsed.rows, reference);
    expect([...parsed.problems, ...planned.problems]).toEqual([]);
    const key = (t: { indicatorCode: string; unitCode: string; leadUnitCode: string; dueAt: string }) => `${t.indicatorCode} ${t.unitCode} ${t.leadUnitCode} ${t.dueAt}`;
    expect(planned.tasks.map(key)).toEqual(demoTasks(catalog).map(key));
  });
});

describe('planTasks: units', () => {
  it('reports an unknown responsible unit and suggests the closest name in the roster', () => {
    const result = planTasks([row({ row: 12, responsibleUnitNames: ['外滩小区'] })], reference);
    expect(located(result.problems)).toEqual([{ sheet: '任务分解表', row: 12, column: '责任单位', letter: 'F', code: 'UNKNOWN_UNIT' }]);
    expect(result.problems[0].message).toBe('第12行「责任单位」：找不到单位「外滩小区」。请使用单位名册中的名称（例如「外滩社区」）');
  });

  it('suggests the full name for a short one, and nothing when no name is close', () => {
    const result = planTasks([row({ responsibleUnitNames: ['综合执法队', '区教育局'] })], reference);
    expect(result.problems.map((p) => p.message)).toEqual([
      '第3行「责任单位」：找不到单位「综合执法队」。请使用单位名册中的名称（例如「街道综合行政执法队」）',
      '第3行「责任单位」：找不到单位「区教育局」。请使用单位名册中的名称或编码',
    ]);
  });

  it('reports an unknown lead unit, and says that only one unit can lead when several are written', () => {
    const result = planTasks([row({ leadUnitName: '宣传办' }), row({ row: 4, indicatorName: 'A2', leadUnitName: '街道宣传统战办、外滩社区' })], reference);
    expect(located(result.problems)).toEqual([
      { sheet: '任务分解表', row: 3, column: '牵头单位', letter: 'E', code: 'UNKNOWN_UNIT' },
      { sheet: '任务分解表', row: 4, column: '牵头单位', letter: 'E', code: 'UNKNOWN_UNIT' },
    ]);
    expect(result.problems[0].message).toBe('第3行「牵头单位」：找不到单位「宣传办」。请使用单位名册中的名称（例如「街道宣传统战办」）');
    expect(result.problems[1].message).toBe('第4行「牵头单位」：牵头单位只能填写一个单位，这里填了「街道宣传统战办」「外滩社区」。请只保留一个牵头单位，其他单位填在「责任单位」中');
  });

  it('reports a due date that is not a date in rows built by hand, instead of throwing', () => {
    const result = planTasks([row({ due: '' }), row({ row: 4, indicatorName: 'A2', due: '2027-02-30' })], reference);
    expect(located(result.problems)).toEqual([
      { sheet: '任务分解表', row: 3, column: '完成时限', letter: 'G', code: 'BAD_DATE' },
      { sheet: '任务分解表', row: 4, column: '完成时限', letter: 'G', code: 'BAD_DATE' },
    ]);
  });

  it('reports problems without a column letter when the row does not say where its columns are', () => {
    const result = planTasks([row({ columnLetters: undefined, responsibleUnitNames: ['外滩小区'] })], reference);
    expect(located(result.problems)).toEqual([{ sheet: '任务分解表', row: 3, column: '责任单位', letter: null, code: 'UNKNOWN_UNIT' }]);
  });
});

describe('planTasks: indicators', () => {
  it('reports an indicator that is not in the catalog, suggesting the closest one of its item', () => {
    const result = planTasks([row({ indicatorName: '主干道公益广告密度' })], reference);
    expect(located(result.problems)).toEqual([{ sheet: '任务分解表', row: 3, column: '测评指标', letter: 'C', code: 'UNKNOWN_INDICATOR' }]);
    expect(result.problems[0].message).toBe('第3行「测评指标」：测评体系中没有指标「主干道公益广告密度」。请使用测评体系中的指标名称（例如「主次干道公益广告密度」）');
  });

  it('says when the item is not in the catalog either', () => {
    const result = planTasks([row({ itemName: '生态环境', indicatorName: '空气质量优良天数' })], reference);
    expect(result.problems.map((p) => p.message)).toEqual([
      '第3行「测评指标」：测评体系中没有指标「空气质量优良天数」（测评项目「生态环境」也不在测评体系中）。请使用测评体系中的指标名称或编码',
    ]);
  });

  it('refuses an indicator under the wrong item, even when its name is unique, and says which item it belongs to', () => {
    const byName = planTasks([row({ itemName: '环境卫生', indicatorName: '主次干道公益广告密度' })], reference);
    const byCode = planTasks([row({ itemName: '环境卫生', indicatorName: 'A1' })], reference);
    for (const result of [byName, byCode]) {
      expect(result.problems.map((p) => p.code)).toEqual(['UNKNOWN_INDICATOR']);
      expect(result.problems[0].message).toContain(`属于测评项目「${ITEM_A}」，不属于「环境卫生」`);
      expect(result.tasks).toEqual([]);
    }
  });

  it('refuses a code whose indicator has another name than the one written after it', () => {
    const result = planTasks([row({ indicatorName: 'A1 市民创建知晓率' })], reference);
    expect(result.problems.map((p) => p.message)).toEqual([
      '第3行「测评指标」：编码「A1」对应的指标是「主次干道公益广告密度」，与填写的名称「市民创建知晓率」不一致。请核对编码和指标名称',
    ]);
  });

  it('reads a code that is not in the catalog as part of the name', () => {
    const result = planTasks([row({ indicatorName: 'Z9 主次干道公益广告密度' })], reference);
    expect(result.problems.map((p) => p.code)).toEqual(['UNKNOWN_INDICATOR']);
    expect(result.problems[0].message).toContain('没有指标「Z9 主次干道公益广告密度」');
  });
});

describe('planTasks: duplicates', () => {
  it('reports the same (indicator, unit) again on the later row, naming the earlier one', () => {
    const result = planTasks(
      [row({ row: 3, responsibleUnitNames: ['外滩社区', '滨江社区'] }), row({ row: 4, indicatorName: 'A2' }), row({ row: 9, indicatorName: 'A1', responsibleUnitNames: ['滨江社区'] })],
      reference,
    );
    expect(located(result.problems)).toEqual([{ sheet: '任务分解表', row: 9, column: '责任单位', letter: 'F', code: 'DUPLICATE' }]);
    expect(result.problems[0].message).toBe(
      '第9行「责任单位」：单位「滨江社区」承担指标「A1 主次干道公益广告密度」已在第3行填写过，同一指标同一单位只能有一行。请删除重复的一行，或从这一格中去掉该单位',
    );
  });

  it('names the earlier sheet when the duplicate is on another sheet', () => {
    const result = planTasks([row({ sheet: '社区' }), row({ sheet: '站办所', row: 5 })], reference);
    expect(located(result.problems)).toEqual([{ sheet: '站办所', row: 5, column: '责任单位', letter: 'F', code: 'DUPLICATE' }]);
    expect(result.problems[0].message).toContain('已在工作表「社区」第3行填写过');
  });

  it('catches one unit written by name and by code in the same cell', () => {
    const result = planTasks([row({ responsibleUnitNames: ['外滩社区', 'WTSQ'] })], reference);
    expect(result.problems.map((p) => [p.code, p.row])).toEqual([['DUPLICATE', 3]]);
    expect(result.problems[0].message).toContain('在这一格中写了两次');
  });
});

describe('planTasks: every problem at once', () => {
  it('collects the problems of all rows and plans no task while there is any', () => {
    const result = planTasks(
      [row({ row: 3 }), row({ row: 4, responsibleUnitNames: ['外滩小区'] }), row({ row: 5, indicatorName: '不存在的指标', leadUnitName: '某办' }), row({ row: 6, indicatorName: 'A2' })],
      reference,
    );
    expect(located(result.problems)).toEqual([
      { sheet: '任务分解表', row: 4, column: '责任单位', letter: 'F', code: 'UNKNOWN_UNIT' },
      { sheet: '任务分解表', row: 5, column: '测评指标', letter: 'C', code: 'UNKNOWN_INDICATOR' },
      { sheet: '任务分解表', row: 5, column: '牵头单位', letter: 'E', code: 'UNKNOWN_UNIT' },
    ]);
    expect(result.tasks).toEqual([]);
  });

  it("reports the issue's five kinds of problem in one .xlsx together, with rows and column letters", async () => {
    const file = await xlsx([
      breakdownSheet('任务分解表', [
        dataRow({ 序号: '1' }),
        dataRow({ 序号: '2', 责任单位: '外滩小区' }),
        dataRow({ 序号: '3', 测评指标: '主干道公益广告' }),
        dataRow({ 序号: '4', 责任单位: '东湖村', 完成时限: '2027年2月30日' }),
        dataRow({ 序号: '5', 责任单位: '滨江社区、外滩社区' }),
        dataRow({ 序号: '6', 牵头单位: null }),
      ]),
    ]);
    const parsed = await parseTaskBreakdownXlsx(file);
    const planned = planTasks(parsed.rows, reference);
    const problems = [...parsed.problems, ...planned.problems];
    expect(located(problems).sort((a, b) => a.row - b.row)).toEqual([
      { sheet: '任务分解表', row: 4, column: '责任单位', letter: 'F', code: 'UNKNOWN_UNIT' },
      { sheet: '任务分解表', row: 5, column: '测评指标', letter: 'C', code: 'UNKNOWN_INDICATOR' },
      { sheet: '任务分解表', row: 6, column: '完成时限', letter: 'G', code: 'BAD_DATE' },
      { sheet: '任务分解表', row: 7, column: '责任单位', letter: 'F', code: 'DUPLICATE' },
      { sheet: '任务分解表', row: 8, column: '牵头单位', letter: 'E', code: 'MISSING_VALUE' },
    ]);
    expect(planned.tasks).toEqual([]);
    expect(formatProblems(problems)).toBe(
      [
        '共 5 个问题，整个文件都没有导入。请改正后重新导入：',
        '工作表「任务分解表」第4行 F列「责任单位」：找不到单位「外滩小区」。请使用单位名册中的名称（例如「外滩社区」）',
        '工作表「任务分解表」第5行 C列「测评指标」：测评体系中没有指标「主干道公益广告」。请使用测评体系中的指标名称（例如「主次干道公益广告密度」）',
        '工作表「任务分解表」第6行 G列「完成时限」：日期「2027年2月30日」不存在（2027年没有2月30日）。请改成正确的日期',
        '工作表「任务分解表」第7行 F列「责任单位」：单位「外滩社区」承担指标「A1 主次干道公益广告密度」已在第3行填写过，同一指标同一单位只能有一行。请删除重复的一行，或从这一格中去掉该单位',
        '工作表「任务分解表」第8行 E列「牵头单位」：没有填写牵头单位。请填写一个牵头单位',
      ].join('\n'),
    );
  });
});

describe('planTasks: rows whose date could not be read', () => {
  it('still checks their units and indicator, so every problem is reported in one go, and plans no task from them', async () => {
    const file = await xlsx([breakdownSheet('任务分解表', [dataRow({ 序号: '1', 责任单位: '火星社区', 完成时限: '明年' })])]);
    const parsed = await parseTaskBreakdownXlsx(file);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0].incomplete).toBe(true);
    const planned = planTasks(parsed.rows, reference);
    expect([...parsed.problems, ...planned.problems].map((p) => p.code)).toEqual(['BAD_DATE', 'UNKNOWN_UNIT']);
    expect(planned.tasks).toEqual([]);
  });
});

describe('formatProblems', () => {
  const p = (fields: Partial<ImportProblem>): ImportProblem => ({ sheet: 'S', row: 1, column: '', columnLetter: null, code: 'MISSING_VALUE', message: 'm', ...fields });

  it('orders by sheet (as they first appear), then row, then column, whole-row problems first', () => {
    const problems = [
      p({ sheet: '站办所', row: 3, column: '责任单位', columnLetter: 'F', message: '第3行「责任单位」：站F3' }),
      p({ sheet: '社区', row: 9, column: '测评指标', columnLetter: 'C', message: '第9行「测评指标」：社C9' }),
      p({ sheet: '站办所', row: 3, column: '测评项目', columnLetter: 'B', message: '第3行「测评项目」：站B3' }),
      p({ sheet: '站办所', row: 3, column: '', message: '第3行：站行3' }),
      p({ sheet: '站办所', row: 2, column: '完成时限', columnLetter: null, code: 'MISSING_HEADER', message: '第2行「完成时限」：站表头' }),
      p({ sheet: '站办所', row: 12, column: '责任单位', columnLetter: 'AA', message: '第12行「责任单位」：站AA12' }),
      p({ sheet: '站办所', row: 12, column: '责任单位', columnLetter: 'Z', message: '第12行「责任单位」：站Z12' }),
    ];
    expect(formatProblems(problems).split('\n').slice(1)).toEqual([
      '工作表「站办所」第2行「完成时限」：站表头',
      '工作表「站办所」第3行：站行3',
      '工作表「站办所」第3行 B列「测评项目」：站B3',
      '工作表「站办所」第3行 F列「责任单位」：站F3',
      '工作表「站办所」第12行 Z列「责任单位」：站Z12',
      '工作表「站办所」第12行 AA列「责任单位」：站AA12',
      '工作表「社区」第9行 C列「测评指标」：社C9',
    ]);
  });

  it('writes problems of a whole file or sheet without a row', () => {
    const text = formatProblems([p({ sheet: '', row: 0, code: 'UNREADABLE_FILE', message: '无法读取' }), p({ sheet: 'CSV', row: 0, code: 'MISSING_HEADER', message: '找不到表头' })]);
    expect(text).toBe(['共 2 个问题，整个文件都没有导入。请改正后重新导入：', '文件：无法读取', '工作表「CSV」：找不到表头'].join('\n'));
  });

  it('returns an empty text when there is no problem', () => {
    expect(formatProblems([])).toBe('');
  });
});

describe('task-breakdown identifiers', () => {
  it('uses the lifecycle classifications, exactly', () => {
    expect([...BREAKDOWN_CLASSIFICATIONS]).toEqual([...CLASSIFICATIONS]);
  });

  it('keeps the problem codes stable', () => {
    expect([...IMPORT_PROBLEM_CODES]).toEqual([
      'MISSING_HEADER',
      'MISSING_VALUE',
      'BAD_DATE',
      'BAD_STATUS',
      'UNKNOWN_UNIT',
      'UNKNOWN_INDICATOR',
      'DUPLICATE',
      'EMPTY_FILE',
      'UNREADABLE_FILE',
      'TOO_LARGE',
      'REASSIGNED',
      'UNKNOWN_PERSON',
      'AMBIGUOUS_PERSON',
    ]);
  });
});
