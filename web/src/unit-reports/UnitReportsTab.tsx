// 专题汇报 (文书档案 tab): each month each unit hands in its 工作进展, 存在问题 and 下步打算 with attachments; the office
// and the leading group see the month's matrix of units, open any report, and the office accepts or returns it. A unit
// sees and fills in its own report only. Which action is legal comes from the API (canSubmit, canReview).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Space, Statistic, Table, Tag, Timeline, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql, uploadFile } from '../api/client';
import { useQuery } from '../api/useQuery';
import { downloadFile } from '../detail/files';
import { useMe } from '../session/session';
import type { UnitReportMonthQuery } from '../api/graphql.generated';
import { ACCEPT_UNIT_REPORT, OPEN_UNIT_REPORT_MONTH, RETURN_UNIT_REPORT, SET_UNIT_REPORT_DUE_DAY, SUBMIT_UNIT_REPORT, UNIT_REPORT_MONTH } from './documents';

type Report = UnitReportMonthQuery['unitReportMonth']['reports'][number];

const STATE_COLORS: Record<string, string> = { OPEN: 'default', SUBMITTED: 'processing', RETURNED: 'warning', ACCEPTED: 'success' };
const MAX_ATTACHMENTS = 10;
const local = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
/** The due day as people read it: the day the deadline (24:00) ends. */
const dueDate = (iso: string) => dayjs(iso).subtract(1, 'millisecond').format('YYYY年M月D日');

function useFailure() {
  const { message } = AntApp.useApp();
  return (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
}

function StateTag({ r }: { r: Report }) {
  return (
    <Space size={4}>
      <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag>
      {r.late && <Tag color="error">逾期</Tag>}
      {r.escalationLabel && r.state !== 'ACCEPTED' && r.state !== 'SUBMITTED' && <Tag color="volcano">已{r.escalationLabel}</Tag>}
    </Space>
  );
}

function Attachments({ r }: { r: Report }) {
  const failed = useFailure();
  if (r.attachments.length === 0) return <Typography.Text type="secondary">无附件</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {r.attachments.map((a) => (
        <Button key={a.sha256} type="link" size="small" icon={<PaperClipOutlined />} onClick={() => downloadFile(a.url, a.name).catch(failed)}>
          {a.name}（{Math.max(1, Math.round(a.size / 1024))} KB）
        </Button>
      ))}
    </Space>
  );
}

/** The report as read: its parts, attachments and history. */
function ReportView({ r }: { r: Report }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="状态">
          <StateTag r={r} />
        </Descriptions.Item>
        <Descriptions.Item label="报送期限">{dueDate(r.dueAt)} 24 时</Descriptions.Item>
        {r.returnReason && r.state === 'RETURNED' && <Descriptions.Item label="退回理由">{r.returnReason}</Descriptions.Item>}
        <Descriptions.Item label="工作进展">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.progress ?? '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="存在问题">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.problems || '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="下步打算">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.nextSteps ?? '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="附件">
          <Attachments r={r} />
        </Descriptions.Item>
        <Descriptions.Item label="报送">{r.submittedAt ? `${r.submittedByName ?? ''} ${local(r.submittedAt)}（第 ${r.submissions} 次）` : '尚未报送'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>办理记录</Typography.Title>
      <Timeline
        items={r.history.map((h) => ({
          key: `${h.at}-${h.type}`,
          children: (
            <span>
              {local(h.at)} {h.actorName} {h.label}
              {h.note ? `：${h.note}` : ''}
            </span>
          ),
        }))}
      />
    </Space>
  );
}

/** The unit's form: a new report, or the returned one again (its attachments kept unless removed). */
function SubmitForm({ r, done }: { r: Report; done: () => void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [keep, setKeep] = useState<string[]>(r.attachments.map((a) => a.sha256));
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<{ progress: string; problems: string; nextSteps: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ progress: r.progress ?? '', problems: r.problems ?? '', nextSteps: r.nextSteps ?? '' }}
      onFinish={async (values) => {
        setBusy(true);
        try {
          const fileIds: string[] = [];
          for (const f of files) if (f.originFileObj) fileIds.push((await uploadFile(f.originFileObj)).id);
          await gql(SUBMIT_UNIT_REPORT, { input: { reportId: r.id, progress: values.progress, problems: values.problems ?? '', nextSteps: values.nextSteps, fileIds, keepAttachments: keep } });
          message.success('专题汇报已报送');
          done();
        } catch (err) {
          failed(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {r.state === 'RETURNED' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`创建办已退回：${r.returnReason ?? ''}`} description="请修改后重新报送。" />}
      <Form.Item name="progress" label="工作进展" rules={[{ required: true, whitespace: true, message: '请填写工作进展' }, { max: 5000 }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount aria-label="工作进展" />
      </Form.Item>
      <Form.Item name="problems" label="存在问题" rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} maxLength={5000} showCount aria-label="存在问题" />
      </Form.Item>
      <Form.Item name="nextSteps" label="下步打算" rules={[{ required: true, whitespace: true, message: '请填写下步打算' }, { max: 5000 }]}>
        <Input.TextArea rows={3} maxLength={5000} showCount aria-label="下步打算" />
      </Form.Item>
      <Form.Item label={`附件（图片、PDF、Word、Excel，最多 ${MAX_ATTACHMENTS} 个）`}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {r.attachments
            .filter((a) => keep.includes(a.sha256))
            .map((a) => (
              <Space key={a.sha256}>
                <PaperClipOutlined />
                {a.name}
                <Button size="small" type="link" onClick={() => setKeep(keep.filter((k) => k !== a.sha256))}>
                  移除
                </Button>
              </Space>
            ))}
          <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_ATTACHMENTS - keep.length))} accept=".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx">
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Space>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {r.state === 'RETURNED' ? '重新报送' : '报送'}
      </Button>
    </Form>
  );
}

/** The office's review of one report: accept with a note, or return with a reason. */
function Review({ r, done }: { r: Report; done: () => void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const act = async (document: string, variables: Record<string, unknown>, success: string) => {
    setBusy(true);
    try {
      await gql(document, variables);
      message.success(success);
      done();
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} placeholder="采用意见（可不填）或退回理由（退回时必填）" aria-label="审核意见" />
      <Space>
        <Button type="primary" loading={busy} onClick={() => act(ACCEPT_UNIT_REPORT, { id: r.id, note: text }, '已采用')}>
          采用
        </Button>
        <Button danger loading={busy} disabled={text.trim() === ''} onClick={() => act(RETURN_UNIT_REPORT, { id: r.id, reason: text }, '已退回')}>
          退回修改
        </Button>
      </Space>
    </Space>
  );
}

export default function UnitReportsTab() {
  const me = useMe();
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [openId, setOpenId] = useState<string | null>(null);
  const [dueDay, setDueDay] = useState<number | null>(null);
  const query = useQuery<UnitReportMonthQuery>(UNIT_REPORT_MONTH, { month: month.format('YYYY-MM') });
  const data = query.data?.unitReportMonth;
  const reports = data?.reports ?? [];
  const isUnit = me.role === 'UNIT_HEAD' || me.role === 'UNIT_MEMBER';
  const open = reports.find((r) => r.id === openId) ?? null;
  const own = isUnit ? (reports[0] ?? null) : null;

  const picker = <DatePicker picker="month" value={month} onChange={(m) => m && setMonth(m)} allowClear={false} aria-label="汇报月份" />;

  if (isUnit) {
    return (
      <Card size="small" title={`${month.format('YYYY年M月')}专题汇报`} extra={picker}>
        {query.error && <Alert type="error" message={query.error.message} />}
        {!own && !query.loading && <Alert type="info" showIcon message="本月专题汇报尚未开启（每月 1 日自动开启），请稍后再来。" />}
        {own && (own.canSubmit ? <SubmitForm key={`${own.id}-${own.state}`} r={own} done={query.reload} /> : <ReportView r={own} />)}
      </Card>
    );
  }

  return (
    <Card
      size="small"
      title={`${month.format('YYYY年M月')}各单位专题汇报`}
      extra={
        <Space wrap>
          {picker}
          {me.role === 'OFFICE' && (
            <>
              <Button
                onClick={async () => {
                  try {
                    await gql(OPEN_UNIT_REPORT_MONTH, { month: month.format('YYYY-MM') });
                    message.success('已为各单位开启本月专题汇报');
                    query.reload();
                  } catch (err) {
                    failed(err);
                  }
                }}
              >
                开启本月汇报
              </Button>
              <InputNumber min={1} max={28} value={dueDay ?? data?.dueDay ?? 25} onChange={(v) => setDueDay(v)} addonBefore="每月截止日" aria-label="每月截止日" style={{ width: 170 }} />
              <Button
                onClick={async () => {
                  try {
                    await gql(SET_UNIT_REPORT_DUE_DAY, { dueDay: dueDay ?? data?.dueDay ?? 25 });
                    message.success('截止日已保存，此后开启的月份按新截止日计算');
                    query.reload();
                  } catch (err) {
                    failed(err);
                  }
                }}
              >
                保存截止日
              </Button>
            </>
          )}
        </Space>
      }
    >
      {query.error && <Alert type="error" message={query.error.message} />}
      {data && (
        <Space size="large" style={{ marginBottom: 12 }}>
          <Statistic title="单位数" value={reports.length} />
          <Statistic title="已报送" value={data.submitted} />
          <Statistic title="已采用" value={data.accepted} />
          <Statistic title="逾期未报" value={data.overdue} valueStyle={data.overdue > 0 ? { color: '#cf1322' } : undefined} />
        </Space>
      )}
      <Table<Report>
        size="small"
        rowKey="id"
        loading={query.loading}
        dataSource={reports}
        pagination={false}
        locale={{ emptyText: data && !data.opened ? '本月专题汇报尚未开启' : '暂无' }}
        columns={[
          { title: '单位', key: 'unit', render: (_, r) => r.unit.name },
          { title: '状态', key: 'state', render: (_, r) => <StateTag r={r} /> },
          { title: '报送时间', key: 'submittedAt', render: (_, r) => local(r.submittedAt) },
          { title: '工作进展', key: 'progress', ellipsis: true, render: (_, r) => r.progress ?? '—' },
          {
            title: '操作',
            key: 'open',
            render: (_, r) => (
              <Button size="small" type="link" onClick={() => setOpenId(r.id)}>
                {r.canReview ? '审核' : '查看'}
              </Button>
            ),
          },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpenId(null)} width={640} title={open ? `${open.unit.name} ${month.format('YYYY年M月')}专题汇报` : ''} destroyOnHidden>
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {open.canReview && (
              <Review
                r={open}
                done={() => {
                  query.reload();
                }}
              />
            )}
            <ReportView r={open} />
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
