// 动员部署 (plan 五(一)): the office issues a 实施方案 or 通知 to all units or chosen ones, sees each unit's row of the
// status matrix (签收, 工作实施方案, 创文责任小组, review, overdue step) and approves or returns; a unit sees the
// documents issued to it, acknowledges them, submits its plan and registers its group. What each person may do on a
// row is the API's allowedActions (the workflow's own rule). The tab reads again after every action and whenever a
// 动员部署 notification reaches the person (the inbox's live subscription).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Flex, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql, subscribe, uploadFile } from '../api/client';
import type { MobilizationDocFragment, MobilizationDocumentsQuery, MobilizationRowFragment, MobilizationUnitsQuery, NotificationAddedSubscription } from '../api/graphql.generated';
import { useQuery } from '../api/useQuery';
import { downloadFile } from '../detail/files';
import { formatTime } from '../detail/format';
import { useMe } from '../session/session';
import { NOTIFICATION_ADDED } from '../shell/documents';
import {
  ACKNOWLEDGE_MOBILIZATION,
  APPROVE_MOBILIZATION,
  ISSUE_MOBILIZATION,
  MOBILIZATION_DOCUMENTS,
  MOBILIZATION_UNITS,
  REGISTER_MOBILIZATION_GROUP,
  RETURN_MOBILIZATION,
  SUBMIT_MOBILIZATION_PLAN,
} from './documents';

type Row = MobilizationRowFragment;
type Dialog = { kind: 'plan' | 'group' | 'return'; row: Row } | { kind: 'issue' } | null;

const REVIEW_COLORS: Record<string, string> = { NONE: 'default', SUBMITTED: 'processing', APPROVED: 'success', RETURNED: 'error' };
const OVERDUE_COLORS: Record<string, string> = { REMINDER: 'gold', URGE: 'orange', SUPERVISE: 'red' };

const message = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

/** 张三、李四, 王五 → ['张三', '李四', '王五']. */
function splitNames(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export default function MobilizationTab() {
  const me = useMe();
  const office = me.role === 'OFFICE';
  const { message: toast } = App.useApp();
  const query = useQuery<MobilizationDocumentsQuery>(MOBILIZATION_DOCUMENTS);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);

  // Live: a 动员部署 notification (a new document, a submission, a return, 催办) means the matrix changed.
  const { reload } = query;
  useEffect(
    () =>
      subscribe<NotificationAddedSubscription>(
        NOTIFICATION_ADDED,
        {},
        ({ notificationAdded }) => {
          if (notificationAdded.title.includes('动员部署')) reload();
        },
        () => undefined,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await run();
      toast.success(done);
      setDialog(null);
      reload();
    } catch (err) {
      toast.error(message(err));
      throw err;
    } finally {
      setBusy(null);
    }
  };

  const docs = query.data?.mobilizationDocuments ?? [];
  return (
    <Flex vertical gap={16} data-testid="mobilization-tab">
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">
          {office ? '印发动员部署文件（实施方案、通知），跟踪各单位签收、工作实施方案和创文责任小组，审核通过或退回。' : '签收创建办的动员部署文件，按要求提交本单位工作实施方案、登记创文责任小组。'}
        </Typography.Text>
        {office && (
          <Button type="primary" onClick={() => setDialog({ kind: 'issue' })} data-testid="mobilization-issue">
            印发动员部署文件
          </Button>
        )}
      </Flex>
      {query.error && <Alert type="error" showIcon title={query.error.message} />}
      {query.data && docs.length === 0 && <Empty description="还没有动员部署文件" />}
      {docs.map((doc) => (
        <DocumentCard key={doc.id} doc={doc} office={office} busy={busy} onDialog={setDialog} act={act} />
      ))}
      {dialog?.kind === 'issue' && <IssueDialog onCancel={() => setDialog(null)} act={act} busy={busy === 'issue'} />}
      {dialog && dialog.kind !== 'issue' && <RowDialog dialog={dialog} onCancel={() => setDialog(null)} act={act} busy={busy === dialog.row.id} />}
    </Flex>
  );
}

type Act = (key: string, run: () => Promise<unknown>, done: string) => Promise<void>;

function DocumentCard({ doc, office, busy, onDialog, act }: { doc: MobilizationDocFragment; office: boolean; busy: string | null; onDialog(d: Dialog): void; act: Act }) {
  const { message: toast } = App.useApp();
  const asked = [doc.requiresPlan ? '提交工作实施方案' : '', doc.requiresGroup ? '登记创文责任小组' : ''].filter(Boolean).join('、');
  const done = doc.responses.filter((r) => r.review === 'APPROVED' || (r.acknowledged && !doc.requiresPlan && !doc.requiresGroup)).length;
  const columns = [
    { title: '单位', key: 'unit', render: (_: unknown, r: Row) => r.unit.name },
    {
      title: '签收',
      key: 'ack',
      render: (_: unknown, r: Row) => (r.acknowledged ? <Tag color="success">已签收 {formatTime(r.acknowledgedAt)}</Tag> : <Tag>未签收</Tag>),
    },
    ...(doc.requiresPlan
      ? [
          {
            title: '工作实施方案',
            key: 'plan',
            render: (_: unknown, r: Row) =>
              r.plan ? (
                <Space direction="vertical" size={0}>
                  <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => downloadFile(r.plan!.file.downloadUrl, r.plan!.file.name).catch((e: unknown) => toast.error(message(e)))}>
                    {r.plan.file.name}
                  </Button>
                  <Typography.Text type="secondary" className="prewrap">
                    {r.plan.summary}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">未提交</Typography.Text>
              ),
          },
        ]
      : []),
    ...(doc.requiresGroup
      ? [
          {
            title: '创文责任小组',
            key: 'group',
            render: (_: unknown, r: Row) =>
              r.group ? (
                <Typography.Text>
                  组长 {r.group.leader}；成员 {r.group.members.join('、')}；电话 {r.group.phone}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">未登记</Typography.Text>
              ),
          },
        ]
      : []),
    {
      title: '审核',
      key: 'review',
      render: (_: unknown, r: Row) => (
        <Space direction="vertical" size={0}>
          <Tag color={REVIEW_COLORS[r.review]} data-testid="mobilization-review">
            {r.reviewLabel}
          </Tag>
          {r.review === 'RETURNED' && r.returnReason && <Typography.Text type="danger">退回理由：{r.returnReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '逾期',
      key: 'overdue',
      render: (_: unknown, r: Row) =>
        // The step reached is shown while something is still owed; once all is handed in, the row's review says the rest.
        r.overdueLevel && r.missing.length > 0 ? (
          <Tag color={OVERDUE_COLORS[r.overdueLevel]} data-testid="mobilization-overdue">
            {r.overdueLabel}
            {r.missing.length > 0 ? `：缺${r.missing.join('、')}` : ''}
          </Tag>
        ) : null,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, r: Row) => (
        <Space wrap>
          {r.allowedActions.includes('ACKNOWLEDGE') && (
            <Button size="small" type="primary" loading={busy === r.id} data-testid="mobilization-acknowledge" onClick={() => void act(r.id, () => gql(ACKNOWLEDGE_MOBILIZATION, { id: r.id }), '已签收').catch(() => undefined)}>
              签收
            </Button>
          )}
          {r.allowedActions.includes('SUBMIT_PLAN') && (
            <Button size="small" data-testid="mobilization-submit-plan" onClick={() => onDialog({ kind: 'plan', row: r })}>
              {r.plan ? '重新提交方案' : '提交工作实施方案'}
            </Button>
          )}
          {r.allowedActions.includes('REGISTER_GROUP') && (
            <Button size="small" data-testid="mobilization-register-group" onClick={() => onDialog({ kind: 'group', row: r })}>
              {r.group ? '修改责任小组' : '登记创文责任小组'}
            </Button>
          )}
          {r.allowedActions.includes('APPROVE') && (
            <Popconfirm title={`审核通过${r.unit.name}的材料？`} okText="通过" onConfirm={() => act(r.id, () => gql(APPROVE_MOBILIZATION, { id: r.id }), '已审核通过').catch(() => undefined)}>
              <Button size="small" type="primary" loading={busy === r.id} data-testid="mobilization-approve">
                通过
              </Button>
            </Popconfirm>
          )}
          {r.allowedActions.includes('RETURN') && (
            <Button size="small" danger data-testid="mobilization-return" onClick={() => onDialog({ kind: 'return', row: r })}>
              退回
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card
      data-testid="mobilization-document"
      title={
        <Space wrap>
          <Tag color="blue">{doc.kindLabel}</Tag>
          <span>{doc.title}</span>
        </Space>
      }
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadFile(doc.file.downloadUrl, doc.file.name).catch((e: unknown) => toast.error(message(e)))}>
          下载原文
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text className="prewrap">{doc.summary}</Typography.Text>
        <Typography.Text type="secondary">
          印发 {formatTime(doc.issuedAt)} · 完成时限 {formatTime(doc.dueAt)}
          {doc.due ? '（已到期）' : ''}
          {asked ? ` · 要求：签收、${asked}` : ' · 要求：签收'}
          {office ? ` · 已完成 ${done}/${doc.responses.length} 个单位` : ''}
        </Typography.Text>
        <Table<Row> size="small" rowKey="id" pagination={false} dataSource={doc.responses} columns={columns} scroll={{ x: true }} />
      </Flex>
    </Card>
  );
}

function RowDialog({ dialog, onCancel, act, busy }: { dialog: Exclude<Dialog, { kind: 'issue' } | null>; onCancel(): void; act: Act; busy: boolean }) {
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const { message: toast } = App.useApp();
  const { row } = dialog;
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, string>;
    if (dialog.kind === 'plan') {
      const file = files[0];
      if (!file) return void toast.error('请选择方案文件');
      await act(row.id, async () => gql(SUBMIT_MOBILIZATION_PLAN, { id: row.id, fileId: (await uploadFile(file)).id, summary: v.summary }), '已提交工作实施方案');
    } else if (dialog.kind === 'group') {
      await act(row.id, () => gql(REGISTER_MOBILIZATION_GROUP, { id: row.id, group: { leader: v.leader, members: splitNames(v.members), phone: v.phone } }), '已登记创文责任小组');
    } else {
      await act(row.id, () => gql(RETURN_MOBILIZATION, { id: row.id, reason: v.reason }), '已退回');
    }
  };
  const title = dialog.kind === 'plan' ? '提交本单位工作实施方案' : dialog.kind === 'group' ? '登记创文责任小组' : `退回${row.unit.name}的材料`;
  return (
    <Modal open title={title} onCancel={onCancel} onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} okText="提交" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={dialog.kind === 'group' && row.group ? { leader: row.group.leader, members: row.group.members.join('、'), phone: row.group.phone } : {}}>
        {dialog.kind === 'plan' && (
          <>
            <Form.Item label="方案文件（PDF 或 Word）" required>
              <Upload
                accept=".pdf,.docx"
                maxCount={1}
                beforeUpload={(file) => {
                  setFiles([file]);
                  return false;
                }}
                onRemove={() => setFiles([])}
                fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
              >
                <Button icon={<UploadOutlined />} data-testid="mobilization-plan-file">
                  选择文件
                </Button>
              </Upload>
            </Form.Item>
            <Form.Item name="summary" label="方案摘要（最多 2000 字）" rules={[{ required: true, whitespace: true, message: '请填写方案摘要' }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid="mobilization-plan-summary" />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'group' && (
          <>
            <Form.Item name="leader" label="组长" rules={[{ required: true, whitespace: true, message: '请填写组长姓名' }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="members" label="成员（用顿号或逗号分隔，最多 30 人）" rules={[{ required: true, whitespace: true, message: '请填写小组成员' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="phone" label="联系电话（手机或带区号的固定电话）" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'return' && (
          <Form.Item name="reason" label="退回理由（必填，最多 500 字）" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="mobilization-return-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function IssueDialog({ onCancel, act, busy }: { onCancel(): void; act: Act; busy: boolean }) {
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const units = useQuery<MobilizationUnitsQuery>(MOBILIZATION_UNITS);
  const { message: toast } = App.useApp();
  const submit = async () => {
    const v = (await form.validateFields()) as { kind: string; title: string; summary: string; scope: 'ALL' | 'CHOSEN'; unitCodes?: string[]; requires?: string[]; dueAt: Dayjs };
    const file = files[0];
    if (!file) return void toast.error('请选择文件原文');
    await act(
      'issue',
      async () =>
        gql(ISSUE_MOBILIZATION, {
          input: {
            kind: v.kind,
            title: v.title,
            summary: v.summary,
            fileId: (await uploadFile(file)).id,
            unitCodes: v.scope === 'ALL' ? null : (v.unitCodes ?? []),
            requiresPlan: (v.requires ?? []).includes('PLAN'),
            requiresGroup: (v.requires ?? []).includes('GROUP'),
            dueAt: v.dueAt.toISOString(),
          },
        }),
      '已印发',
    );
  };
  return (
    <Modal open title="印发动员部署文件" onCancel={onCancel} onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} okText="印发" width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'IMPLEMENTATION_PLAN', scope: 'ALL', requires: ['PLAN', 'GROUP'], dueAt: dayjs().add(14, 'day').hour(17).minute(0).second(0) }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'IMPLEMENTATION_PLAN', label: '实施方案' }, { value: 'NOTICE', label: '通知' }]} />
        </Form.Item>
        <Form.Item name="title" label="标题（最多 100 字）" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="summary" label="内容摘要（最多 2000 字）" rules={[{ required: true, whitespace: true, message: '请填写内容摘要' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="文件原文（PDF 或 Word）" required>
          <Upload accept=".pdf,.docx" maxCount={1} beforeUpload={(f) => (setFiles([f]), false)} onRemove={() => setFiles([])} fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="scope" label="下发范围">
          <Radio.Group options={[{ value: 'ALL', label: '全部责任单位' }, { value: 'CHOSEN', label: '指定单位' }]} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.scope !== b.scope}>
          {() =>
            form.getFieldValue('scope') === 'CHOSEN' && (
              <Form.Item name="unitCodes" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
                <Select mode="multiple" showSearch optionFilterProp="label" options={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="requires" label="要求各单位">
          <Checkbox.Group options={[{ value: 'PLAN', label: '提交本单位工作实施方案' }, { value: 'GROUP', label: '登记创文责任小组' }]} />
        </Form.Item>
        <Form.Item name="dueAt" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
