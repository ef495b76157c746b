import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { ALL_CUSTOMER, ALL_STAFF } from '../../nav';

type User = Schemas['User'];
type NewUser = ApiBody<'/api/v1/users', 'post'>;

const PAGE_SIZE = 20;
const USER_KINDS: Schemas['UserKind'][] = ['staff', 'customer'];

/** 用户 — staff and customer users (admin): create, disable or enable, reset a password. */
export function UsersPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, loading, reload } = useLoad(() => unwrap(client.GET('/api/v1/users', { params: { query: { q: q || undefined, page, pageSize: PAGE_SIZE } } })), [q, page]);

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.users')}
        </Typography.Title>
        <Space>
          <Input.Search placeholder={t('common.search')} allowClear onSearch={(v) => (setPage(1), setQ(v))} />
          <Button type="primary" data-testid="user-create" onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        </Space>
      </Space>
      <Table<User>
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, total: data?.total, pageSize: PAGE_SIZE, onChange: setPage }}
        columns={[
          { title: t('users.login'), dataIndex: 'login' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.kind'), dataIndex: 'kind', render: (k: User['kind']) => t(`kind.${k}`) },
          { title: t('users.roles'), dataIndex: 'roles', render: (roles: User['roles']) => roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>) },
          { title: t('users.customer'), dataIndex: 'customerName', render: (v: User['customerName']) => v ?? '—' },
          { title: t('common.status'), dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>) },
          { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: (v: User['lastLoginAt']) => <Instant value={v} /> },
          { title: t('common.actions'), render: (_, u) => <UserActions user={u} onChanged={reload} /> },
        ]}
      />
      {creating && <CreateUserForm onClose={() => setCreating(false)} onCreated={reload} />}
    </>
  );
}

/** Disable (ends their sessions) or enable a user; reset a password to a temporary one, shown once. */
function UserActions({ user: u, onChanged }: { user: User; onChanged: () => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useApiErrors();
  const params = { path: { id: u.id } };
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChanged();
    } catch (e) {
      showError(e);
    }
  };
  const resetPassword = async () => {
    const { temporaryPassword } = await unwrap(client.POST('/api/v1/users/{id}/reset-password', { params }));
    modal.info({ title: t('users.temporaryPassword'), content: <Typography.Text copyable code>{temporaryPassword}</Typography.Text> });
  };
  return (
    <Space>
      {u.disabled ? (
        <Button size="small" onClick={() => act(() => unwrap(client.POST('/api/v1/users/{id}/enable', { params })))}>
          {t('users.enable')}
        </Button>
      ) : (
        <Popconfirm title={t('confirm.userDisable.title')} description={t('users.disableConfirm')} okText={t('users.disable')} okButtonProps={{ danger: true }} onConfirm={() => act(() => unwrap(client.POST('/api/v1/users/{id}/disable', { params })))}>
          <Button size="small" danger>
            {t('users.disable')}
          </Button>
        </Popconfirm>
      )}
      <Button size="small" onClick={() => act(resetPassword)}>
        {t('users.resetPassword')}
      </Button>
    </Space>
  );
}

/** A new user: staff with staff roles, or a customer's user with customer roles and its company. */
function CreateUserForm({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<NewUser>();
  const kind = Form.useWatch('kind', form);
  const { data: customers } = useLoad(() => unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })), []);
  const create = async (values: NewUser) => {
    try {
      await unwrap(client.POST('/api/v1/users', { body: values }));
      onClose();
      onCreated();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={t('users.create')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'staff', roles: [] }} onFinish={create}>
        <Form.Item name="login" label={t('users.login')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('users.kind')}>
          <Select options={USER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} onChange={() => form.setFieldValue('roles', [])} />
        </Form.Item>
        {kind === 'customer' && (
          <Form.Item name="customerId" label={t('users.customer')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
          <Select mode="multiple" options={(kind === 'customer' ? ALL_CUSTOMER : ALL_STAFF).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="password" label={t('users.initialPassword')} rules={[{ required: true }]}>
          <Input.Password />
        </Form.Item>
      </Form>
    </Modal>
  );
}
