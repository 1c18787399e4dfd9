// 时限规则: the campaign's rules of time that new tasks start with (days per stage, the mock assessment's pass
// rate, the reminder and the escalation ladder, re-check intervals, the archive deadline). Running tasks keep the
// rules they were created with.
import { App as AntApp, Alert, Button, Card, DatePicker, Form, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import { POLICY, UPDATE_POLICY } from './documents';
import type { PolicyQuery } from '../api/graphql.generated';

type Policy = PolicyQuery['campaign']['policy'];

const DAYS: [keyof Policy, string][] = [
  ['selfCheckDays', '自查自评（天）'],
  ['rectificationDays', '整改（天）'],
  ['mockAssessmentDays', '模拟测评（天）'],
];
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
    <Card size="small" title="时限规则">
      <Typography.Paragraph type="secondary">此后新建的任务采用这里的规则；已在运行的任务保持创建时的规则。</Typography.Paragraph>
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
        <Space wrap align="start">
          {DAYS.map(([name, label]) => (
            <Form.Item key={name} name={name} label={label} rules={[{ required: true, message: '必填' }]}>
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
  );
}
