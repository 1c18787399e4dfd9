// 牵头协调 (工作组 tab): the meetings a lead unit (牵头单位) convenes with the responsible units of the indicators it
// leads. A lead unit's people record one (date, title, attendees, the units that came, minutes, decisions); each
// decision either gives a responsible unit a problem to fix (it becomes a rectification item dispatched to that unit)
// or comments on a task the unit leads (it goes onto that task). Saved meetings are read-only. Units see the meetings
// they convened, attended or were named in; the office and the leading group see them all. What the unit leads, and
// so what the form offers, comes from the API (campaign.leadScope).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import type { LeadMeetingsQuery } from '../api/graphql.generated';
import { AREA_LABELS } from '../i18n/labels';
import { LEAD_MEETINGS, RECORD_LEAD_MEETING } from './documents';

type Campaign = LeadMeetingsQuery['campaign'];
type Scope = NonNullable<Campaign['leadScope']>;
type Meeting = Campaign['meetings'][number];

const AREAS = Object.entries(AREA_LABELS).map(([value, label]) => ({ value, label }));

interface DecisionValues {
  kind: 'UNIT' | 'TASK';
  text: string;
  unitCode?: string;
  area?: string;
  address?: string;
  dueDate?: Dayjs | null;
  taskId?: string;
}

interface Values {
  date: Dayjs;
  title: string;
  attendees: string[];
  unitCodes: string[];
  minutes: string;
  decisions?: DecisionValues[];
}

function MeetingCard({ m }: { m: Meeting }) {
  return (
    <Card size="small" title={<Space><TeamOutlined />{m.title}<Tag>{m.date}</Tag></Space>} extra={m.convener ? <Tag color="blue">召集：{m.convener.name}</Tag> : null} data-testid="lead-meeting">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="参会单位">{m.units.map((u) => u.name).join('、')}</Descriptions.Item>
        <Descriptions.Item label="参会人员">{m.attendees.join('、')}</Descriptions.Item>
        <Descriptions.Item label="会议纪要"><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.minutes}</Typography.Paragraph></Descriptions.Item>
        <Descriptions.Item label="记录">{m.recordedBy.displayName}，{dayjs(m.recordedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
      {m.decisions.length > 0 && (
        <List
          size="small"
          header="议定事项"
          dataSource={m.decisions}
          renderItem={(d, i) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span>{i + 1}. {d.text}</span>
                {d.unit && (
                  <span>
                    <Tag color="orange">交办 {d.unit.name}</Tag>
                    {d.dueDate && <Tag>时限 {d.dueDate}</Tag>}
                    {d.item ? <Tag color="green">已生成整改问题（{d.item.stateLabel}）</Tag> : <Tag>整改问题不可见或未生成</Tag>}
                  </span>
                )}
                {!d.unit && d.task && <Tag color="purple">已记入任务意见：{d.task.indicator.name}（{d.task.unit.name}）</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function RecordMeeting({ campaignId, scope, onDone }: { campaignId: string; scope: Scope; onDone(): void }) {
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const others = scope.units.filter((u) => u.code !== scope.unit.code);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await gql(RECORD_LEAD_MEETING, {
        input: {
          campaignId,
          date: v.date.format('YYYY-MM-DD'),
          title: v.title,
          attendees: v.attendees,
          unitCodes: v.unitCodes,
          minutes: v.minutes,
          decisions: (v.decisions ?? []).map((d) =>
            d.kind === 'TASK'
              ? { text: d.text, taskId: d.taskId }
              : { text: d.text, unitCode: d.unitCode, area: d.area, location: { address: d.address ?? '' }, dueDate: d.dueDate ? d.dueDate.format('YYYY-MM-DD') : null },
          ),
        },
      });
      message.success('牵头单位协调会已记录，议定事项已交办');
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>记录协调会</Button>
      <Modal title={`记录牵头单位协调会（${scope.unit.name}）`} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存（保存后不可修改）" confirmLoading={busy} width={760} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ date: dayjs(), attendees: [], unitCodes: [], decisions: [] }}>
          <Space wrap>
            <Form.Item label="会议日期" name="date" rules={[{ required: true, message: '请选择会议日期' }]}>
              <DatePicker aria-label="会议日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item label="会议名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}>
              <Input maxLength={200} style={{ width: 360 }} aria-label="会议名称" />
            </Form.Item>
          </Space>
          <Form.Item label="参会单位（本单位牵头指标的责任单位）" name="unitCodes" rules={[{ required: true, message: '请选择参会单位' }]}>
            <Select mode="multiple" aria-label="参会单位" options={others.map((u) => ({ value: u.code, label: u.name }))} />
          </Form.Item>
          <Form.Item label="参会人员（输入后回车）" name="attendees" rules={[{ required: true, message: '请填写参会人员' }]}>
            <Select mode="tags" aria-label="参会人员" open={false} />
          </Form.Item>
          <Form.Item label="会议纪要" name="minutes" rules={[{ required: true, whitespace: true, message: '请填写会议纪要' }]}>
            <Input.TextArea rows={4} maxLength={20000} aria-label="会议纪要" />
          </Form.Item>
          <Form.List name="decisions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Card key={field.key} size="small" style={{ marginBottom: 8 }} extra={<MinusCircleOutlined aria-label="删除议定事项" onClick={() => remove(field.name)} />} title={`议定事项 ${field.name + 1}`}>
                    <Form.Item name={[field.name, 'kind']} initialValue="UNIT">
                      <Radio.Group options={[{ value: 'UNIT', label: '交办责任单位整改' }, { value: 'TASK', label: '对所牵头的任务提意见' }]} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'text']} label="内容" rules={[{ required: true, whitespace: true, message: '请填写议定事项' }]}>
                      <Input.TextArea rows={2} maxLength={500} aria-label="议定事项内容" />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['decisions', field.name, 'kind']) === 'TASK' ? (
                          <Form.Item name={[field.name, 'taskId']} label="任务" rules={[{ required: true, message: '请选择任务' }]}>
                            <Select aria-label="任务" options={scope.tasks.filter((t) => t.stage !== 'ARCHIVED').map((t) => ({ value: t.id, label: `${t.indicatorCode} ${t.indicatorName}（${t.unit.name}）` }))} />
                          </Form.Item>
                        ) : (
                          <Space wrap>
                            <Form.Item name={[field.name, 'unitCode']} label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
                              <Select aria-label="交办单位" style={{ width: 180 }} options={scope.units.map((u) => ({ value: u.code, label: u.name }))} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'area']} label="领域" rules={[{ required: true, message: '请选择领域' }]}>
                              <Select aria-label="领域" style={{ width: 120 }} options={AREAS} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'address']} label="地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }]}>
                              <Input maxLength={200} aria-label="地点" />
                            </Form.Item>
                            <Form.Item name={[field.name, 'dueDate']} label="整改时限">
                              <DatePicker aria-label="整改时限" disabledDate={(d) => !d.isAfter(dayjs(), 'day')} />
                            </Form.Item>
                          </Space>
                        )
                      }
                    </Form.Item>
                  </Card>
                ))}
                {fields.length < 20 && <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'UNIT' })}>添加议定事项</Button>}
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

export default function LeadMeetingsTab() {
  const { data, error, reload } = useQuery<LeadMeetingsQuery>(LEAD_MEETINGS);
  if (error && !data) return <Alert type="error" message={error.message} action={<Button onClick={reload}>重试</Button>} />;
  if (!data) return null;
  const campaign = data.campaign;
  const meetings = campaign.meetings.filter((m) => m.kind === 'LEAD_UNIT').slice().reverse();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message="牵头单位召集所牵头指标的责任单位研究推进；交办的议定事项生成整改问题派给该单位，对任务的意见记入该任务。会议记录保存后不可修改。"
        action={campaign.leadScope ? <RecordMeeting campaignId={campaign.id} scope={campaign.leadScope} onDone={reload} /> : undefined}
      />
      {meetings.length === 0 ? <Empty description="暂无牵头单位协调会" /> : meetings.map((m) => <MeetingCard key={m.id} m={m} />)}
    </Space>
  );
}
