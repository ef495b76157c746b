import { Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, qs, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { DocumentDownload, ExportLink, Instant } from '../../components';

type Zone = Schemas['DnsZone'];
type DnsRecord = Schemas['DnsRecord'];
type RecordType = DnsRecord['type'];
type ReverseZone = Schemas['DnsReverseZone'];
type Allocation = Schemas['IpAllocation'];
type RecordValues = Omit<ApiBody<'/api/v1/dns/zones/{id}/records', 'post'>, 'ttl' | 'priority'> & { ttl?: number; priority?: number };
type PtrValues = { hostname: string; ttl?: number | null };
type ZoneValues = { domain: string; customerId?: string };

/** The record types the server takes, typed by its enum (none missing, none extra). */
const TYPE_OFFERED: Record<RecordType, true> = { A: true, AAAA: true, CNAME: true, MX: true, TXT: true, NS: true };
const TYPES = Object.keys(TYPE_OFFERED) as RecordType[];

/** One zone: its records, an add form that shows the server's field errors, the BIND export. */
function ZoneRecords({ zone, canEdit, onChanged }: { zone: Zone; canEdit: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/dns/zones/{id}', { params: { path: { id: zone.id } } })), [zone.id]);
  const changed = () => (reload(), onChanged());
  const remove = (r: DnsRecord) => unwrap(client.DELETE('/api/v1/dns/records/{id}', { params: { path: { id: r.id } } })).then(changed, showError);
  return (
    <Card
      title={`${zone.domain} · ${t('dns.serial')} ${data?.serial ?? zone.serial}`}
      extra={
        <DocumentDownload as="link" href={`/dns/zones/${zone.id}/zonefile`} fileName={`${zone.domain}.zone`}>
          {t('dns.exportZone')}
        </DocumentDownload>
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
                    <Popconfirm title={t('confirm.dnsRecord.title')} description={t('confirm.dnsRecord.consequence')} okText={t('dns.deleteRecord')} okButtonProps={{ danger: true }} onConfirm={() => remove(r)}>
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
      {canEdit && <AddRecordForm zone={zone} onAdded={changed} />}
    </Card>
  );
}

/** A new record; the server's field errors show on the fields. */
function AddRecordForm({ zone, onAdded }: { zone: Zone; onAdded: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<RecordValues>();
  const type = Form.useWatch('type', form);
  const submit = (v: RecordValues) =>
    unwrap(client.POST('/api/v1/dns/zones/{id}/records', { params: { path: { id: zone.id } }, body: { ...v, ttl: v.ttl ?? null, priority: v.type === 'MX' ? (v.priority ?? null) : null } })).then(
      () => (form.resetFields(), onAdded()),
      (e) => showError(e, form),
    );
  return (
        <Form form={form} layout="inline" style={{ marginTop: 16 }} initialValues={{ type: 'A', name: '@' }} onFinish={submit}>
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
  );
}

/** Reverse DNS: the host name each of the customer's addresses points back to (PTR). */
function PtrTable({ customerId, canEdit }: { customerId?: string; canEdit: boolean }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<PtrValues>();
  const [editing, setEditing] = useState<Allocation | null>(null);
  const { data: allocations } = useLoad(() => unwrap(client.GET('/api/v1/ip-allocations', { params: { query: { customerId } } })), [customerId]);
  const { data: ptrs, reload } = useLoad(() => unwrap(client.GET('/api/v1/dns/ptr-records', { params: { query: { customerId } } })), [customerId]);
  const removePtr = (a: Allocation) => unwrap(client.DELETE('/api/v1/dns/ptr-records/{id}', { params: { path: { id: a.id } } })).then(reload, showError);
  const savePtr = (v: PtrValues) =>
    unwrap(client.PUT('/api/v1/dns/ptr-records/{id}', { params: { path: { id: editing!.id } }, body: { hostname: v.hostname, ttl: v.ttl ?? null } })).then(() => (setEditing(null), reload()), (e) => showError(e, form));
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
                        <Popconfirm title={t('confirm.dnsPtr.title')} description={t('confirm.dnsPtr.consequence')} okText={t('dns.deleteRecord')} okButtonProps={{ danger: true }} onConfirm={() => removePtr(a)}>
                          <Button size="small" danger>
                            {t('dns.deleteRecord')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={editing !== null} title={`PTR · ${editing?.address ?? ''}`} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden={false}>
        <Form form={form} layout="vertical" onFinish={savePtr}>
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
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/dns/reverse-zones')), []);
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
            <DocumentDownload as="link" href={`/dns/reverse-zones/${z.origin}/zonefile`} fileName={`${z.origin}.zone`}>
              {t('dns.exportZone')}
            </DocumentDownload>
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
  const staff = me?.kind === 'staff';
  const canEdit = useCan('dns.edit');
  const [customerId, setCustomerId] = useState<string | undefined>(undefined);
  return (
    <>
      <Typography.Title level={3}>{staff ? t('nav.dns') : t('nav.myDns')}</Typography.Title>
      <Tabs
        items={[
          { key: 'zones', label: t('dns.zones'), children: <ZonesTab staff={staff} canEdit={canEdit} customerId={customerId} onCustomer={setCustomerId} /> },
          { key: 'ptr', label: t('dns.reverse'), children: <PtrTable customerId={customerId} canEdit={canEdit} /> },
          ...(staff ? [{ key: 'reverse-zones', label: t('dns.reverseZones'), children: <ReverseZones /> }] : []),
        ]}
      />
    </>
  );
}

/** The zones (staff may filter by customer); a click opens a zone's records below the list. */
function ZonesTab({ staff, canEdit, customerId, onCustomer }: { staff: boolean; canEdit: boolean; customerId?: string; onCustomer: (id?: string) => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { data: zones, reload } = useLoad(() => unwrap(client.GET('/api/v1/dns/zones', { params: { query: { customerId } } })), [customerId]);
  const { data: customers } = useLoad(() => (staff ? unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 100 } } })) : Promise.resolve({ items: [], total: 0 })), [staff]);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const nameOf = (id: string) => customers?.items.find((c) => c.id === id)?.name ?? (staff ? id : me?.customerName);
  const customerOptions = customers?.items.map((c) => ({ value: c.id, label: c.name }));
  const zone = zones?.items.find((z) => z.id === selected);
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        {staff && <Select allowClear showSearch optionFilterProp="label" placeholder={t('nav.customers')} style={{ width: 260 }} value={customerId} onChange={onCustomer} options={customerOptions} />}
        <ExportLink href={`/dns/zones/export.csv${qs({ customerId })}`} what="dns.zones" />
        <ExportLink href={`/dns/records/export.csv${qs({ customerId })}`} what="dns.records" />
        {canEdit && (
          <Button type="primary" onClick={() => setCreating(true)}>
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
          { title: t('dns.updatedAt'), dataIndex: 'updatedAt', render: (v: string | null) => <Instant value={v} /> },
        ]}
      />
      {zone && <ZoneRecords key={zone.id} zone={zone} canEdit={canEdit} onChanged={reload} />}
      {creating && (
        <CreateZoneModal
          customerOptions={staff ? customerOptions : undefined}
          onClose={() => setCreating(false)}
          onCreated={(z) => (setCreating(false), setSelected(z.id), reload())}
        />
      )}
    </>
  );
}

/** A new zone: staff pick the customer, a customer hosts its own domain. */
function CreateZoneModal({ customerOptions, onClose, onCreated }: { customerOptions?: { value: string; label: string }[]; onClose: () => void; onCreated: (z: Zone) => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const [form] = Form.useForm<ZoneValues>();
  const submit = (v: ZoneValues) =>
    unwrap(client.POST('/api/v1/dns/zones', { body: { domain: v.domain, customerId: (customerOptions ? v.customerId : me?.customerId) ?? '' } })).then(onCreated, (e) => showError(e, form));
  return (
    <Modal open title={t('dns.addZone')} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={submit}>
        {customerOptions && (
          <Form.Item name="customerId" label={t('nav.customers')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={customerOptions} />
          </Form.Item>
        )}
        <Form.Item name="domain" label={t('dns.domain')} rules={[{ required: true }]} extra={t('dns.domainHint')}>
          <Input placeholder="example.cn" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
