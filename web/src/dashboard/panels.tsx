// The dashboard's panels. Each takes numbers already counted (metrics.ts) and draws them as a chart and as a
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
import { dateTime, daysLeft, isoDate, percent, WORK_LEVELS, type BurnPoint, type KeyWorkRow, type MetRow, type UnitPressure, type WorkLevel } from './metrics';
import { routeHref } from '../shell/navigation';
import { Panel } from './Panel';
import type { CivilityPoint, RankedUnit, RankingWeek, UnitRanking } from './types';
import type { ExportPerformanceQuery } from '../api/graphql.generated';
import { PANEL_WORDS } from '../i18n/dashboard';

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

/** 重点难点: the tasks and items the office marked, where each stands, its unit and whether it is overdue; a table only. */
export function KeyWorkPanel({ rows, ...common }: Common & { rows: KeyWorkRow[] }) {
  const w = usePanelWords();
  const kindOf = (r: KeyWorkRow) => (r.kind === 'task' ? w('keyTask') : w('keyItem'));
  const day = (r: KeyWorkRow) => (r.deadline ? isoDate(Date.parse(r.deadline)) : '—');
  const href = (r: KeyWorkRow) => routeHref('board', { view: r.kind === 'item' ? 'items' : null, card: r.id, kind: r.kind });
  const columns: TableColumnsType<KeyWorkRow> = [
    { title: w('keyKind'), key: 'kind', render: (_, r) => kindOf(r) },
    { title: w('keyWhat'), key: 'title', render: (_, r) => <a href={href(r)}>{r.title}</a> },
    { title: w('keyFlag'), key: 'flag', render: (_, r) => <Tag color="volcano" title={r.reason}>{r.flag}</Tag> },
    { title: w('keyState'), dataIndex: 'state', key: 'state' },
    { title: w('unit'), dataIndex: 'unit', key: 'unit' },
    {
      title: w('keyDeadline'),
      key: 'deadline',
      render: (_, r) => (
        <Space size={4}>
          <span>{day(r)}</span>
          {r.overdue && <Tag color="red">{w('keyOverdue')}</Tag>}
          {r.escalationLevel && <Tag color="orange">{ESCALATION_LABELS[r.escalationLevel] ?? r.escalationLevel}</Tag>}
        </Space>
      ),
    },
  ];
  const sheet: SheetColumn<KeyWorkRow>[] = [
    { header: w('keyKind'), value: kindOf },
    { header: w('keyWhat'), width: 40, value: (r) => r.title },
    { header: w('keyFlag'), value: (r) => r.flag },
    { header: w('keyReason'), width: 40, value: (r) => r.reason },
    { header: w('keyState'), value: (r) => r.state },
    { header: w('unit'), width: 26, value: (r) => r.unit },
    { header: w('keyDeadline'), width: 14, value: day },
    { header: w('keyOverdue'), value: (r) => (r.overdue ? w('keyOverdue') : w('keyOnTime')) },
  ];
  const tasks = rows.filter((r) => r.kind === 'task').length;
  return (
    <Panel<KeyWorkRow>
      id="key-work"
      title={w('keyTitle')}
      fileBase={w('keyFile')}
      {...common}
      wide
      empty={rows.length === 0 ? w('keyEmpty') : null}
      summary={
        <span data-testid="key-work-summary">
          {fill(w('keySummary'), { total: rows.length, tasks, items: rows.length - tasks, overdue: rows.filter((r) => r.overdue).length })}
        </span>
      }
      note={w('keyNote')}
      table={{ columns, rows, rowKey: (r) => r.key }}
      exportTable={() => downloadXlsx(`${w('keyFile')}-${stamp()}.xlsx`, w('keyTitle'), sheet, rows)}
    />
  );
}
