// The dashboard's five panels. Each takes numbers already counted (metrics.ts) and draws them as a chart and as a
// table with the same headers as its .xlsx export.
import { Fragment, useCallback, useMemo, type ReactNode } from 'react';
import { Alert, App, Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { gql } from '../api/client';
import { useI18n, type Locale } from '../i18n';
import { ESCALATION_LABELS } from '../i18n/labels';
import type { ChartOptionFor } from './EChart';
import { base64ToBlob, downloadBlob, downloadXlsx, type SheetColumn } from './exports';
import { EXPORT_PERFORMANCE } from './documents';
import { dateTime, daysLeft, isoDate, percent, WORK_LEVELS, type BurnPoint, type MetRow, type UnitPressure, type WorkLevel } from './metrics';
import { Panel } from './Panel';
import type { CivilityPoint, RankedUnit, RankingWeek, UnitRanking } from './types';
import type { ExportPerformanceQuery } from '../api/graphql.generated';

export const PANEL_WORDS = {
  // 达标率
  metTitle: { zh: '各测评项目达标率', en: 'Met rate by assessment item' },
  metFile: { zh: '各测评项目达标率', en: 'Met rate by assessment item' },
  item: { zh: '测评项目', en: 'Assessment item' },
  tasks: { zh: '任务数', en: 'Tasks' },
  met: { zh: '达标数', en: 'Met' },
  metRate: { zh: '达标率', en: 'Met rate' },
  allItems: { zh: '合计', en: 'Total' },
  metSummary: { zh: '全部 {tasks} 项指标任务中达标 {met} 项，达标率 {rate}', en: '{met} of {tasks} indicator tasks met: {rate}' },
  metNote: {
    zh: '达标率 = 达标的指标任务 ÷ 该测评项目的全部指标任务（每个责任单位的每项指标算一项）。达标指：自查经督查组确认为「达标」，或整改、模拟测评后达标，以及已归档的任务；尚待审核的自查结果、「易反弹」「未知可否达标」不计为达标。',
    en: 'Met rate = indicator tasks met ÷ all indicator tasks of the item (one per indicator and responsible unit). Met: a self-check confirmed as met by the supervision group, met after rectification or a mock assessment, or archived. Self-checks awaiting review, relapse-prone and unknown do not count as met.',
  },
  metEmpty: { zh: '还没有指标任务：导入任务分解表后，这里显示各测评项目的达标率', en: 'No indicator tasks yet: import the task breakdown to see the met rates' },
  // 燃尽图
  burnTitle: { zh: '未达标指标燃尽图', en: 'Burn-down of unmet indicators' },
  burnFile: { zh: '未达标指标燃尽图', en: 'Burn-down of unmet indicators' },
  date: { zh: '日期', en: 'Date' },
  daysLeft: { zh: '距迎检（天）', en: 'Days to inspection' },
  totalTasks: { zh: '任务总数', en: 'Tasks' },
  unmet: { zh: '未达标', en: 'Not met' },
  ideal: { zh: '理想线', en: 'Ideal' },
  inspection: { zh: '迎检', en: 'Inspection' },
  burnSummary: { zh: '当前未达标 {unmet} 项（共 {tasks} 项任务），距迎检 {days} 天', en: '{unmet} of {tasks} tasks not met, {days} days to the inspection' },
  burnPace: { zh: '；按期清零平均每周须减少 {pace} 项', en: '; to reach zero in time: {pace} fewer per week' },
  burnNote: {
    zh: '每个点是当时的看板（只重放当时已发生的事件）：自活动开始每周一个点（活动不足五周时平均取六个点），最后一点为现在。未达标 = 任务总数 − 达标（口径同「各测评项目达标率」）。理想线从第一个点直线降到迎检日为 0。',
    en: 'Each point is the board as it stood then (replaying only the events that had occurred): weekly since the campaign began (six even steps while it is younger than five weeks), the last point is now. Not met = tasks − met (as in the met rate). The ideal line runs straight from the first point to zero on the inspection date.',
  },
  burnEmpty: { zh: '还没有指标任务，暂无燃尽图', en: 'No indicator tasks yet: nothing to burn down' },
  // 逾期与督办
  pressureTitle: { zh: '逾期与督办（按责任单位）', en: 'Overdue and escalated work by unit' },
  pressureFile: { zh: '逾期与督办-按责任单位', en: 'Overdue and escalated work by unit' },
  unit: { zh: '责任单位', en: 'Unit' },
  total: { zh: '合计', en: 'Total' },
  ofTasks: { zh: '其中指标任务', en: 'Indicator tasks' },
  ofItems: { zh: '其中整改问题', en: 'Rectification items' },
  OVERDUE: { zh: '逾期', en: 'Overdue' },
  REMINDER: { zh: '提醒', en: 'Reminder' },
  URGE: { zh: '催办', en: 'Urged' },
  SUPERVISE: { zh: '督办', en: 'Supervision notice' },
  INTERVIEW: { zh: '约谈', en: 'Interview' },
  ACCOUNTABILITY: { zh: '问责', en: 'Accountability' },
  pressureSummary: {
    zh: '逾期或提醒督办中的工作 {total} 项（指标任务 {tasks} 项，整改问题 {items} 项），涉及 {units} 个单位',
    en: '{total} pieces of work overdue or escalated ({tasks} indicator tasks, {items} rectification items) at {units} units',
  },
  pressureNote: {
    zh: '每项工作（指标任务、已派单的整改问题）按已到的最高一步只计一次：提醒（到期前）→ 逾期 → 催办 → 督办 → 约谈 → 问责。逾期指当前阶段时限（无则完成时限）已过。已归档的任务和已复核的整改问题不计。',
    en: 'Each piece of work (indicator tasks, dispatched rectification items) counts once, at the highest step reached: reminder (before the deadline) → overdue → urged → supervision notice → interview → accountability. Overdue: the current stage’s deadline (else the due date) has passed. Archived tasks and verified items are not counted.',
  },
  pressureEmpty: { zh: '目前没有逾期或提醒督办中的工作', en: 'Nothing is overdue or escalated' },
  // 公共文明指数
  civilityTitle: { zh: '公共文明指数走势（模拟测评）', en: 'Public civility index (mock assessments)' },
  civilityFile: { zh: '公共文明指数走势', en: 'Public civility index' },
  assessedOn: { zh: '测评日期', en: 'Date' },
  round: { zh: '模拟测评', en: 'Mock assessment' },
  score: { zh: '得分', en: 'Score' },
  maxScore: { zh: '满分', en: 'Out of' },
  scoreRate: { zh: '得分率', en: 'Score rate' },
  change: { zh: '较上次（百分点）', en: 'Change (points)' },
  passLine: { zh: '达标线', en: 'Pass line' },
  civilitySummary: { zh: '最近一次：{title}（{date}）得分率 {rate}', en: 'Latest: {title} ({date}) scored {rate}' },
  civilityChange: { zh: '，较上次 {change} 个百分点', en: ', {change} points on the previous' },
  civilityNote: {
    zh: '公共文明指数取每次已结束的模拟测评的得分率（得分 ÷ 所测指标的满分）。虚线为模拟测评的达标得分率。',
    en: 'The index is the score rate of each closed mock assessment (points scored ÷ points possible of the indicators assessed). The dashed line is the pass rate of mock assessments.',
  },
  civilityEmpty: {
    zh: '还没有已结束的模拟测评。督查组录入得分并结束一次模拟测评后，这里显示公共文明指数的走势。',
    en: 'No mock assessment has been closed yet. The index appears once the supervision group scores and closes one.',
  },
  // 红黑榜
  rankingTitle: { zh: '红黑榜（按周）', en: 'Weekly ranking of units' },
  rankingFile: { zh: '红黑榜', en: 'Weekly ranking' },
  week: { zh: '周', en: 'Week' },
  best: { zh: '红榜', en: 'Best' },
  worst: { zh: '黑榜', en: 'Worst' },
  list: { zh: '榜单', en: 'List' },
  rank: { zh: '名次', en: 'Rank' },
  onTime: { zh: '按时提交（件）', en: 'Handed in on time' },
  points: { zh: '分', en: 'pts' },
  nobody: { zh: '—', en: '—' },
  flagged: { zh: '连续上黑榜，报领导小组：', en: 'At the bottom for weeks running, for the leading group: ' },
  rankingNote: {
    zh: '每周一 0 时至下周一 0 时计分（本周未结束，计至当前）。红榜为得分前 {top} 名且本周有按时提交的单位；黑榜为倒数 {top} 名且有扣分的单位；连续 {weeks} 周上黑榜的单位报领导小组。',
    en: 'Weeks run from Monday 00:00 (the week in progress counts up to now). Best: the top {top} units that handed work in on time that week; worst: the bottom {top} that lost points; {weeks} weeks running on the worst list flag a unit for the leading group.',
  },
  rankingEmpty: { zh: '还没有可排名的周', en: 'No week to rank yet' },
  exportPerformance: { zh: '导出绩效考核（含红黑榜）', en: 'Export performance assessment' },
};

type Words = (key: keyof typeof PANEL_WORDS) => string;

/** The panels' words in the chosen language; the same function while the language stays (charts depend on it). */
function usePanelWords(): Words {
  const { locale } = useI18n();
  return useMemo(() => (key: keyof typeof PANEL_WORDS) => PANEL_WORDS[key][locale], [locale]);
}

/** Fills {name} placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** Fills {name} placeholders with text or elements (a number to stand out, with its test id). */
function fillNodes(text: string, values: Record<string, ReactNode>): ReactNode[] {
  return text.split(/(\{\w+\})/).map((part, i) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return key !== undefined ? <Fragment key={i}>{values[key]}</Fragment> : part;
  });
}

const LEVEL_COLORS: Record<WorkLevel, string> = {
  REMINDER: '#fadb14',
  OVERDUE: '#ffa940',
  URGE: '#fa8c16',
  SUPERVISE: '#fa541c',
  INTERVIEW: '#f5222d',
  ACCOUNTABILITY: '#a8071a',
};

function levelLabel(w: Words, locale: Locale, level: WorkLevel): string {
  // The glossary's words for the ladder (labels.ts) in Chinese; this screen's own in English.
  return locale === 'zh' && level !== 'OVERDUE' ? (ESCALATION_LABELS[level] ?? w(level)) : w(level);
}

function stamp(): string {
  return isoDate(Date.now()).replace(/-/g, '');
}

interface Common {
  loading: boolean;
  error: Error | null;
  onRetry(): void;
  /** Under the exported image's title: the campaign and the time of the data. */
  subtitle: string;
}

const rateColor = (rate: number) => (rate >= 0.9 ? '#389e0d' : rate >= 0.6 ? '#d48806' : '#cf1322');

export function MetRatePanel({ rows, total, ...common }: Common & { rows: MetRow[]; total: MetRow }) {
  const w = usePanelWords();
  const option = useCallback<ChartOptionFor>(
    (narrow) => ({
      grid: { top: 10, left: 8, right: narrow ? 48 : 96, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const row = rows[((Array.isArray(params) ? params[0] : params) as { dataIndex: number }).dataIndex];
          return `${row.item}<br/>${w('metRate')}：${percent(row.rate)}（${row.met}/${row.tasks}）`;
        },
      },
      xAxis: { type: 'value', min: 0, max: 100, splitNumber: narrow ? 2 : 5, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.item), axisLabel: { width: narrow ? 84 : 150, overflow: 'break' } },
      series: [
        {
          type: 'bar',
          name: w('metRate'),
          barMaxWidth: 22,
          data: rows.map((r) => ({ value: Math.round(r.rate * 1000) / 10, itemStyle: { color: rateColor(r.rate) } })),
          label: {
            show: true,
            position: 'right',
            formatter: (p) => (narrow ? percent(rows[p.dataIndex].rate) : `${percent(rows[p.dataIndex].rate)}（${rows[p.dataIndex].met}/${rows[p.dataIndex].tasks}）`),
          },
        },
      ],
    }),
    [rows, w],
  );
  const columns: TableColumnsType<MetRow> = [
    { title: w('item'), dataIndex: 'item', key: 'item' },
    { title: w('tasks'), dataIndex: 'tasks', key: 'tasks', align: 'right' },
    { title: w('met'), dataIndex: 'met', key: 'met', align: 'right' },
    { title: w('metRate'), key: 'rate', align: 'right', render: (_, r) => percent(r.rate) },
  ];
  const sheet: SheetColumn<MetRow>[] = [
    { header: w('item'), width: 34, value: (r) => r.item },
    { header: w('tasks'), value: (r) => r.tasks },
    { header: w('met'), value: (r) => r.met },
    { header: w('metRate'), value: (r) => Math.round(r.rate * 1000) / 1000, numFmt: '0.0%' },
  ];
  const withTotal = [...rows, { ...total, item: w('allItems') }];
  return (
    <Panel<MetRow>
      id="met-rate"
      title={w('metTitle')}
      fileBase={w('metFile')}
      {...common}
      empty={rows.length === 0 ? w('metEmpty') : null}
      summary={
        <span data-testid="met-summary">{fill(w('metSummary'), { tasks: total.tasks, met: total.met, rate: percent(total.rate) })}</span>
      }
      note={w('metNote')}
      chart={{ option, height: Math.max(220, 40 + rows.length * 34), label: w('metTitle') }}
      table={{ columns, rows: withTotal, rowKey: (r) => r.item }}
      exportTable={() => downloadXlsx(`${w('metFile')}-${stamp()}.xlsx`, w('metTitle'), sheet, withTotal)}
    />
  );
}

export function BurnDownPanel({ points, inspectionAt, ...common }: Common & { points: BurnPoint[]; inspectionAt: number }) {
  const w = usePanelWords();
  const last = points[points.length - 1];
  const option = useCallback<ChartOptionFor>(() => {
    const first = points[0];
    return {
      grid: { top: 24, left: 8, right: 44, bottom: 40, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { bottom: 0 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const list = (Array.isArray(params) ? params : [params]) as { marker?: unknown; seriesName?: string; value?: unknown }[];
          const at = Number((list[0]?.value as [number, number] | undefined)?.[0]);
          const lines = list.map((p) => `${String(p.marker ?? '')}${p.seriesName ?? ''}：${(p.value as [number, number])[1]}`);
          return [`${dateTime(at)}（${w('daysLeft')} ${daysLeft(at, inspectionAt)}）`, ...lines].join('<br/>');
        },
      },
      xAxis: { type: 'time', max: inspectionAt, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, name: w('unmet'), nameTextStyle: { align: 'left' } },
      series: [
        {
          type: 'line',
          name: w('unmet'),
          data: points.map((p) => [p.at, p.unmet]),
          color: '#cf1322',
          symbolSize: 7,
          areaStyle: { opacity: 0.08 },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#8c8c8c', type: 'dotted' },
            label: { formatter: w('inspection'), position: 'end' },
            data: [{ xAxis: inspectionAt }],
          },
        },
        { type: 'line', name: w('totalTasks'), data: points.map((p) => [p.at, p.tasks]), color: '#8c8c8c', symbol: 'none', lineStyle: { width: 1 } },
        {
          type: 'line',
          name: w('ideal'),
          data: first ? [[first.at, first.unmet], [inspectionAt, 0]] : [],
          color: '#389e0d',
          symbol: 'none',
          lineStyle: { type: 'dashed' },
        },
      ],
    };
  }, [points, inspectionAt, w]);
  const columns: TableColumnsType<BurnPoint> = [
    { title: w('date'), key: 'at', render: (_, p) => dateTime(p.at) },
    { title: w('daysLeft'), dataIndex: 'daysLeft', key: 'daysLeft', align: 'right' },
    { title: w('totalTasks'), dataIndex: 'tasks', key: 'tasks', align: 'right' },
    { title: w('unmet'), dataIndex: 'unmet', key: 'unmet', align: 'right' },
    { title: w('ideal'), dataIndex: 'ideal', key: 'ideal', align: 'right' },
  ];
  const sheet: SheetColumn<BurnPoint>[] = [
    { header: w('date'), width: 18, value: (p) => dateTime(p.at) },
    { header: w('daysLeft'), value: (p) => p.daysLeft },
    { header: w('totalTasks'), value: (p) => p.tasks },
    { header: w('unmet'), value: (p) => p.unmet },
    { header: w('ideal'), value: (p) => p.ideal },
  ];
  const weeksLeft = last ? last.daysLeft / 7 : 0;
  return (
    <Panel<BurnPoint>
      id="burn-down"
      title={w('burnTitle')}
      fileBase={w('burnFile')}
      {...common}
      empty={points.length === 0 ? w('burnEmpty') : null}
      summary={
        last && (
          <span data-testid="burndown-summary">
            {fillNodes(w('burnSummary'), { unmet: <strong data-testid="burndown-current">{last.unmet}</strong>, tasks: last.tasks, days: last.daysLeft })}
            {last.unmet > 0 && weeksLeft > 0 && fill(w('burnPace'), { pace: Math.ceil((last.unmet / weeksLeft) * 10) / 10 })}
          </span>
        )
      }
      note={w('burnNote')}
      chart={{ option, height: 300, label: w('burnTitle') }}
      table={{ columns, rows: points, rowKey: (p) => String(p.at) }}
      exportTable={() => downloadXlsx(`${w('burnFile')}-${stamp()}.xlsx`, w('burnTitle'), sheet, points)}
    />
  );
}

export function PressurePanel({ units, ...common }: Common & { units: UnitPressure[] }) {
  const w = usePanelWords();
  const { locale } = useI18n();
  const option = useCallback<ChartOptionFor>(
    (narrow) => ({
      grid: { top: 10, left: 8, right: 24, bottom: 56, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { bottom: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: units.map((u) => u.name), axisLabel: { width: narrow ? 72 : 130, overflow: 'break' } },
      series: WORK_LEVELS.map((level) => ({
        type: 'bar' as const,
        name: levelLabel(w, locale, level),
        stack: 'work',
        barMaxWidth: 22,
        color: LEVEL_COLORS[level],
        data: units.map((u) => u.counts[level] || null),
        label: { show: true, formatter: (p: { value: unknown }) => (p.value ? String(p.value) : '') },
      })),
    }),
    [units, w, locale],
  );
  const levelColumns = WORK_LEVELS.map((level) => ({ title: levelLabel(w, locale, level), key: level, align: 'right' as const, render: (_: unknown, u: UnitPressure) => u.counts[level] }));
  const columns: TableColumnsType<UnitPressure> = [
    { title: w('unit'), dataIndex: 'name', key: 'name', fixed: 'left' },
    ...levelColumns,
    { title: w('total'), dataIndex: 'total', key: 'total', align: 'right' },
    { title: w('ofTasks'), dataIndex: 'tasks', key: 'tasks', align: 'right' },
    { title: w('ofItems'), dataIndex: 'items', key: 'items', align: 'right' },
  ];
  const sheet: SheetColumn<UnitPressure>[] = [
    { header: w('unit'), width: 26, value: (u) => u.name },
    ...WORK_LEVELS.map((level) => ({ header: levelLabel(w, locale, level), value: (u: UnitPressure) => u.counts[level] })),
    { header: w('total'), value: (u) => u.total },
    { header: w('ofTasks'), value: (u) => u.tasks },
    { header: w('ofItems'), value: (u) => u.items },
  ];
  const sum = (f: (u: UnitPressure) => number) => units.reduce((n, u) => n + f(u), 0);
  return (
    <Panel<UnitPressure>
      id="pressure"
      title={w('pressureTitle')}
      fileBase={w('pressureFile')}
      {...common}
      empty={units.length === 0 ? w('pressureEmpty') : null}
      summary={
        <span data-testid="pressure-summary">
          {fill(w('pressureSummary'), { total: sum((u) => u.total), tasks: sum((u) => u.tasks), items: sum((u) => u.items), units: units.length })}
        </span>
      }
      note={w('pressureNote')}
      chart={{ option, height: Math.max(220, 90 + units.length * 34), label: w('pressureTitle') }}
      table={{ columns, rows: units, rowKey: (u) => u.code }}
      exportTable={() => downloadXlsx(`${w('pressureFile')}-${stamp()}.xlsx`, w('pressureTitle'), sheet, units)}
    />
  );
}

export function CivilityPanel({ points, passRate, ...common }: Common & { points: CivilityPoint[]; passRate: number | null }) {
  const w = usePanelWords();
  const latest = points[points.length - 1];
  const option = useCallback<ChartOptionFor>(
    () => ({
      grid: { top: 24, left: 8, right: 24, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
          const point = points[p.dataIndex];
          return `${point.plannedOn}<br/>${point.title}<br/>${w('scoreRate')}：${point.scoreRate ?? '—'}%（${point.score}/${point.maxScore}）`;
        },
      },
      xAxis: { type: 'category', data: points.map((p) => p.plannedOn), boundaryGap: points.length < 2 },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: w('scoreRate'),
          color: '#b71c1c',
          symbolSize: 8,
          data: points.map((p) => p.scoreRate),
          label: { show: true, formatter: '{c}%' },
          markLine:
            passRate === null
              ? undefined
              : {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: '#389e0d', type: 'dashed' },
                  label: { formatter: `${w('passLine')} ${Math.round(passRate * 100)}%`, position: 'insideEndTop' },
                  data: [{ yAxis: Math.round(passRate * 1000) / 10 }],
                },
        },
      ],
    }),
    [points, passRate, w],
  );
  const columns: TableColumnsType<CivilityPoint> = [
    { title: w('assessedOn'), dataIndex: 'plannedOn', key: 'plannedOn' },
    { title: w('round'), dataIndex: 'title', key: 'title' },
    { title: w('score'), dataIndex: 'score', key: 'score', align: 'right' },
    { title: w('maxScore'), dataIndex: 'maxScore', key: 'maxScore', align: 'right' },
    { title: w('scoreRate'), key: 'scoreRate', align: 'right', render: (_, p) => (p.scoreRate === null ? '—' : `${p.scoreRate}%`) },
    { title: w('change'), key: 'change', align: 'right', render: (_, p) => signed(p.change) },
  ];
  const sheet: SheetColumn<CivilityPoint>[] = [
    { header: w('assessedOn'), width: 12, value: (p) => p.plannedOn },
    { header: w('round'), width: 30, value: (p) => p.title },
    { header: w('score'), value: (p) => p.score },
    { header: w('maxScore'), value: (p) => p.maxScore },
    { header: w('scoreRate'), value: (p) => (p.scoreRate === null ? null : p.scoreRate / 100), numFmt: '0.0%' },
    { header: w('change'), value: (p) => p.change },
  ];
  return (
    <Panel<CivilityPoint>
      id="civility"
      title={w('civilityTitle')}
      fileBase={w('civilityFile')}
      {...common}
      empty={points.length === 0 ? w('civilityEmpty') : null}
      summary={
        latest && (
          <span data-testid="civility-latest">
            {fill(w('civilitySummary'), { title: latest.title, date: latest.plannedOn, rate: latest.scoreRate === null ? '—' : `${latest.scoreRate}%` })}
            {latest.change !== null && fill(w('civilityChange'), { change: signed(latest.change) })}
          </span>
        )
      }
      note={w('civilityNote')}
      chart={{ option, height: 280, label: w('civilityTitle') }}
      table={{ columns, rows: points, rowKey: (p) => p.roundId }}
      exportTable={() => downloadXlsx(`${w('civilityFile')}-${stamp()}.xlsx`, w('civilityTitle'), sheet, points)}
    />
  );
}

function signed(n: number | null): string {
  if (n === null) return '—';
  return n > 0 ? `+${n}` : String(n);
}

interface RankingRow {
  key: string;
  week: string;
  list: string;
  entry: RankedUnit;
}

export function RankingPanel({ ranking, ...common }: Common & { ranking: UnitRanking | null }) {
  const w = usePanelWords();
  const { message } = App.useApp();
  const weeks = ranking?.weeks ?? [];
  const entry = (e: RankedUnit) => `${e.rank}. ${e.unit.name}（${e.score} ${w('points')}）`;
  const list = (entries: RankedUnit[], color: string) =>
    entries.length === 0 ? (
      <Typography.Text type="secondary">{w('nobody')}</Typography.Text>
    ) : (
      <Space wrap size={[4, 4]}>
        {entries.map((e) => (
          <Tag key={e.unit.code} color={color}>
            {entry(e)}
          </Tag>
        ))}
      </Space>
    );
  const columns: TableColumnsType<RankingWeek> = [
    {
      title: w('week'),
      key: 'label',
      render: (_, week) => (
        <span>
          {week.label}
        </span>
      ),
    },
    { title: w('best'), key: 'best', render: (_, week) => list(week.best, 'red') },
    { title: w('worst'), key: 'worst', render: (_, week) => list(week.worst, 'default') },
  ];
  const rows: RankingRow[] = weeks.flatMap((week) => [
    ...week.best.map((e) => ({ key: `${week.start}:best:${e.unit.code}`, week: week.label, list: w('best'), entry: e })),
    ...week.worst.map((e) => ({ key: `${week.start}:worst:${e.unit.code}`, week: week.label, list: w('worst'), entry: e })),
  ]);
  const sheet: SheetColumn<RankingRow>[] = [
    { header: w('week'), width: 44, value: (r) => r.week },
    { header: w('list'), value: (r) => r.list },
    { header: w('rank'), value: (r) => r.entry.rank },
    { header: w('unit'), width: 26, value: (r) => r.entry.unit.name },
    { header: w('score'), value: (r) => r.entry.score },
    { header: w('onTime'), width: 16, value: (r) => r.entry.handedInOnTime },
  ];
  async function exportPerformance() {
    try {
      const { exportPerformanceAssessment: file } = await gql<ExportPerformanceQuery>(EXPORT_PERFORMANCE);
      downloadBlob(base64ToBlob(file.contentBase64, file.mimeType), file.fileName);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <Panel<RankingWeek>
      id="ranking"
      title={w('rankingTitle')}
      fileBase={w('rankingFile')}
      {...common}
      wide
      empty={ranking && weeks.length === 0 ? w('rankingEmpty') : null}
      summary={
        ranking && ranking.flagged.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={
              <span>
                {w('flagged')}
                {ranking.flagged.map((f) => `${f.unit.name}（${f.reason}）`).join('；')}
              </span>
            }
          />
        ) : undefined
      }
      note={ranking ? fill(w('rankingNote'), { top: ranking.top, weeks: ranking.flagAfterWeeks }) : undefined}
      table={{ columns, rows: weeks, rowKey: (week) => week.start }}
      exportTable={() => downloadXlsx(`${w('rankingFile')}-${stamp()}.xlsx`, w('rankingTitle'), sheet, rows)}
      actions={
        <Button icon={<DownloadOutlined />} onClick={() => void exportPerformance()}>
          {w('exportPerformance')}
        </Button>
      }
    />
  );
}
