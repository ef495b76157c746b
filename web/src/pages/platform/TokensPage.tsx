import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { del, get, post } from '../../api/client';
import { endOfShanghaiDay, type Dayjs } from '../../dates';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

interface Token {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function TokensPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useApiErrors();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const { data, loading, reload } = useLoad(() => get<{ items: Token[] }>('/tokens'), []);

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
          { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: t('tokens.scopes'), dataIndex: 'scopes', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: shanghaiTime },
          { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', render: shanghaiTime },
          {
            title: t('common.actions'),
            render: (_, tok) =>
              tok.revokedAt ? (
                <Tag color="red">{t('tokens.revoked')}</Tag>
              ) : (
                <Popconfirm
                  title={t('tokens.revoke')}
                  onConfirm={async () => {
                    try {
                      await del(`/tokens/${tok.id}`);
                      reload();
                    } catch (e) {
                      showError(e);
                    }
                  }}
                >
                  <Button size="small" danger>
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal open={creating} title={t('tokens.create')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ scopes: ['alerts:write'] }}
          onFinish={async (values: { name: string; scopes: string[]; expiresAt?: Dayjs }) => {
            try {
              const { token } = await post<{ token: string }>('/tokens', { name: values.name, scopes: values.scopes, expiresAt: values.expiresAt ? endOfShanghaiDay(values.expiresAt) : null });
              setCreating(false);
              form.resetFields();
              reload();
              modal.success({ title: t('tokens.shownOnce'), width: 560, content: <Typography.Text data-testid="token-secret" copyable code>{token}</Typography.Text> });
            } catch (e) {
              showError(e, form);
            }
          }}
        >
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true }]}>
            <Input placeholder="alertmanager" />
          </Form.Item>
          <Form.Item name="scopes" label={t('tokens.scopes')} rules={[{ required: true }]}>
            <Checkbox.Group options={['alerts:write', 'metrics:read', 'read']} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('tokens.expiresAt')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
