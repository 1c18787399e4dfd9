// 活动记录 (工作组 tab): the activities group's civic activities — planned, held, cancelled — filtered by month, kind,
// organiser and state, with the monthly counts (planned / held / cancelled / attendance, per month and per kind) and
// the workbook. The office plans and cancels; the organiser unit's people (or the office) record 举办 with the actual
// date, attendance, photos and a summary; the office and the archivists put a held activity into the archive library
// as evidence for its indicators. What is allowed comes from the API (canRecordHeld, canCancel, canArchive).
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Timeline, Typography, Upload, type UploadFile } from 'antd';
import { FileExcelOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql, uploadFile } from '../api/client';
import { useQuery } from '../api/useQuery';
import { base64ToBlob, downloadBlob } from '../dashboard/exports';
import { downloadFile } from '../detail/files';
import { useMe } from '../session/session';
import type { ActivitiesQuery, ActivityPlanOptionsQuery, ExportActivitiesQuery } from '../api/graphql.generated';
import { ACTIVITIES, ACTIVITY_PLAN_OPTIONS, ARCHIVE_ACTIVITY, CANCEL_ACTIVITY, EXPORT_ACTIVITIES, PLAN_ACTIVITY, RECORD_ACTIVITY_HELD } from './documents';

type Activity = ActivitiesQuery['activities'][number];
type Count = ActivitiesQuery['activityMonthlyCounts']['months'][number];

const KINDS = [
  { value: 'CIVIC_EDUCATION', label: '市民教育' },
  { value: 'VOLUNTEER_SERVICE', label: '志愿服务' },
  { value: 'COUNTRYSIDE_OUTREACH', label: '文化科技卫生下乡' },
  { value: 'COLLECTION_EXHIBITION', label: '征集展出' },
  { value: 'OTHER', label: '其他' },
];
const STATES = [
  { value: 'PLANNED', label: '计划中' },
  { value: 'HELD', label: '已举办' },
  { value: 'CANCELLED', label: '已取消' },
];
const STATE_COLORS: Record<string, string> = { PLANNED: 'processing', HELD: 'success', CANCELLED: 'default' };
const MAX_PHOTOS = 9;
const local = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

interface Filter {
  month: string | null;
  kind: string | null;
  organiserUnitCode: string | null;
  state: string | null;
}

function useFailure() {
  const { message } = AntApp.useApp();
  return (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
}

function StateTags({ a }: { a: Activity }) {
  return (
    <Space size={4}>
      <Tag color={STATE_COLORS[a.state]}>{a.stateLabel}</Tag>
      {a.overdue && <Tag color="volcano">逾期未登记{a.escalationLabel ? `（已${a.escalationLabel}）` : ''}</Tag>}
      {a.archiveDocumentId && <Tag color="gold">已存档</Tag>}
    </Space>
  );
}

/** The office's plan: kind, title, organiser, date, place and the indicators it serves. */
/** Rendered only while open: the units and the catalog are asked for then. */
function PlanModal({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const failed = useFailure();
  const [busy, setBusy] = useState(false);
  const options = useQuery<ActivityPlanOptionsQuery>(ACTIVITY_PLAN_OPTIONS);
  const [form] = Form.useForm<{ kind: string; title: string; organiserUnitCode: string; plannedDate: Dayjs; place: string; indicatorCodes: string[] }>();
  const units = (options.data?.organisation.units ?? []).map((u) => ({ value: u.code, label: u.name }));
  const indicators = (options.data?.catalog.items ?? []).map((i) => ({ label: i.name, options: i.indicators.map((x) => ({ value: x.code, label: `${x.code} ${x.name}` })) }));
  return (
    <Modal open title="制定活动计划" okText="制定" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'CIVIC_EDUCATION' }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await gql(PLAN_ACTIVITY, { input: { kind: v.kind, title: v.title, organiserUnitCode: v.organiserUnitCode, plannedDate: v.plannedDate.format('YYYY-MM-DD'), place: v.place, indicatorCodes: v.indicatorCodes } });
            form.resetFields();
            onDone();
          } catch (err) {
            failed(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="kind" label="活动类别" rules={[{ required: true }]}>
          <Select options={KINDS} aria-label="活动类别" />
        </Form.Item>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }, { max: 100 }]}>
          <Input maxLength={100} aria-label="活动名称" placeholder="如：文明礼仪进社区讲座" />
        </Form.Item>
        <Form.Item name="organiserUnitCode" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
          <Select showSearch optionFilterProp="label" options={units} loading={options.loading} aria-label="承办单位" />
        </Form.Item>
        <Form.Item name="plannedDate" label="计划日期（过期未登记举办将提醒承办单位、催办创建办）" rules={[{ required: true, message: '请选择计划日期' }]}>
          <DatePicker aria-label="计划日期" />
        </Form.Item>
        <Form.Item name="place" label="活动地点" rules={[{ required: true, whitespace: true, message: '请填写活动地点' }, { max: 100 }]}>
          <Input maxLength={100} aria-label="活动地点" />
        </Form.Item>
        <Form.Item name="indicatorCodes" label="服务的测评指标（最多 20 个）" rules={[{ required: true, message: '请选择测评指标' }]}>
          <Select mode="multiple" maxCount={20} showSearch optionFilterProp="label" options={indicators} loading={options.loading} aria-label="测评指标" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 登记举办: the actual date, attendance, photos (uploaded first) and the summary. */
function HeldForm({ a, done }: { a: Activity; done(): void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<{ heldDate: Dayjs; attendance: number; summary: string }>();
  return (
    <Card size="small" title="登记举办情况">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ heldDate: dayjs(a.plannedDate).isAfter(dayjs()) ? dayjs() : dayjs(a.plannedDate) }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            const photoFileIds: string[] = [];
            for (const f of files) if (f.originFileObj) photoFileIds.push((await uploadFile(f.originFileObj)).id);
            await gql(RECORD_ACTIVITY_HELD, { input: { activityId: a.id, heldDate: v.heldDate.format('YYYY-MM-DD'), attendance: v.attendance, summary: v.summary, photoFileIds, expectedVersion: a.version } });
            message.success('举办情况已登记');
            done();
          } catch (err) {
            failed(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Space align="start" wrap>
          <Form.Item name="heldDate" label="实际举办日期" rules={[{ required: true, message: '请选择举办日期' }]}>
            <DatePicker aria-label="实际举办日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="attendance" label="参加人数" rules={[{ required: true, message: '请填写参加人数' }]}>
            <InputNumber min={0} max={1_000_000} precision={0} aria-label="参加人数" style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label="活动总结" rules={[{ required: true, whitespace: true, message: '请填写活动总结' }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount aria-label="活动总结" />
        </Form.Item>
        <Form.Item label={`活动照片（JPG、PNG 或 WebP，最多 ${MAX_PHOTOS} 张）`}>
          <Upload multiple accept=".jpg,.jpeg,.png,.webp" maxCount={MAX_PHOTOS} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
            <Button icon={<UploadOutlined />}>选择照片</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          登记举办
        </Button>
      </Form>
    </Card>
  );
}

function ActivityDrawer({ a, onClose, reload }: { a: Activity; onClose(): void; reload(): void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Drawer open onClose={onClose} width={820} title={a.title} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="状态" span={2}>
            <StateTags a={a} />
          </Descriptions.Item>
          <Descriptions.Item label="类别">{a.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{a.organiser.name}</Descriptions.Item>
          <Descriptions.Item label="计划日期">{a.plannedDate}</Descriptions.Item>
          <Descriptions.Item label="地点">{a.place}</Descriptions.Item>
          <Descriptions.Item label="服务指标" span={2}>
            {a.indicators.map((i) => `${i.code} ${i.name}`).join('；')}
          </Descriptions.Item>
          {a.state === 'HELD' && (
            <>
              <Descriptions.Item label="举办日期">{a.heldDate}</Descriptions.Item>
              <Descriptions.Item label="参加人数">{a.attendance} 人</Descriptions.Item>
              <Descriptions.Item label="活动总结" span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.summary}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label="照片" span={2}>
                {a.photos.length === 0
                  ? '无'
                  : a.photos.map((p) => (
                      <Button key={p.sha256} type="link" size="small" icon={<PaperClipOutlined />} onClick={() => downloadFile(p.url, p.name).catch(failed)}>
                        {p.name}
                      </Button>
                    ))}
              </Descriptions.Item>
            </>
          )}
          {a.state === 'CANCELLED' && (
            <Descriptions.Item label="取消原因" span={2}>
              {a.cancelReason}
            </Descriptions.Item>
          )}
        </Descriptions>
        {a.canRecordHeld && (
          <HeldForm
            a={a}
            done={() => {
              reload();
            }}
          />
        )}
        {a.canCancel && (
          <Card size="small" title="取消活动">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="取消原因（必填）" aria-label="取消原因" />
              <Button
                danger
                disabled={reason.trim() === ''}
                loading={busy}
                onClick={async () => {
                  setBusy(true);
                  try {
                    await gql(CANCEL_ACTIVITY, { id: a.id, reason });
                    message.success('活动已取消');
                    reload();
                  } catch (err) {
                    failed(err);
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                取消活动
              </Button>
            </Space>
          </Card>
        )}
        {a.canArchive && (
          <Alert
            type={a.archiveDocumentId ? 'success' : 'info'}
            showIcon
            message={a.archiveDocumentId ? '已作为佐证存入档案资料库（标注其服务的测评指标）' : '可将本次活动的照片和总结存入档案资料库，作为其服务的测评指标的佐证'}
            action={
              !a.archiveDocumentId && (
                <Button
                  size="small"
                  type="primary"
                  loading={busy}
                  onClick={async () => {
                    setBusy(true);
                    try {
                      await gql(ARCHIVE_ACTIVITY, { id: a.id });
                      message.success('已存入档案资料库');
                      reload();
                    } catch (err) {
                      failed(err);
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  存入档案资料库
                </Button>
              )
            }
          />
        )}
        <Typography.Title level={5}>办理记录</Typography.Title>
        <Timeline items={a.history.map((h, i) => ({ key: `${h.at}-${i}`, children: `${local(h.at)} ${h.actorName} ${h.label}${h.note ? `：${h.note}` : ''}` }))} />
      </Space>
    </Drawer>
  );
}

function CountsCard({ months, byKind }: { months: Count[]; byKind: Count[] }) {
  const [perKind, setPerKind] = useState(false);
  return (
    <Card
      size="small"
      title="按月统计（按计划日期）"
      extra={
        <Button size="small" type="link" onClick={() => setPerKind(!perKind)}>
          {perKind ? '按月合计' : '按月按类别'}
        </Button>
      }
    >
      <Table<Count>
        size="small"
        rowKey={(c) => `${c.month}-${c.kind ?? 'all'}`}
        pagination={false}
        dataSource={perKind ? byKind : months}
        locale={{ emptyText: '暂无活动' }}
        aria-label="活动按月统计"
        columns={[
          { title: '月份', dataIndex: 'month', key: 'month' },
          ...(perKind ? [{ title: '类别', key: 'kind', render: (_: unknown, c: Count) => c.kindLabel }] : []),
          { title: '计划中', dataIndex: 'planned', key: 'planned', align: 'right' },
          { title: '已举办', dataIndex: 'held', key: 'held', align: 'right' },
          { title: '已取消', dataIndex: 'cancelled', key: 'cancelled', align: 'right' },
          { title: '参加人次', dataIndex: 'attendance', key: 'attendance', align: 'right' },
        ]}
      />
    </Card>
  );
}

export default function ActivitiesTab() {
  const me = useMe();
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<Filter>({ month: null, kind: null, organiserUnitCode: null, state: null });
  const variables = useMemo(() => ({ filter }), [filter]);
  const query = useQuery<ActivitiesQuery>(ACTIVITIES, variables);
  const [openId, setOpenId] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const activities = useMemo(() => query.data?.activities ?? [], [query.data]);
  // The organiser filter offers the organisers of the activities listed (clear it to choose another).
  const organisers = useMemo(() => new Map(activities.map((a) => [a.organiser.code, a.organiser.name])), [activities]);
  const open = activities.find((a) => a.id === openId) ?? null;
  const exportAll = async () => {
    const file = (await gql<ExportActivitiesQuery>(EXPORT_ACTIVITIES, { filter })).exportActivities;
    downloadBlob(base64ToBlob(file.contentBase64, file.mimeType), file.fileName);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title="活动记录（市民教育、志愿服务、文化科技卫生下乡、征集展出）"
        extra={
          <Space>
            <Button icon={<FileExcelOutlined />} onClick={() => exportAll().catch(failed)}>
              导出 Excel
            </Button>
            {me.role === 'OFFICE' && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
                制定活动计划
              </Button>
            )}
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker picker="month" placeholder="月份" aria-label="按月份筛选" value={filter.month ? dayjs(`${filter.month}-01`) : null} onChange={(d) => setFilter({ ...filter, month: d ? d.format('YYYY-MM') : null })} />
          <Select allowClear placeholder="类别" aria-label="按类别筛选" style={{ width: 170 }} options={KINDS} value={filter.kind} onChange={(v) => setFilter({ ...filter, kind: v ?? null })} />
          <Select
            allowClear
            placeholder="承办单位"
            aria-label="按承办单位筛选"
            style={{ width: 170 }}
            options={[...organisers.entries()].map(([value, label]) => ({ value, label }))}
            value={filter.organiserUnitCode}
            onChange={(v) => setFilter({ ...filter, organiserUnitCode: v ?? null })}
          />
          <Select allowClear placeholder="状态" aria-label="按状态筛选" style={{ width: 120 }} options={STATES} value={filter.state} onChange={(v) => setFilter({ ...filter, state: v ?? null })} />
        </Space>
        {query.error && <Alert type="error" message={query.error.message} />}
        <Table<Activity>
          size="small"
          rowKey="id"
          loading={query.loading}
          dataSource={activities}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无活动' }}
          aria-label="活动列表"
          columns={[
            { title: '计划日期', dataIndex: 'plannedDate', key: 'plannedDate' },
            { title: '类别', dataIndex: 'kindLabel', key: 'kind' },
            { title: '活动名称', dataIndex: 'title', key: 'title' },
            { title: '承办单位', key: 'organiser', render: (_, a) => a.organiser.name },
            { title: '地点', dataIndex: 'place', key: 'place' },
            { title: '状态', key: 'state', render: (_, a) => <StateTags a={a} /> },
            { title: '参加人数', key: 'attendance', align: 'right', render: (_, a) => a.attendance ?? '—' },
            {
              title: '操作',
              key: 'open',
              render: (_, a) => (
                <Button size="small" type="link" onClick={() => setOpenId(a.id)}>
                  {a.canRecordHeld ? '登记举办' : '查看'}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <CountsCard months={query.data?.activityMonthlyCounts.months ?? []} byKind={query.data?.activityMonthlyCounts.byKind ?? []} />
      {open && <ActivityDrawer a={open} onClose={() => setOpenId(null)} reload={query.reload} />}
      {planning && (
        <PlanModal
          onClose={() => setPlanning(false)}
          onDone={() => {
            setPlanning(false);
            message.success('活动计划已制定');
            query.reload();
          }}
        />
      )}
    </Space>
  );
}
