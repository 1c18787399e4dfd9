// 检查轮次 for the supervision group and the office (the leading group reads): plan a round, start it, record what
// was found (each finding becomes a rectification item, dispatched when a unit is named), score a mock assessment
// criterion by criterion, and close it. Closed mock assessments make the 公共文明指数 on the dashboard.
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Drawer, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import { AREA_LABELS } from '../i18n/labels';
import { preparePhoto, uploadPhotos, type Photo } from '../report/photos';
import { useMe } from '../session/session';
import type { Route } from '../shell/navigation';
import { ACT_ON_ROUND, INDICATORS, PLAN_ROUND, RECORD_FINDING, RECORD_SCORES, ROUNDS, ROUND_DETAIL } from './documents';
import { UNITS } from '../api/documents';
import type { IndicatorsQuery, RecordFindingMutation, RoundQuery, RoundsQuery, UnitsQuery } from '../api/graphql.generated';

type Round = RoundsQuery['inspectionRounds'][number];

type RoundDetail = RoundQuery['inspectionRound'];

type Catalog = IndicatorsQuery;

const KINDS = [
  { value: 'MONTHLY_SUPERVISION', label: '每月督查' },
  { value: 'OPEN_INSPECTION', label: '明察' },
  { value: 'COVERT_INSPECTION', label: '暗访' },
  { value: 'MOCK_ASSESSMENT', label: '模拟测评' },
];
const STATE_COLORS: Record<string, string> = { PLANNED: 'default', IN_PROGRESS: 'processing', CLOSED: 'green' };

function useFailure() {
  const { message } = AntApp.useApp();
  return (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
}

export default function RoundsPage({ route }: { route: Route }) {
  const me = useMe();
  const failed = useFailure();
  const rounds = useQuery<RoundsQuery>(ROUNDS);
  const [planning, setPlanning] = useState(false);
  const open = route.params.get('round');
  const mayPlan = me.role === 'OFFICE' || me.role === 'SUPERVISOR';
  const list = [...(rounds.data?.inspectionRounds ?? [])].sort((a, b) => b.plannedOn.localeCompare(a.plannedOn));

  async function act(round: Round, action: string) {
    try {
      await gql(ACT_ON_ROUND, { input: { roundId: round.id, action } });
      rounds.reload();
    } catch (err) {
      failed(err);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          检查轮次
        </Typography.Title>
        {mayPlan && (
          <Button type="primary" onClick={() => setPlanning(true)}>
            计划检查
          </Button>
        )}
      </Space>
      {rounds.error && <Alert type="error" showIcon message={rounds.error.message} />}
      <Table<Round>
        size="small"
        rowKey="id"
        loading={rounds.loading && !rounds.data}
        dataSource={list}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: '还没有检查轮次' }}
        columns={[
          { title: '日期', dataIndex: 'plannedOn', width: 110 },
          { title: '类别', dataIndex: 'kindLabel', width: 100 },
          { title: '名称', dataIndex: 'title', render: (t: string, r) => <a href={`#/rounds?round=${encodeURIComponent(r.id)}`}>{t}</a> },
          { title: '状态', render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag> },
          { title: '发现问题', dataIndex: 'findingCount', width: 90 },
          { title: '得分率', render: (_, r) => (r.kind === 'MOCK_ASSESSMENT' && r.scoreRate !== null ? `${Math.round(r.scoreRate * 1000) / 10}%` : '—') },
          {
            title: '操作',
            render: (_, r) => (
              <Space>
                {r.allowedActions.includes('START_ROUND') && <Button size="small" onClick={() => void act(r, 'START_ROUND')}>开始</Button>}
                {r.allowedActions.includes('CLOSE_ROUND') && (
                  <Button size="small" onClick={() => void act(r, 'CLOSE_ROUND')}>
                    结束
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PlanDialog open={planning} onClose={() => setPlanning(false)} onPlanned={() => { setPlanning(false); rounds.reload(); }} />
      <RoundDrawer id={open} onClose={() => (location.hash = '#/rounds')} onChanged={rounds.reload} />
    </Space>
  );
}

function PlanDialog({ open, onClose, onPlanned }: { open: boolean; onClose(): void; onPlanned(): void }) {
  const [form] = Form.useForm();
  const failed = useFailure();
  const catalog = useQuery<Catalog>(INDICATORS);
  const kind = Form.useWatch('kind', form) as string | undefined;
  const indicators = (catalog.data?.catalog.items ?? []).flatMap((i) => i.indicators.map((x) => ({ value: x.code, label: `${x.code} ${x.name}` })));
  return (
    <Modal
      open={open}
      title="计划检查"
      okText="计划"
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { kind: string; title: string; plannedOn: Dayjs; places?: string; indicatorCodes?: string[] };
        try {
          await gql(PLAN_ROUND, {
            input: { kind: v.kind, title: v.title, plannedOn: v.plannedOn.format('YYYY-MM-DD'), places: (v.places ?? '').split(/[，,、\n]/).map((s) => s.trim()).filter(Boolean), indicatorCodes: v.indicatorCodes ?? [] },
          });
          form.resetFields();
          onPlanned();
        } catch (err) {
          if (err instanceof ApiError && err.field) form.setFields([{ name: err.field, errors: [err.message] }]);
          else failed(err);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'OPEN_INSPECTION', plannedOn: dayjs() }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={KINDS} />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="plannedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="places" label="检查点位（用逗号或顿号分隔）">
          <Input />
        </Form.Item>
        <Form.Item name="indicatorCodes" label="测评指标" rules={kind === 'MOCK_ASSESSMENT' ? [{ required: true, message: '模拟测评须选择要测评的指标' }] : []}>
          <Select mode="multiple" options={indicators} optionFilterProp="label" placeholder="模拟测评须选择" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RoundDrawer({ id, onClose, onChanged }: { id: string | null; onClose(): void; onChanged(): void }) {
  const detail = useQuery<RoundQuery>(ROUND_DETAIL, { id: id ?? '' });
  const round = id ? (detail.data?.inspectionRound ?? null) : null;
  const changed = () => {
    detail.reload();
    onChanged();
  };
  return (
    <Drawer open={id !== null} onClose={onClose} title={round ? `${round.kindLabel} · ${round.title}` : '检查轮次'} size="large" destroyOnHidden>
      {detail.error && id && <Alert type="error" showIcon message={detail.error.message} />}
      {round && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text>
            {round.plannedOn} · <Tag color={STATE_COLORS[round.state]}>{round.stateLabel}</Tag> {round.places.join('、')}
          </Typography.Text>
          {round.allowedActions.includes('RECORD_FINDING') && <FindingForm round={round} onRecorded={changed} />}
          {round.allowedActions.includes('RECORD_SCORES') && <ScoresForm round={round} onRecorded={changed} />}
          <List
            header={`发现问题（${round.findings.length}）`}
            size="small"
            dataSource={round.findings}
            locale={{ emptyText: '还没有记录问题' }}
            renderItem={(f) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Typography.Text>
                    <Tag>{f.stateLabel}</Tag>
                    {f.description}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {f.area ? AREA_LABELS[f.area] : ''} · {f.location.address} · {f.unit?.name ?? '待派单'}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          <Timeline items={round.history.map((h) => ({ children: `${dayjs(h.occurredAt).format('YYYY-MM-DD HH:mm')} ${h.actor.displayName}：${h.label}` }))} />
        </Space>
      )}
    </Drawer>
  );
}

function FindingForm({ round, onRecorded }: { round: RoundDetail; onRecorded(): void }) {
  const [form] = Form.useForm();
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [busy, setBusy] = useState(false);
  const units = useQuery<UnitsQuery>(UNITS);
  const unitOptions = useMemo(() => (units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name })), [units.data]);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (v: { area: string; address: string; description: string; unitCode?: string }) => {
        setBusy(true);
        try {
          const r = await gql<RecordFindingMutation>(RECORD_FINDING, {
            input: { roundId: round.id, area: v.area, location: { address: v.address }, description: v.description, unitCode: v.unitCode || null, photos: await uploadPhotos(photos) },
          });
          message.success(r.recordFinding.duplicate ? '已存在相同问题，已合并' : '已记录，已生成整改问题');
          form.resetFields();
          setPhotos([]);
          onRecorded();
        } catch (err) {
          if (err instanceof ApiError && err.field) form.setFields([{ name: err.field.replace(/^location\./, ''), errors: [err.message] }]);
          else failed(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Text strong>记录发现的问题</Typography.Text>
      <Space wrap align="start">
        <Form.Item name="area" label="专项整治领域" rules={[{ required: true, message: '请选择领域' }]}>
          <Select style={{ width: 160 }} options={Object.entries(AREA_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="unitCode" label="派给单位（可不填）">
          <Select allowClear style={{ width: 180 }} options={unitOptions} />
        </Form.Item>
      </Space>
      <Form.Item name="address" label="地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label="问题描述" rules={[{ required: true, whitespace: true, message: '请描述问题' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space wrap>
        <Upload
          accept="image/*"
          multiple
          showUploadList={false}
          beforeUpload={(file, index) => {
            preparePhoto(file, photos.length + (typeof index === 'number' ? index : 0))
              .then((p) => setPhotos((now) => [...now, p]))
              .catch(() => failed(new Error('这张照片无法读取')));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>添加照片（{photos.length}）</Button>
        </Upload>
        <Button type="primary" htmlType="submit" loading={busy}>
          记录
        </Button>
      </Space>
    </Form>
  );
}

function ScoresForm({ round, onRecorded }: { round: RoundDetail; onRecorded(): void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const catalog = useQuery<Catalog>(INDICATORS);
  const criteria = (catalog.data?.catalog.items ?? []).flatMap((i) => i.indicators).filter((x) => round.indicatorCodes.includes(x.code)).flatMap((x) => x.criteria.map((c) => ({ ...c, indicator: x.name })));
  const [scores, setScores] = useState<Record<string, number | null>>(() => Object.fromEntries(round.scores.map((s) => [s.criterionCode, s.score])));
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <Typography.Text strong>模拟测评得分</Typography.Text>
      <Table
        size="small"
        rowKey="code"
        dataSource={criteria}
        pagination={false}
        columns={[
          { title: '测评内容', render: (_, c) => `${c.code} ${c.content}` },
          { title: '分值', dataIndex: 'points', width: 70 },
          {
            title: '得分',
            width: 120,
            render: (_, c) => (
              <InputNumber aria-label={`${c.code} 得分`} min={0} max={c.points} step={0.5} value={scores[c.code] ?? null} onChange={(v) => setScores((now) => ({ ...now, [c.code]: v }))} />
            ),
          },
        ]}
      />
      <Button
        style={{ marginTop: 8 }}
        type="primary"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            const entered = Object.entries(scores).filter((e): e is [string, number] => typeof e[1] === 'number');
            await gql(RECORD_SCORES, { input: { roundId: round.id, scores: entered.map(([criterionCode, score]) => ({ criterionCode, score })) } });
            message.success('得分已录入');
            onRecorded();
          } catch (err) {
            failed(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        保存得分
      </Button>
    </div>
  );
}
