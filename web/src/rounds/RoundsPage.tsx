// 检查轮次 for the supervision group and the office (the leading group reads): plan a round, start it, record what
// was found (each finding becomes a rectification item, dispatched when a unit is named), score a mock assessment
// criterion by criterion, and close it. Closed mock assessments make the 公共文明指数 on the dashboard.
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Drawer, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import { AREA_LABELS } from '../i18n/labels';
import { preparePhoto, uploadPhotos, type Photo } from '../report/photos';
import { useMe } from '../session/session';
import type { Route } from '../shell/navigation';
import { ACT_ON_ROUND, EXPORT_WINDOW_CHECKS, INDICATORS, PLAN_ROUND, RECORD_FINDING, RECORD_SCORES, RECORD_WINDOW_CHECK, ROUNDS, ROUND_DETAIL, SAVE_WINDOW_CHECKLIST, WINDOW_CHECKLIST } from './documents';
import { downloadExported } from '../api/files';
import { UNITS } from '../api/documents';
import type { ExportWindowChecksQuery, IndicatorsQuery, RecordFindingMutation, RoundQuery, RoundsQuery, UnitsQuery, WindowChecklistQuery } from '../api/graphql.generated';

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
  const [editingChecklist, setEditingChecklist] = useState(false);
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
        <Button
          onClick={async () => {
            try {
              downloadExported((await gql<ExportWindowChecksQuery>(EXPORT_WINDOW_CHECKS)).exportWindowChecks);
            } catch (err) {
              failed(err);
            }
          }}
        >
          导出窗口服务检查
        </Button>
        {me.role === 'OFFICE' && <Button onClick={() => setEditingChecklist(true)}>窗口服务检查表</Button>}
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
      {editingChecklist && <ChecklistDialog onClose={() => setEditingChecklist(false)} />}
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
          <TaskAssessments round={round} />
          {round.allowedActions.includes('RECORD_WINDOW_CHECK') && <WindowCheckForm round={round} onRecorded={changed} />}
          <WindowChecks round={round} />
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

const OUTCOME_COLORS: Record<string, string> = { INCOMPLETE: 'default', APPLYING: 'processing', APPLIED: 'green', NOT_APPLICABLE: 'orange' };

/** 模拟测评得分计入任务: per covered task, whether the round's scores became its mock assessment, and why not. */
function TaskAssessments({ round }: { round: RoundDetail }) {
  if (round.kind !== 'MOCK_ASSESSMENT') return null;
  return (
    <Table
      size="small"
      rowKey="taskId"
      title={() => <Typography.Text strong>得分计入任务的模拟测评</Typography.Text>}
      dataSource={round.taskAssessments}
      pagination={false}
      locale={{ emptyText: '还没有为单位的指标任务录分' }}
      columns={[
        { title: '指标', dataIndex: 'indicatorCode', width: 60 },
        { title: '责任单位', dataIndex: 'unitName', width: 130 },
        { title: '得分', width: 120, render: (_, a) => `${a.score} / ${a.maxScore}${a.scoreRate === null ? '' : `（${a.scoreRate}%）`}` },
        { title: '结果', width: 100, render: (_, a) => <Tag color={OUTCOME_COLORS[a.outcome]}>{a.outcomeLabel}</Tag> },
        { title: '达标', width: 90, render: (_, a) => (a.passed === null ? '—' : a.passed ? '达标' : '未达标，转入整改') },
        { title: '原因', dataIndex: 'reason', render: (r: string | null) => r ?? '' },
      ]}
    />
  );
}

function ScoresForm({ round, onRecorded }: { round: RoundDetail; onRecorded(): void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const catalog = useQuery<Catalog>(INDICATORS);
  const units = useMemo(() => [...new Map(round.coveredTasks.map((t) => [t.unitCode, t])).values()], [round.coveredTasks]);
  const [unitCode, setUnitCode] = useState<string | null>(units.length === 1 ? units[0].unitCode : null);
  // A unit scores the indicators it has a task of; without units the round's indicators are scored as a whole.
  const ofUnit = unitCode ? round.coveredTasks.filter((t) => t.unitCode === unitCode).map((t) => t.indicatorCode) : round.indicatorCodes;
  const criteria = (catalog.data?.catalog.items ?? []).flatMap((i) => i.indicators).filter((x) => ofUnit.includes(x.code)).flatMap((x) => x.criteria.map((c) => ({ ...c, indicator: x.name })));
  const recorded = (code: string) => round.scores.find((s) => s.criterionCode === code && (s.unitCode ?? null) === unitCode)?.score ?? null;
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [busy, setBusy] = useState(false);
  const key = (code: string) => `${unitCode ?? ''}|${code}`;
  return (
    <div>
      <Space wrap>
        <Typography.Text strong>模拟测评得分</Typography.Text>
        {units.length > 0 && (
          <Select
            aria-label="测评单位"
            style={{ width: 220 }}
            placeholder="选择责任单位"
            value={unitCode ?? undefined}
            onChange={(v: string) => setUnitCode(v)}
            options={units.map((u) => ({ value: u.unitCode, label: u.unitName }))}
          />
        )}
      </Space>
      {units.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
          某单位某指标的测评内容录全后，得分即为该单位指标任务的模拟测评结果（无须在任务中重复录入），录入后不能再修改。
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="code"
        dataSource={units.length > 0 && !unitCode ? [] : criteria}
        pagination={false}
        locale={{ emptyText: units.length > 0 && !unitCode ? '请先选择责任单位' : '没有测评内容' }}
        columns={[
          { title: '测评内容', render: (_, c) => `${c.code} ${c.content}` },
          { title: '分值', dataIndex: 'points', width: 70 },
          {
            title: '得分',
            width: 120,
            render: (_, c) => (
              <InputNumber
                aria-label={`${c.code} 得分`}
                min={0}
                max={c.points}
                step={0.5}
                value={scores[key(c.code)] ?? recorded(c.code)}
                onChange={(v) => setScores((now) => ({ ...now, [key(c.code)]: v }))}
              />
            ),
          },
        ]}
      />
      <Button
        style={{ marginTop: 8 }}
        type="primary"
        loading={busy}
        disabled={units.length > 0 && !unitCode}
        onClick={async () => {
          setBusy(true);
          try {
            const entered = criteria.map((c) => [c.code, scores[key(c.code)]] as const).filter((e): e is readonly [string, number] => typeof e[1] === 'number');
            await gql(RECORD_SCORES, { input: { roundId: round.id, unitCode, scores: entered.map(([criterionCode, score]) => ({ criterionCode, score })) } });
            message.success('得分已录入');
            setScores({});
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

/** 窗口服务规范化检查: one window-service unit, every checklist point 合格 or 不合格 with a note (photos for failures). */
function WindowCheckForm({ round, onRecorded }: { round: RoundDetail; onRecorded(): void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const checklist = useQuery<WindowChecklistQuery>(WINDOW_CHECKLIST);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [passed, setPassed] = useState<Record<string, boolean>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [photos, setPhotos] = useState<Record<string, Photo[]>>({});
  const [busy, setBusy] = useState(false);
  const points = checklist.data?.windowChecklist.points ?? [];
  const checked = new Set(round.windowChecks.map((c) => c.unitCode));
  const units = (checklist.data?.windowServiceUnits ?? []).filter((u) => !checked.has(u.code));
  if (checklist.data && units.length === 0) return null;
  return (
    <div>
      <Space wrap>
        <Typography.Text strong>窗口服务规范化检查</Typography.Text>
        <Select aria-label="窗口服务单位" style={{ width: 220 }} placeholder="选择窗口服务单位" value={unitCode ?? undefined} onChange={(v: string) => setUnitCode(v)} options={units.map((u) => ({ value: u.code, label: u.name }))} />
        <Typography.Text type="secondary">检查表{checklist.data?.windowChecklist.version ? `第${checklist.data.windowChecklist.version}版` : '（默认）'}；不合格项目自动生成整改问题并派给该单位</Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="code"
        dataSource={points}
        pagination={false}
        columns={[
          { title: '检查项目', dataIndex: 'label' },
          {
            title: '结论',
            width: 170,
            render: (_, p) => (
              <Radio.Group
                aria-label={`${p.label} 结论`}
                value={passed[p.code]}
                onChange={(e) => setPassed((now) => ({ ...now, [p.code]: e.target.value as boolean }))}
                options={[
                  { value: true, label: '合格' },
                  { value: false, label: '不合格' },
                ]}
              />
            ),
          },
          {
            title: '说明',
            render: (_, p) => <Input aria-label={`${p.label} 说明`} maxLength={500} value={notes[p.code] ?? ''} onChange={(e) => setNotes((now) => ({ ...now, [p.code]: e.target.value }))} />,
          },
          {
            title: '照片',
            width: 110,
            render: (_, p) =>
              passed[p.code] === false ? (
                <Upload
                  accept="image/*"
                  multiple
                  showUploadList={false}
                  beforeUpload={(file, index) => {
                    preparePhoto(file, (photos[p.code]?.length ?? 0) + (typeof index === 'number' ? index : 0))
                      .then((ph) => setPhotos((now) => ({ ...now, [p.code]: [...(now[p.code] ?? []), ph] })))
                      .catch(() => failed(new Error('这张照片无法读取')));
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />}>
                    {photos[p.code]?.length ?? 0}
                  </Button>
                </Upload>
              ) : null,
          },
        ]}
      />
      <Button
        style={{ marginTop: 8 }}
        type="primary"
        loading={busy}
        disabled={!unitCode || points.some((p) => passed[p.code] === undefined)}
        onClick={async () => {
          setBusy(true);
          try {
            const results = await Promise.all(
              points.map(async (p) => ({ code: p.code, passed: passed[p.code], note: notes[p.code] ?? '', photos: passed[p.code] ? [] : await uploadPhotos(photos[p.code] ?? []) })),
            );
            await gql(RECORD_WINDOW_CHECK, { input: { roundId: round.id, unitCode, results } });
            const failures = results.filter((r) => !r.passed).length;
            message.success(failures > 0 ? `已记录，${failures}个不合格项目已生成整改问题` : '已记录，全部合格');
            setUnitCode(null);
            setPassed({});
            setNotes({});
            setPhotos({});
            onRecorded();
          } catch (err) {
            failed(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        保存检查结果
      </Button>
    </div>
  );
}

function WindowChecks({ round }: { round: RoundDetail }) {
  if (round.windowChecks.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {round.windowChecks.map((c) => (
        <Table
          key={c.unitCode}
          size="small"
          rowKey="code"
          title={() => (
            <Typography.Text strong>
              窗口服务检查 · {c.unitName} · 合格 {c.passedCount}/{c.results.length}（{c.passRate ?? 0}%）
            </Typography.Text>
          )}
          dataSource={c.results}
          pagination={false}
          columns={[
            { title: '检查项目', dataIndex: 'label' },
            { title: '结论', width: 80, render: (_, r) => <Tag color={r.passed ? 'green' : 'red'}>{r.passed ? '合格' : '不合格'}</Tag> },
            { title: '说明', dataIndex: 'note' },
            {
              title: '整改问题',
              render: (_, r) => (r.item ? <a href={`#/board?view=items&kind=item&card=${encodeURIComponent(r.item.id)}`}>{r.duplicate ? `已合并到已有问题（${r.item.stateLabel}）` : r.item.stateLabel}</a> : r.passed ? '' : '—'),
            },
          ]}
        />
      ))}
    </Space>
  );
}

/** The office keeps the checklist: each save becomes its next version; rounds check against the latest. */
function ChecklistDialog({ onClose }: { onClose(): void }) {
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const checklist = useQuery<WindowChecklistQuery>(WINDOW_CHECKLIST);
  const [text, setText] = useState<string | null>(null);
  const current = checklist.data?.windowChecklist;
  const shown = text ?? (current ? current.points.map((p) => `${p.code} ${p.label}`).join('\n') : '');
  return (
    <Modal
      open
      title={`窗口服务规范化检查表${current ? (current.version ? `（第${current.version}版）` : '（默认）') : ''}`}
      okText="保存为新版本"
      onCancel={onClose}
      onOk={async () => {
        const points = shown
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) => {
            const space = line.indexOf(' ');
            return space < 0 ? { code: line, label: '' } : { code: line.slice(0, space), label: line.slice(space + 1).trim() };
          });
        try {
          const saved = await gql<{ saveWindowChecklist: { version: number } }>(SAVE_WINDOW_CHECKLIST, { input: { points, expectedVersion: current?.version ?? null } });
          message.success(`已保存为第${saved.saveWindowChecklist.version}版`);
          onClose();
        } catch (err) {
          failed(err);
        }
      }}
    >
      <Typography.Paragraph type="secondary">每行一个检查项目：编码（字母、数字）+ 空格 + 检查内容。保存后新的检查按新版本进行，已完成的检查保留原版本。</Typography.Paragraph>
      <Input.TextArea aria-label="检查项目" rows={10} value={shown} onChange={(e) => setText(e.target.value)} />
    </Modal>
  );
}
