// 专项整治 on the leading group's dashboard (issue 20): each launched drive's items as 已销号 / 未销号 (of which overdue)
// bars, with its state, relapses and summary, as a chart and as a table saved as .xlsx. Chinese only, like the drives.
import { useCallback } from 'react';
import type { TableColumnsType } from 'antd';
import type { SpecialDrivesQuery } from '../api/graphql.generated';
import type { ChartOptionFor } from './EChart';
import { downloadXlsx, type SheetColumn } from './exports';
import { isoDate } from './metrics';
import { Panel } from './Panel';

export type DashDrive = SpecialDrivesQuery['specialDrives'][number];

/** The drives' list as the dashboard asks it (the same document as the 工作组 tab's). */
export { SPECIAL_DRIVES as DASHBOARD_SPECIAL_DRIVES } from '../special-drives/documents';

const rate = (d: DashDrive) => (d.progress.closedRate === null ? '—' : `${Math.round(d.progress.closedRate * 100)}%`);

export function SpecialDrivesPanel({ drives, loading, error, onRetry, subtitle }: { drives: DashDrive[]; loading: boolean; error: Error | null; onRetry(): void; subtitle: string }) {
  const option = useCallback<ChartOptionFor>(
    (narrow) => ({
      grid: { top: 10, left: 8, right: 24, bottom: 40, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { bottom: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: drives.map((d) => d.name.replace('专项整治', '')), axisLabel: { width: narrow ? 60 : 90, overflow: 'break' } },
      series: [
        { type: 'bar' as const, name: '已销号', stack: 'items', barMaxWidth: 22, color: '#52c41a', data: drives.map((d) => d.progress.closed || null), label: { show: true } },
        { type: 'bar' as const, name: '整改中', stack: 'items', barMaxWidth: 22, color: '#1677ff', data: drives.map((d) => d.progress.open - d.progress.overdue || null), label: { show: true } },
        { type: 'bar' as const, name: '逾期未改', stack: 'items', barMaxWidth: 22, color: '#cf1322', data: drives.map((d) => d.progress.overdue || null), label: { show: true } },
      ],
    }),
    [drives],
  );
  const columns: TableColumnsType<DashDrive> = [
    { title: '专项整治', dataIndex: 'name', key: 'name', fixed: 'left' },
    { title: '牵头单位', key: 'lead', render: (_, d) => d.leadUnit.name },
    { title: '状态', dataIndex: 'stateLabel', key: 'state' },
    { title: '问题', key: 'total', align: 'right', render: (_, d) => d.progress.total },
    { title: '已销号', key: 'closed', align: 'right', render: (_, d) => d.progress.closed },
    { title: '逾期', key: 'overdue', align: 'right', render: (_, d) => d.progress.overdue },
    { title: '反弹', key: 'relapses', align: 'right', render: (_, d) => d.progress.relapses },
    { title: '销号率', key: 'rate', align: 'right', render: (_, d) => rate(d) },
  ];
  const sheet: SheetColumn<DashDrive>[] = [
    { header: '专项整治', width: 20, value: (d) => d.name },
    { header: '牵头单位', width: 20, value: (d) => d.leadUnit.name },
    { header: '整治期限', width: 26, value: (d) => `${d.startDate} 至 ${d.endDate}` },
    { header: '状态', value: (d) => d.stateLabel },
    { header: '问题', value: (d) => d.progress.total },
    { header: '已销号', value: (d) => d.progress.closed },
    { header: '未销号', value: (d) => d.progress.open },
    { header: '逾期未改', value: (d) => d.progress.overdue },
    { header: '反弹次数', value: (d) => d.progress.relapses },
    { header: '销号率', value: (d) => rate(d) },
  ];
  const total = drives.reduce((n, d) => n + d.progress.total, 0);
  const closed = drives.reduce((n, d) => n + d.progress.closed, 0);
  const awaiting = drives.filter((d) => d.state === 'SUMMARY_SUBMITTED').length;
  return (
    <Panel<DashDrive>
      id="special-drives"
      title="专项整治进度"
      fileBase="专项整治进度"
      subtitle={subtitle}
      loading={loading}
      error={error}
      onRetry={onRetry}
      empty={drives.length === 0 ? '尚未启动专项整治' : null}
      summary={
        <span data-testid="special-drives-summary">
          {`${drives.length} 项专项整治，问题 ${total} 个，已销号 ${closed} 个${awaiting > 0 ? `，${awaiting} 项总结待审定` : ''}`}
        </span>
      }
      note="问题按整治领域与整治期自动纳入（创建办可手工纳入或移出）；逾期未改：已过整改时限仍未提交整改结果。详见「工作组 → 专项整治」。"
      chart={{ option, height: Math.max(200, 80 + drives.length * 34), label: '专项整治进度' }}
      table={{ columns, rows: drives, rowKey: (d) => d.id }}
      exportTable={() => downloadXlsx(`专项整治进度-${isoDate(Date.now()).replace(/-/g, '')}.xlsx`, '专项整治进度', sheet, drives)}
    />
  );
}
