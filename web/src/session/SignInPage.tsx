import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { useSession } from './session';

/** Sign-in with the API's accounts: a wrong password, or too many tries, is said in the API's own words. */
export function SignInPage() {
  const { signIn } = useSession();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { login: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.login, values.password);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <Card className="signin-card">
        <Typography.Title level={3}>{t('appTitle')}</Typography.Title>
        <Form layout="vertical" onFinish={submit} requiredMark={false} aria-label={t('signIn')}>
          <Form.Item label={t('login')} name="login" rules={[{ required: true, whitespace: true, message: t('loginRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
