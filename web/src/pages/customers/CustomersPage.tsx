import { Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, qs, type Page } from '../../api/client';
import { shanghaiTime } from '../../format';
import { useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

export interface Customer {
  id: string;
  name: string;
  uscc: string | null;
  status: 'prospect' | 'active' | 'suspended' | 'former';
  createdAt: string;
  updatedAt: string;
}

const STATUS_COLOR = { prospect: 'default', active: 'green', suspended: 'orange', former: 'red' } as const;

export function CustomerStatus({ status }: { status: Customer['status'] }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`customers.status.${status}` as MessageKey)}</Tag>;
}

export function CustomersPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, loading } = useLoad(() => get<Page<Customer>>(`/customers${qs({ q, page, pageSize: 20 })}`), [q, page]);
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.customers')}
        </Typography.Title>
        <Input.Search placeholder={t('common.search')} allowClear onSearch={(v) => (setPage(1), setQ(v))} style={{ width: 280 }} />
      </Space>
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

export function CustomerDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const { data } = useLoad(() => get<Customer>(`/customers/${id}`), [id]);
  if (!data) return null;
  return (
    <>
      <Typography.Title level={3} data-testid="customer-name">
        {data.name}
      </Typography.Title>
      <Descriptions bordered column={1}>
        <Descriptions.Item label={t('customers.uscc')}>{data.uscc ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <CustomerStatus status={data.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.at')}>{shanghaiTime(data.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </>
  );
}

export function CustomerDetailPage() {
  const { id } = useParams();
  return id ? <CustomerDetail id={id} /> : null;
}
