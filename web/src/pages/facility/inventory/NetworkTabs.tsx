import { Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type ApiBody, type Schemas } from '../../../api/client';
import { useApiErrors, useLoad } from '../../../hooks';
import { useI18n, type MessageKey } from '../../../i18n';
import { MissingHint, useNoc, useRetire } from './shared';

type Switch = Schemas['Switch'];
type Pool = Schemas['IpPoolWithUsage'];
type Room = Schemas['Room'];
type Cabinet = Schemas['Cabinet'];
type Site = Schemas['Site'];
type SwitchValues = ApiBody<'/api/v1/switches', 'post'>;
type PoolValues = ApiBody<'/api/v1/ip-pools', 'post'>;
type AddPortsValues = ApiBody<'/api/v1/switches/{id}/ports', 'post'>;
/** What a dialog edits: nothing (closed), a new one, or an existing row. */
type EditState<T> = { row: T | null } | null;

const statusTag = (retiredAt: string | null | undefined, t: (k: MessageKey) => string) => (retiredAt ? <Tag>{t('inventory.retiredTag')}</Tag> : <Tag color="green">{t('inventory.inUse')}</Tag>);

/** Switches, each with its ports (who uses which) a click away. */
export function SwitchesTab() {
  const { t } = useI18n();
  const noc = useNoc();
  const retire = useRetire();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/switches')), []);
  const { data: rooms } = useLoad(() => unwrap(client.GET('/api/v1/rooms')), []);
  const { data: cabinets } = useLoad(() => unwrap(client.GET('/api/v1/cabinets')), []);
  const [edit, setEdit] = useState<EditState<Switch>>(null);
  const [ports, setPorts] = useState<Switch | null>(null);
  const roomName = (id: string) => rooms?.items.find((r) => r.id === id)?.name ?? '';
  const cabinetCode = (id: string | null) => (id ? (cabinets?.items.find((c) => c.id === id)?.code ?? '') : '–');
  return (
    <>
      {noc && (
        <Button type="primary" data-testid="inventory-new-switch" style={{ marginBottom: 12 }} onClick={() => setEdit({ row: null })}>
          {t('inventory.newSwitch')}
        </Button>
      )}
      <Table<Switch>
        rowKey="id"
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('facility.model'), dataIndex: 'model' },
          { title: t('inventory.room'), render: (_, w) => roomName(w.roomId) },
          { title: t('facility.cabinet'), render: (_, w) => cabinetCode(w.cabinetId) },
          { title: t('inventory.uplinkMbps'), dataIndex: 'uplinkMbps' },
          { title: t('common.status'), render: (_, w) => statusTag(w.retiredAt, t) },
          {
            title: t('common.actions'),
            render: (_: unknown, w: Switch) => (
              <Space>
                <Button size="small" data-testid={`inventory-ports-${w.name}`} onClick={() => setPorts(w)}>
                  {t('inventory.ports')}
                </Button>
                {noc && !w.retiredAt && (
                  <>
                    <Button size="small" onClick={() => setEdit({ row: w })}>
                      {t('inventory.edit')}
                    </Button>
                    <Button size="small" danger onClick={() => retire(w.name, () => unwrap(client.POST('/api/v1/switches/{id}/retire', { params: { path: { id: w.id } } })), reload)}>
                      {t('inventory.retire')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {edit && (
        <SwitchModal
          sw={edit.row}
          rooms={rooms?.items.filter((r) => !r.retiredAt) ?? []}
          cabinets={cabinets?.items.filter((c) => !c.retiredAt) ?? []}
          onClose={() => setEdit(null)}
          onDone={() => (setEdit(null), reload())}
        />
      )}
      {ports && <PortsModal sw={ports} editable={noc && !ports.retiredAt} onClose={() => setPorts(null)} />}
    </>
  );
}

function SwitchModal({ sw, rooms, cabinets, onClose, onDone }: { sw: Switch | null; rooms: Room[]; cabinets: Cabinet[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<SwitchValues>();
  const roomId = Form.useWatch('roomId', form);
  const submit = ({ roomId: room, portCount, portSpeedMbps, ...v }: SwitchValues) =>
    (sw
      ? unwrap(client.PATCH('/api/v1/switches/{id}', { params: { path: { id: sw.id } }, body: { ...v, cabinetId: v.cabinetId ?? null, version: sw.version } }))
      : unwrap(client.POST('/api/v1/switches', { body: { ...v, roomId: room, portCount, portSpeedMbps, cabinetId: v.cabinetId ?? null } }))
    ).then(onDone, (e) => showError(e, form));
  return (
    <Modal open title={sw ? t('inventory.editSwitch') : t('inventory.newSwitch')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'inventory-switch-save' }} destroyOnHidden>
      {!sw && rooms.length === 0 && <MissingHint what="inventory.missing.room" tab="rooms" />}
      <Form form={form} layout="vertical" initialValues={sw ?? { roomId: rooms[0]?.id, portCount: 48, portSpeedMbps: 1000, uplinkMbps: 1000 }} onFinish={submit}>
        <Form.Item name="roomId" label={t('inventory.room')} rules={[{ required: true }]}>
          <Select data-testid="switch-room" disabled={!!sw} options={rooms.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="cabinetId" label={t('facility.cabinet')} extra={t('inventory.switchCabinetHint')}>
          <Select data-testid="switch-cabinet" allowClear options={cabinets.filter((c) => c.roomId === (sw?.roomId ?? roomId)).map((c) => ({ value: c.id, label: c.code }))} />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input data-testid="switch-name" />
        </Form.Item>
        <Form.Item name="model" label={t('facility.model')} rules={[{ required: true }]}>
          <Input data-testid="switch-model" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="uplinkMbps" label={t('inventory.uplinkMbps')}>
            <InputNumber data-testid="switch-uplink" min={1} />
          </Form.Item>
          {!sw && (
            <>
              <Form.Item name="portCount" label={t('inventory.portCount')} rules={[{ required: true }]}>
                <InputNumber data-testid="switch-port-count" min={0} max={96} />
              </Form.Item>
              <Form.Item name="portSpeedMbps" label={t('inventory.portSpeedMbps')}>
                <InputNumber data-testid="switch-port-speed" min={1} />
              </Form.Item>
            </>
          )}
        </Space>
      </Form>
    </Modal>
  );
}

/** A switch's ports and who uses them; NOC adds ports. */
function PortsModal({ sw, editable, onClose }: { sw: Switch; editable: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<AddPortsValues>();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/switches/{id}/ports', { params: { path: { id: sw.id } } })), [sw.id]);
  const add = (v: AddPortsValues) => unwrap(client.POST('/api/v1/switches/{id}/ports', { params: { path: { id: sw.id } }, body: v })).then(() => (form.resetFields(), reload()), (e) => showError(e, form));
  return (
    <Modal open width={640} title={`${t('inventory.ports')} · ${sw.name}`} onCancel={onClose} footer={null}>
      {editable && (
        <Form form={form} layout="inline" initialValues={{ count: 1, speedMbps: 1000 }} onFinish={add} style={{ marginBottom: 12 }}>
          <Form.Item name="count" label={t('inventory.portCount')}>
            <InputNumber min={1} max={96} />
          </Form.Item>
          <Form.Item name="speedMbps" label={t('inventory.portSpeedMbps')}>
            <InputNumber min={1} />
          </Form.Item>
          <Button htmlType="submit">{t('inventory.addPorts')}</Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={data?.items}
        pagination={{ pageSize: 12 }}
        columns={[
          { title: t('facility.port'), dataIndex: 'name' },
          { title: t('inventory.portSpeedMbps'), dataIndex: 'speedMbps' },
          { title: t('inventory.portUse'), render: (_, p) => (p.assignment ? <Tag color="blue">{p.assignment.interfaceName}</Tag> : <Tag color="green">{t('inventory.portFree')}</Tag>) },
        ]}
      />
    </Modal>
  );
}

/** IPv4 and IPv6 pools: prefix, gateway, VLAN, quarantine, reserved ranges, usage. */
export function PoolsTab() {
  const { t } = useI18n();
  const noc = useNoc();
  const retire = useRetire();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/ip-pools')), []);
  const { data: sites } = useLoad(() => unwrap(client.GET('/api/v1/sites')), []);
  const [edit, setEdit] = useState<EditState<Pool>>(null);
  return (
    <>
      {noc && (
        <Button type="primary" data-testid="inventory-new-pool" style={{ marginBottom: 12 }} onClick={() => setEdit({ row: null })}>
          {t('inventory.newPool')}
        </Button>
      )}
      <Table<Pool>
        rowKey="id"
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('ipam.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}</Typography.Text> },
          { title: t('ipam.gateway'), dataIndex: 'gateway', render: (g: string | null) => g ?? '–' },
          { title: t('inventory.vlan'), dataIndex: 'vlan', render: (v: number | null) => v ?? '–' },
          { title: t('inventory.quarantineDays'), dataIndex: 'quarantineDays' },
          { title: t('ipam.usage'), render: (_, p) => t('inventory.poolUsage', { allocated: p.usage.allocated, quarantined: p.usage.quarantined, free: p.usage.free.length > 12 ? `≈ 2^${Math.round(Math.log2(Number(p.usage.free)))}` : p.usage.free }) },
          { title: t('common.status'), render: (_, p) => statusTag(p.retiredAt, t) },
          ...(noc
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, p: Pool) =>
                    !p.retiredAt && (
                      <Space>
                        <Button size="small" onClick={() => setEdit({ row: p })}>
                          {t('inventory.edit')}
                        </Button>
                        <Button size="small" danger onClick={() => retire(p.name, () => unwrap(client.POST('/api/v1/ip-pools/{id}/retire', { params: { path: { id: p.id } } })), reload)}>
                          {t('inventory.retire')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {edit && <PoolModal pool={edit.row} sites={sites?.items.filter((s) => !s.retiredAt) ?? []} onClose={() => setEdit(null)} onDone={() => (setEdit(null), reload())} />}
    </>
  );
}

function PoolModal({ pool, sites, onClose, onDone }: { pool: Pool | null; sites: Site[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<PoolValues>();
  const { data: reserved } = useLoad(() => (pool ? unwrap(client.GET('/api/v1/ip-pools/{id}/reserved', { params: { path: { id: pool.id } } })) : Promise.resolve({ items: [] })), [pool?.id]);
  const submit = ({ prefix, ...v }: PoolValues) => {
    const body = { ...v, gateway: v.gateway || null, vlan: v.vlan ?? null, siteId: v.siteId ?? null, reserved: v.reserved ?? [] };
    return (pool ? unwrap(client.PATCH('/api/v1/ip-pools/{id}', { params: { path: { id: pool.id } }, body: { ...body, version: pool.version } })) : unwrap(client.POST('/api/v1/ip-pools', { body: { ...body, prefix } }))).then(onDone, (e) =>
      showError(e, form),
    );
  };
  if (pool && !reserved) return null;
  return (
    <Modal open width={640} title={pool ? t('inventory.editPool') : t('inventory.newPool')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'inventory-pool-save' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={pool ? { ...pool, reserved: reserved?.items } : { quarantineDays: 30, siteId: sites[0]?.id }} onFinish={submit}>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input data-testid="pool-name" />
        </Form.Item>
        <Form.Item name="prefix" label={t('ipam.prefix')} extra={t('inventory.prefixHint')} rules={[{ required: true }]}>
          <Input data-testid="pool-prefix" disabled={!!pool} placeholder="203.0.113.0/24 · 2001:db8:1::/64" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="gateway" label={t('ipam.gateway')}>
            <Input data-testid="pool-gateway" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="vlan" label={t('inventory.vlan')}>
            <InputNumber data-testid="pool-vlan" min={1} max={4094} />
          </Form.Item>
          <Form.Item name="quarantineDays" label={t('inventory.quarantineDays')}>
            <InputNumber data-testid="pool-quarantine" min={0} max={365} />
          </Form.Item>
        </Space>
        <Form.Item name="siteId" label={t('inventory.site')}>
          <Select data-testid="pool-site" allowClear options={sites.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))} />
        </Form.Item>
        <Typography.Text strong>{t('inventory.reservedRanges')}</Typography.Text>
        <Form.List name="reserved">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'first']} rules={[{ required: true }]}>
                    <Input placeholder={t('inventory.reservedFirst')} data-testid={`pool-reserved-first-${f.name}`} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'last']} rules={[{ required: true }]}>
                    <Input placeholder={t('inventory.reservedLast')} data-testid={`pool-reserved-last-${f.name}`} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reason']} rules={[{ required: true }]}>
                    <Input placeholder={t('inventory.reservedReason')} data-testid={`pool-reserved-reason-${f.name}`} style={{ width: 160 }} />
                  </Form.Item>
                  <Button size="small" onClick={() => remove(f.name)}>
                    {t('inventory.remove')}
                  </Button>
                </Space>
              ))}
              <div>
                <Button size="small" data-testid="pool-reserved-add" onClick={() => add()}>
                  {t('inventory.addReserved')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
