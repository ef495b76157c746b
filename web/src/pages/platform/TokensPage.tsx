import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Table, Tag, Typography, Space } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { Instant } from '../../components';
import { endOfShanghaiDay, type Dayjs } from '../../dates';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { TOKEN_SCOPE_NAMES } from '../../../../src/core/token-scopes';

type Token = Schemas['ApiToken'];
type Scope = Schemas['ApiTokenScope'];
/** the scopes from the one matrix the server checks too (src/core/token-scopes.ts) */
const SCOPES: Scope[] = TOKEN_SCOPE_NAMES;
/** The form's values: a day picked for the expiry, which ends at midnight Beijing time. */
interface TokenValues {
  name: string;
  scopes: Scope[];
  expiresAt?: Dayjs;
}

/** API 令牌 — tokens for Alertmanager, a metrics scraper or read-only scripts (admin); the secret is shown once. */
export function TokensPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const { data, loading, reload } = useLoad(() => unwrap(client.GET('/api/v1/tokens')), []);

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.tokens')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      </Space>
      <Table<Token>
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: Token['prefix']) => <Typography.Text code>{p}…</Typography.Text> },
          { title: t('tokens.scopes'), dataIndex: 'scopes', render: (s: Token['scopes']) => s.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: Token['expiresAt']) => <Instant value={v} /> },
          { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', render: (v: Token['lastUsedAt']) => <Instant value={v} /> },
          { title: t('common.actions'), render: (_, tok) => <RevokeToken token={tok} onRevoked={reload} /> },
        ]}
      />
      {creating && <CreateTokenForm onClose={() => setCreating(false)} onCreated={reload} />}
    </>
  );
}

function RevokeToken({ token, onRevoked }: { token: Token; onRevoked: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  if (token.revokedAt) return <Tag color="red">{t('tokens.revoked')}</Tag>;
  const revoke = async () => {
    try {
      await unwrap(client.DELETE('/api/v1/tokens/{id}', { params: { path: { id: token.id } } }));
      onRevoked();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Popconfirm title={t('confirm.tokenRevoke.title')} description={t('confirm.tokenRevoke.consequence')} okText={t('tokens.revoke')} okButtonProps={{ danger: true }} onConfirm={revoke}>
      <Button size="small" danger>
        {t('tokens.revoke')}
      </Button>
    </Popconfirm>
  );
}

/** Creates a token and shows its secret once. */
function CreateTokenForm({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useApiErrors();
  const [form] = Form.useForm<TokenValues>();
  const create = async (values: TokenValues) => {
    try {
      const body = { name: values.name, scopes: values.scopes, expiresAt: values.expiresAt ? endOfShanghaiDay(values.expiresAt) : null };
      const { token } = await unwrap(client.POST('/api/v1/tokens', { body }));
      onClose();
      onCreated();
      modal.success({ title: t('tokens.shownOnce'), width: 560, content: <Typography.Text data-testid="token-secret" copyable code>{token}</Typography.Text> });
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={t('tokens.create')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ scopes: ['alerts:write'] }} onFinish={create}>
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true }]}>
          <Input placeholder="alertmanager" />
        </Form.Item>
        <Form.Item name="scopes" label={t('tokens.scopes')} rules={[{ required: true }]}>
          <Checkbox.Group options={SCOPES} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('tokens.expiresAt')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
