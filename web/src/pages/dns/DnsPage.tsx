import { Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { del, get, post, put, qs } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { ExportLink } from '../../components/ExportLink';

interface Zone {
  id: string;
  customerId: string;
  domain: string;
  serial: number;
  defaultTtl: number;
  updatedAt: string;
}
interface DnsRecord {
  id: string;
  name: string;
  type: string;
  value: string;
  ttl: number | null;
  priority: number | null;
}
interface ReverseZone {
  origin: string;
  pools: string[];
  serial: number;
  records: number;
}
interface Allocation {
  id: string;
  address: string;
  serverId: string | null;
  customerId: string;
  poolName: string;
}
interface Ptr {
  allocationId: string;
  hostname: string;
  ttl: number | null;
}

const TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'];

/** One zone: its records, an add form that shows the server's field errors, the BIND export. */
function ZoneRecords({ zone, canEdit, onChanged }: { zone: Zone; canEdit: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm();
  const { data, reload } = useLoad(() => get<Zone & { records: DnsRecord[] }>(`/dns/zones/${zone.id}`), [zone.id]);
  const type = Form.useWatch('type', form);
  const changed = () => (reload(), onChanged());
  return (
    <Card
      title={`${zone.domain} · ${t('dns.serial')} ${data?.serial ?? zone.serial}`}
      extra={
        <a href={`/api/v1/dns/zones/${zone.id}/zonefile`} download={`${zone.domain}.zone`}>
          {t('dns.exportZone')}
        </a>
      }
    >
      <Table<DnsRecord>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.records}
        columns={[
          { title: t('dns.recordName'), dataIndex: 'name' },
          { title: t('dns.recordType'), dataIndex: 'type', render: (v: string) => <Tag>{v}</Tag> },
          { title: t('dns.recordValue'), dataIndex: 'value', render: (v: string, r) => <Typography.Text code>{r.priority !== null ? `${r.priority} ${v}` : v}</Typography.Text> },
          { title: 'TTL', dataIndex: 'ttl', render: (v: number | null) => v ?? zone.defaultTtl },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, r: DnsRecord) => (
                    <Popconfirm title={t('dns.deleteRecord')} onConfirm={() => del(`/dns/records/${r.id}`).then(changed, showError)}>
                      <Button size="small" danger>
                        {t('dns.deleteRecord')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 16 }}
          initialValues={{ type: 'A', name: '@' }}
          onFinish={(v) =>
            post(`/dns/zones/${zone.id}/records`, { ...v, ttl: v.ttl ?? null, priority: v.type === 'MX' ? (v.priority ?? null) : null }).then(() => (form.resetFields(), changed()), (e) => showError(e, form))
          }
        >
          <Form.Item name="name" label={t('dns.recordName')} rules={[{ required: true }]}>
            <Input style={{ width: 140 }} data-testid="dns-name" />
          </Form.Item>
          <Form.Item name="type" label={t('dns.recordType')}>
            <Select style={{ width: 100 }} options={TYPES.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          {type === 'MX' && (
            <Form.Item name="priority" label={t('dns.priority')}>
              <InputNumber min={0} max={65535} />
            </Form.Item>
          )}
          <Form.Item name="value" label={t('dns.recordValue')} rules={[{ required: true }]}>
            <Input style={{ width: 260 }} data-testid="dns-value" />
          </Form.Item>
          <Form.Item name="ttl" label="TTL">
            <InputNumber min={60} max={86400} placeholder={String(zone.defaultTtl)} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('dns.addRecord')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}

/** Reverse DNS: the host name each of the customer's addresses points back to (PTR). */
function PtrTable({ customerId, canEdit }: { customerId?: string; canEdit: boolean }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Allocation | null>(null);
  const { data: allocations } = useLoad(() => get<{ items: Allocation[] }>(`/ip-allocations${qs({ customerId })}`), [customerId]);
  const { data: ptrs, reload } = useLoad(() => get<{ items: Ptr[] }>(`/dns/ptr-records${qs({ customerId })}`), [customerId]);
  const ptrOf = (id: string) => ptrs?.items.find((p) => p.allocationId === id);
  return (
    <>
      <Table<Allocation>
        rowKey="id"
        size="small"
        dataSource={allocations?.items}
        columns={[
          { title: t('ipam.address'), dataIndex: 'address', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('ipam.pool'), dataIndex: 'poolName' },
          { title: 'PTR', render: (_, a) => ptrOf(a.id)?.hostname ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, a: Allocation) => (
                    <Space>
                      <Button size="small" onClick={() => (form.setFieldsValue({ hostname: ptrOf(a.id)?.hostname ?? '', ttl: ptrOf(a.id)?.ttl ?? null }), setEditing(a))}>
                        {t('dns.setPtr')}
                      </Button>
                      {ptrOf(a.id) && (
                        <Button size="small" danger onClick={() => del(`/dns/ptr-records/${a.id}`).then(reload, showError)}>
                          {t('dns.deleteRecord')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={editing !== null} title={`PTR · ${editing?.address ?? ''}`} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden={false}>
        <Form form={form} layout="vertical" onFinish={(v) => put(`/dns/ptr-records/${editing!.id}`, { hostname: v.hostname, ttl: v.ttl ?? null }).then(() => (setEditing(null), reload()), (e) => showError(e, form))}>
          <Form.Item name="hostname" label={t('dns.hostname')} rules={[{ required: true }]}>
            <Input placeholder="web1.example.cn" />
          </Form.Item>
          <Form.Item name="ttl" label="TTL">
            <InputNumber min={60} max={86400} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Staff: the provider's reverse zones, each exported as a BIND zone file. */
function ReverseZones() {
  const { t } = useI18n();
  const { data } = useLoad(() => get<{ items: ReverseZone[] }>('/dns/reverse-zones'), []);
  return (
    <Table<ReverseZone>
      rowKey="origin"
      size="small"
      dataSource={data?.items}
      columns={[
        { title: t('dns.origin'), dataIndex: 'origin', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        { title: t('ipam.pool'), dataIndex: 'pools', render: (p: string[]) => p.map((n) => <Tag key={n}>{n}</Tag>) },
        { title: t('dns.serial'), dataIndex: 'serial' },
        { title: 'PTR', dataIndex: 'records' },
        {
          title: t('common.actions'),
          render: (_, z) => (
            <a href={`/api/v1/dns/reverse-zones/${z.origin}/zonefile`} download={`${z.origin}.zone`}>
              {t('dns.exportZone')}
            </a>
          ),
        },
      ]}
    />
  );
}

/**
 * DNS (6.1: free resolution). Staff keep every customer's zones and the provider's reverse zones;
 * a customer's owner or technical user edits its own domains' records in the portal.
 */
export function DnsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const staff = me?.kind === 'staff';
  const canEdit = staff ? me.roles.some((r) => ['admin', 'noc', 'sales'].includes(r)) : !!me?.roles.some((r) => r === 'owner' || r === 'technical');
  const [customerId, setCustomerId] = useState<string | undefined>(undefined);
  const { data: zones, reload } = useLoad(() => get<{ items: Zone[] }>(`/dns/zones${qs({ customerId })}`), [customerId]);
  const { data: customers } = useLoad(() => (staff ? get<{ items: { id: string; name: string }[] }>('/customers?pageSize=100') : Promise.resolve({ items: [] })), [staff]);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const nameOf = (id: string) => customers?.items.find((c) => c.id === id)?.name ?? (staff ? id : me?.customerName);
  const zone = zones?.items.find((z) => z.id === selected);

  const zonesTab = (
    <>
      <Space style={{ marginBottom: 16 }}>
        {staff && <Select allowClear showSearch optionFilterProp="label" placeholder={t('nav.customers')} style={{ width: 260 }} value={customerId} onChange={setCustomerId} options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} />}
        <ExportLink href={`/dns/zones/export.csv${qs({ customerId })}`} what="dns.zones" />
        <ExportLink href={`/dns/records/export.csv${qs({ customerId })}`} what="dns.records" />
        {canEdit && (
          <Button type="primary" onClick={() => (form.resetFields(), setCreating(true))}>
            {t('dns.addZone')}
          </Button>
        )}
      </Space>
      <Table<Zone>
        rowKey="id"
        size="small"
        dataSource={zones?.items}
        onRow={(z) => ({ onClick: () => setSelected(z.id), style: { cursor: 'pointer' } })}
        rowClassName={(z) => (z.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('dns.domain'), dataIndex: 'domain' },
          ...(staff ? [{ title: t('nav.customers'), dataIndex: 'customerId', render: nameOf }] : []),
          { title: t('dns.serial'), dataIndex: 'serial' },
          { title: t('dns.updatedAt'), dataIndex: 'updatedAt', render: shanghaiTime },
        ]}
      />
      {zone && <ZoneRecords key={zone.id} zone={zone} canEdit={canEdit} onChanged={reload} />}
      <Modal open={creating} title={t('dns.addZone')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden={false}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            post<Zone>('/dns/zones', { domain: v.domain, customerId: staff ? v.customerId : me?.customerId }).then(
              (z) => (setCreating(false), setSelected(z.id), reload()),
              (e) => showError(e, form),
            )
          }
        >
          {staff && (
            <Form.Item name="customerId" label={t('nav.customers')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
          <Form.Item name="domain" label={t('dns.domain')} rules={[{ required: true }]} extra={t('dns.domainHint')}>
            <Input placeholder="example.cn" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );

  return (
    <>
      <Typography.Title level={3}>{staff ? t('nav.dns') : t('nav.myDns')}</Typography.Title>
      <Tabs
        items={[
          { key: 'zones', label: t('dns.zones'), children: zonesTab },
          { key: 'ptr', label: t('dns.reverse'), children: <PtrTable customerId={customerId} canEdit={canEdit} /> },
          ...(staff ? [{ key: 'reverse-zones', label: t('dns.reverseZones'), children: <ReverseZones /> }] : []),
        ]}
      />
    </>
  );
}
