// 时限规则: the campaign's rules of time that new tasks start with (days per stage, counted in calendar or working
// days, the mock assessment's pass rate, the reminder and the escalation ladder, re-check intervals, the archive
// deadline), and the working-day calendar with the office's overrides. Running tasks keep the rules they were
// created with; overrides apply to every deadline counted after their import.
import { App as AntApp, Alert, Button, Card, DatePicker, Form, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import { POLICY, UPDATE_POLICY, WORKING_DAY_CALENDAR } from './documents';
import type { DayCounting, PolicyQuery, WorkingDayCalendarQuery } from '../api/graphql.generated';
import { ImportCard, WORKING_DAYS_IMPORT } from './ImportsTab';

type Policy = PolicyQuery['campaign']['policy'];

const DAYS: [keyof Policy, string][] = [
  ['selfCheckDays', '自查自评'],
  ['rectificationDays', '整改'],
  ['mockAssessmentDays', '模拟测评'],
];

const UNIT: Record<DayCounting, string> = { CALENDAR: '天', WORKING: '个工作日' };

/** 「5 个工作日」/「14 天」 */
export function daysText(days: number, counting: DayCounting): string {
  return `${days} ${UNIT[counting]}`;
}
const LADDER: [keyof Policy['escalationAfterHours'], string][] = [
  ['URGE', '催办（逾期后小时）'],
  ['SUPERVISE', '督办（逾期后小时）'],
  ['INTERVIEW', '约谈（逾期后小时）'],
  ['ACCOUNTABILITY', '问责（逾期后小时）'],
];

export function PolicyTab() {
  const { message } = AntApp.useApp();
  const query = useQuery<PolicyQuery>(POLICY);
  const [form] = Form.useForm();
  const campaign = query.data?.campaign;
  if (query.error && !campaign) return <Alert type="error" showIcon message={query.error.message} />;
  if (!campaign) return null;
  const p = campaign.policy;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
    <Card size="small" title="时限规则">
      <Typography.Paragraph type="secondary">此后新建的任务采用这里的规则；已在运行的任务保持创建时的规则。</Typography.Paragraph>
      <Typography.Paragraph data-testid="policy-summary">
        当前：自查自评 {daysText(p.selfCheckDays, p.dayCounting)}，整改 {daysText(p.rectificationDays, p.dayCounting)}，模拟测评 {daysText(p.mockAssessmentDays, p.dayCounting)}
        ；期限为{p.dayCounting === 'WORKING' ? '第 N 个工作日' : '第 N 天的同一时刻'}
        {p.dayCounting === 'WORKING' ? '的 24 时前（北京时间）' : ''}。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...p, mockPassRate: Math.round(p.mockPassRate * 100), archiveDueAt: p.archiveDueAt ? dayjs(p.archiveDueAt) : null }}
        onFinish={async (v: Policy & { archiveDueAt: Dayjs | null }) => {
          try {
            await gql(UPDATE_POLICY, {
              input: {
                campaignId: campaign.id,
                selfCheckDays: v.selfCheckDays,
                rectificationDays: v.rectificationDays,
                mockAssessmentDays: v.mockAssessmentDays,
                mockPassRate: v.mockPassRate / 100,
                reminderBeforeHours: v.reminderBeforeHours,
                escalationAfterHours: v.escalationAfterHours,
                recheckDays: v.recheckDays,
                archiveDueAt: v.archiveDueAt ? v.archiveDueAt.endOf('day').toISOString() : null,
                dayCounting: v.dayCounting,
              },
            });
            message.success('时限规则已保存，此后新建的任务采用');
            query.reload();
          } catch (err) {
            if (err instanceof ApiError && err.field) form.setFields([{ name: err.field.replace(/^input\./, '').split('.'), errors: [err.message] }]);
            else message.error(err instanceof ApiError ? err.message : String(err));
          }
        }}
      >
        <Form.Item name="dayCounting" label="天数计算方式" extra="工作日按国家法定节假日、调休安排及本区工作日调整计算，期限为最后一个工作日的 24 时前">
          <Radio.Group
            options={[
              { value: 'CALENDAR', label: '日历日' },
              { value: 'WORKING', label: '工作日' },
            ]}
          />
        </Form.Item>
        <Space wrap align="start">
          {DAYS.map(([name, label]) => (
            <Form.Item key={name} name={name} label={`${label}（${p.dayCounting === 'WORKING' ? '工作日' : '天'}）`} rules={[{ required: true, message: '必填' }]}>
              <InputNumber min={1} max={365} />
            </Form.Item>
          ))}
          <Form.Item name="mockPassRate" label="模拟测评达标线（%）" rules={[{ required: true, message: '必填' }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="reminderBeforeHours" label="到期前提醒（小时）" rules={[{ required: true, message: '必填' }]}>
            <InputNumber min={1} max={720} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          {LADDER.map(([name, label]) => (
            <Form.Item key={name} name={['escalationAfterHours', name]} label={label} rules={[{ required: true, message: '必填' }]}>
              <InputNumber min={1} max={8760} />
            </Form.Item>
          ))}
        </Space>
        <Space wrap align="start">
          <Form.Item name={['recheckDays', 'relapseProne']} label="易反弹指标复查间隔（天）" rules={[{ required: true, message: '必填' }]}>
            <InputNumber min={1} max={365} />
          </Form.Item>
          <Form.Item name={['recheckDays', 'other']} label="其他指标复查间隔（天）" rules={[{ required: true, message: '必填' }]}>
            <InputNumber min={1} max={365} />
          </Form.Item>
          <Form.Item name="archiveDueAt" label="归档截止日期">
            <DatePicker />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit">
          保存
        </Button>
      </Form>
    </Card>
    <WorkingDaysCard />
    </Space>
  );
}

/** The working-day calendar: which years the official calendar holds, and the office's overrides, with their import. */
function WorkingDaysCard() {
  const query = useQuery<WorkingDayCalendarQuery>(WORKING_DAY_CALENDAR);
  const calendar = query.data?.workingDayCalendar;
  if (query.error && !calendar) return <Alert type="error" showIcon message={query.error.message} />;
  if (!calendar) return null;
  const years = calendar.officialYears;
  const thisYear = new Date().getFullYear();
  const missing = [thisYear, thisYear + 1].filter((y) => !years.includes(y));
  return (
    <Card size="small" title="工作日日历" data-testid="working-days">
      <Typography.Paragraph type="secondary">
        已收录国家法定节假日与调休安排：{years.length > 0 ? `${years[0]}—${years[years.length - 1]} 年` : '无'}。本区调整优先于国家安排；导入后，此后计算的期限按新日历计算，已定的期限不变。
      </Typography.Paragraph>
      {missing.length > 0 && (
        <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={`${missing.join('、')} 年的法定节假日尚未收录，按周末计算；国务院公布安排后请导入工作日调整`} />
      )}
      <Table
        size="small"
        rowKey="date"
        dataSource={calendar.overrides}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '没有本区调整' }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '类型', render: (_, o) => <Tag color={o.kind === 'WORKDAY' ? 'blue' : 'green'}>{o.kindLabel}</Tag> },
          { title: '说明', dataIndex: 'note' },
        ]}
      />
      {calendar.importedAt && (
        <Typography.Paragraph type="secondary">
          最近导入：{dayjs(calendar.importedAt).format('YYYY-MM-DD HH:mm')}（{calendar.importedBy}）
        </Typography.Paragraph>
      )}
      <ImportCard {...WORKING_DAYS_IMPORT} onApplied={query.reload} />
    </Card>
  );
}
