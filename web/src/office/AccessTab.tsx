// For the office: service accounts for other systems (made with scopes; the key shown once), and the record of
// refused attempts (also read by the leading group).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import { ROLE_LABELS } from '../i18n/roles';
import { ACCESS_DENIALS, CREATE_SERVICE_ACCOUNT, REVOKE_SERVICE_ACCOUNT, ROTATE_SERVICE_ACCOUNT, SERVICE_ACCOUNTS } from './documents';
import type { AccessDenialsQuery, CreateServiceAccountMutation, RotateServiceAccountMutation, ServiceAccountsQuery } from '../api/graphql.generated';

const SCOPES = [
  { value: 'BOARD_READ', label: '任务与整改问题（看板、卡片、附件、实时推送）' },
  { value: 'CAMPAIGN_READ', label: '活动、测评体系与检查轮次' },
  { value: 'REPORTS_READ', label: '绩效考核、红黑榜、公共文明指数与月度汇报' },
];

type Account = ServiceAccountsQuery['serviceAccounts'][number];

export function ServiceAccounts() {
  const { message } = AntApp.useApp();
  const query = useQuery<ServiceAccountsQuery>(SERVICE_ACCOUNTS);
  const accounts = query.data?.serviceAccounts ?? null;
  const load = query.reload;
  const [creating, setCreating] = useState(false);
  const [key, setKey] = useState<{ name: string; apiKey: string } | null>(null);
  const [form] = Form.useForm();
  const failed = (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));

  return (
    <Card size="small" title="服务账号" extra={<Button onClick={() => setCreating(true)}>新建服务账号</Button>}>
      <Typography.Paragraph type="secondary">供其他系统（如区创建办对接系统）凭密钥只读访问；密钥只在新建或更换时显示一次。</Typography.Paragraph>
      <Table<Account>
        size="small"
        rowKey="id"
        loading={!accounts}
        dataSource={accounts ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '权限范围', render: (_, a) => a.scopes.map((s) => <Tag key={s}>{SCOPES.find((x) => x.value === s)?.label.split('（')[0] ?? s}</Tag>) },
          { title: '密钥前缀', dataIndex: 'keyPrefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '从未') },
          { title: '状态', render: (_, a) => (a.active ? <Tag color="green">可用</Tag> : <Tag>已停用</Tag>) },
          {
            title: '操作',
            render: (_, a) =>
              a.active && (
                <Space>
                  <Popconfirm title="更换后旧密钥立即失效，确定？" onConfirm={async () => {
                    try {
                      const r = (await gql<RotateServiceAccountMutation>(ROTATE_SERVICE_ACCOUNT, { id: a.id })).rotateServiceAccountKey;
                      setKey({ name: r.account.name, apiKey: r.apiKey });
                      load();
                    } catch (err) {
                      failed(err);
                    }
                  }}>
                    <Button size="small">更换密钥</Button>
                  </Popconfirm>
                  <Popconfirm title="停用后密钥立即失效，确定？" onConfirm={async () => {
                    try {
                      await gql(REVOKE_SERVICE_ACCOUNT, { id: a.id });
                      load();
                    } catch (err) {
                      failed(err);
                    }
                  }}>
                    <Button size="small" danger>
                      停用
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title="新建服务账号"
        okText="新建"
        destroyOnHidden
        onCancel={() => setCreating(false)}
        onOk={async () => {
          const v = (await form.validateFields()) as { name: string; description?: string; scopes: string[] };
          try {
            const r = (await gql<CreateServiceAccountMutation>(CREATE_SERVICE_ACCOUNT, { input: { name: v.name, description: v.description || null, scopes: v.scopes } })).createServiceAccount;
            setCreating(false);
            form.resetFields();
            setKey({ name: r.account.name, apiKey: r.apiKey });
            load();
          } catch (err) {
            if (err instanceof ApiError && err.field) form.setFields([{ name: err.field.replace(/^input\./, ''), errors: [err.message] }]);
            else failed(err);
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ scopes: ['BOARD_READ'] }}>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="description" label="用途说明">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="scopes" label="权限范围" rules={[{ required: true, message: '请至少选择一项' }]}>
            <Checkbox.Group options={SCOPES} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={key !== null} title={`服务账号「${key?.name}」的密钥`} onOk={() => setKey(null)} onCancel={() => setKey(null)} cancelButtonProps={{ style: { display: 'none' } }} okText="我已妥善保存">
        <Alert type="warning" showIcon message="密钥只显示这一次，关闭后无法再查看。请复制后交给对接系统的管理员。" style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: key?.apiKey }} code data-testid="api-key">
          {key?.apiKey}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

type Denial = AccessDenialsQuery['accessDenials']['nodes'][number];

export function AccessDenials() {
  // Pages already shown, then the next one asked for by its cursor.
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const last = pages[pages.length - 1];
  const query = useQuery<AccessDenialsQuery>(ACCESS_DENIALS, { after: last });
  const [rows, setRows] = useState<Record<string, Denial[]>>({});
  const shown = pages.flatMap((p) => rows[p ?? ''] ?? []);
  const page = query.data?.accessDenials;
  if (page && rows[last ?? ''] !== page.nodes) setRows((now) => ({ ...now, [last ?? '']: page.nodes }));
  if (query.error && shown.length === 0) return <Alert type="error" showIcon message={query.error.message} />;
  return (
    <Card size="small" title="拒绝访问记录" extra={<Button size="small" onClick={() => { setPages([null]); setRows({}); query.reload(); }}>刷新</Button>}>
      <Table<Denial>
        size="small"
        rowKey="id"
        loading={query.loading}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: (t: string) => dayjs(t).format('MM-DD HH:mm:ss') },
          { title: '谁', render: (_, d) => (d.serviceAccount ? `服务账号：${d.serviceAccount}` : d.login ? `${d.login}（${d.role ? ROLE_LABELS[d.role] : ''}）` : '未登录') },
          { title: '操作', render: (_, d) => `${d.operationType ?? ''} ${d.path ?? ''}` },
          { title: '结果', dataIndex: 'code', render: (c: string) => <Tag color={c === 'FORBIDDEN' ? 'red' : 'orange'}>{c === 'FORBIDDEN' ? '无权操作' : '未登录'}</Tag> },
          { title: '原因', dataIndex: 'message' },
          { title: '来源', dataIndex: 'ip' },
        ]}
      />
      {page?.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => setPages((p) => [...p, page.endCursor])} loading={query.loading}>
          加载更多
        </Button>
      )}
    </Card>
  );
}
