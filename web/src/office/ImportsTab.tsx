// Imports for the campaign office: the assessment catalog (测评体系), the organisation (units and people) and the
// task breakdown (任务分解表). Each file is first checked (a dry run: nothing is written) and its problems listed by
// sheet, row and column; only a clean check can be applied. A failed import writes nothing.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, gql } from '../api/client';
import { downloadExported, fileToBase64 } from '../api/files';
import { EXPORT_CATALOG, IMPORT_CATALOG, IMPORT_ORGANISATION, IMPORT_TASK_BREAKDOWN, IMPORT_WORKING_DAY_OVERRIDES } from './documents';
import type { ExportCatalogQuery } from '../api/graphql.generated';
import { ImportProgressBar, useImportProgress, type ImportState } from './ImportProgress';

interface Problem {
  sheet: string;
  row: number;
  column: string;
  columnLetter: string | null;
  code: string;
  message: string;
}

interface Outcome {
  /** Only a task breakdown's import has an id (and progress): the one that is applied after it is recorded. */
  id?: string | null;
  status: string;
  report: string;
  problems: Problem[];
  changes: { kind: string; code?: string; name?: string; taskId?: string; indicatorCode?: string; unitCode?: string }[];
  progress?: ImportState['progress'];
}

type Kind = 'catalog' | 'organisation' | 'breakdown' | 'workingDays';

const KINDS: { kind: Kind; title: string; hint: string; accept: string; multiple: boolean }[] = [
  { kind: 'catalog', title: '测评体系', hint: '测评项目、指标、测评内容、分值与档案材料（.xlsx 或 .csv）', accept: '.xlsx,.csv', multiple: false },
  { kind: 'organisation', title: '组织机构', hint: '单位与人员：一个 .xlsx（两个工作表），或单位表、人员表两个 .csv', accept: '.xlsx,.csv', multiple: true },
  { kind: 'breakdown', title: '任务分解表', hint: '每个指标的牵头单位、责任单位与完成时限（.xlsx 或 .csv）', accept: '.xlsx,.csv', multiple: false },
];

const STATUS: Record<string, { color: string; label: string }> = {
  REJECTED: { color: 'red', label: '有错误，未导入' },
  DRY_RUN: { color: 'blue', label: '检查通过，尚未导入' },
  UNCHANGED: { color: 'default', label: '与现有内容相同' },
  APPLYING: { color: 'processing', label: '正在导入' },
  APPLIED: { color: 'green', label: '已导入' },
};

async function run(kind: Kind, files: File[], dryRun: boolean): Promise<Outcome> {
  const encoded = await Promise.all(files.map(async (f) => ({ fileName: f.name, contentBase64: await fileToBase64(f) })));
  if (kind === 'catalog') return (await gql<{ importCatalog: Outcome }>(IMPORT_CATALOG, { input: { ...encoded[0], dryRun } })).importCatalog;
  if (kind === 'workingDays') {
    const result = (await gql<{ importWorkingDayOverrides: Omit<Outcome, 'changes'> }>(IMPORT_WORKING_DAY_OVERRIDES, { input: { file: encoded[0], dryRun } })).importWorkingDayOverrides;
    return { ...result, changes: [] };
  }
  if (kind === 'organisation') return (await gql<{ importOrganisation: Outcome }>(IMPORT_ORGANISATION, { input: { files: encoded, dryRun } })).importOrganisation;
  return (await gql<{ importTaskBreakdown: Outcome }>(IMPORT_TASK_BREAKDOWN, { input: { ...encoded[0], dryRun } })).importTaskBreakdown;
}

/** The 工作日调整 import, shown with the rules of time (PolicyTab). */
export const WORKING_DAYS_IMPORT = {
  kind: 'workingDays' as const,
  title: '导入工作日调整',
  hint: '列「日期」「类型」（工作日/休息日）「说明」，最多 2000 行；导入后替换全部调整（.xlsx 或 .csv）',
  accept: '.xlsx,.csv',
  multiple: false,
};

export function ImportCard({ kind, title, hint, accept, multiple, onApplied }: (typeof KINDS)[number] & { onApplied?: () => void }) {
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const importing = useImportProgress(kind === 'breakdown', (id) => {
    setOutcome((now) => (now?.id === id ? { ...now, status: 'APPLIED' } : now));
    message.success(`${title}：全部变更已生效`);
  });

  async function go(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const result = await run(kind, files, dryRun);
      setOutcome(result);
      setChecked(dryRun && result.status === 'DRY_RUN');
      if (!dryRun && result.status !== 'REJECTED') {
        message.success(`${title}：${result.report}`);
        onApplied?.();
      }
      if (result.status === 'APPLYING' && result.id && result.progress) importing.follow({ id: result.id, status: 'APPLYING', progress: result.progress });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={title} size="small" extra={kind === 'catalog' ? <ExportCatalogButton /> : null}>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Space wrap>
        <Upload
          accept={accept}
          multiple={multiple}
          maxCount={multiple ? 2 : 1}
          beforeUpload={(file) => {
            setFiles((now) => (multiple ? [...now, file].slice(-2) : [file]));
            setOutcome(null);
            setChecked(false);
            return false;
          }}
          onRemove={(file) => setFiles((now) => now.filter((f) => f.name !== file.name))}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
        <Button onClick={() => void go(true)} disabled={files.length === 0} loading={busy && !checked}>
          检查
        </Button>
        <Button type="primary" onClick={() => void go(false)} disabled={!checked} loading={busy && checked}>
          确认导入
        </Button>
      </Space>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
      {importing.state && <ImportProgressBar state={importing.state} pollError={importing.pollError} />}
      {outcome && (
        <div style={{ marginTop: 12 }} data-testid={`import-${kind}`}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="结果">
              <Tag color={STATUS[outcome.status]?.color}>{STATUS[outcome.status]?.label ?? outcome.status}</Tag> {outcome.report.split('\n')[0]}
            </Descriptions.Item>
          </Descriptions>
          {outcome.problems.length > 0 && (
            <Table<Problem>
              size="small"
              rowKey={(p) => `${p.sheet}-${p.row}-${p.column}-${p.code}`}
              dataSource={outcome.problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '工作表', dataIndex: 'sheet' },
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '列', render: (_, p) => (p.columnLetter ? `${p.columnLetter}（${p.column}）` : p.column) },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
          {outcome.problems.length === 0 && outcome.changes.length > 0 && (
            <Typography.Text type="secondary">变更 {outcome.changes.length} 项</Typography.Text>
          )}
        </div>
      )}
    </Card>
  );
}

function ExportCatalogButton() {
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          downloadExported((await gql<ExportCatalogQuery>(EXPORT_CATALOG)).exportCatalog);
        } catch (err) {
          message.error(err instanceof ApiError ? err.message : '导出失败');
        } finally {
          setBusy(false);
        }
      }}
    >
      导出当前测评体系
    </Button>
  );
}

export function ImportsTab() {
  return (
    <Row gutter={[12, 12]}>
      {KINDS.map((k) => (
        <Col key={k.kind} xs={24} lg={8}>
          <ImportCard {...k} />
        </Col>
      ))}
    </Row>
  );
}
