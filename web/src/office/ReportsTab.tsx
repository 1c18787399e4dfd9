// Reports for the leading group and the office: the monthly reports (生成 by the office, exported as .xlsx), and
// the performance assessment of every unit with its ranking, exported as .xlsx.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, List, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import { downloadExported } from '../api/files';
import { useMe } from '../session/session';
import { MONTHLY_REPORTS, EXPORT_MONTHLY_REPORT, EXPORT_PERFORMANCE, GENERATE_MONTHLY_REPORT, PERFORMANCE } from './documents';
import type { ExportMonthlyReportQuery, ExportPerformanceQuery, MonthlyReportsQuery, PerformanceQuery } from '../api/graphql.generated';

type UnitRow = PerformanceQuery['performanceAssessment']['units'][number];

function useFailure() {
  const { message } = AntApp.useApp();
  return (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
}

export function MonthlyReports() {
  const me = useMe();
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const [busy, setBusy] = useState(false);
  const query = useQuery<MonthlyReportsQuery>(MONTHLY_REPORTS);
  const campaignId = query.data?.campaign.id ?? null;
  const reports = [...(query.data?.campaign.monthlyReports ?? [])].sort((a, b) => b.month.localeCompare(a.month));

  return (
    <Card
      size="small"
      title="月度专题汇报"
      extra={
        me.role === 'OFFICE' && (
          <Space wrap>
            <DatePicker picker="month" value={month} onChange={(m) => m && setMonth(m)} allowClear={false} aria-label="汇报月份" />
            <Button
              type="primary"
              loading={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await gql(GENERATE_MONTHLY_REPORT, { input: { campaignId, month: month.format('YYYY-MM') } });
                  message.success(`${month.format('YYYY年M月')}专题汇报已生成`);
                  query.reload();
                } catch (err) {
                  failed(err);
                } finally {
                  setBusy(false);
                }
              }}
            >
              生成
            </Button>
          </Space>
        )
      }
    >
      <List
        size="small"
        dataSource={reports}
        locale={{ emptyText: '还没有月度专题汇报（每月 1 日 9:00 自动生成上月汇报）' }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button
                key="export"
                size="small"
                icon={<DownloadOutlined />}
                onClick={async () => {
                  try {
                    downloadExported((await gql<ExportMonthlyReportQuery>(EXPORT_MONTHLY_REPORT, { campaignId, month: r.month })).exportMonthlyReport);
                  } catch (err) {
                    failed(err);
                  }
                }}
              >
                导出 Excel
              </Button>,
            ]}
          >
            {dayjs(`${r.month}-01`).format('YYYY年M月')}（生成于 {dayjs(r.generatedAt).format('YYYY-MM-DD HH:mm')}）
          </List.Item>
        )}
      />
    </Card>
  );
}

export function PerformanceAssessment() {
  const failed = useFailure();
  const query = useQuery<PerformanceQuery>(PERFORMANCE);
  const data = query.data?.performanceAssessment ?? null;
  if (query.error && !data) return <Alert type="error" showIcon message={query.error.message} />;
  return (
    <Card
      size="small"
      title="绩效考核"
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={async () => {
            try {
              downloadExported((await gql<ExportPerformanceQuery>(EXPORT_PERFORMANCE)).exportPerformanceAssessment);
            } catch (err) {
              failed(err);
            }
          }}
        >
          导出 Excel
        </Button>
      }
    >
      {data && <Typography.Paragraph type="secondary">{data.summary}</Typography.Paragraph>}
      <Table<UnitRow>
        size="small"
        loading={!data}
        rowKey={(r) => r.unit.code}
        dataSource={data?.units ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 60 },
          { title: '单位', render: (_, r) => r.unit.name },
          { title: '得分', dataIndex: 'score', render: (s: number) => s.toFixed(1) },
          { title: '任务', dataIndex: 'tasks' },
          { title: '整改问题', dataIndex: 'items' },
          { title: '按时完成', dataIndex: 'handedInOnTime' },
          { title: '逾期完成', dataIndex: 'handedInLate' },
          { title: '逾期未完成', dataIndex: 'overdue' },
          { title: '按时率', dataIndex: 'onTimeRate', render: (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`) },
          { title: '反弹', dataIndex: 'relapses' },
          { title: '退回', dataIndex: 'returns' },
          { title: '最高问责等级', dataIndex: 'highestEscalationLabel', render: (l: string | null) => l ?? '—' },
        ]}
      />
    </Card>
  );
}
