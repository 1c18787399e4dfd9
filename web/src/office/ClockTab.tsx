// The campaign's clock for the office and the supervision group: the five phases (moving on is the office's, and
// moving to 迎检 with unarchived tasks needs a recorded reason), the month's on-site supervision visits and joint
// meetings against the plan's cadence, and recording both.
import { useState, type CSSProperties } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Select, Space, Steps, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useMe } from '../session/session';
import { AREA_LABELS } from '../i18n/labels';
import { ADVANCE_PHASE, CAMPAIGN_CLOCK, DECISION_TO_ITEM, BOARD_UNITS, DECISION_TO_TASK, INDICATOR_CODES, ORGANISATION, RECORD_MEETING, RECORD_VISIT, SET_PHASE_PLAN } from './documents';
import type { CampaignClockQuery, ClockBoardUnitsQuery, IndicatorCodesQuery, OrganisationQuery } from '../api/graphql.generated';

interface Decision {
  meetingId: string;
  index: number;
  to: 'item' | 'task';
  text: string;
}

type Clock = CampaignClockQuery['campaign'];

const splitList = (text: string | undefined) => (text ?? '').split(/[，,、\n]/).map((s) => s.trim()).filter(Boolean);

export function ClockTab() {
  const { message } = AntApp.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const me = useMe();
  const [dialog, setDialog] = useState<'advance' | 'visit' | 'meeting' | 'plan' | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const query = useQuery<CampaignClockQuery>(CAMPAIGN_CLOCK, { month: month.format('YYYY-MM') });
  const clock = query.data?.campaign ?? null;

  if (query.error && !clock) return <Alert type="error" showIcon message={query.error.message} action={<Button onClick={query.reload}>重试</Button>} />;
  if (!clock) return null;
  const current = clock.phases.findIndex((p) => p.current);

  async function submit(document: string, input: Record<string, unknown>, done: string) {
    try {
      await gql(document, { input: { campaignId: clock!.id, ...input } });
      message.success(done);
      setDialog(null);
      query.reload();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
      throw err;
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={`${clock.name} · ${clock.countdownLabel}`}>
        <Steps
          size="small"
          current={current}
          items={clock.phases.map((p) => ({
            title: p.label,
            description: p.startedAt ? `${dayjs(p.startedAt).format('YYYY-MM-DD')} 开始` : p.plannedStart ? `计划 ${p.plannedStart}` : undefined,
            status: p.current ? 'process' : p.startedAt ? 'finish' : 'wait',
          }))}
        />
        <Space style={{ marginTop: 12 }} wrap>
          <Typography.Text>
            归档进度：{clock.archiveProgress.archived}/{clock.archiveProgress.tasks}
            {clock.archiveProgress.complete ? <Tag color="green" style={{ marginLeft: 8 }}>已全部归档</Tag> : null}
          </Typography.Text>
          {clock.allowedActions.includes('SET_PHASE_PLAN') && <Button onClick={() => setDialog('plan')}>阶段计划</Button>}
          {clock.allowedActions.includes('ADVANCE_PHASE') && clock.nextPhase && (
            <Button type="primary" onClick={() => setDialog('advance')}>
              进入下一阶段：{clock.phases.find((p) => p.phase === clock.nextPhase)?.label}
            </Button>
          )}
        </Space>
      </Card>

      <Card
        size="small"
        title="督查与会议"
        extra={
          <Space wrap>
            <DatePicker picker="month" value={month} onChange={(m) => m && setMonth(m)} allowClear={false} aria-label="月份" />
            {clock.allowedActions.includes('RECORD_SUPERVISION_VISIT') && <Button onClick={() => setDialog('visit')}>登记督查走访</Button>}
            {clock.allowedActions.includes('RECORD_MEETING') && <Button onClick={() => setDialog('meeting')}>登记会议</Button>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 5 }}>
          <Descriptions.Item label="实地督查">{clock.cadence.visits} 次</Descriptions.Item>
          <Descriptions.Item label="联席会议">{clock.cadence.jointMeetings} 次</Descriptions.Item>
          <Descriptions.Item label="协调会">{clock.cadence.coordinationMeetings} 次</Descriptions.Item>
          <Descriptions.Item label="听取单位工作汇报">{clock.cadence.hearings} 次</Descriptions.Item>
          <Descriptions.Item label="每月要求">
            {clock.cadence.met ? <Tag color="green">已达到</Tag> : clock.cadence.flagged ? <Tag color="red">未达到（已标记）</Tag> : <Tag color="orange">{clock.cadence.shortfalls.map((s) => `${s.label} ${s.recorded}/${s.required}`).join('，') || '进行中'}</Tag>}
          </Descriptions.Item>
        </Descriptions>
        <List
          size="small"
          header="督查走访"
          dataSource={clock.visits}
          locale={{ emptyText: '本月还没有督查走访记录' }}
          renderItem={(v) => (
            <List.Item>
              <Typography.Text>
                {v.date} · {v.places.join('、')} · {v.visitors.join('、')}：{v.notes}
              </Typography.Text>
            </List.Item>
          )}
        />
        <List
          size="small"
          header="会议"
          dataSource={clock.meetings}
          locale={{ emptyText: '本月还没有会议记录' }}
          renderItem={(m) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {m.date} {m.kindLabel} {m.title}
                </Typography.Text>
                {(m.units.length > 0 || m.absentUnits.length > 0) && (
                  <Typography.Text type="secondary" data-testid="meeting-attendance">
                    {m.units.length > 0 ? `${m.kind === 'HEARING' ? '汇报单位' : '出席单位'}：${m.units.map((u) => u.name).join('、')}` : ''}
                    {m.absentUnits.length > 0 ? ` · 缺席单位：${m.absentUnits.map((u) => u.name).join('、')}` : ''}
                  </Typography.Text>
                )}
                {m.unitReports.length > 0 && (
                  <Typography.Text type="secondary" data-testid="hearing-reports">
                    当月专题汇报：{m.unitReports.map((r) => `${r.unit.name}（${r.stateLabel}）`).join('、')}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary">{m.minutes}</Typography.Text>
                {m.decisions.map((d, i) => (
                  <Space key={i} wrap size="small">
                    <Typography.Text>
                      议定 {i + 1}：{d.text}
                      {d.unit ? `（${d.unit.name}` : ''}
                      {d.dueDate ? `，${d.dueDate} 前` : ''}
                      {d.unit ? '）' : ''}
                    </Typography.Text>
                    {(me.role === 'OFFICE' || me.role === 'SUPERVISOR') && d.unit && (
                      <Button size="small" onClick={() => setDecision({ meetingId: m.id, index: i, to: 'item', text: d.text })}>
                        转为整改问题
                      </Button>
                    )}
                    {me.role === 'OFFICE' && d.unit && d.dueDate && (
                      <Button size="small" onClick={() => setDecision({ meetingId: m.id, index: i, to: 'task', text: d.text })}>
                        转为指标任务
                      </Button>
                    )}
                  </Space>
                ))}
              </Space>
            </List.Item>
          )}
        />
      </Card>

      <AdvanceDialog open={dialog === 'advance'} clock={clock} onCancel={() => setDialog(null)} onSubmit={(input) => submit(ADVANCE_PHASE, { ...input, expectedVersion: clock.version }, '已进入下一阶段')} />
      <PlanDialog open={dialog === 'plan'} clock={clock} onCancel={() => setDialog(null)} onSubmit={(input) => submit(SET_PHASE_PLAN, { ...input, expectedVersion: clock.version }, '阶段计划已保存')} />
      <DecisionDialog decision={decision} campaignId={clock.id} onClose={() => setDecision(null)} onDone={() => { setDecision(null); query.reload(); }} />
      <VisitDialog open={dialog === 'visit'} onCancel={() => setDialog(null)} onSubmit={(input) => submit(RECORD_VISIT, input, '已登记督查走访')} />
      <MeetingDialog open={dialog === 'meeting'} onCancel={() => setDialog(null)} onSubmit={(input) => submit(RECORD_MEETING, input, '已登记会议')} />
    </Space>
  );
}

interface DialogProps {
  open: boolean;
  onCancel(): void;
  onSubmit(input: Record<string, unknown>): Promise<void>;
}

function useDialogForm(onSubmit: DialogProps['onSubmit'], toInput: (values: Record<string, unknown>) => Record<string, unknown>) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    setBusy(true);
    try {
      await onSubmit(toInput(values));
      form.resetFields();
    } catch (err) {
      if (err instanceof ApiError && err.field) form.setFields([{ name: err.field.replace(/^input\./, ''), errors: [err.message] }]);
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, ok };
}

function AdvanceDialog({ open, clock, onCancel, onSubmit }: DialogProps & { clock: Clock }) {
  const { form, busy, ok } = useDialogForm(onSubmit, (v) => ({ to: clock.nextPhase, overrideReason: v.overrideReason || null, note: v.note || null }));
  const gate = clock.nextPhase === 'INSPECTION' && !clock.archiveProgress.complete;
  return (
    <Modal open={open} title="进入下一阶段" onCancel={onCancel} onOk={() => void ok()} confirmLoading={busy} okText="确认" destroyOnHidden>
      {gate && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`还有 ${clock.archiveProgress.tasks - clock.archiveProgress.archived} 个任务未归档：进入迎检须说明理由，理由将记录在案。`} />}
      <Form form={form} layout="vertical">
        {gate && (
          <Form.Item name="overrideReason" label="理由" rules={[{ required: true, whitespace: true, message: '请说明理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VisitDialog({ open, onCancel, onSubmit }: DialogProps) {
  const { form, busy, ok } = useDialogForm(onSubmit, (v) => ({
    date: (v.date as Dayjs).format('YYYY-MM-DD'),
    places: splitList(v.places as string),
    visitors: splitList(v.visitors as string),
    notes: v.notes,
  }));
  return (
    <Modal open={open} title="登记督查走访" onCancel={onCancel} onOk={() => void ok()} confirmLoading={busy} okText="登记" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="places" label="地点（用逗号或顿号分隔）" rules={[{ required: true, whitespace: true, message: '请填写地点' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="visitors" label="督查人员（用逗号或顿号分隔）" rules={[{ required: true, whitespace: true, message: '请填写督查人员' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="notes" label="情况记录" rules={[{ required: true, whitespace: true, message: '请填写情况记录' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MeetingDialog({ open, onCancel, onSubmit }: DialogProps) {
  const { form, busy, ok } = useDialogForm(onSubmit, (v) => ({
    kind: v.kind,
    date: (v.date as Dayjs).format('YYYY-MM-DD'),
    title: v.title || null,
    attendees: splitList(v.attendees as string),
    unitCodes: (v.unitCodes as string[] | undefined) ?? [],
    absentUnitCodes: v.kind === 'MOBILIZATION' ? ((v.absentUnitCodes as string[] | undefined) ?? []) : [],
    minutes: v.minutes,
    decisions: ((v.decisions as { text?: string; unitCode?: string; dueDate?: Dayjs }[] | undefined) ?? [])
      .filter((d) => d?.text?.trim())
      .map((d) => ({ text: d.text!.trim(), unitCode: d.unitCode || null, dueDate: d.dueDate ? d.dueDate.format('YYYY-MM-DD') : null })),
  }));
  return (
    <Modal open={open} title="登记会议" onCancel={onCancel} onOk={() => void ok()} confirmLoading={busy} okText="登记" width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), kind: 'JOINT' }}>
        <Space wrap>
          <Form.Item name="kind" label="会议类型" rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={[
                { value: 'JOINT', label: '联席会议' },
                { value: 'COORDINATION', label: '协调会' },
                { value: 'HEARING', label: '听取单位工作汇报' },
                { value: 'MOBILIZATION', label: '动员大会' },
                { value: 'SUMMARY', label: '总结会' },
              ]} />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="会议名称">
          <Input />
        </Form.Item>
        <Form.Item name="attendees" label="参会人员（用逗号或顿号分隔）" rules={[{ required: true, whitespace: true, message: '请填写参会人员' }]}>
          <Input />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {() =>
            form.getFieldValue('kind') === 'HEARING' ? (
              <Form.Item name="unitCodes" label="汇报单位" rules={[{ required: true, message: '请选择汇报的单位' }]}>
                <UnitSelect mode="multiple" allowClear label="汇报单位" />
              </Form.Item>
            ) : (
              <Form.Item name="unitCodes" label="参会单位">
                <UnitSelect mode="multiple" allowClear label="参会单位" />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {() =>
            form.getFieldValue('kind') === 'MOBILIZATION' && (
              <Form.Item name="absentUnitCodes" label="缺席单位（动员大会按单位登记出席与缺席）">
                <UnitSelect mode="multiple" allowClear label="缺席单位" />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, whitespace: true, message: '请填写会议纪要' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'text']} label={`议定事项 ${field.name + 1}`}>
                    <Input style={{ width: 320 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitCode']} label="责任单位">
                    <UnitSelect allowClear style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueDate']} label="完成时限">
                    <DatePicker />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add()}>添加议定事项</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function PlanDialog({ open, clock, onCancel, onSubmit }: DialogProps & { clock: Clock }) {
  const { form, busy, ok } = useDialogForm(onSubmit, (v) => ({
    plan: clock.phases.map((p) => ({ phase: p.phase, startDate: v[p.phase] ? (v[p.phase] as Dayjs).format('YYYY-MM-DD') : null })),
  }));
  const initial = Object.fromEntries(clock.phases.map((p) => [p.phase, p.plannedStart ? dayjs(p.plannedStart) : null]));
  return (
    <Modal open={open} title="阶段计划" onCancel={onCancel} onOk={() => void ok()} confirmLoading={busy} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial}>
        {clock.phases.map((p) => (
          <Form.Item key={p.phase} name={p.phase} label={`${p.label} 计划开始日期`}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** A meeting's decision becomes a rectification item (dispatched to the unit it names) or a new indicator task. */
function DecisionDialog({ decision, campaignId, onClose, onDone }: { decision: Decision | null; campaignId: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const catalog = useQuery<IndicatorCodesQuery>(INDICATOR_CODES);
  const indicators = (catalog.data?.catalog.items ?? []).flatMap((i) => i.indicators.map((x) => ({ value: x.code, label: `${x.code} ${x.name}` })));
  return (
    <Modal
      open={decision !== null}
      title={decision?.to === 'task' ? '转为指标任务' : '转为整改问题'}
      okText="转换"
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { area?: string; address?: string; indicatorCode?: string; leadUnitCode?: string };
        const base = { campaignId, meetingId: decision!.meetingId, decisionIndex: decision!.index };
        try {
          if (decision!.to === 'item') await gql(DECISION_TO_ITEM, { input: { ...base, area: v.area, location: { address: v.address } } });
          else await gql(DECISION_TO_TASK, { input: { ...base, indicatorCode: v.indicatorCode, leadUnitCode: v.leadUnitCode } });
          message.success(decision!.to === 'item' ? '已转为整改问题并派单' : '已转为指标任务');
          form.resetFields();
          onDone();
        } catch (err) {
          message.error(err instanceof ApiError ? err.message : String(err));
        }
      }}
    >
      <Typography.Paragraph>{decision?.text}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        {decision?.to === 'item' ? (
          <>
            <Form.Item name="area" label="专项整治领域" rules={[{ required: true, message: '请选择领域' }]}>
              <Select options={Object.entries(AREA_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="address" label="地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }]}>
              <Input />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="indicatorCode" label="测评指标" rules={[{ required: true, message: '请选择指标' }]}>
              <Select showSearch optionFilterProp="label" options={indicators} />
            </Form.Item>
            <Form.Item name="leadUnitCode" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
              <UnitSelect />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/**
 * The units to choose from: the office and the leading group read the organisation; the supervision group, which
 * may not, chooses among the units that have cards on the board.
 */
function UnitSelect({ label = '单位', ...props }: { value?: string | string[]; onChange?(value: string | string[]): void; allowClear?: boolean; style?: CSSProperties; mode?: 'multiple'; label?: string }) {
  const me = useMe();
  const fromOrganisation = me.role === 'OFFICE' || me.role === 'LEADER';
  const query = useQuery<Partial<OrganisationQuery & ClockBoardUnitsQuery>>(fromOrganisation ? ORGANISATION : BOARD_UNITS);
  const units = new Map<string, string>();
  for (const u of query.data?.organisation?.units ?? []) units.set(u.code, u.name);
  for (const c of query.data?.board?.columns ?? []) for (const card of c.cards) units.set(card.unit.code, card.unit.name);
  return <Select {...props} showSearch optionFilterProp="label" aria-label={label} options={[...units].map(([value, label]) => ({ value, label }))} />;
}
