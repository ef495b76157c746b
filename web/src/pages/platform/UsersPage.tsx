import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post, qs, type Page } from '../../api/client';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { ALL_CUSTOMER, ALL_STAFF } from '../../nav';
import { shanghaiTime } from '../../format';

interface User {
  id: string;
  login: string;
  displayName: string;
  kind: 'staff' | 'customer';
  roles: string[];
  customerName: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
}

export function UsersPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useApiErrors();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, loading, reload } = useLoad(() => get<Page<User>>(`/users${qs({ q, page, pageSize: 20 })}`), [q, page]);
  const { data: customers } = useLoad(() => get<Page<{ id: string; name: string }>>('/customers?pageSize=200'), []);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as 'staff' | 'customer' | undefined;

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      reload();
    } catch (e) {
      showError(e);
    }
  };

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
        pagination={{ current: page, total: data?.total, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('users.login'), dataIndex: 'login' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.kind'), dataIndex: 'kind', render: (k: User['kind']) => t(`kind.${k}` as MessageKey) },
          { title: t('users.roles'), dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`role.${r}` as MessageKey)}</Tag>) },
          { title: t('users.customer'), dataIndex: 'customerName', render: (v: string | null) => v ?? '—' },
          { title: t('common.status'), dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>) },
          { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: shanghaiTime },
          {
            title: t('common.actions'),
            render: (_, u) => (
              <Space>
                {u.disabled ? (
                  <Button size="small" onClick={() => act(() => post(`/users/${u.id}/enable`))}>
                    {t('users.enable')}
                  </Button>
                ) : (
                  <Popconfirm title={t('users.disableConfirm')} onConfirm={() => act(() => post(`/users/${u.id}/disable`))}>
                    <Button size="small" danger>
                      {t('users.disable')}
                    </Button>
                  </Popconfirm>
                )}
                <Button
                  size="small"
                  onClick={() =>
                    act(async () => {
                      const { temporaryPassword } = await post<{ temporaryPassword: string }>(`/users/${u.id}/reset-password`);
                      modal.info({ title: t('users.temporaryPassword'), content: <Typography.Text copyable code>{temporaryPassword}</Typography.Text> });
                    })
                  }
                >
                  {t('users.resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('users.create')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'staff', roles: [] }}
          onFinish={async (values) => {
            try {
              await post('/users', values);
              setCreating(false);
              form.resetFields();
              reload();
            } catch (e) {
              showError(e, form);
            }
          }}
        >
          <Form.Item name="login" label={t('users.login')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('users.kind')}>
            <Select options={(['staff', 'customer'] as const).map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }))} onChange={() => form.setFieldValue('roles', [])} />
          </Form.Item>
          {kind === 'customer' && (
            <Form.Item name="customerId" label={t('users.customer')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
            <Select mode="multiple" options={(kind === 'customer' ? ALL_CUSTOMER : ALL_STAFF).map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="password" label={t('users.initialPassword')} rules={[{ required: true }]}>
            <Input.Password />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
