// The dashboard's 问卷调查 panel: the street's 知晓率、支持率、参与率 and 满意度 over the closed survey rounds
// (weighted by each community's sample), with each round's change from the one before, as a chart and a table; the
// workbook (street-wide and per community) comes from the API.
import { useCallback, useMemo, useState } from 'react';
import type { TableColumnsType } from 'antd';
import { gql } from '../api/client';
import { useI18n, useWords, type Locale } from '../i18n';
import type { ExportSurveyTrendQuery, SurveyTrendQuery } from '../api/graphql.generated';
import type { ChartOptionFor } from '../dashboard/EChart';
import { base64ToBlob, downloadBlob } from '../dashboard/exports';
import { Panel } from '../dashboard/Panel';
import { useLoad } from '../dashboard/useLoad';
import { EXPORT_SURVEY_TREND, SURVEY_TREND } from './documents';

type Point = SurveyTrendQuery['surveyTrend']['overall'][number];
type Measure = 'aware' | 'supporting' | 'participating' | 'satisfied';

const MEASURES: { key: Measure; zh: string; en: string; color: string }[] = [
  { key: 'aware', zh: '知晓率', en: 'Awareness', color: '#b71c1c' },
  { key: 'supporting', zh: '支持率', en: 'Support', color: '#1677ff' },
  { key: 'participating', zh: '参与率', en: 'Participation', color: '#fa8c16' },
  { key: 'satisfied', zh: '满意度', en: 'Satisfaction', color: '#389e0d' },
];

const WORDS = {
  title: { zh: '问卷调查四率走势（全街道，按样本加权）', en: 'Survey rates over rounds (street-wide, weighted by sample)' },
  empty: { zh: '还没有已结束的问卷调查轮次。创建办在「工作组 → 问卷调查」录入各社区结果并结束本轮后，这里显示走势。', en: 'No closed survey round yet.' },
  note: { zh: '只计已结束（数据锁定）的轮次；比率由各社区人数合计除以样本量合计得出，保留一位小数；括号内为较上一轮的变化（百分点）。', en: 'Closed rounds only; rates are pooled counts over pooled samples, one decimal; in brackets the change from the previous round (points).' },
  round: { zh: '轮次', en: 'Round' },
  period: { zh: '调查时间', en: 'Period' },
  sample: { zh: '样本量', en: 'Sample' },
  latest: { zh: '最近一轮「{title}」', en: 'Latest round “{title}”' },
  file: { zh: '问卷调查趋势', en: 'survey-trend' },
};

const label = (m: (typeof MEASURES)[number], locale: Locale) => (locale === 'zh' ? m.zh : m.en);

const signed = (n: number | null) => (n === null ? '' : `（${n > 0 ? '+' : ''}${n.toFixed(1)}）`);

const loadTrend = () => gql<SurveyTrendQuery>(SURVEY_TREND).then((d) => d.surveyTrend.overall);

export function SurveyTrendPanel({ refresh, subtitle }: { refresh: number; subtitle: string }) {
  const { locale } = useI18n();
  const w = useWords(WORDS);
  const [retries, setRetries] = useState(0);
  const trend = useLoad(loadTrend, refresh + retries);
  const points = useMemo(() => trend.data ?? [], [trend.data]);
  const latest = points[points.length - 1];
  const option = useCallback<ChartOptionFor>(
    (narrow) => ({
      grid: { top: 40, left: 8, right: 56, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
      xAxis: { type: 'category', data: points.map((p) => (narrow ? p.endDate.slice(5) : `${p.title}\n${p.endDate}`)), boundaryGap: points.length < 2 },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: MEASURES.map((m) => ({ type: 'line', name: label(m, locale), color: m.color, symbolSize: 8, data: points.map((p) => p.counts.rates[m.key]), endLabel: { show: !narrow, formatter: '{c}%' } })),
    }),
    [points, locale],
  );
  const columns: TableColumnsType<Point> = [
    { title: w('round'), dataIndex: 'title', key: 'title' },
    { title: w('period'), key: 'period', render: (_, p) => `${p.startDate} ~ ${p.endDate}` },
    { title: w('sample'), key: 'sample', align: 'right', render: (_, p) => p.counts.sample },
    ...MEASURES.map((m) => ({ title: label(m, locale), key: m.key, align: 'right' as const, render: (_: unknown, p: Point) => `${p.counts.rates[m.key].toFixed(1)}%${signed(p.change[m.key])}` })),
  ];
  return (
    <Panel<Point>
      id="surveys"
      title={w('title')}
      fileBase={w('file')}
      subtitle={subtitle}
      loading={trend.loading}
      error={trend.error}
      onRetry={() => setRetries((n) => n + 1)}
      empty={points.length === 0 ? w('empty') : null}
      summary={
        latest && (
          <span data-testid="survey-latest">
            {w('latest').replace('{title}', latest.title)}：{MEASURES.map((m) => `${label(m, locale)} ${latest.counts.rates[m.key].toFixed(1)}%${signed(latest.change[m.key])}`).join('，')}
          </span>
        )
      }
      note={w('note')}
      chart={{ option, height: 300, label: w('title') }}
      table={{ columns, rows: points, rowKey: (p) => p.roundId }}
      exportTable={async () => {
        const file = (await gql<ExportSurveyTrendQuery>(EXPORT_SURVEY_TREND)).exportSurveyTrend;
        downloadBlob(base64ToBlob(file.contentBase64, file.mimeType), file.fileName);
      }}
      wide
    />
  );
}
