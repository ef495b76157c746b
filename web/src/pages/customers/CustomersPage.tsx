import { Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { client, qs, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { CustomerStatus } from './CustomerStatus';
import { CustomerWorkspace } from './CustomerWorkspace';
import { DocumentDownload } from '../../components';

type Customer = Schemas['Customer'];
type NewCustomer = ApiBody<'/api/v1/customers', 'post'>;

const PAGE_SIZE = 20;

/** 客户 — the staff's customer list: search, CSV export, and (sales, admin) a new customer. */
export function CustomersPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  // a dashboard figure links here with ?status= (issue 20)
  const [search] = useSearchParams();
  const status = (search.get('status') ?? undefined) as Schemas['CustomerStatusInput'] | undefined;
  const { data, loading } = useLoad(() => unwrap(client.GET('/api/v1/customers', { params: { query: { q: q || undefined, status, page, pageSize: PAGE_SIZE } } })), [q, page, status]);
  const canCreate = useCan('customer.create');
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.customers')}
        </Typography.Title>
        <Space wrap>
          <Input.Search placeholder={t('customers.searchHint')} allowClear onSearch={(v) => (setPage(1), setQ(v))} style={{ width: 320 }} data-testid="customer-search" />
          <DocumentDownload href={`/customers/export.csv${qs({ q })}`}>{t('customers.export')}</DocumentDownload>
          {canCreate && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="customer-create">
              {t('customers.create')}
            </Button>
          )}
        </Space>
      </Space>
      {creating && <CreateCustomerForm onClose={() => setCreating(false)} />}
      <Table<Customer>
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, total: data?.total, pageSize: PAGE_SIZE, onChange: setPage }}
        columns={[
          { title: t('common.name'), dataIndex: 'name', render: (name: Customer['name'], c) => <Link to={`/console/customers/${c.id}`}>{name}</Link> },
          { title: t('customers.uscc'), dataIndex: 'uscc', render: (v: Customer['uscc']) => v ?? '—' },
          { title: t('common.status'), dataIndex: 'status', render: (s: Customer['status']) => <CustomerStatus status={s} /> },
        ]}
      />
    </>
  );
}

/** The fields a new customer starts with, in the form's order; the rest are edited on its profile. */
const CREATE_FIELDS: [keyof NewCustomer, MessageKey, string?][] = [
  ['name', 'common.name', 'customer-form-name'],
  ['uscc', 'customers.uscc', 'customer-form-uscc'],
  ['legalRepresentative', 'customers.legalRepresentative'],
  ['contactPhone', 'customers.contactPhone'],
  ['postalAddress', 'customers.postalAddress'],
  ['noticeEmail', 'customers.noticeEmail'],
];

/** Creates a customer (empty fields left out) and opens its workspace. */
function CreateCustomerForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useApiErrors();
  const [form] = Form.useForm<NewCustomer>();
  const create = async (values: NewCustomer) => {
    try {
      const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as NewCustomer;
      const created = await unwrap(client.POST('/api/v1/customers', { body }));
      onClose();
      navigate(`/console/customers/${created.id}`);
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={t('customers.create')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={create}>
        {CREATE_FIELDS.map(([field, label, testId]) => (
          <Form.Item key={field} name={field} label={t(label)} rules={field === 'name' ? [{ required: true }] : []}>
            <Input data-testid={testId} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

const WORKSPACE_TABS = ['profile', 'kyc', 'roster', 'requests', 'notices', 'compliance'] as const;

export function CustomerDetailPage() {
  const { id } = useParams();
  // the checklist links straight to a tab: /console/customers/:id?tab=roster
  const [search] = useSearchParams();
  const tab = WORKSPACE_TABS.find((t) => t === search.get('tab'));
  return id ? <CustomerWorkspace id={id} tab={tab} /> : null;
}
