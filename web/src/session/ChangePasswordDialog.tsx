import { useState } from 'react';
import { App as AntApp, Form, Input, Modal } from 'antd';
import { ApiError, gql } from '../api/client';
import { CHANGE_PASSWORD } from '../api/documents';

/** Changing one's own password; the person's other sessions end (the API's rule), this one goes on. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  return (
    <Modal
      open={open}
      title="修改密码"
      okText="修改"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { current: string; next: string };
        setBusy(true);
        try {
          await gql(CHANGE_PASSWORD, { current: v.current, next: v.next });
          message.success('密码已修改，其他设备上的登录已退出');
          form.resetFields();
          onClose();
        } catch (err) {
          if (err instanceof ApiError && err.field) form.setFields([{ name: err.field === 'currentPassword' ? 'current' : 'next', errors: [err.message] }]);
          else message.error(err instanceof ApiError ? err.message : String(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label="新密码（至少 8 位，含字母和数字）" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label="再次输入新密码"
          dependencies={['next']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
