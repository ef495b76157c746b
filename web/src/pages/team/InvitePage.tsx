import { Alert, Button, Card, Form, Input, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, unwrap } from '../../api/client';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

interface AcceptValues {
  login: string;
  password: string;
}

/** 接受邀请 (issue 24 §2): an invitation link — choose a login and password, once. Public: the link is the secret. */
export function InvitePage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const showError = useApiErrors();
  const [form] = Form.useForm<AcceptValues>();
  const [done, setDone] = useState<string>();
  const preview = useLoad(() => unwrap(client.GET('/api/v1/invitations/{token}', { params: { path: { token } } })).catch((e: Error) => ({ error: e.message })), [token]);
  const data = preview.data;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #001529 0%, #0b3a66 100%)' }}>
      <Card style={{ width: 440 }}>
        {!data ? (
          <Spin />
        ) : 'error' in data ? (
          <Alert data-testid="invite-error" type="error" showIcon title={data.error} />
        ) : done ? (
          <Result status="success" title={t('invite.done', { login: done })} extra={<Link to="/login">{t('login.submit')}</Link>} />
        ) : (
          <>
            <Typography.Title level={4}>{t('invite.title', { customer: data.customerName })}</Typography.Title>
            <Typography.Paragraph>
              {data.displayName} · {data.email} · {data.roles.map((r) => <Tag key={r}>{t(`team.role.${r}`)}</Tag>)}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {t('invite.expires')} <Instant value={data.expiresAt} />
            </Typography.Paragraph>
            <Form
              form={form}
              layout="vertical"
              onFinish={async (values: AcceptValues) => {
                try {
                  const user = await unwrap(client.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body: values }));
                  setDone(user.login);
                } catch (e) {
                  showError(e, form);
                }
              }}
            >
              <Form.Item name="login" label={t('login.login')} rules={[{ required: true }]}>
                <Input data-testid="invite-login" autoComplete="username" />
              </Form.Item>
              <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
                <Input.Password data-testid="invite-password" autoComplete="new-password" />
              </Form.Item>
              <Button data-testid="invite-accept" type="primary" htmlType="submit" block>
                {t('invite.accept')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
