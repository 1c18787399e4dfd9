// 人员与单位: the organisation as imported (units and people with their roles), for the office and the leading
// group; the office sets a person's password (a new colleague, a forgotten one), which signs them out everywhere.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { ApiError, gql } from '../api/client';
import { useQuery } from '../api/useQuery';
import type { Role } from '../api/types';
import { ROLE_LABELS } from '../i18n/roles';
import { useMe } from '../session/session';
import { ORGANISATION, SET_USER_PASSWORD } from './documents';
import type { OrganisationQuery } from '../api/graphql.generated';

type Person = OrganisationQuery['organisation']['people'][number];

export function PeopleTab() {
  const me = useMe();
  const query = useQuery<OrganisationQuery>(ORGANISATION);
  const [resetting, setResetting] = useState<Person | null>(null);
  const [search, setSearch] = useState('');
  if (query.error && !query.data) return <Alert type="error" showIcon message={query.error.message} />;
  const people = (query.data?.organisation.people ?? []).filter((p) => !search || `${p.login} ${p.displayName} ${p.unit?.name ?? ''}`.includes(search.trim()));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search placeholder="搜索姓名、登录名或单位" allowClear onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 320 }} aria-label="搜索人员" />
      <Table<Person>
        size="small"
        rowKey="id"
        loading={query.loading && !query.data}
        dataSource={people}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        columns={[
          { title: '姓名', dataIndex: 'displayName' },
          { title: '登录名', dataIndex: 'login' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => <Tag>{ROLE_LABELS[r]}</Tag> },
          { title: '单位', render: (_, p) => p.unit?.name ?? '—' },
          { title: '手机', dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          { title: '邮箱', dataIndex: 'email', render: (e: string | null) => e ?? '—' },
          ...(me.role === 'OFFICE'
            ? [{ title: '操作', key: 'actions', render: (_: unknown, p: Person) => <Button size="small" onClick={() => setResetting(p)}>设置密码</Button> }]
            : []),
        ]}
      />
      <SetPasswordDialog person={resetting} onClose={() => setResetting(null)} />
    </Space>
  );
}

function SetPasswordDialog({ person, onClose }: { person: Person | null; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  return (
    <Modal
      open={person !== null}
      title={`设置「${person?.displayName ?? ''}」的密码`}
      okText="设置"
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { password: string };
        try {
          await gql(SET_USER_PASSWORD, { login: person!.login, password: v.password });
          message.success('密码已设置，此人在所有设备上的登录已退出');
          form.resetFields();
          onClose();
        } catch (err) {
          if (err instanceof ApiError && err.field === 'password') form.setFields([{ name: 'password', errors: [err.message] }]);
          else message.error(err instanceof ApiError ? err.message : String(err));
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="password" label="新密码（至少 8 位，含字母和数字）" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
