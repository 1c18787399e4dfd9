// The monthly report from hand-made facts, with every number worked out by hand here, and its .xlsx export read
// back with exceljs.
import * as ExcelJS from 'exceljs';
import { buildMonthlyReport, type ReportCard, type ReportFacts } from '../../src/monthly-report/monthly-report.builder';
import { REPORT_SHEETS, monthlyReportXlsx } from '../../src/monthly-report/monthly-report.export';
import { initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import type { IndicatorTaskState, Stage } from '../../workflows/indicator-task/indicator-task.types';

const NOW = '2026-11-27T04:00:00.000Z';
const PAST = '2026-11-20T15:59:59.000Z';
const FUTURE = '2027-03-31T15:59:59.000Z';

function card(taskId: string, item: [string, string], unit: [string, string], stage: Stage, extra: Partial<IndicatorTaskState> = {}): ReportCard {
  const state: IndicatorTaskState = {
    ...initialState({ taskId, campaignId: 'c1', indicatorCode: taskId, unitCode: unit[0], leadUnitCode: 'XCB', dueAt: FUTURE }),
    stage,
    stageDueAt: stage === 'CONSOLIDATION' || stage === 'ARCHIVED' ? null : FUTURE,
    ...extra,
  };
  return { taskId, indicatorCode: taskId, indicatorName: `指标${taskId}`, itemCode: item[0], itemName: item[1], unitCode: unit[0], unitName: unit[1], state };
}

const A: [string, string] = ['A', '思想道德'];
const C: [string, string] = ['C', '环境卫生'];
const WTSQ: [string, string] = ['WTSQ', '外滩社区'];
const HWS: [string, string] = ['HWS', '街道环卫所'];

function facts(): ReportFacts {
  return {
    campaign: { id: 'c1', name: '外滩街道创文', inspectionDate: '2027-06-30', timeZone: 'Asia/Shanghai' },
    month: '2026-10',
    period: { from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' },
    generatedAt: NOW,
    clock: null,
    cadence: {
      month: '2026-10',
      tally: { visits: 1, jointMeetings: 0, coordinationMeetings: 2 },
      shortfalls: [
        { requirement: 'SUPERVISION_VISIT', required: 2, recorded: 1 },
        { requirement: 'JOINT_MEETING', required: 1, recorded: 0 },
      ],
      ended: true,
      flagged: true,
      version: 9,
    },
    cards: [
      // A1/WTSQ: self-check overdue, unit owes it: overdue, 督办 reached.
      card('A1', A, WTSQ, 'SELF_CHECK', { stageDueAt: PAST, escalationLevel: 'SUPERVISE' }),
      // A2/WTSQ: self-check handed in, past its date but awaiting the supervisors: not the unit's overdue.
      card('A2', A, WTSQ, 'SELF_CHECK', { stageDueAt: PAST, awaitingReview: 'SELF_CHECK_REVIEW' }),
      // A3/HWS: consolidation: met.
      card('A3', A, HWS, 'CONSOLIDATION'),
      // C1/HWS: archived: met.
      card('C1', C, HWS, 'ARCHIVED'),
      // C2/HWS: rectification, on time.
      card('C2', C, HWS, 'RECTIFICATION'),
      // C3/WTSQ: mock assessment past its date: the supervisors owe it: overdue.
      card('C3', C, WTSQ, 'MOCK_ASSESSMENT', { stageDueAt: '2026-11-25T00:00:00.000Z' }),
    ],
    units: [
      { code: 'HWS', name: '街道环卫所' },
      { code: 'WTSQ', name: '外滩社区' },
      { code: 'DHC', name: '东湖村' },
    ],
    items: [
      { itemId: 'rectification-item:c1:1', state: 'RECTIFYING', area: 'SANITATION', unitCode: 'DHC', dueAt: PAST, escalationLevel: 'URGE', relapseCount: 1 },
      { itemId: 'rectification-item:c1:2', state: 'CLOSED', area: 'SANITATION', unitCode: 'HWS', dueAt: PAST, escalationLevel: null, relapseCount: 0 },
      { itemId: 'rectification-item:c1:3', state: 'SUBMITTED', area: 'MARKETS', unitCode: 'HWS', dueAt: PAST, escalationLevel: null, relapseCount: 2 },
    ],
    events: [
      { streamId: 'A1', kind: 'TASK', type: 'DeadlineEscalated', data: { level: 'URGE' }, occurredAt: '2026-10-05T01:00:00.000Z' },
      { streamId: 'A1', kind: 'TASK', type: 'DeadlineEscalated', data: { level: 'SUPERVISE' }, occurredAt: '2026-10-08T01:00:00.000Z' },
      { streamId: 'C2', kind: 'TASK', type: 'RecheckRecorded', data: { passed: false, note: '垃圾桶满溢' }, occurredAt: '2026-10-12T01:00:00.000Z' },
      { streamId: 'A3', kind: 'TASK', type: 'RecheckRecorded', data: { passed: true, note: '' }, occurredAt: '2026-10-13T01:00:00.000Z' },
      { streamId: 'rectification-item:c1:1', kind: 'ITEM', type: 'DeadlineEscalated', data: { level: 'URGE' }, occurredAt: '2026-10-20T01:00:00.000Z' },
      { streamId: 'rectification-item:c1:1', kind: 'ITEM', type: 'ItemRecheckRecorded', data: { passed: false, note: '又有堆物' }, occurredAt: '2026-10-21T01:00:00.000Z' },
    ],
    areaLabels: { SANITATION: '环境卫生', MARKETS: '集贸市场' },
  };
}

describe('buildMonthlyReport', () => {
  const report = buildMonthlyReport(facts());

  it('counts tasks per stage, 达标 (consolidation, archiving, archived) and its rate, and overdue work, in total', () => {
    expect(report.totals).toMatchObject({ code: 'ALL', tasks: 6, met: 2, metRate: 33.3, overdue: 2 });
    expect(Object.fromEntries(report.totals.stages.map((s) => [s.stage, s.count]))).toEqual({
      SELF_CHECK: 2,
      RECTIFICATION: 1,
      MOCK_ASSESSMENT: 1,
      CONSOLIDATION: 1,
      ARCHIVING: 0,
      ARCHIVED: 1,
    });
    expect(report.totals.stages.map((s) => s.label)).toEqual(['自查自评', '整改', '模拟测评', '巩固', '归档', '已归档']);
  });

  it('gives progress by assessment item', () => {
    expect(report.byItem.map(({ code, name, tasks, met, metRate, overdue }) => ({ code, name, tasks, met, metRate, overdue }))).toEqual([
      { code: 'A', name: '思想道德', tasks: 3, met: 1, metRate: 33.3, overdue: 1 },
      { code: 'C', name: '环境卫生', tasks: 3, met: 1, metRate: 33.3, overdue: 1 },
    ]);
  });

  it('gives progress by unit with the month’s relapses and escalations and its rectification items', () => {
    const rows = report.byUnit.map(({ code, name, tasks, met, metRate, overdue, relapses, escalations, openItems, overdueItems }) => ({
      code,
      name,
      tasks,
      met,
      metRate,
      overdue,
      relapses,
      escalations,
      openItems,
      overdueItems,
    }));
    expect(rows).toEqual([
      // DHC has no task, only the relapsed, escalated, overdue item 1.
      { code: 'DHC', name: '东湖村', tasks: 0, met: 0, metRate: 0, overdue: 0, relapses: 1, escalations: 1, openItems: 1, overdueItems: 1 },
      // HWS: A3, C1 met of A3, C1, C2; C2 relapsed; item 3 open (submitted, so not the unit's overdue), item 2 closed.
      { code: 'HWS', name: '街道环卫所', tasks: 3, met: 2, metRate: 66.7, overdue: 0, relapses: 1, escalations: 0, openItems: 1, overdueItems: 0 },
      // WTSQ: A1 overdue and escalated twice in October; C3 overdue.
      { code: 'WTSQ', name: '外滩社区', tasks: 3, met: 0, metRate: 0, overdue: 2, relapses: 0, escalations: 2, openItems: 0, overdueItems: 0 },
    ]);
  });

  it('lists overdue tasks, oldest deadline first, with days overdue in the campaign’s calendar', () => {
    expect(report.overdue.map(({ taskId, stage, daysOverdue, escalationLevel, escalationLabel }) => ({ taskId, stage, daysOverdue, escalationLevel, escalationLabel }))).toEqual([
      // Due 20 Nov 23:59:59 Shanghai, generated 27 Nov.
      { taskId: 'A1', stage: 'SELF_CHECK', daysOverdue: 7, escalationLevel: 'SUPERVISE', escalationLabel: '督办' },
      // Due 25 Nov 08:00 Shanghai.
      { taskId: 'C3', stage: 'MOCK_ASSESSMENT', daysOverdue: 2, escalationLevel: null, escalationLabel: null },
    ]);
  });

  it('counts the month’s relapses and escalations of tasks and items', () => {
    expect(report.relapses).toMatchObject({ tasks: 1, items: 1 });
    expect(report.relapses.entries.map((r) => [r.kind, r.unitName, r.indicatorName, r.note])).toEqual([
      ['TASK', '街道环卫所', '指标C2', '垃圾桶满溢'],
      ['ITEM', '东湖村', null, '又有堆物'],
    ]);
    expect(report.escalations.total).toBe(3);
    expect(report.escalations.levels.map((l) => [l.level, l.tasks, l.items])).toEqual([
      ['REMINDER', 0, 0],
      ['URGE', 1, 1],
      ['SUPERVISE', 1, 0],
      ['INTERVIEW', 0, 0],
      ['ACCOUNTABILITY', 0, 0],
    ]);
  });

  it('summarises rectification items by state and area', () => {
    expect(report.rectificationItems).toMatchObject({ total: 3, open: 2, closed: 1, overdue: 1, escalated: 1, relapses: 3 });
    expect(report.rectificationItems.byState.filter((s) => s.count > 0)).toEqual([
      { state: 'RECTIFYING', label: '整改中', count: 1 },
      { state: 'SUBMITTED', label: '待复核', count: 1 },
      { state: 'CLOSED', label: '销号', count: 1 },
    ]);
    expect(report.rectificationItems.byArea).toEqual([
      { area: 'MARKETS', label: '集贸市场', count: 1 },
      { area: 'SANITATION', label: '环境卫生', count: 2 },
    ]);
  });

  it('carries the cadence step’s finding, the phase and the countdown', () => {
    expect(report.cadence).toEqual({
      month: '2026-10',
      visits: 1,
      jointMeetings: 0,
      coordinationMeetings: 2,
      hearings: 0,
      met: false,
      ended: true,
      flagged: true,
      shortfalls: [
        { requirement: 'SUPERVISION_VISIT', label: '现场督查', required: 2, recorded: 1 },
        { requirement: 'JOINT_MEETING', label: '联席会议', required: 1, recorded: 0 },
      ],
    });
    expect(report).toMatchObject({ phase: 'MOBILIZATION', phaseLabel: '宣传发动', daysToInspection: 215, month: '2026-10' });
  });

  it('gives zeros, not errors, for a campaign without tasks or items', () => {
    const empty = buildMonthlyReport({ ...facts(), cards: [], items: [], events: [], cadence: null });
    expect(empty.totals).toMatchObject({ tasks: 0, met: 0, metRate: 0, overdue: 0 });
    expect(empty.byItem).toEqual([]);
    expect(empty.rectificationItems).toMatchObject({ total: 0, open: 0, overdue: 0, relapses: 0 });
    expect(empty.cadence).toMatchObject({ visits: 0, jointMeetings: 0, met: false });
  });
});

describe('monthlyReportXlsx', () => {
  it('writes sheets the leading group reads, with the numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await monthlyReportXlsx(buildMonthlyReport(facts()))).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.values(REPORT_SHEETS));

    const summary = workbook.getWorksheet(REPORT_SHEETS.summary)!;
    expect(summary.getCell('A1').value).toBe('外滩街道创文 2026年10月专题汇报');
    const line = (label: string) => summary.getColumn(1).values.indexOf(label);
    expect(summary.getCell(line('任务总数'), 2).value).toBe(6);
    expect(summary.getCell(line('达标率（%）'), 2).value).toBe(33.3);
    expect(summary.getCell(line('现场督查（次）'), 2).value).toBe(1);
    expect(String(summary.getCell(line('工作节奏'), 2).value)).toContain('联席会议 0 次（要求 1 次以上）');

    const units = workbook.getWorksheet(REPORT_SHEETS.byUnit)!;
    const header = (units.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(['单位编码', '名称', '任务数', '自查自评', '整改', '模拟测评', '巩固', '归档', '已归档', '达标数', '达标率（%）', '逾期', '本月反弹', '本月提醒督办', '未销号整改问题', '逾期整改问题']);
    expect((units.getRow(4).values as unknown[]).slice(1)).toEqual(['HWS', '街道环卫所', 3, 0, 1, 0, 1, 0, 1, 2, 66.7, 0, 1, 0, 1, 0]);
  });
});
