// 专项整治 (工作组 tab, plan 四(三)): the six areas' drives with their progress; the office launches a drive (lead unit,
// period, goals, participating units), amends it, and attaches or detaches items by hand (items of the area reported
// within the period are in it by themselves); a drive's page shows its plan, progress, items and history; the lead
// unit's head hands in the closing summary, the leading group approves or returns it. Which action is legal comes from
// the API (canAmend, canSubmitSummary, canReview).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Popconfirm, Progress, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql, uploadFile } from '../api/client';
import { downloadExported } from '../api/files';
import { useQuery } from '../api/useQuery';
import { downloadFile } from '../detail/files';
import { AREA_LABELS } from '../i18n/labels';
import { useMe } from '../session/session';
import type { ExportSpecialDrivesQuery, SpecialDriveQuery, SpecialDriveUnitsQuery, SpecialDrivesQuery } from '../api/graphql.generated';
import {
  AMEND_SPECIAL_DRIVE,
  APPROVE_SPECIAL_DRIVE_SUMMARY,
  ATTACH_SPECIAL_DRIVE_ITEM,
  DETACH_SPECIAL_DRIVE_ITEM,
  EXPORT_SPECIAL_DRIVES,
  LAUNCH_SPECIAL_DRIVE,
  RETURN_SPECIAL_DRIVE_SUMMARY,
  SPECIAL_DRIVE,
  SPECIAL_DRIVE_UNITS,
  SPECIAL_DRIVES,
  SUBMIT_SPECIAL_DRIVE_SUMMARY,
} from './documents';

type Drive = SpecialDrivesQuery['specialDrives'][number];
type DriveDetail = NonNullable<SpecialDriveQuery['specialDrive']>;
type Item = DriveDetail['items'][number];

const AREAS = ['TRAFFIC_ORDER', 'CITY_APPEARANCE', 'PUBLIC_SECURITY', 'SANITATION', 'MARKETS', 'SERVICE_WINDOWS'];
const STATE_COLORS: Record<string, string> = { ACTIVE: 'processing', SUMMARY_SUBMITTED: 'warning', RETURNED: 'error', CLOSED: 'success' };
const MAX_ATTACHMENTS = 10;
const local = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
const dueDate = (iso: string) => dayjs(iso).subtract(1, 'millisecond').format('YYYY年M月D日');

function useFailure() {
  const { message } = AntApp.useApp();
  return (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
}

/** Runs an action, says so, and reloads; errors are shown in Chinese as the API gives them. */
function useAction() {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (document: string, variables: Record<string, unknown>, success: string, done: () => void) => {
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
  return { busy, run, failed };
}

function StateTag({ d }: { d: Drive }) {
  return (
    <Space size={4}>
      <Tag color={STATE_COLORS[d.state]}>{d.stateLabel}</Tag>
      {d.late && <Tag color="error">总结逾期</Tag>}
      {d.escalationLabel && (d.state === 'ACTIVE' || d.state === 'RETURNED') && <Tag color="volcano">已{d.escalationLabel}</Tag>}
    </Space>
  );
}

function ProgressCell({ d }: { d: Drive }) {
  const p = d.progress;
  return (
    <Space direction="vertical" size={0} style={{ minWidth: 180 }}>
      <Progress percent={p.closedRate === null ? 0 : Math.round(p.closedRate * 100)} size="small" aria-label={`${d.name}销号率`} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        问题 {p.total} · 未销号 {p.open} · 已销号 {p.closed} · 逾期 {p.overdue} · 反弹 {p.relapses}
      </Typography.Text>
    </Space>
  );
}

interface PlanValues {
  leadUnitCode: string;
  period: [Dayjs, Dayjs];
  goals: string;
  participatingUnitCodes: string[];
}

/** The office's plan: to launch an area's drive, or to amend one (the whole plan as it stands). */
function PlanForm({ area, drive, done }: { area: string; drive: Drive | null; done: () => void }) {
  const units = useQuery<SpecialDriveUnitsQuery>(SPECIAL_DRIVE_UNITS).data?.units ?? [];
  const { busy, run } = useAction();
  const options = units.map((u) => ({ value: u.code, label: u.name }));
  return (
    <Form<PlanValues>
      layout="vertical"
      initialValues={
        drive
          ? { leadUnitCode: drive.leadUnit.code, period: [dayjs(drive.startDate), dayjs(drive.endDate)], goals: drive.goals, participatingUnitCodes: drive.participatingUnits.map((u) => u.code) }
          : { participatingUnitCodes: [] }
      }
      onFinish={(v) =>
        run(
          drive ? AMEND_SPECIAL_DRIVE : LAUNCH_SPECIAL_DRIVE,
          { input: { area, leadUnitCode: v.leadUnitCode, startDate: v.period[0].format('YYYY-MM-DD'), endDate: v.period[1].format('YYYY-MM-DD'), goals: v.goals, participatingUnitCodes: v.participatingUnitCodes ?? [] } },
          drive ? '方案已调整' : `${AREA_LABELS[area]}专项整治已启动`,
          done,
        )
      }
    >
      <Form.Item name="leadUnitCode" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
        <Select options={options} showSearch optionFilterProp="label" aria-label="牵头单位" />
      </Form.Item>
      <Form.Item name="period" label="整治期限" rules={[{ required: true, message: '请选择开始和结束日期' }]}>
        <DatePicker.RangePicker aria-label="整治期限" />
      </Form.Item>
      <Form.Item name="goals" label="整治目标" rules={[{ required: true, whitespace: true, message: '请填写整治目标' }, { max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount aria-label="整治目标" />
      </Form.Item>
      <Form.Item name="participatingUnitCodes" label="参与单位">
        <Select mode="multiple" options={options} optionFilterProp="label" maxCount={60} aria-label="参与单位" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {drive ? '保存调整' : '启动专项整治'}
      </Button>
    </Form>
  );
}

/** The lead unit head's closing summary: new, or again after a return (attachments kept unless removed). */
function SummaryForm({ d, done }: { d: DriveDetail; done: () => void }) {
  const { busy, run, failed } = useAction();
  const [keep, setKeep] = useState<string[]>(d.summaryAttachments.map((a) => a.sha256));
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <Form<{ summary: string }>
      layout="vertical"
      initialValues={{ summary: d.summary ?? '' }}
      onFinish={async ({ summary }) => {
        try {
          const fileIds: string[] = [];
          for (const f of files) if (f.originFileObj) fileIds.push((await uploadFile(f.originFileObj)).id);
          await run(SUBMIT_SPECIAL_DRIVE_SUMMARY, { input: { area: d.area, summary, fileIds, keepAttachments: keep } }, '总结已报送，等待领导小组审定', done);
        } catch (err) {
          failed(err);
        }
      }}
    >
      {d.state === 'RETURNED' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`领导小组已退回：${d.returnReason ?? ''}`} description="请修改后重新报送。" />}
      <Form.Item name="summary" label="专项整治总结" rules={[{ required: true, whitespace: true, message: '请填写总结' }, { max: 5000 }]}>
        <Input.TextArea rows={6} maxLength={5000} showCount aria-label="专项整治总结" />
      </Form.Item>
      <Form.Item label={`附件（最多 ${MAX_ATTACHMENTS} 个）`}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {d.summaryAttachments
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
        {d.state === 'RETURNED' ? '重新报送总结' : '报送总结'}
      </Button>
    </Form>
  );
}

/** The leading group's review: approve (closing the drive) with a note, or return with a reason. */
function Review({ d, done }: { d: DriveDetail; done: () => void }) {
  const { busy, run } = useAction();
  const [text, setText] = useState('');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} placeholder="审定意见（可不填）或退回理由（退回时必填）" aria-label="审定意见" />
      <Space>
        <Button type="primary" loading={busy} onClick={() => run(APPROVE_SPECIAL_DRIVE_SUMMARY, { area: d.area, note: text }, '总结已审定，专项整治结束', done)}>
          审定通过
        </Button>
        <Button danger loading={busy} disabled={text.trim() === ''} onClick={() => run(RETURN_SPECIAL_DRIVE_SUMMARY, { area: d.area, reason: text }, '总结已退回', done)}>
          退回修改
        </Button>
      </Space>
    </Space>
  );
}

function Items({ d, done }: { d: DriveDetail; done: () => void }) {
  const { busy, run } = useAction();
  const [itemId, setItemId] = useState('');
  const [reason, setReason] = useState('');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {d.canAmend && (
        <Space.Compact style={{ width: '100%' }}>
          <Input value={itemId} onChange={(e) => setItemId(e.target.value)} maxLength={300} placeholder="整改问题编号（其他领域或整治期外的问题）" aria-label="纳入的整改问题编号" />
          <Button loading={busy} disabled={itemId.trim() === ''} onClick={() => run(ATTACH_SPECIAL_DRIVE_ITEM, { area: d.area, itemId: itemId.trim() }, '已纳入本专项整治', () => (setItemId(''), done()))}>
            手工纳入
          </Button>
        </Space.Compact>
      )}
      <Table<Item>
        size="small"
        rowKey="id"
        dataSource={d.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无整改问题' }}
        columns={[
          { title: '问题', key: 'description', render: (_, i) => <Typography.Text title={i.id}>{i.description}</Typography.Text> },
          { title: '地点', dataIndex: 'address', ellipsis: true },
          { title: '状态', key: 'state', render: (_, i) => <Space size={4}><Tag>{i.stateLabel}</Tag>{i.overdue && <Tag color="error">逾期</Tag>}{i.relapseCount > 0 && <Tag color="orange">反弹 {i.relapseCount}</Tag>}</Space> },
          { title: '责任单位', key: 'unit', render: (_, i) => i.unit?.name ?? '未派单' },
          { title: '纳入', key: 'link', render: (_, i) => (i.link === 'MANUAL' ? '手工' : '自动') },
          ...(d.canAmend
            ? [
                {
                  title: '操作',
                  key: 'detach',
                  render: (_: unknown, i: Item) => (
                    <Popconfirm
                      title="移出本专项整治"
                      description={<Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="移出理由（必填）" aria-label="移出理由" />}
                      okText="移出"
                      cancelText="取消"
                      okButtonProps={{ disabled: reason.trim() === '' }}
                      onConfirm={() => run(DETACH_SPECIAL_DRIVE_ITEM, { area: d.area, itemId: i.id, reason }, '已移出', () => (setReason(''), done()))}
                    >
                      <Button size="small" type="link" danger>
                        移出
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

/** One drive: plan, progress, summary (and the form or the review the caller may use), items, history. */
function DriveView({ area, reloadList }: { area: string; reloadList: () => void }) {
  const query = useQuery<SpecialDriveQuery>(SPECIAL_DRIVE, { area });
  const failed = useFailure();
  const [amending, setAmending] = useState(false);
  const d = query.data?.specialDrive;
  const done = () => {
    setAmending(false);
    query.reload();
    reloadList();
  };
  if (query.error) return <Alert type="error" message={query.error.message} />;
  if (!d) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="状态">
          <StateTag d={d} />
        </Descriptions.Item>
        <Descriptions.Item label="牵头单位">{d.leadUnit.name}</Descriptions.Item>
        <Descriptions.Item label="参与单位">{d.participatingUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="整治期限">
          {d.startDate} 至 {d.endDate}（总结报送期限 {dueDate(d.dueAt)} 24 时）
        </Descriptions.Item>
        <Descriptions.Item label="整治目标">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.goals}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="进度">
          <ProgressCell d={d} />
        </Descriptions.Item>
        <Descriptions.Item label="总结">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.summary ?? '尚未报送'}</Typography.Paragraph>
          {d.summaryAttachments.map((a) => (
            <Button key={a.sha256} type="link" size="small" icon={<PaperClipOutlined />} onClick={() => downloadFile(a.url, a.name).catch(failed)}>
              {a.name}
            </Button>
          ))}
          {d.summarySubmittedAt && <Typography.Text type="secondary">报送于 {local(d.summarySubmittedAt)}（第 {d.submissions} 次）</Typography.Text>}
        </Descriptions.Item>
        {d.approvedAt && <Descriptions.Item label="审定">{`${local(d.approvedAt)} ${d.approveNote ?? ''}`}</Descriptions.Item>}
      </Descriptions>
      {d.canReview && <Review d={d} done={done} />}
      {d.canSubmitSummary && <SummaryForm key={`${d.state}-${d.submissions}`} d={d} done={done} />}
      {d.canAmend && (
        <Button onClick={() => setAmending(!amending)} aria-expanded={amending}>
          {amending ? '收起调整' : '调整方案'}
        </Button>
      )}
      {amending && <PlanForm area={d.area} drive={d} done={done} />}
      <Typography.Title level={5}>整改问题（{d.items.length}）</Typography.Title>
      <Items d={d} done={done} />
      <Typography.Title level={5}>办理记录</Typography.Title>
      <Timeline
        items={d.history.map((h, index) => ({
          key: `${h.at}-${index}`,
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

export default function SpecialDrivesTab() {
  const me = useMe();
  const failed = useFailure();
  const query = useQuery<SpecialDrivesQuery>(SPECIAL_DRIVES);
  const [openArea, setOpenArea] = useState<string | null>(null);
  const [launchArea, setLaunchArea] = useState<string | null>(null);
  const drives = query.data?.specialDrives ?? [];
  const byArea = new Map(drives.map((d) => [d.area as string, d]));
  const rows = AREAS.map((area) => ({ area, drive: byArea.get(area) ?? null }));
  const mayExport = me.role === 'OFFICE' || me.role === 'LEADER' || me.role === 'SUPERVISOR';
  return (
    <Card
      size="small"
      title="专项整治"
      extra={
        mayExport && (
          <Button
            onClick={async () => {
              try {
                downloadExported((await gql<ExportSpecialDrivesQuery>(EXPORT_SPECIAL_DRIVES)).exportSpecialDrives);
              } catch (err) {
                failed(err);
              }
            }}
          >
            导出 Excel
          </Button>
        )
      }
    >
      {query.error && <Alert type="error" message={query.error.message} />}
      <Table
        size="small"
        rowKey="area"
        loading={query.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '整治领域', key: 'area', render: (_, r) => AREA_LABELS[r.area] },
          { title: '牵头单位', key: 'lead', render: (_, r) => r.drive?.leadUnit.name ?? '—' },
          { title: '整治期限', key: 'period', render: (_, r) => (r.drive ? `${r.drive.startDate} 至 ${r.drive.endDate}` : '—') },
          { title: '状态', key: 'state', render: (_, r) => (r.drive ? <StateTag d={r.drive} /> : <Tag>未启动</Tag>) },
          { title: '进度', key: 'progress', render: (_, r) => (r.drive ? <ProgressCell d={r.drive} /> : '—') },
          {
            title: '操作',
            key: 'open',
            render: (_, r) =>
              r.drive ? (
                <Button size="small" type="link" onClick={() => setOpenArea(r.area)}>
                  {r.drive.canReview ? '审定总结' : r.drive.canSubmitSummary ? '报送总结' : '查看'}
                </Button>
              ) : me.role === 'OFFICE' ? (
                <Button size="small" type="link" onClick={() => setLaunchArea(r.area)}>
                  启动
                </Button>
              ) : null,
          },
        ]}
      />
      <Drawer open={openArea !== null} onClose={() => setOpenArea(null)} width={820} title={openArea ? `${AREA_LABELS[openArea]}专项整治` : ''} destroyOnHidden>
        {openArea && <DriveView area={openArea} reloadList={query.reload} />}
      </Drawer>
      <Drawer open={launchArea !== null} onClose={() => setLaunchArea(null)} width={560} title={launchArea ? `启动${AREA_LABELS[launchArea]}专项整治` : ''} destroyOnHidden>
        {launchArea && (
          <PlanForm
            area={launchArea}
            drive={null}
            done={() => {
              setLaunchArea(null);
              query.reload();
            }}
          />
        )}
      </Drawer>
    </Card>
  );
}
