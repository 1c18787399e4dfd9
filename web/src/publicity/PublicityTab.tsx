// 宣传台账 (工作组 tab, the 宣传组's ledger, plan 四(四), 六(四)): carriers and actions by channel with their place,
// community or village, count, photos, date and the 指标 they serve as evidence for; filters by community, channel,
// month and indicator; counts per community, channel and month; the office records, corrects and voids entries (with
// a reason) and files a photo in the archive library as 活动照片. Everyone signed in reads it; a community's or
// village's people start filtered to their own. Which action is legal comes from the API (canManage).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { DownloadOutlined, FileImageOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql, uploadFile } from '../api/client';
import { downloadExported } from '../api/files';
import { useQuery } from '../api/useQuery';
import { downloadFile } from '../detail/files';
import { useMe } from '../session/session';
import type { ExportPublicityLedgerQuery, PublicityChannel, PublicityLedgerQuery } from '../api/graphql.generated';
import { ARCHIVE_PUBLICITY_PHOTO, CORRECT_PUBLICITY_ENTRY, EXPORT_PUBLICITY_LEDGER, PUBLICITY_LEDGER, RECORD_PUBLICITY_ENTRY, VOID_PUBLICITY_ENTRY } from './documents';

type Ledger = PublicityLedgerQuery['publicityLedger'];
type Entry = Ledger['entries'][number];
type Count = Ledger['byChannel'][number];
interface Filter {
  unitCode: string | null;
  channel: PublicityChannel | null;
  month: string | null;
  indicatorCode: string | null;
}

const CHANNELS: [PublicityChannel, string][] = [
  ['PUBLIC_SERVICE_AD', '公益广告'],
  ['BULLETIN_BOARD', '宣传栏'],
  ['BANNER', '横幅'],
  ['ELECTRONIC_SCREEN', '电子屏'],
  ['BROCHURE', '宣传册'],
  ['SMS', '短信'],
  ['NEW_MEDIA', '新媒体'],
];
const MAX_PHOTOS = 9;

function useFailure() {
  const { message } = AntApp.useApp();
  return (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
}

interface EntryForm {
  channel: PublicityChannel;
  location: string;
  unitCode: string;
  count: number;
  heldOn: Dayjs;
  indicatorCodes?: string[];
  keepPhotos?: string[];
  note?: string;
  reason?: string;
}

/** The office's new entry, or the correction of one (`entry` given: the whole entry again, with a reason). */
function EntryEditor({ ledger, entry, done }: { ledger: Ledger; entry?: Entry; done: () => void }) {
  const failed = useFailure();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<EntryForm>();
  const kept = Form.useWatch('keepPhotos', form) ?? [];
  const initial = entry
    ? { channel: entry.channel, location: entry.location, unitCode: entry.unit.code, count: entry.count, heldOn: dayjs(entry.heldOn), indicatorCodes: entry.indicatorCodes, keepPhotos: entry.photos.map((p) => p.sha256), note: entry.note }
    : { heldOn: dayjs(), count: 1 };
  return (
    <>
      {entry ? (
        <Button size="small" type="link" onClick={() => setOpen(true)}>
          更正
        </Button>
      ) : (
        <Button icon={<PlusOutlined />} type="primary" onClick={() => setOpen(true)}>
          登记宣传载体
        </Button>
      )}
      <Modal
        open={open}
        title={entry ? '更正宣传台账记录' : '登记宣传载体或宣传活动'}
        okText="保存"
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          try {
            const photoFileIds: string[] = [];
            for (const f of files) if (f.originFileObj) photoFileIds.push((await uploadFile(f.originFileObj)).id);
            const fields = { channel: v.channel, location: v.location, unitCode: v.unitCode, count: v.count, heldOn: v.heldOn.format('YYYY-MM-DD'), indicatorCodes: v.indicatorCodes ?? [], note: v.note ?? '', photoFileIds };
            if (entry) await gql(CORRECT_PUBLICITY_ENTRY, { input: { id: entry.id, ...fields, keepPhotos: v.keepPhotos ?? [], reason: v.reason ?? '' } });
            else await gql(RECORD_PUBLICITY_ENTRY, { input: fields });
            setOpen(false);
            setFiles([]);
            form.resetFields();
            done();
          } catch (err) {
            failed(err);
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={initial}>
          <Form.Item name="channel" label="宣传渠道" rules={[{ required: true, message: '请选择宣传渠道' }]}>
            <Select aria-label="宣传渠道" options={CHANNELS.map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="unitCode" label="社区（村）" rules={[{ required: true, message: '请选择社区或村' }]}>
            <Select aria-label="社区（村）" options={ledger.communities.map((u) => ({ value: u.code, label: u.name }))} />
          </Form.Item>
          <Form.Item name="location" label="位置" rules={[{ required: true, whitespace: true, message: '请填写位置' }]}>
            <Input maxLength={100} aria-label="位置" />
          </Form.Item>
          <Space>
            <Form.Item name="count" label="数量" rules={[{ required: true, type: 'integer', min: 1, max: 1_000_000, message: '数量须为 1 至 1000000 的整数' }]}>
              <InputNumber min={1} max={1_000_000} precision={0} aria-label="数量" />
            </Form.Item>
            <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker aria-label="日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
            </Form.Item>
          </Space>
          <Form.Item name="indicatorCodes" label="佐证的测评指标（填写指标编码，如 A1）">
            <Select mode="tags" maxCount={10} aria-label="测评指标" tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
          {entry && entry.photos.length > 0 && (
            <Form.Item name="keepPhotos" label="保留的原有照片">
              <Select mode="multiple" aria-label="保留的照片" options={entry.photos.map((p) => ({ value: p.sha256, label: p.name }))} />
            </Form.Item>
          )}
          <Form.Item label={`照片（JPG、PNG、WEBP，合计最多 ${MAX_PHOTOS} 张）`}>
            <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, Math.max(0, MAX_PHOTOS - kept.length)))} accept=".jpg,.jpeg,.png,.webp">
              <Button icon={<UploadOutlined />}>选择照片</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} showCount aria-label="备注" />
          </Form.Item>
          {entry && (
            <Form.Item name="reason" label="更正原因" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
              <Input.TextArea rows={2} maxLength={500} showCount aria-label="更正原因" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** The office voids an entry with a reason; it stays in the ledger, out of the counts. */
function VoidEntry({ entry, done }: { entry: Entry; done: () => void }) {
  const failed = useFailure();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button size="small" type="link" danger onClick={() => setOpen(true)}>
        作废
      </Button>
      <Modal
        open={open}
        title={`作废「${entry.channelLabel}：${entry.location}」`}
        okText="作废"
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          try {
            await gql(VOID_PUBLICITY_ENTRY, { id: entry.id, reason });
            setOpen(false);
            done();
          } catch (err) {
            failed(err);
          }
        }}
      >
        <Typography.Paragraph type="secondary">作废的记录保留在台账中，不计入统计。</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="作废原因（必填）" aria-label="作废原因" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

function Photos({ entry, canManage, done }: { entry: Entry; canManage: boolean; done: () => void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  if (entry.photos.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {entry.photos.map((p) => (
        <Space key={p.sha256} size={0}>
          <Button type="link" size="small" icon={<FileImageOutlined />} onClick={() => downloadFile(p.url, p.name).catch(failed)}>
            {p.name}
          </Button>
          {p.archived ? (
            <Tag color="success">已归档</Tag>
          ) : (
            canManage &&
            !entry.voided && (
              <Button
                size="small"
                type="link"
                onClick={async () => {
                  try {
                    const doc = (await gql<{ archivePublicityPhoto: { title: string } }>(ARCHIVE_PUBLICITY_PHOTO, { entryId: entry.id, sha256: p.sha256 })).archivePublicityPhoto;
                    message.success(`已作为活动照片归入档案库：${doc.title}`);
                    done();
                  } catch (err) {
                    failed(err);
                  }
                }}
              >
                归档
              </Button>
            )
          )}
        </Space>
      ))}
    </Space>
  );
}

function Counts({ title, rows }: { title: string; rows: readonly Count[] }) {
  return (
    <Card size="small" title={title}>
      <Table<Count>
        size="small"
        rowKey="key"
        dataSource={[...rows]}
        pagination={false}
        locale={{ emptyText: '暂无' }}
        columns={[
          { title: '分组', key: 'label', render: (_, r) => r.label },
          { title: '条数', key: 'entries', align: 'right', render: (_, r) => r.entries },
          { title: '数量', key: 'count', align: 'right', render: (_, r) => r.count },
        ]}
      />
    </Card>
  );
}

export default function PublicityTab() {
  const failed = useFailure();
  const me = useMe();
  const [filter, setFilter] = useState<Filter>({ unitCode: null, channel: null, month: null, indicatorCode: null });
  const [mine, setMine] = useState(true);
  const query = useQuery<PublicityLedgerQuery>(PUBLICITY_LEDGER, { filter });
  const ledger = query.data?.publicityLedger;
  const reload = query.reload;
  // A community's or village's people start filtered to their own; they may clear it to see every community.
  const own = me.unit && ledger?.communities.some((c) => c.code === me.unit?.code) ? me.unit.code : null;
  if (mine && own && filter.unitCode === null) setFilter({ ...filter, unitCode: own });
  const set = (change: Partial<Filter>) => {
    setMine(false);
    setFilter({ ...filter, ...change });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title="宣传台账"
        extra={
          <Space wrap>
            {ledger?.canManage && <EntryEditor ledger={ledger} done={reload} />}
            <Button
              icon={<DownloadOutlined />}
              onClick={async () => {
                try {
                  downloadExported((await gql<ExportPublicityLedgerQuery>(EXPORT_PUBLICITY_LEDGER, { filter })).exportPublicityLedger);
                } catch (err) {
                  failed(err);
                }
              }}
            >
              导出 Excel
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="全部社区（村）"
            aria-label="按社区筛选"
            style={{ width: 160 }}
            value={filter.unitCode ?? undefined}
            onChange={(v?: string) => set({ unitCode: v ?? null })}
            options={(ledger?.communities ?? []).map((u) => ({ value: u.code, label: u.name }))}
          />
          <Select allowClear placeholder="全部渠道" aria-label="按渠道筛选" style={{ width: 140 }} value={filter.channel ?? undefined} onChange={(v?: PublicityChannel) => set({ channel: v ?? null })} options={CHANNELS.map(([value, label]) => ({ value, label }))} />
          <DatePicker picker="month" placeholder="全部月份" aria-label="按月份筛选" value={filter.month ? dayjs(`${filter.month}-01`) : null} onChange={(d) => set({ month: d ? d.format('YYYY-MM') : null })} />
          <Input.Search allowClear placeholder="测评指标编码" aria-label="按测评指标筛选" style={{ width: 180 }} maxLength={40} onSearch={(v) => set({ indicatorCode: v.trim() || null })} />
        </Space>
        {query.error && <Alert type="error" message={query.error.message} />}
        {ledger && (
          <Space size="large" wrap style={{ marginBottom: 12 }}>
            <Statistic title="有效记录（条）" value={ledger.totalEntries} />
            <Statistic title="数量合计" value={ledger.totalCount} />
          </Space>
        )}
        <Table<Entry>
          size="small"
          rowKey="id"
          loading={query.loading}
          dataSource={ledger?.entries ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无宣传台账记录' }}
          columns={[
            { title: '日期', key: 'heldOn', render: (_, e) => e.heldOn },
            { title: '渠道', key: 'channel', render: (_, e) => <Tag color="blue">{e.channelLabel}</Tag> },
            { title: '社区（村）', key: 'unit', render: (_, e) => e.unit.name },
            { title: '位置', key: 'location', render: (_, e) => e.location },
            { title: '数量', key: 'count', align: 'right', render: (_, e) => e.count },
            { title: '佐证指标', key: 'indicators', render: (_, e) => (e.indicatorCodes.length ? e.indicatorCodes.map((c) => <Tag key={c}>{c}</Tag>) : '—') },
            { title: '照片', key: 'photos', render: (_, e) => <Photos entry={e} canManage={!!ledger?.canManage} done={reload} /> },
            {
              title: '状态',
              key: 'state',
              render: (_, e) => (
                <Space size={4} wrap>
                  {e.voided ? <Tag color="error">已作废</Tag> : <Tag color="success">有效</Tag>}
                  {e.corrections > 0 && <Tag color="warning">已更正 {e.corrections} 次</Tag>}
                  {e.lastReason && <Typography.Text type="secondary">{e.lastReason}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_, e) =>
                ledger?.canManage && !e.voided ? (
                  <Space size={0}>
                    <EntryEditor ledger={ledger} entry={e} done={reload} />
                    <VoidEntry entry={e} done={reload} />
                  </Space>
                ) : (
                  e.recordedByName
                ),
            },
          ]}
        />
      </Card>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Counts title="按社区统计" rows={ledger?.byCommunity ?? []} />
        </Col>
        <Col xs={24} md={8}>
          <Counts title="按渠道统计" rows={ledger?.byChannel ?? []} />
        </Col>
        <Col xs={24} md={8}>
          <Counts title="按月份统计" rows={ledger?.byMonth ?? []} />
        </Col>
      </Row>
    </Space>
  );
}
