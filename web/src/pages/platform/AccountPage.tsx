import { App, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { client, unwrap, type ApiBody } from '../../api/client';
import { useSession } from '../../auth/session';
import { useApiErrors } from '../../hooks';
import { useI18n } from '../../i18n';
import { AccountSecurity } from './AccountSecurity';

type PasswordChange = ApiBody<'/api/v1/auth/password', 'post'>;

/** 我的账户 — who I am, and a new password (which ends my other sessions). */
export function AccountPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const [form] = Form.useForm<PasswordChange>();
  if (!me) return null;
  return (
    <>
      <Typography.Title level={3}>{t('account.title')}</Typography.Title>
      <Descriptions bordered column={1} style={{ marginBottom: 24, maxWidth: 640 }}>
        <Descriptions.Item label={t('users.login')}>{me.login}</Descriptions.Item>
        <Descriptions.Item label={t('users.displayName')}>{me.displayName}</Descriptions.Item>
        {me.customerName && <Descriptions.Item label={t('users.customer')}>{me.customerName}</Descriptions.Item>}
      </Descriptions>
      <AccountSecurity />
      <Card title={t('account.changePassword')} style={{ maxWidth: 640 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (values: PasswordChange) => {
            try {
              await unwrap(client.POST('/api/v1/auth/password', { body: values }));
              form.resetFields();
              message.success(t('account.changed'));
            } catch (e) {
              showError(e, form);
            }
          }}
        >
          <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
