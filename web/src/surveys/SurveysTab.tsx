// 问卷调查 (工作组 tab): the campaign's survey rounds with the street's 知晓率、支持率、参与率 and 满意度; the office plans a
// round over the communities, enters each community's sample and counts (rates are computed by the API from the
// counts), closes the round (its numbers are then locked) and exports it; whoever may attach evidence to a survey
// indicator's task cites a closed round there. What is allowed comes from the API (canRecord, canClose).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import { base64ToBlob, downloadBlob } from '../dashboard/exports';
import { useMe } from '../session/session';
import type { ExportSurveyRoundQuery, SurveyRoundsQuery, SurveyTasksQuery } from '../api/graphql.generated';
import { CITE_SURVEY_ROUND, CLOSE_SURVEY_ROUND, EXPORT_SURVEY_ROUND, PLAN_SURVEY_ROUND, RECORD_SURVEY_RESULTS, SURVEY_ROUNDS, SURVEY_TASKS } from './documents';

type Round = SurveyRoundsQuery['surveyRounds'][number];
type Community = Round['communities'][number];
type Counts = NonNullable<Round['total']>;

const MEASURES = [
  { key: 'aware', count: '知晓人数', rate: '知晓率' },
  { key: 'supporting', count: '支持人数', rate: '支持率' },
  { key: 'participating', count: '参与人数', rate: '参与率' },
  { key: 'satisfied', count: '满意人数', rate: '满意度' },
] as const;
const METHODS = [
  { value: 'IN_PERSON', label: '入户面访' },
  { value: 'INTERCEPT', label: '街头拦访' },
  { value: 'ONLINE', label: '网络问卷' },
  { value: 'PHONE', label: '电话访问' },
];
const MAX_SAMPLE = 100_000;
const pct = (v: number) => `${v.toFixed(1)}%`;
const local = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

function useFailure() {
  const { message } = AntApp.useApp();
  return (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
}

function Rates({ c }: { c: Counts | null | undefined }) {
  if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      {MEASURES.map((m) => (
        <Tag key={m.key}>
          {m.rate} {pct(c.rates[m.key])}
        </Tag>
      ))}
    </Space>
  );
}

async function exportRound(id: string) {
  const file = (await gql<ExportSurveyRoundQuery>(EXPORT_SURVEY_ROUND, { id })).exportSurveyRound;
  downloadBlob(base64ToBlob(file.contentBase64, file.mimeType), file.fileName);
}

/** The office's plan: title, method, period, communities (all by default). */
function PlanModal({ open, communities, onClose, onDone }: { open: boolean; communities: { code: string; name: string }[]; onClose(): void; onDone(): void }) {
  const failed = useFailure();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ title: string; method: string; period: [Dayjs, Dayjs]; unitCodes: string[] }>();
  return (
    <Modal open={open} title="制定问卷调查计划" okText="制定" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'IN_PERSON', unitCodes: communities.map((c) => c.code) }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await gql(PLAN_SURVEY_ROUND, { input: { title: v.title, method: v.method, startDate: v.period[0].format('YYYY-MM-DD'), endDate: v.period[1].format('YYYY-MM-DD'), unitCodes: v.unitCodes } });
            onDone();
          } catch (err) {
            failed(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 100 }]}>
          <Input maxLength={100} aria-label="调查名称" placeholder="如：第四轮群众满意度问卷调查" />
        </Form.Item>
        <Form.Item name="method" label="调查方式" rules={[{ required: true }]}>
          <Select options={METHODS} aria-label="调查方式" />
        </Form.Item>
        <Form.Item name="period" label="调查时间（结果须于结束日 24 时前录入）" rules={[{ required: true, message: '请选择调查时间' }]}>
          <DatePicker.RangePicker aria-label="调查时间" />
        </Form.Item>
        <Form.Item name="unitCodes" label="调查社区" rules={[{ required: true, message: '请选择社区' }]}>
          <Select mode="multiple" options={communities.map((c) => ({ value: c.code, label: c.name }))} aria-label="调查社区" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One community's entry: the sample and the four counts, each a whole number not above the sample. */
function EntryRow({ round, c, done }: { round: Round; c: Community; done(): void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Record<'sample' | 'aware' | 'supporting' | 'participating' | 'satisfied', number>>();
  const within = (field: string) => ({
    validator: async (_: unknown, value: number | null) => {
      const sample = form.getFieldValue('sample') as number | null;
      if (value !== null && value !== undefined && sample && value > sample) throw new Error(`${field}不能超过样本量`);
    },
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={c.counts ?? undefined}
      onFinish={async (v) => {
        setBusy(true);
        try {
          await gql(RECORD_SURVEY_RESULTS, { input: { roundId: round.id, unitCode: c.unit.code, ...v } });
          message.success(`${c.unit.name}的结果已${c.recorded ? '更正' : '录入'}`);
          done();
        } catch (err) {
          failed(err);
        } finally {
          setBusy(false);
        }
      }}
      data-testid={`entry-${c.unit.code}`}
    >
      <Form.Item name="sample" rules={[{ required: true, message: '请填写样本量' }]}>
        <InputNumber min={1} max={MAX_SAMPLE} precision={0} placeholder="样本量" aria-label={`${c.unit.name}样本量`} style={{ width: 100 }} />
      </Form.Item>
      {MEASURES.map((m) => (
        <Form.Item key={m.key} name={m.key} dependencies={['sample']} rules={[{ required: true, message: `请填写${m.count}` }, within(m.count)]}>
          <InputNumber min={0} max={MAX_SAMPLE} precision={0} placeholder={m.count} aria-label={`${c.unit.name}${m.count}`} style={{ width: 100 }} />
        </Form.Item>
      ))}
      <Button htmlType="submit" type="primary" loading={busy}>
        {c.recorded ? '更正' : '保存'}
      </Button>
    </Form>
  );
}

/** Cites the round on a survey indicator's task the caller may attach evidence to. */
function Cite({ round }: { round: Round }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const tasks = useQuery<SurveyTasksQuery>(SURVEY_TASKS);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const options = (tasks.data?.tasks.edges ?? [])
    .map((e) => e.node)
    .filter((t) => t.indicator.method === 'SURVEY' && t.sideActions.includes('ATTACH_EVIDENCE'))
    .map((t) => ({ value: t.id, label: `${t.indicator.code} ${t.indicator.name}（${t.unit.name}）` }));
  if (!tasks.loading && options.length === 0) return null;
  return (
    <Card size="small" title="引用为任务佐证">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select value={taskId} onChange={setTaskId} options={options} loading={tasks.loading} placeholder="选择问卷调查类指标的任务" aria-label="引用到任务" style={{ width: '100%' }} />
        <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder="说明（可不填）" aria-label="引用说明" />
        <Button
          type="primary"
          disabled={taskId === null}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await gql(CITE_SURVEY_ROUND, { input: { taskId, roundId: round.id, note } });
              message.success('已引用为任务佐证，结果表已附在任务的佐证材料中');
              setTaskId(null);
              setNote('');
            } catch (err) {
              failed(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          引用
        </Button>
      </Space>
    </Card>
  );
}

function RoundDrawer({ round, onClose, reload }: { round: Round; onClose(): void; reload(): void }) {
  const failed = useFailure();
  const { message, modal } = AntApp.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const missing = round.communities.filter((c) => !c.recorded).length;
  return (
    <Drawer open onClose={onClose} width={960} title={round.title} destroyOnHidden extra={<Button icon={<FileExcelOutlined />} onClick={() => exportRound(round.id).catch(failed)}>导出 Excel</Button>}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="状态">
            <Tag color={round.state === 'CLOSED' ? 'success' : 'processing'}>{round.stateLabel}</Tag>
            {round.escalationLabel && round.state === 'OPEN' && <Tag color="volcano">已{round.escalationLabel}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="调查方式">{round.methodLabel}</Descriptions.Item>
          <Descriptions.Item label="调查时间">
            {round.startDate} 至 {round.endDate}
          </Descriptions.Item>
          <Descriptions.Item label="结果录入期限">{local(round.dueAt)}</Descriptions.Item>
          <Descriptions.Item label="全街道（按样本加权）" span={2}>
            {round.total ? (
              <Space wrap>
                <span>样本 {round.total.sample} 份</span>
                <Rates c={round.total} />
              </Space>
            ) : (
              '尚无结果'
            )}
          </Descriptions.Item>
          {round.closeNote && <Descriptions.Item label="结束说明">{round.closeNote}</Descriptions.Item>}
        </Descriptions>
        <Table<Community>
          size="small"
          rowKey={(c) => c.unit.code}
          pagination={false}
          dataSource={round.communities}
          columns={[
            { title: '社区', key: 'unit', render: (_, c) => c.unit.name },
            { title: '样本量', key: 'sample', align: 'right', render: (_, c) => c.counts?.sample ?? <Tag>未录入</Tag> },
            ...MEASURES.map((m) => ({
              title: m.rate,
              key: m.key,
              align: 'right' as const,
              render: (_: unknown, c: Community) => (c.counts ? `${pct(c.counts.rates[m.key])}（${c.counts[m.key]}）` : '—'),
            })),
          ]}
        />
        {round.canRecord && (
          <Card size="small" title="录入各社区结果（人数为整数，不超过样本量；比率由系统按人数计算）">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space aria-hidden>
                <Typography.Text type="secondary" style={{ display: 'inline-block', width: 90 }}>
                  社区
                </Typography.Text>
                {['样本量', ...MEASURES.map((m) => m.count)].map((h) => (
                  <Typography.Text key={h} type="secondary" style={{ display: 'inline-block', width: 108 }}>
                    {h}
                  </Typography.Text>
                ))}
              </Space>
              {round.communities.map((c) => (
                <Space key={c.unit.code} align="start">
                  <Typography.Text strong style={{ display: 'inline-block', width: 90, lineHeight: '32px' }}>
                    {c.unit.name}
                  </Typography.Text>
                  <EntryRow round={round} c={c} done={reload} />
                </Space>
              ))}
            </Space>
          </Card>
        )}
        {round.state === 'OPEN' && (round.canClose || round.canRecord) && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {missing > 0 && <Alert type="info" showIcon message={`尚有 ${missing} 个社区未录入结果，全部录入后才能结束本轮。`} />}
            <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder="结束说明（可不填）" aria-label="结束说明" />
            <Button
              danger
              disabled={!round.canClose}
              loading={busy}
              onClick={() =>
                modal.confirm({
                  title: '结束本轮调查？',
                  content: '结束后本轮数据锁定，不能再修改。',
                  okText: '结束',
                  cancelText: '取消',
                  onOk: async () => {
                    setBusy(true);
                    try {
                      await gql(CLOSE_SURVEY_ROUND, { id: round.id, note });
                      message.success('本轮调查已结束，数据已锁定');
                      reload();
                    } catch (err) {
                      failed(err);
                    } finally {
                      setBusy(false);
                    }
                  },
                })
              }
            >
              结束本轮
            </Button>
          </Space>
        )}
        {round.state === 'CLOSED' && <Cite round={round} />}
        <Typography.Title level={5}>办理记录</Typography.Title>
        <Timeline items={round.history.map((h, i) => ({ key: `${h.at}-${i}`, children: `${local(h.at)} ${h.actorName} ${h.label}${h.note ? `：${h.note}` : ''}` }))} />
      </Space>
    </Drawer>
  );
}

export default function SurveysTab() {
  const me = useMe();
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const query = useQuery<SurveyRoundsQuery>(SURVEY_ROUNDS);
  const [openId, setOpenId] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const rounds = query.data?.surveyRounds ?? [];
  const open = rounds.find((r) => r.id === openId) ?? null;
  return (
    <Card
      size="small"
      title="问卷调查（知晓率、支持率、参与率、满意度）"
      extra={
        me.role === 'OFFICE' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
            制定调查计划
          </Button>
        )
      }
    >
      {query.error && <Alert type="error" message={query.error.message} />}
      <Table<Round>
        size="small"
        rowKey="id"
        loading={query.loading}
        dataSource={rounds}
        pagination={false}
        locale={{ emptyText: '暂无问卷调查' }}
        columns={[
          { title: '名称', dataIndex: 'title', key: 'title' },
          { title: '调查时间', key: 'period', render: (_, r) => `${r.startDate} 至 ${r.endDate}` },
          { title: '方式', dataIndex: 'methodLabel', key: 'method' },
          {
            title: '状态',
            key: 'state',
            render: (_, r) => (
              <Space size={4}>
                <Tag color={r.state === 'CLOSED' ? 'success' : 'processing'}>{r.stateLabel}</Tag>
                {r.escalationLabel && r.state === 'OPEN' && <Tag color="volcano">已{r.escalationLabel}</Tag>}
              </Space>
            ),
          },
          { title: '已录入', key: 'recorded', render: (_, r) => `${r.recordedCount}/${r.communities.length}` },
          { title: '全街道（按样本加权）', key: 'total', render: (_, r) => <Rates c={r.total} /> },
          {
            title: '操作',
            key: 'open',
            render: (_, r) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setOpenId(r.id)}>
                  {r.canRecord ? '录入' : '查看'}
                </Button>
                <Button size="small" type="link" onClick={() => exportRound(r.id).catch(failed)}>
                  导出
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {open && <RoundDrawer round={open} onClose={() => setOpenId(null)} reload={query.reload} />}
      <PlanModal
        open={planning}
        communities={query.data?.surveyCommunities ?? []}
        onClose={() => setPlanning(false)}
        onDone={() => {
          setPlanning(false);
          message.success('问卷调查计划已制定');
          query.reload();
        }}
      />
    </Card>
  );
}
