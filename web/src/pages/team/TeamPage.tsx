import { App, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Instant } from '../../components';
import { endOfShanghaiDay, type Dayjs } from '../../dates';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { TOKEN_SCOPE_NAMES, holdsTokenScope } from '../../../../src/core/token-scopes';

type MemberRow = Schemas['TeamMember'];
type InvitationRow = Schemas['Invitation'];
type TokenRow = Schemas['CustomerApiToken'];
const ROLES: Schemas['CustomerRole'][] = ['owner', 'technical', 'billing'];

/** 团队 (issue 24 §2–3): the company's users, invitations and API tokens, managed by its owner. */
export function TeamPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const { modal } = App.useApp();
  const customerId = me?.customerId ?? '';
  const team = useLoad(() => unwrap(client.GET('/api/v1/customers/{id}/team', { params: { path: { id: customerId } } })), [customerId]);
  const tokens = useLoad(() => unwrap(client.GET('/api/v1/customers/{id}/tokens', { params: { path: { id: customerId } } })), [customerId]);
  const [inviting, setInviting] = useState(false);
  const [creating, setCreating] = useState(false);
  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      team.reload();
      tokens.reload();
    } catch (e) {
      showError(e);
    }
  };
  const path = (userId: string) => ({ params: { path: { id: customerId, userId } } });
  const roleLabel = (r: Schemas['CustomerRole']) => t(`team.role.${r}`);

  return (
    <>
      <Typography.Title level={3}>{t('nav.team')}</Typography.Title>
      <Card
        title={t('team.users')}
        style={{ marginBottom: 24 }}
        extra={
          <Space>
            <span>{t('team.require2fa')}</span>
            <Switch
              checked={team.data?.require2fa ?? false}
              onChange={(on) => act(() => unwrap(client.PUT('/api/v1/customers/{id}/account-policy', { params: { path: { id: customerId } }, body: { require2fa: on } })))}
            />
            <Button data-testid="team-invite" type="primary" onClick={() => setInviting(true)}>
              {t('team.invite')}
            </Button>
          </Space>
        }
      >
        <Table<MemberRow>
          rowKey="id"
          size="small"
          loading={team.loading}
          dataSource={team.data?.users}
          pagination={false}
          columns={[
            { title: t('users.login'), dataIndex: 'login' },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            { title: t('team.roster'), dataIndex: 'rosterName', render: (v: MemberRow['rosterName']) => (v ? <Tag color="purple">{v}</Tag> : '—') },
            {
              title: t('team.roles'),
              dataIndex: 'roles',
              render: (roles: MemberRow['roles'], u) => (
                <Select
                  mode="multiple"
                  size="small"
                  style={{ minWidth: 220 }}
                  value={roles}
                  options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
                  onChange={(next: string[]) => next.length && act(() => unwrap(client.PUT('/api/v1/customers/{id}/users/{userId}/roles', { ...path(u.id), body: { roles: next } })))}
                />
              ),
            },
            { title: t('team.secondFactor'), dataIndex: 'secondFactor', render: (v: MemberRow['secondFactor']) => (v ? <Tag color="green">{t('team.on')}</Tag> : <Tag>{t('team.off')}</Tag>) },
            { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: (v: MemberRow['lastLoginAt']) => <Instant value={v} /> },
            {
              title: t('common.actions'),
              render: (_, u) => (
                <Space>
                  {u.disabled ? (
                    <Button size="small" onClick={() => act(() => unwrap(client.POST('/api/v1/customers/{id}/users/{userId}/enable', path(u.id))))}>
                      {t('team.enable')}
                    </Button>
                  ) : (
                    <Popconfirm title={t('team.disableConfirm')} onConfirm={() => act(() => unwrap(client.POST('/api/v1/customers/{id}/users/{userId}/disable', path(u.id))))}>
                      <Button size="small" danger>
                        {t('team.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                  {u.secondFactor && (
                    <Popconfirm title={t('team.resetConfirm')} onConfirm={() => act(() => unwrap(client.POST('/api/v1/users/{id}/reset-factors', { params: { path: { id: u.id } } })))}>
                      <Button size="small">{t('team.resetFactors')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('team.invitations')} style={{ marginBottom: 24 }}>
        <Table<InvitationRow>
          rowKey="id"
          size="small"
          dataSource={team.data?.invitations}
          pagination={false}
          columns={[
            { title: t('team.email'), dataIndex: 'email' },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            { title: t('team.roles'), dataIndex: 'roles', render: (roles: InvitationRow['roles']) => roles.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>) },
            { title: t('team.status'), dataIndex: 'status', render: (s: InvitationRow['status']) => <Tag data-testid={`invitation-${s}`}>{t(`team.invitation.${s}`)}</Tag> },
            { title: t('team.expires'), dataIndex: 'expiresAt', render: (v: InvitationRow['expiresAt']) => <Instant value={v} /> },
            {
              title: t('common.actions'),
              render: (_, i) =>
                i.status === 'open' && (
                  <Button size="small" onClick={() => act(() => unwrap(client.DELETE('/api/v1/customers/{id}/invitations/{invitationId}', { params: { path: { id: customerId, invitationId: i.id } } })))}>
                    {t('team.withdraw')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('team.tokens')}
        extra={
          <Button onClick={() => setCreating(true)}>
            {t('tokens.create')}
          </Button>
        }
      >
        <Table<TokenRow>
          rowKey="id"
          size="small"
          loading={tokens.loading}
          dataSource={tokens.data?.items}
          pagination={false}
          columns={[
            { title: t('tokens.name'), dataIndex: 'name' },
            { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: TokenRow['prefix']) => <Typography.Text code>{p}…</Typography.Text> },
            { title: t('tokens.scopes'), dataIndex: 'scopes', render: (s: TokenRow['scopes']) => s.map((x) => <Tag key={x}>{x}</Tag>) },
            { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: TokenRow['expiresAt']) => <Instant value={v} /> },
            { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', render: (v: TokenRow['lastUsedAt'], row) => <><Instant value={v} /> {row.lastUsedIp ?? ''}</> },
            {
              title: t('common.actions'),
              render: (_, tok) =>
                tok.revokedAt ? (
                  <Tag color="red">{t('tokens.revoked')}</Tag>
                ) : (
                  <Popconfirm title={t('confirm.tokenRevoke.title')} description={t('confirm.tokenRevoke.consequence')} onConfirm={() => act(() => unwrap(client.DELETE('/api/v1/customers/{id}/tokens/{tokenId}', { params: { path: { id: customerId, tokenId: tok.id } } })))}>
                    <Button size="small" danger>
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      {inviting && <InviteForm customerId={customerId} onClose={() => setInviting(false)} onDone={team.reload} />}
      {creating && (
        <TokenForm
          customerId={customerId}
          onClose={() => setCreating(false)}
          onCreated={(secret) => {
            tokens.reload();
            modal.success({ title: t('tokens.shownOnce'), width: 560, content: <Typography.Text data-testid="token-secret" copyable code>{secret}</Typography.Text> });
          }}
        />
      )}
    </>
  );
}

interface InviteValues {
  email: string;
  displayName: string;
  roles: string[];
  locale: 'zh-CN' | 'en';
}

function InviteForm({ customerId, onClose, onDone }: { customerId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<InviteValues>();
  return (
    <Modal open title={t('team.invite')} okText={t('team.send')} okButtonProps={{ id: 'invite-send' }} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roles: ['technical'], locale: 'zh-CN' }}
        onFinish={async (values: InviteValues) => {
          try {
            await unwrap(client.POST('/api/v1/customers/{id}/invitations', { params: { path: { id: customerId } }, body: values }));
            onClose();
            onDone();
          } catch (e) {
            showError(e, form);
          }
        }}
      >
        <Form.Item name="email" label={t('team.email')} rules={[{ required: true, type: 'email' }]}>
          <Input data-testid="invite-email" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
          <Input data-testid="invite-name" />
        </Form.Item>
        <Form.Item name="roles" label={t('team.roles')} rules={[{ required: true }]}>
          <Checkbox.Group data-testid="invite-roles" options={ROLES.map((r) => ({ value: r, label: t(`team.role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="locale" label={t('team.language')}>
          <Select options={[{ value: 'zh-CN', label: '简体中文' }, { value: 'en', label: 'English' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TokenValues {
  name: string;
  scopes: Schemas['ApiTokenScope'][];
  expiresAt?: Dayjs;
}

function TokenForm({ customerId, onClose, onCreated }: { customerId: string; onClose: () => void; onCreated: (secret: string) => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const [form] = Form.useForm<TokenValues>();
  // only the scopes the owner holds (the matrix the server checks)
  const scopes = TOKEN_SCOPE_NAMES.filter((s) => holdsTokenScope(me, s));
  return (
    <Modal open title={t('tokens.create')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ scopes: ['read'] }}
        onFinish={async (values: TokenValues) => {
          try {
            const body = { name: values.name, scopes: values.scopes, expiresAt: values.expiresAt ? endOfShanghaiDay(values.expiresAt) : null };
            const { token } = await unwrap(client.POST('/api/v1/customers/{id}/tokens', { params: { path: { id: customerId } }, body }));
            onClose();
            onCreated(token);
          } catch (e) {
            showError(e, form);
          }
        }}
      >
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true }]}>
          <Input placeholder="monitoring" />
        </Form.Item>
        <Form.Item name="scopes" label={t('tokens.scopes')} rules={[{ required: true }]}>
          <Checkbox.Group options={scopes} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('tokens.expiresAt')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
