// One panel of the dashboard: a chart and the table of the same numbers (switch between them), each saved as a
// file, what is counted said under it, and a Chinese empty state when there is nothing yet.
import { useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Empty, Segmented, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BarChartOutlined, FileExcelOutlined, PictureOutlined, TableOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { useI18n, useWords } from '../i18n';
import { chartPng, EChart, type ChartOptionFor } from './EChart';
import { downloadDataUrl } from './exports';
import { isoDate } from './metrics';
import { PANEL_FRAME_WORDS as WORDS } from '../i18n/dashboard';

export interface PanelProps<R> {
  /** For tests and links: data-testid="panel-<id>". */
  id: string;
  title: string;
  /** The exported files' names start with this (Chinese, no date: the date is added). */
  fileBase: string;
  /** Under the title of the exported image: whose data and as of when. */
  subtitle: string;
  loading: boolean;
  error: Error | null;
  onRetry(): void;
  /** Shown instead of the chart and the table when there is nothing to show yet. */
  empty: string | null;
  /** The key numbers, above the chart. */
  summary?: ReactNode;
  /** What is counted, under the chart. */
  note?: ReactNode;
  chart?: { option: ChartOptionFor; height: number; label: string };
  table: { columns: TableColumnsType<R>; rows: R[]; rowKey: (row: R) => string };
  exportTable(): Promise<void>;
  /** More actions, after the export buttons. */
  actions?: ReactNode;
  /** Spans both columns of the dashboard's grid. */
  wide?: boolean;
}

export function Panel<R extends object>(props: PanelProps<R>) {
  const w = useWords(WORDS);
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [exporting, setExporting] = useState<'image' | 'table' | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const showChart = props.chart && view === 'chart';

  async function run(kind: 'image' | 'table', work: () => Promise<void>) {
    setExporting(kind);
    try {
      await work();
    } catch (err) {
      void message.error(`${w('exportFailed')}：${err instanceof ApiError || err instanceof Error ? err.message : String(err)}`);
    } finally {
      setExporting(null);
    }
  }

  const saveImage = () =>
    run('image', async () => {
      if (!props.chart) return;
      const width = body.current?.clientWidth ?? 800;
      const png = chartPng(props.chart.option, { width, height: props.chart.height }, props.title, props.subtitle, locale);
      await downloadDataUrl(png, `${props.fileBase}-${isoDate(Date.now()).replace(/-/g, '')}.png`);
    });

  let content: ReactNode;
  if (props.error) {
    content = (
      <Alert
        type="error"
        showIcon
        title={`${w('loadFailed')}：${props.error.message}`}
        action={
          <Button size="small" onClick={props.onRetry}>
            {w('retry')}
          </Button>
        }
      />
    );
  } else if (props.loading && props.table.rows.length === 0) {
    content = (
      <Spin>
        <div style={{ height: props.chart?.height ?? 160 }} />
      </Spin>
    );
  } else if (props.empty) {
    content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} className="dash-empty" />;
  } else {
    content = (
      <>
        {props.summary && <div className="dash-summary">{props.summary}</div>}
        <div className="dash-toolbar">
          <Space wrap size={[8, 8]}>
            {props.chart && (
              <Segmented
                aria-label={w('view')}
                value={view}
                onChange={(v) => setView(v as 'chart' | 'table')}
                options={[
                  { value: 'chart', label: w('chart'), icon: <BarChartOutlined /> },
                  { value: 'table', label: w('table'), icon: <TableOutlined /> },
                ]}
              />
            )}
            {props.chart && (
              <Button icon={<PictureOutlined />} onClick={saveImage} loading={exporting === 'image'}>
                {w('exportImage')}
              </Button>
            )}
            <Button icon={<FileExcelOutlined />} onClick={() => void run('table', props.exportTable)} loading={exporting === 'table'}>
              {w('exportTable')}
            </Button>
            {props.actions}
          </Space>
        </div>
        <div ref={body}>
          {showChart && props.chart ? (
            <EChart option={props.chart.option} height={props.chart.height} label={props.chart.label} />
          ) : (
            <Table<R>
              size="small"
              columns={props.table.columns}
              dataSource={props.table.rows}
              rowKey={props.table.rowKey}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          )}
        </div>
        {props.note && (
          <Typography.Paragraph type="secondary" className="dash-note">
            {props.note}
          </Typography.Paragraph>
        )}
      </>
    );
  }

  return (
    <Card title={props.title} size="small" className={props.wide ? 'dash-panel dash-wide' : 'dash-panel'} data-testid={`panel-${props.id}`}>
      {content}
    </Card>
  );
}
