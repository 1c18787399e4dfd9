// 经费保障 (工作组 tab, the 保障组's ledger, plan 六(三)): the year's budget lines with budget, allocated, spent and what is
// left; the spendings with their receipts; per-unit sums. The office adds lines, sets the approval threshold and
// allocates to a special drive or an indicator task; the office or a line's own unit records a spending with receipts;
// a leader approves or rejects those above the threshold. Which action is legal comes from the API (canManage,
// canRecordSpending, canDecide); amounts are integers in fen, shown as yuan (money.ts).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { DownloadOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql, uploadFile } from '../api/client';
import { downloadExported } from '../api/files';
import { useQuery } from '../api/useQuery';
import { downloadFile } from '../detail/files';
import type { ExportFundingLedgerQuery, FundingLedgerQuery, FundingUnitsQuery } from '../api/graphql.generated';
import { ADD_BUDGET_LINE, ALLOCATE_FUNDS, APPROVE_SPENDING, EXPORT_FUNDING_LEDGER, FUNDING_LEDGER, FUNDING_UNITS, RECORD_SPENDING, REJECT_SPENDING, SET_FUNDING_THRESHOLD } from './documents';
import { parseYuan, yuan } from './money';

type Ledger = FundingLedgerQuery['fundingLedger'];
type Line = Ledger['lines'][number];
type Spending = Ledger['spendings'][number];

const STATE_COLORS: Record<string, string> = { RECORDED: 'success', PENDING: 'processing', APPROVED: 'success', REJECTED: 'error' };
const AREAS = [
  ['TRAFFIC_ORDER', '交通秩序'],
  ['CITY_APPEARANCE', '市容市貌'],
  ['PUBLIC_SECURITY', '社会治安'],
  ['SANITATION', '环境卫生'],
  ['MARKETS', '集贸市场'],
  ['SERVICE_WINDOWS', '窗口服务'],
] as const;
const MAX_RECEIPTS = 10;
const money = (fen: number) => `${yuan(fen)} 元`;
const yuanRule = { validator: async (_: unknown, v: string) => (v && parseYuan(v) !== null ? undefined : Promise.reject(new Error('请填写金额（元），最多两位小数'))) };

function useFailure() {
  const { message } = AntApp.useApp();
  return (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
}

/** The office's new line. */
function AddLine({ year, done }: { year: number; done: () => void }) {
  const failed = useFailure();
  const units = useQuery<FundingUnitsQuery>(FUNDING_UNITS);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; amount: string; unitCode?: string; purpose?: string }>();
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        新增预算科目
      </Button>
      <Modal
        open={open}
        title={`新增 ${year} 年度预算科目`}
        okText="保存"
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await gql(ADD_BUDGET_LINE, { input: { year, name: v.name, amountFen: parseYuan(v.amount), unitCode: v.unitCode ?? null, purpose: v.purpose ?? '' } });
            setOpen(false);
            form.resetFields();
            done();
          } catch (err) {
            failed(err);
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="科目名称" rules={[{ required: true, whitespace: true, message: '请填写科目名称' }]}>
            <Input maxLength={100} aria-label="科目名称" />
          </Form.Item>
          <Form.Item name="amount" label="预算金额（元）" rules={[yuanRule]}>
            <Input maxLength={16} aria-label="预算金额（元）" />
          </Form.Item>
          <Form.Item name="unitCode" label="所属单位（不选为创建办统筹）">
            <Select allowClear showSearch optionFilterProp="label" aria-label="所属单位" options={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))} />
          </Form.Item>
          <Form.Item name="purpose" label="用途说明">
            <Input.TextArea rows={2} maxLength={500} showCount aria-label="用途说明" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The office's allocation from a line to a special drive or an indicator task. */
function Allocate({ line, done }: { line: Line; done: () => void }) {
  const failed = useFailure();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ targetKind: 'DRIVE' | 'TASK'; area?: string; taskId?: string; amount: string; note?: string }>();
  const kind = Form.useWatch('targetKind', form);
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} disabled={line.unallocatedFen === 0}>
        分配
      </Button>
      <Modal
        open={open}
        title={`从「${line.name}」分配经费（尚可分配 ${money(line.unallocatedFen)}）`}
        okText="分配"
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await gql(ALLOCATE_FUNDS, { input: { lineId: line.id, targetKind: v.targetKind, area: v.targetKind === 'DRIVE' ? v.area : null, taskId: v.targetKind === 'TASK' ? v.taskId : null, amountFen: parseYuan(v.amount), note: v.note ?? '' } });
            setOpen(false);
            done();
          } catch (err) {
            failed(err);
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ targetKind: 'DRIVE' }}>
          <Form.Item name="targetKind" label="分配去向">
            <Radio.Group
              options={[
                { value: 'DRIVE', label: '专项整治' },
                { value: 'TASK', label: '指标任务' },
              ]}
            />
          </Form.Item>
          {kind !== 'TASK' ? (
            <Form.Item name="area" label="整治领域" rules={[{ required: true, message: '请选择整治领域' }]}>
              <Select aria-label="整治领域" options={AREAS.map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          ) : (
            <Form.Item name="taskId" label="指标任务编号（任务卡片上的编号）" rules={[{ required: true, whitespace: true, message: '请填写任务编号' }]}>
              <Input maxLength={300} aria-label="指标任务编号" />
            </Form.Item>
          )}
          <Form.Item name="amount" label="分配金额（元）" rules={[yuanRule]}>
            <Input maxLength={16} aria-label="分配金额（元）" />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={500} aria-label="分配说明" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Recording a spending on a line, with receipts. */
function RecordSpending({ line, threshold, done }: { line: Line; threshold: number; done: () => void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<{ allocationId?: string; amount: string; payee: string; spentOn: Dayjs; purpose: string }>();
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)}>
        登记支出
      </Button>
      <Modal
        open={open}
        title={`在「${line.name}」登记支出（可用余额 ${money(line.availableFen)}）`}
        okText="登记"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          setBusy(true);
          try {
            const receiptFileIds: string[] = [];
            for (const f of files) if (f.originFileObj) receiptFileIds.push((await uploadFile(f.originFileObj)).id);
            const amountFen = parseYuan(v.amount)!;
            await gql(RECORD_SPENDING, { input: { lineId: line.id, allocationId: v.allocationId ?? null, amountFen, payee: v.payee, spentOn: v.spentOn.format('YYYY-MM-DD'), purpose: v.purpose, receiptFileIds } });
            message.success(amountFen > threshold ? '已登记，超过审批限额，待领导审批' : '支出已登记');
            setOpen(false);
            setFiles([]);
            form.resetFields();
            done();
          } catch (err) {
            failed(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Typography.Paragraph type="secondary">超过 {money(threshold)} 的支出须领导小组审批，审批通过后计入已支出。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ spentOn: dayjs() }}>
          {line.allocations.length > 0 && (
            <Form.Item name="allocationId" label="经费分配（可不选）">
              <Select allowClear aria-label="经费分配" options={line.allocations.map((a) => ({ value: a.id, label: `${a.targetLabel}（${money(a.amountFen)}）` }))} />
            </Form.Item>
          )}
          <Form.Item name="amount" label="支出金额（元）" rules={[yuanRule]}>
            <Input maxLength={16} aria-label="支出金额（元）" />
          </Form.Item>
          <Form.Item name="payee" label="收款方" rules={[{ required: true, whitespace: true, message: '请填写收款方' }]}>
            <Input maxLength={100} aria-label="收款方" />
          </Form.Item>
          <Form.Item name="spentOn" label="支出日期" rules={[{ required: true, message: '请选择支出日期' }]}>
            <DatePicker allowClear={false} aria-label="支出日期" />
          </Form.Item>
          <Form.Item name="purpose" label="用途" rules={[{ required: true, whitespace: true, message: '请填写用途' }]}>
            <Input.TextArea rows={2} maxLength={500} showCount aria-label="用途" />
          </Form.Item>
          <Form.Item label={`票据（发票、合同等图片或 PDF，最多 ${MAX_RECEIPTS} 个）`}>
            <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_RECEIPTS))} accept=".jpg,.jpeg,.png,.webp,.pdf">
              <Button icon={<UploadOutlined />}>选择票据</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** A leader's decision on a spending awaiting approval. */
function Decide({ s, done }: { s: Spending; done: () => void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const act = async (document: string, variables: Record<string, unknown>, success: string) => {
    try {
      await gql(document, variables);
      message.success(success);
      setRejecting(false);
      done();
    } catch (err) {
      failed(err);
    }
  };
  return (
    <Space>
      <Button size="small" type="primary" onClick={() => act(APPROVE_SPENDING, { id: s.id, note: '' }, '已审批同意')}>
        同意
      </Button>
      <Button size="small" danger onClick={() => setRejecting(true)}>
        驳回
      </Button>
      <Modal open={rejecting} title={`驳回支出 ${money(s.amountFen)}`} okText="驳回" okButtonProps={{ danger: true, disabled: reason.trim() === '' }} onCancel={() => setRejecting(false)} onOk={() => act(REJECT_SPENDING, { id: s.id, reason }, '已驳回')} destroyOnHidden>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="驳回理由（必填）" aria-label="驳回理由" />
      </Modal>
    </Space>
  );
}

function Threshold({ ledger, done }: { ledger: Ledger; done: () => void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [text, setText] = useState<string | null>(null);
  const value = text ?? yuan(ledger.thresholdFen);
  return (
    <Space.Compact>
      <Input addonBefore="审批限额（元）" value={value} maxLength={16} onChange={(e) => setText(e.target.value)} aria-label="审批限额（元）" style={{ width: 240 }} />
      <Button
        onClick={async () => {
          const fen = parseYuan(value);
          if (fen === null) return message.error('请填写金额（元），最多两位小数');
          try {
            await gql(SET_FUNDING_THRESHOLD, { thresholdFen: fen });
            message.success('审批限额已保存');
            setText(null);
            done();
          } catch (err) {
            failed(err);
          }
        }}
      >
        保存限额
      </Button>
    </Space.Compact>
  );
}

export default function FundingTab() {
  const failed = useFailure();
  const [year, setYear] = useState<Dayjs>(() => dayjs());
  const query = useQuery<FundingLedgerQuery>(FUNDING_LEDGER, { year: year.year() });
  const ledger = query.data?.fundingLedger;
  const reload = query.reload;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={`${year.year()} 年度经费保障`}
        extra={
          <Space wrap>
            <DatePicker picker="year" value={year} onChange={(y) => y && setYear(y)} allowClear={false} aria-label="年度" />
            {ledger?.canManage && <Threshold key={ledger.thresholdFen} ledger={ledger} done={reload} />}
            {ledger?.canManage && <AddLine year={year.year()} done={reload} />}
            <Button
              icon={<DownloadOutlined />}
              onClick={async () => {
                try {
                  downloadExported((await gql<ExportFundingLedgerQuery>(EXPORT_FUNDING_LEDGER, { year: year.year() })).exportFundingLedger);
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
        {query.error && <Alert type="error" message={query.error.message} />}
        {ledger && (
          <Space size="large" wrap style={{ marginBottom: 12 }}>
            <Statistic title="预算（元）" value={yuan(ledger.totals.budgetFen)} />
            <Statistic title="已分配（元）" value={yuan(ledger.totals.allocatedFen)} />
            <Statistic title="已支出（元）" value={yuan(ledger.totals.spentFen)} />
            <Statistic title="待审批（元）" value={yuan(ledger.totals.pendingFen)} valueStyle={ledger.totals.pendingFen > 0 ? { color: '#d46b08' } : undefined} />
            <Statistic title="审批限额（元）" value={yuan(ledger.thresholdFen)} />
          </Space>
        )}
        <Table<Line>
          size="small"
          rowKey="id"
          loading={query.loading}
          dataSource={ledger?.lines ?? []}
          pagination={false}
          locale={{ emptyText: '本年度暂无预算科目' }}
          expandable={{
            rowExpandable: (l) => l.allocations.length > 0,
            expandedRowRender: (l) => (
              <Space direction="vertical" size={2}>
                {l.allocations.map((a) => (
                  <span key={a.id}>
                    分配给 {a.targetLabel}：{money(a.amountFen)}，已支出 {money(a.spentFen)}
                    {a.note ? `（${a.note}）` : ''}
                  </span>
                ))}
              </Space>
            ),
          }}
          columns={[
            { title: '预算科目', key: 'name', render: (_, l) => l.name },
            { title: '所属单位', key: 'unit', render: (_, l) => l.unit?.name ?? '创建办统筹' },
            { title: '预算', key: 'budget', align: 'right', render: (_, l) => yuan(l.budgetFen) },
            { title: '已分配', key: 'allocated', align: 'right', render: (_, l) => yuan(l.allocatedFen) },
            { title: '已支出', key: 'spent', align: 'right', render: (_, l) => yuan(l.spentFen) },
            { title: '待审批', key: 'pending', align: 'right', render: (_, l) => yuan(l.pendingFen) },
            { title: '可用余额', key: 'available', align: 'right', render: (_, l) => yuan(l.availableFen) },
            {
              title: '操作',
              key: 'actions',
              render: (_, l) => (
                <Space size={0}>
                  {ledger?.canManage && <Allocate line={l} done={reload} />}
                  {l.canRecordSpending && <RecordSpending line={l} threshold={ledger?.thresholdFen ?? 0} done={reload} />}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="支出明细">
        <Table<Spending>
          size="small"
          rowKey="id"
          loading={query.loading}
          dataSource={ledger?.spendings ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无支出' }}
          columns={[
            { title: '日期', key: 'spentOn', render: (_, s) => s.spentOn },
            { title: '预算科目', key: 'line', render: (_, s) => s.lineName },
            { title: '单位', key: 'unit', render: (_, s) => s.unit?.name ?? '创建办统筹' },
            { title: '收款方', key: 'payee', render: (_, s) => s.payee },
            { title: '用途', key: 'purpose', ellipsis: true, render: (_, s) => s.purpose },
            { title: '金额（元）', key: 'amount', align: 'right', render: (_, s) => yuan(s.amountFen) },
            {
              title: '状态',
              key: 'state',
              render: (_, s) => (
                <Space size={4} wrap>
                  <Tag color={STATE_COLORS[s.state]}>{s.stateLabel}</Tag>
                  {s.state === 'PENDING' && s.escalationLabel && <Tag color="volcano">已{s.escalationLabel}</Tag>}
                  {s.decisionNote && <Typography.Text type="secondary">{s.decisionNote}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '票据',
              key: 'receipts',
              render: (_, s) =>
                s.receipts.length === 0 ? (
                  <Typography.Text type="secondary">无</Typography.Text>
                ) : (
                  <Space direction="vertical" size={0}>
                    {s.receipts.map((r) => (
                      <Button key={r.sha256} type="link" size="small" icon={<PaperClipOutlined />} onClick={() => downloadFile(r.url, r.name).catch(failed)}>
                        {r.name}
                      </Button>
                    ))}
                  </Space>
                ),
            },
            { title: '审批', key: 'decide', render: (_, s) => (s.canDecide ? <Decide s={s} done={reload} /> : s.decidedByName ? `${s.decidedByName}` : '—') },
          ]}
        />
      </Card>
      <Card size="small" title="单位汇总">
        <Table
          size="small"
          rowKey={(u) => u.unit?.code ?? 'OFFICE'}
          dataSource={ledger?.units ?? []}
          pagination={false}
          locale={{ emptyText: '暂无' }}
          columns={[
            { title: '单位', key: 'unit', render: (_, u) => u.unitName },
            { title: '预算', key: 'budget', align: 'right', render: (_, u) => yuan(u.totals.budgetFen) },
            { title: '已分配', key: 'allocated', align: 'right', render: (_, u) => yuan(u.totals.allocatedFen) },
            { title: '已支出', key: 'spent', align: 'right', render: (_, u) => yuan(u.totals.spentFen) },
            { title: '待审批', key: 'pending', align: 'right', render: (_, u) => yuan(u.totals.pendingFen) },
          ]}
        />
      </Card>
    </Space>
  );
}
