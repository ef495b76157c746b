import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { homeOf } from '../../nav';

export function LoginPage() {
  const { me, login } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (me) return <Navigate to={homeOf(me)} replace />;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #001529 0%, #0b3a66 100%)' }}>
      <Card style={{ width: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {error && <Alert data-testid="login-error" type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        <Form
          layout="vertical"
          onFinish={async (values: { login: string; password: string }) => {
            setBusy(true);
            setError(undefined);
            try {
              const user = await login(values.login, values.password);
              navigate(homeOf(user), { replace: true });
            } catch (e) {
              setError(e instanceof ApiError ? e.message : String(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true }]}>
            <Input data-testid="login-name" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
            <Input.Password data-testid="login-password" autoComplete="current-password" />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.staffHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
