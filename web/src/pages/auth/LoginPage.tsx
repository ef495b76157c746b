import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { homeOf } from '../../nav';

export function LoginPage() {
  const { me, login, secondFactor, passkey } = useSession();
  // after the password: the second factor still owed (TOTP code, or a recovery code instead)
  const [step, setStep] = useState<'password' | 'totp' | 'recovery'>('password');
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
        {step !== 'password' && (
          <Form
            layout="vertical"
            onFinish={async (values: { answer: string }) => {
              setBusy(true);
              setError(undefined);
              try {
                const user = await secondFactor(step === 'totp' ? { code: values.answer } : { recoveryCode: values.answer });
                if (user) navigate(homeOf(user), { replace: true });
              } catch (e) {
                setError(e instanceof ApiError ? e.message : String(e));
                if (e instanceof ApiError && e.code === 'SECOND_FACTOR_EXPIRED') setStep('password');
              } finally {
                setBusy(false);
              }
            }}
          >
            <Form.Item name="answer" label={t(step === 'totp' ? 'login.totpCode' : 'login.recoveryCode')} rules={[{ required: true }]}>
              <Input data-testid="login-second-factor" autoComplete="one-time-code" inputMode={step === 'totp' ? 'numeric' : 'text'} autoFocus />
            </Form.Item>
            <Button data-testid="login-second-submit" type="primary" htmlType="submit" block loading={busy}>
              {t('login.verify')}
            </Button>
            <Button type="link" block onClick={() => setStep(step === 'totp' ? 'recovery' : 'totp')}>
              {t(step === 'totp' ? 'login.useRecoveryCode' : 'login.useTotp')}
            </Button>
          </Form>
        )}
        <Form
          layout="vertical"
          style={step === 'password' ? undefined : { display: 'none' }}
          onFinish={async (values: { login: string; password: string }) => {
            setBusy(true);
            setError(undefined);
            try {
              const user = await login(values.login, values.password);
              if (user) navigate(homeOf(user), { replace: true });
              else setStep('totp');
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
        {step === 'password' && (
          <Button
            data-testid="login-passkey"
            block
            style={{ marginTop: 12 }}
            onClick={async () => {
              setError(undefined);
              try {
                const user = await passkey(async (optionsJSON) => startAuthentication({ optionsJSON: optionsJSON as unknown as PublicKeyCredentialRequestOptionsJSON }));
                if (user) navigate(homeOf(user), { replace: true });
              } catch (e) {
                setError(e instanceof ApiError ? e.message : String(e));
              }
            }}
          >
            {t('login.passkey')}
          </Button>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.staffHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
