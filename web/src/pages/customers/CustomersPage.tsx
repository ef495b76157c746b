import { Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { get, post, qs, type Page } from '../../api/client';
import { useSession } from '../../auth/session';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { CustomerStatus, type Customer } from './CustomerStatus';
import { CustomerWorkspace } from './CustomerWorkspace';

export function CustomersPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const showError = useApiErrors();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const { data, loading } = useLoad(() => get<Page<Customer>>(`/customers${qs({ q, page, pageSize: 20 })}`), [q, page]);
  const canCreate = me?.roles.some((r) => r === 'sales' || r === 'admin');
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.customers')}
        </Typography.Title>
        <Space wrap>
          <Input.Search placeholder={t('customers.searchHint')} allowClear onSearch={(v) => (setPage(1), setQ(v))} style={{ width: 320 }} data-testid="customer-search" />
          <Button href={`/api/v1/customers/export.csv${qs({ q })}`}>{t('customers.export')}</Button>
          {canCreate && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="customer-create">
              {t('customers.create')}
            </Button>
          )}
        </Space>
      </Space>
      <Modal open={creating} title={t('customers.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (values: Record<string, string>) => {
            try {
              const created = await post<Customer>('/customers', Object.fromEntries(Object.entries(values).filter(([, v]) => v)));
              setCreating(false);
              navigate(`/console/customers/${created.id}`);
            } catch (e) {
              showError(e, form);
            }
          }}
        >
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
            <Input data-testid="customer-form-name" />
          </Form.Item>
          <Form.Item name="uscc" label={t('customers.uscc')}>
            <Input data-testid="customer-form-uscc" />
          </Form.Item>
          <Form.Item name="legalRepresentative" label={t('customers.legalRepresentative')}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('customers.contactPhone')}>
            <Input />
          </Form.Item>
          <Form.Item name="postalAddress" label={t('customers.postalAddress')}>
            <Input />
          </Form.Item>
          <Form.Item name="noticeEmail" label={t('customers.noticeEmail')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Table<Customer>
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, total: data?.total, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('common.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/console/customers/${c.id}`}>{name}</Link> },
          { title: t('customers.uscc'), dataIndex: 'uscc', render: (v: string | null) => v ?? '—' },
          { title: t('common.status'), dataIndex: 'status', render: (s: Customer['status']) => <CustomerStatus status={s} /> },
        ]}
      />
    </>
  );
}

export function CustomerDetailPage() {
  const { id } = useParams();
  return id ? <CustomerWorkspace id={id} /> : null;
}
