// 总结评议 (工作组 tab): the campaign's self-evaluation rounds (自查自评) with each unit's form and its status; the office
// opens a round, returns a form with a reason, closes a round and exports it; a unit's people fill their own form (the
// office the sub-district's); the leading group grades units (评议) and rates the six working groups 达标 / 未达标.
// What is allowed comes from the API (canSubmit, canReturn, canClose, canGrade).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import { base64ToBlob, downloadBlob } from '../dashboard/exports';
import { useMe } from '../session/session';
import type { AppraisalQuery, ExportSelfEvaluationRoundQuery, SelfEvaluationRoundsQuery } from '../api/graphql.generated';
import { APPRAISAL, CLOSE_SELF_EVALUATION_ROUND, EXPORT_SELF_EVALUATION_ROUND, GRADE_UNIT, OPEN_SELF_EVALUATION_ROUND, RATE_WORKING_GROUP, RETURN_SELF_EVALUATION, SELF_EVALUATION_ROUNDS, SUBMIT_SELF_EVALUATION } from './documents';

type Round = SelfEvaluationRoundsQuery['selfEvaluationRounds'][number];
type UnitForm = Round['forms'][number];
type Rating = AppraisalQuery['appraisal']['ratings'][number];

const GRADES = [
  { value: 'EXCELLENT', label: '优秀' },
  { value: 'GOOD', label: '良好' },
  { value: 'PASS', label: '合格' },
  { value: 'FAIL', label: '不合格' },
];
const STATUSES = [
  { value: 'MET', label: '达标' },
  { value: 'NOT_MET', label: '未达标' },
  { value: 'UNKNOWN', label: '未知可否达标' },
];
const FORM_COLORS: Record<string, string> = { MISSING: 'default', SUBMITTED: 'success', RETURNED: 'warning' };

function useFailure() {
  const { message } = AntApp.useApp();
  return (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
}

async function exportRound(id: string) {
  const file = (await gql<ExportSelfEvaluationRoundQuery>(EXPORT_SELF_EVALUATION_ROUND, { id })).exportSelfEvaluationRound;
  downloadBlob(base64ToBlob(file.contentBase64, file.mimeType), file.fileName);
}

/** Runs an action with the busy flag and the failure message; answers whether it succeeded. */
function useAction() {
  const failed = useFailure();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      return true;
    } catch (err) {
      failed(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function OpenModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const { busy, run } = useAction();
  const [form] = Form.useForm<{ title: string; period: [Dayjs, Dayjs]; due: Dayjs; includeSubdistrict: boolean }>();
  return (
    <Modal open={open} title="发起自查自评" okText="发起" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ includeSubdistrict: true }}
        onFinish={async (v) => {
          const input = { title: v.title, periodStart: v.period[0].format('YYYY-MM-DD'), periodEnd: v.period[1].format('YYYY-MM-DD'), dueDate: v.due.format('YYYY-MM-DD'), includeSubdistrict: v.includeSubdistrict };
          if (await run(() => gql(OPEN_SELF_EVALUATION_ROUND, { input }))) onDone();
        }}
      >
        <Form.Item name="title" label="名称" rules={[{ required: true, max: 100 }]}>
          <Input placeholder="如：第一季度自查自评" />
        </Form.Item>
        <Form.Item name="period" label="自评期间" rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="due" label="报送截止日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="includeSubdistrict" label="街道自评（由创建办填写）">
          <Radio.Group options={[{ value: true, label: '包括' }, { value: false, label: '不包括' }]} />
        </Form.Item>
        <Typography.Text type="secondary">全部责任单位参加；每个单位的自评表列出本单位的全部指标任务。</Typography.Text>
      </Form>
    </Modal>
  );
}

/** A unit's form: read, filled (its own people, or the office for the sub-district) or returned (the office). */
function FormDrawer({ round, form: unit, onClose, reload }: { round: Round; form: UnitForm; onClose(): void; reload(): void }) {
  const { busy, run } = useAction();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [reason, setReason] = useState('');
  return (
    <Drawer open width={760} title={`${unit.unitName} 自查自评表`} onClose={onClose} destroyOnHidden>
      <Descriptions size="small" column={2} items={[
        { key: 's', label: '状态', children: <Tag color={FORM_COLORS[unit.state]}>{unit.stateLabel}</Tag> },
        { key: 'l', label: '逾期提交', children: unit.submissions > 0 ? (unit.late ? '是' : '否') : '—' },
        { key: 'n', label: '提交次数', children: unit.submissions },
        { key: 'g', label: '自评等次', children: unit.selfGradeLabel ?? '—' },
        ...(unit.returnReason ? [{ key: 'r', label: '退回原因', children: <Typography.Text type="warning">{unit.returnReason}</Typography.Text> }] : []),
      ]} />
      {unit.canSubmit ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{
            selfGrade: unit.selfGrade ?? undefined,
            achievements: unit.achievements,
            shortcomings: unit.shortcomings,
            nextSteps: unit.nextSteps,
            items: unit.items.map((i) => ({ taskId: i.taskId, status: i.status ?? undefined, note: i.note })),
          }}
          onFinish={async (v: { selfGrade: string; achievements: string; shortcomings: string; nextSteps: string; items: { taskId: string; status: string; note?: string }[] }) => {
            const input = { roundId: round.id, unitCode: unit.unitCode, selfGrade: v.selfGrade, achievements: v.achievements, shortcomings: v.shortcomings, nextSteps: v.nextSteps, items: (v.items ?? []).map((i) => ({ taskId: i.taskId, status: i.status, note: i.note ?? '' })) };
            if (await run(() => gql(SUBMIT_SELF_EVALUATION, { input }))) {
              message.success('自评表已提交');
              reload();
              onClose();
            }
          }}
        >
          <Form.List name="items">
            {(fields) =>
              fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'taskId']} hidden>
                    <Input />
                  </Form.Item>
                  <Typography.Text style={{ display: 'inline-block', width: 220, paddingTop: 4 }}>
                    {unit.items[index].indicatorCode} {unit.items[index].indicatorName}
                  </Typography.Text>
                  <Form.Item name={[field.name, 'status']} rules={[{ required: true, message: '请选择' }]}>
                    <Select style={{ width: 140 }} options={STATUSES} placeholder="自评结果" aria-label={`自评结果 ${unit.items[index].indicatorCode}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} rules={[{ max: 200 }]}>
                    <Input style={{ width: 260 }} placeholder="说明（不超过200字）" />
                  </Form.Item>
                </Space>
              ))
            }
          </Form.List>
          <Form.Item name="achievements" label="主要成绩" rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="shortcomings" label="存在不足" rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="nextSteps" label="下一步打算" rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="selfGrade" label="自评等次" rules={[{ required: true }]}>
            <Radio.Group options={GRADES} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交自评表
          </Button>
        </Form>
      ) : (
        <>
          <Table
            size="small"
            rowKey="taskId"
            style={{ marginTop: 16 }}
            pagination={false}
            dataSource={unit.items}
            locale={{ emptyText: '无指标任务' }}
            columns={[
              { title: '测评指标', key: 'i', render: (_, i) => `${i.indicatorCode} ${i.indicatorName}` },
              { title: '自评结果', key: 's', render: (_, i) => i.statusLabel ?? '—' },
              { title: '说明', dataIndex: 'note', key: 'n' },
            ]}
          />
          <Descriptions size="small" column={1} style={{ marginTop: 16 }} items={[
            { key: 'a', label: '主要成绩', children: unit.achievements || '—' },
            { key: 's', label: '存在不足', children: unit.shortcomings || '—' },
            { key: 'n', label: '下一步打算', children: unit.nextSteps || '—' },
          ]} />
        </>
      )}
      {unit.canReturn && (
        <Space.Compact style={{ marginTop: 16, width: '100%' }}>
          <Input placeholder="退回原因（不超过500字）" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          <Button
            danger
            loading={busy}
            disabled={reason.trim() === ''}
            onClick={async () => {
              if (await run(() => gql(RETURN_SELF_EVALUATION, { roundId: round.id, unitCode: unit.unitCode, reason }))) {
                message.success('已退回');
                reload();
                onClose();
              }
            }}
          >
            退回
          </Button>
        </Space.Compact>
      )}
    </Drawer>
  );
}

function Rounds() {
  const me = useMe();
  const failed = useFailure();
  const { message } = AntApp.useApp();
  const { run } = useAction();
  const query = useQuery<SelfEvaluationRoundsQuery>(SELF_EVALUATION_ROUNDS);
  const [opening, setOpening] = useState(false);
  const [shown, setShown] = useState<{ roundId: string; unitCode: string } | null>(null);
  const rounds = query.data?.selfEvaluationRounds ?? [];
  const shownRound = shown ? rounds.find((r) => r.id === shown.roundId) : undefined;
  const shownForm = shownRound?.forms.find((f) => f.unitCode === shown?.unitCode);
  return (
    <>
      {query.error && <Alert type="error" message={query.error.message} />}
      {me.role === 'OFFICE' && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setOpening(true)}>
          发起自查自评
        </Button>
      )}
      {rounds.length === 0 && !query.loading && <Typography.Text type="secondary">暂无自查自评</Typography.Text>}
      {rounds.map((r) => (
        <Card
          key={r.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space>
              {r.title}
              <Tag color={r.state === 'CLOSED' ? 'default' : 'processing'}>{r.stateLabel}</Tag>
              {r.escalationLabel && r.state === 'OPEN' && <Tag color="volcano">已{r.escalationLabel}</Tag>}
            </Space>
          }
          extra={
            <Space size={0}>
              <Typography.Text type="secondary">
                {r.periodStart} 至 {r.periodEnd}，截止 {r.dueAt.slice(0, 10)}，已提交 {r.submittedCount}/{r.unitCount}
              </Typography.Text>
              {(me.role === 'OFFICE' || me.role === 'LEADER') && (
                <Button size="small" type="link" icon={<FileExcelOutlined />} onClick={() => exportRound(r.id).catch(failed)}>
                  导出
                </Button>
              )}
              {r.canClose && (
                <Button
                  size="small"
                  type="link"
                  onClick={async () => {
                    if (await run(() => gql(CLOSE_SELF_EVALUATION_ROUND, { id: r.id }))) {
                      message.success('本轮自查自评已结束');
                      query.reload();
                    }
                  }}
                >
                  结束本轮
                </Button>
              )}
            </Space>
          }
        >
          <Table<UnitForm>
            size="small"
            rowKey="unitCode"
            pagination={false}
            dataSource={r.forms}
            columns={[
              { title: '单位', dataIndex: 'unitName', key: 'unit' },
              {
                title: '状态',
                key: 'state',
                render: (_, f) => (
                  <Space size={4}>
                    <Tag color={FORM_COLORS[f.state]}>{f.stateLabel}</Tag>
                    {f.late && <Tag color="orange">逾期</Tag>}
                  </Space>
                ),
              },
              { title: '自评等次', key: 'grade', render: (_, f) => f.selfGradeLabel ?? '—' },
              { title: '任务', key: 'items', render: (_, f) => f.items.length },
              {
                title: '操作',
                key: 'open',
                render: (_, f) => (
                  <Button size="small" type="link" onClick={() => setShown({ roundId: r.id, unitCode: f.unitCode })}>
                    {f.canSubmit ? '填报' : f.canReturn ? '审阅' : '查看'}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ))}
      {shownRound && shownForm && <FormDrawer round={shownRound} form={shownForm} onClose={() => setShown(null)} reload={query.reload} />}
      <OpenModal
        open={opening}
        onClose={() => setOpening(false)}
        onDone={() => {
          setOpening(false);
          message.success('已发起自查自评');
          query.reload();
        }}
      />
    </>
  );
}

/** A grade or a rating, the first time or revised with a reason. */
function GradeModal({ title, revising, options, units, onClose, onSubmit }: { title: string; revising: boolean; options: { value: string; label: string }[]; units?: { value: string; label: string }[]; onClose(): void; onSubmit(v: { unitCode?: string; value: string; comment: string; reason?: string }): Promise<boolean> }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title={title} okText="确定" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v: { unitCode?: string; value: string; comment: string; reason?: string }) => {
          setBusy(true);
          const done = await onSubmit(v);
          setBusy(false);
          if (done) onClose();
        }}
      >
        {units && (
          <Form.Item name="unitCode" label="单位" rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={units} />
          </Form.Item>
        )}
        <Form.Item name="value" label="评定" rules={[{ required: true }]}>
          <Radio.Group options={options} />
        </Form.Item>
        <Form.Item name="comment" label="评语" rules={[{ max: 500 }]} initialValue="">
          <Input.TextArea rows={3} />
        </Form.Item>
        {revising && (
          <Form.Item name="reason" label="修改原因" rules={[{ required: true, max: 500 }]}>
            <Input />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function Appraisal() {
  const { run } = useAction();
  const { message } = AntApp.useApp();
  const query = useQuery<AppraisalQuery>(APPRAISAL);
  const units = useQuery<SelfEvaluationRoundsQuery>(SELF_EVALUATION_ROUNDS);
  const [editing, setEditing] = useState<{ kind: 'unit'; unitCode: string | null } | { kind: 'group'; rating: Rating } | null>(null);
  const a = query.data?.appraisal;
  const unitOptions = new Map<string, string>();
  for (const r of units.data?.selfEvaluationRounds ?? []) for (const f of r.forms) if (f.unitCode !== 'SUBDISTRICT') unitOptions.set(f.unitCode, f.unitName);
  const graded = new Set((a?.grades ?? []).map((g) => g.unit.code));
  const done = async (action: () => Promise<unknown>) => {
    const ok = await run(action);
    if (ok) {
      message.success('已保存');
      query.reload();
    }
    return ok;
  };
  return (
    <>
      {query.error && <Alert type="error" message={query.error.message} />}
      <Card size="small" title="单位评议（领导小组）" style={{ marginBottom: 12 }} extra={a?.canGrade && <Button type="primary" size="small" onClick={() => setEditing({ kind: 'unit', unitCode: null })}>评议单位</Button>}>
        <Table
          size="small"
          rowKey={(g) => g.unit.code}
          pagination={false}
          dataSource={a?.grades ?? []}
          locale={{ emptyText: '尚未评议' }}
          columns={[
            { title: '单位', key: 'u', render: (_, g) => g.unit.name },
            { title: '等次', key: 'g', render: (_, g) => <Tag color={g.grade === 'FAIL' ? 'error' : g.grade === 'EXCELLENT' ? 'success' : 'blue'}>{g.gradeLabel}</Tag> },
            { title: '评语', dataIndex: 'comment', key: 'c' },
            { title: '修改', key: 'r', render: (_, g) => (g.revisions > 0 ? `${g.revisions} 次（${g.lastReason}）` : '—') },
            ...(a?.canGrade ? [{ title: '操作', key: 'e', render: (_: unknown, g: { unit: { code: string } }) => <Button size="small" type="link" onClick={() => setEditing({ kind: 'unit', unitCode: g.unit.code })}>修改</Button> }] : []),
          ]}
        />
      </Card>
      <Card size="small" title="工作组达标评定">
        <Table<Rating>
          size="small"
          rowKey="group"
          pagination={false}
          dataSource={a?.ratings ?? []}
          columns={[
            { title: '工作组', dataIndex: 'groupLabel', key: 'g' },
            { title: '评定', key: 'r', render: (_, r) => (r.ratingLabel ? <Tag color={r.rating === 'MET' ? 'success' : 'error'}>{r.ratingLabel}</Tag> : <Typography.Text type="secondary">未评定</Typography.Text>) },
            { title: '评语', dataIndex: 'comment', key: 'c' },
            { title: '修改', key: 'v', render: (_, r) => (r.revisions > 0 ? `${r.revisions} 次（${r.lastReason}）` : '—') },
            ...(a?.canGrade ? [{ title: '操作', key: 'e', render: (_: unknown, r: Rating) => <Button size="small" type="link" onClick={() => setEditing({ kind: 'group', rating: r })}>{r.rating ? '修改' : '评定'}</Button> }] : []),
          ]}
        />
      </Card>
      {editing?.kind === 'unit' && (
        <GradeModal
          title="单位评议"
          revising={editing.unitCode !== null && graded.has(editing.unitCode)}
          options={GRADES}
          units={editing.unitCode === null ? [...unitOptions].filter(([code]) => !graded.has(code)).map(([value, label]) => ({ value, label })) : undefined}
          onClose={() => setEditing(null)}
          onSubmit={(v) => done(() => gql(GRADE_UNIT, { input: { unitCode: editing.unitCode ?? v.unitCode, grade: v.value, comment: v.comment ?? '', reason: v.reason ?? null } }))}
        />
      )}
      {editing?.kind === 'group' && (
        <GradeModal
          title={`${editing.rating.groupLabel} 达标评定`}
          revising={editing.rating.rating !== null}
          options={[{ value: 'MET', label: '达标' }, { value: 'NOT_MET', label: '未达标' }]}
          onClose={() => setEditing(null)}
          onSubmit={(v) => done(() => gql(RATE_WORKING_GROUP, { input: { group: editing.rating.group, rating: v.value, comment: v.comment ?? '', reason: v.reason ?? null } }))}
        />
      )}
    </>
  );
}

export default function ReviewTab() {
  return (
    <Tabs
      size="small"
      items={[
        { key: 'rounds', label: '自查自评', children: <Rounds /> },
        { key: 'appraisal', label: '评议', children: <Appraisal /> },
      ]}
    />
  );
}
