import { Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { client, unwrap, type ApiBody, type Schemas } from '../../../api/client';
import { Instant } from '../../../components';
import { useApiErrors, useLoad } from '../../../hooks';
import { useI18n, type MessageKey } from '../../../i18n';
import { MissingHint, useNoc, useRetire } from './shared';

type Site = Schemas['Site'];
type Room = Schemas['Room'];
type Cabinet = Schemas['Cabinet'];
type SiteValues = ApiBody<'/api/v1/sites', 'post'>;
type RoomValues = ApiBody<'/api/v1/rooms', 'post'>;
/** The cabinet form asks for the rated power in kW (the API keeps watts). */
type CabinetValues = Omit<ApiBody<'/api/v1/cabinets', 'post'>, 'powerBudgetW'> & { powerKw?: number; status?: 'active' | 'reserved' };
/** What a dialog edits: nothing (closed), a new one, or an existing row. */
type EditState<T> = { row: T | null } | null;

const retiredTag = (retiredAt: string | null | undefined, t: (k: MessageKey) => string) => (retiredAt ? <Tag>{t('inventory.retiredTag')}</Tag> : <Tag color="green">{t('inventory.inUse')}</Tag>);

/** Sites (机房): code, name, address, access point. */
export function SitesTab() {
  const { t } = useI18n();
  const noc = useNoc();
  const retire = useRetire();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/sites')), []);
  const [edit, setEdit] = useState<EditState<Site>>(null);
  return (
    <>
      {noc && (
        <Button type="primary" data-testid="inventory-new-site" style={{ marginBottom: 12 }} onClick={() => setEdit({ row: null })}>
          {t('inventory.newSite')}
        </Button>
      )}
      <Table<Site>
        rowKey="id"
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: t('inventory.siteCode'), dataIndex: 'code' },
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('inventory.address'), dataIndex: 'address' },
          { title: t('inventory.accessPoint'), dataIndex: 'accessPoint' },
          { title: t('common.status'), render: (_, s) => retiredTag(s.retiredAt, t) },
          { title: t('inventory.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Instant value={v} /> },
          ...(noc
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, s: Site) =>
                    !s.retiredAt && (
                      <Space>
                        <Button size="small" data-testid={`inventory-edit-site-${s.code}`} onClick={() => setEdit({ row: s })}>
                          {t('inventory.edit')}
                        </Button>
                        <Button size="small" danger data-testid={`inventory-retire-site-${s.code}`} onClick={() => retire(s.name, () => unwrap(client.POST('/api/v1/sites/{id}/retire', { params: { path: { id: s.id } } })), reload)}>
                          {t('inventory.retire')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {edit && <SiteModal site={edit.row} onClose={() => setEdit(null)} onDone={() => (setEdit(null), reload())} />}
    </>
  );
}

function SiteModal({ site, onClose, onDone }: { site: Site | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<SiteValues>();
  const submit = (v: SiteValues) =>
    (site ? unwrap(client.PATCH('/api/v1/sites/{id}', { params: { path: { id: site.id } }, body: { ...v, version: site.version } })) : unwrap(client.POST('/api/v1/sites', { body: v }))).then(onDone, (e) => showError(e, form));
  return (
    <Modal open title={site ? t('inventory.editSite') : t('inventory.newSite')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'inventory-site-save' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={site ?? {}} onFinish={submit}>
        <Form.Item name="code" label={t('inventory.siteCode')} extra={t('inventory.siteCodeHint')} rules={[{ required: true, pattern: /^[A-Z0-9-]{2,20}$/, message: t('inventory.siteCodeHint') }]}>
          <Input data-testid="site-code" />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input data-testid="site-name" />
        </Form.Item>
        <Form.Item name="address" label={t('inventory.address')} rules={[{ required: true }]}>
          <Input data-testid="site-address" />
        </Form.Item>
        <Form.Item name="accessPoint" label={t('inventory.accessPoint')} extra={t('inventory.accessPointHint')} rules={[{ required: true }]}>
          <Input data-testid="site-access-point" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Rooms of the sites, with their utilisation (U and power, summed by the database). */
export function RoomsTab() {
  const { t } = useI18n();
  const noc = useNoc();
  const retire = useRetire();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/rooms')), []);
  const { data: sites } = useLoad(() => unwrap(client.GET('/api/v1/sites')), []);
  const { data: usage } = useLoad(() => unwrap(client.GET('/api/v1/rooms/utilisation')), [data]);
  const [edit, setEdit] = useState<EditState<Room>>(null);
  const siteName = (id: string) => sites?.items.find((s) => s.id === id)?.name ?? '';
  const usageOf = (id: string) => usage?.items.find((u) => u.roomId === id);
  return (
    <>
      {noc && (
        <Button type="primary" data-testid="inventory-new-room" style={{ marginBottom: 12 }} onClick={() => setEdit({ row: null })}>
          {t('inventory.newRoom')}
        </Button>
      )}
      <Table<Room>
        rowKey="id"
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: t('inventory.site'), render: (_, r) => siteName(r.siteId) },
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('inventory.cabinets'), render: (_, r) => usageOf(r.id)?.cabinets ?? 0 },
          { title: t('inventory.uUsed'), render: (_, r) => <UsageText used={usageOf(r.id)?.usedU} total={usageOf(r.id)?.totalU} unit="U" /> },
          { title: t('inventory.powerUsed'), render: (_, r) => <UsageText used={kw(usageOf(r.id)?.powerW)} total={kw(usageOf(r.id)?.powerBudgetW)} unit="kW" /> },
          { title: t('common.status'), render: (_, r) => retiredTag(r.retiredAt, t) },
          ...(noc
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, r: Room) =>
                    !r.retiredAt && (
                      <Space>
                        <Button size="small" onClick={() => setEdit({ row: r })}>
                          {t('inventory.edit')}
                        </Button>
                        <Button size="small" danger onClick={() => retire(r.name, () => unwrap(client.POST('/api/v1/rooms/{id}/retire', { params: { path: { id: r.id } } })), reload)}>
                          {t('inventory.retire')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {edit && <RoomModal room={edit.row} sites={sites?.items.filter((s) => !s.retiredAt) ?? []} onClose={() => setEdit(null)} onDone={() => (setEdit(null), reload())} />}
    </>
  );
}

/** Watts as kW with one decimal. */
export const kw = (w: number | undefined) => (w === undefined ? undefined : Math.round(w / 100) / 10);

/** "12 / 42 U (29%)". */
export function UsageText({ used, total, unit }: { used?: number; total?: number; unit: string }) {
  if (used === undefined || total === undefined) return null;
  const pct = total > 0 ? Math.round((100 * used) / total) : 0;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {used} / {total} {unit} ({pct}%)
    </span>
  );
}

function RoomModal({ room, sites, onClose, onDone }: { room: Room | null; sites: Site[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<RoomValues>();
  const submit = (v: RoomValues) =>
    (room ? unwrap(client.PATCH('/api/v1/rooms/{id}', { params: { path: { id: room.id } }, body: { name: v.name, version: room.version } })) : unwrap(client.POST('/api/v1/rooms', { body: v }))).then(onDone, (e) =>
      showError(e, form),
    );
  return (
    <Modal open title={room ? t('inventory.editRoom') : t('inventory.newRoom')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'inventory-room-save' }} destroyOnHidden>
      {!room && sites.length === 0 && <MissingHint what="inventory.missing.site" tab="sites" />}
      <Form form={form} layout="vertical" initialValues={room ?? { siteId: sites[0]?.id }} onFinish={submit}>
        <Form.Item name="siteId" label={t('inventory.site')} rules={[{ required: true }]}>
          <Select data-testid="room-site" disabled={!!room} options={sites.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))} />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input data-testid="room-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Cabinets with their position, height, rated power and current, and how full they are. */
export function CabinetsTab({ onElevation }: { onElevation: (cabinetId: string) => void }) {
  const { t } = useI18n();
  const noc = useNoc();
  const retire = useRetire();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/cabinets')), []);
  const { data: rooms } = useLoad(() => unwrap(client.GET('/api/v1/rooms')), []);
  const { data: usage } = useLoad(() => unwrap(client.GET('/api/v1/cabinets/utilisation')), [data]);
  const [edit, setEdit] = useState<EditState<Cabinet>>(null);
  const usageOf = (id: string) => usage?.items.find((u) => u.cabinetId === id);
  return (
    <>
      {noc && (
        <Button type="primary" data-testid="inventory-new-cabinet" style={{ marginBottom: 12 }} onClick={() => setEdit({ row: null })}>
          {t('inventory.newCabinet')}
        </Button>
      )}
      <Table<Cabinet>
        rowKey="id"
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('inventory.room'), dataIndex: 'roomName' },
          { title: t('inventory.cabinetCode'), dataIndex: 'code' },
          { title: t('inventory.position'), render: (_, c) => (c.positionRow || c.positionColumn ? t('inventory.positionValue', { row: c.positionRow ?? '–', column: c.positionColumn ?? '–' }) : '–') },
          { title: t('facility.heightU'), dataIndex: 'heightU' },
          { title: t('inventory.ratedPower'), render: (_, c) => `${kw(c.powerBudgetW)} kW${c.ratedCurrentA ? ` / ${c.ratedCurrentA} A` : ''}` },
          { title: t('inventory.uUsed'), render: (_, c) => <UsageText used={usageOf(c.id)?.usedU} total={c.heightU} unit="U" /> },
          { title: t('inventory.powerUsed'), render: (_, c) => <UsageText used={kw(usageOf(c.id)?.powerW)} total={kw(c.powerBudgetW)} unit="kW" /> },
          { title: t('common.status'), dataIndex: 'status', render: (s: Cabinet['status']) => <Tag color={s === 'active' ? 'green' : s === 'reserved' ? 'gold' : undefined}>{t(`inventory.cabinetStatus.${s}` as MessageKey)}</Tag> },
          {
            title: t('common.actions'),
            render: (_: unknown, c: Cabinet) => (
              <Space>
                <Button size="small" data-testid={`inventory-elevation-${c.code}`} onClick={() => onElevation(c.id)}>
                  {t('facility.elevation')}
                </Button>
                {noc && !c.retiredAt && (
                  <>
                    <Button size="small" onClick={() => setEdit({ row: c })}>
                      {t('inventory.edit')}
                    </Button>
                    <Button size="small" danger onClick={() => retire(c.code, () => unwrap(client.POST('/api/v1/cabinets/{id}/retire', { params: { path: { id: c.id } } })), reload)}>
                      {t('inventory.retire')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {edit && <CabinetModal cabinet={edit.row} rooms={rooms?.items.filter((r) => !r.retiredAt) ?? []} onClose={() => setEdit(null)} onDone={() => (setEdit(null), reload())} />}
    </>
  );
}

function CabinetModal({ cabinet, rooms, onClose, onDone }: { cabinet: Cabinet | null; rooms: Room[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<CabinetValues>();
  const submit = ({ powerKw, roomId, status, ...v }: CabinetValues) => {
    const fields = { ...v, powerBudgetW: powerKw === undefined || powerKw === null ? undefined : Math.round(powerKw * 1000), positionRow: v.positionRow || null, positionColumn: v.positionColumn ?? null, ratedCurrentA: v.ratedCurrentA ?? null };
    const call = cabinet
      ? unwrap(client.PATCH('/api/v1/cabinets/{id}', { params: { path: { id: cabinet.id } }, body: { ...fields, status, version: cabinet.version } }))
      : unwrap(client.POST('/api/v1/cabinets', { body: { ...fields, roomId } }));
    // the API names powerBudgetW; the form shows it as powerKw
    return call.then(onDone, (e) => showError(e, form));
  };
  const initial: Partial<CabinetValues> = cabinet
    ? { ...cabinet, powerKw: cabinet.powerBudgetW / 1000, status: cabinet.status === 'reserved' ? 'reserved' : 'active' }
    : { roomId: rooms[0]?.id, heightU: 42, powerKw: 4.4, ratedCurrentA: 20 };
  return (
    <Modal open title={cabinet ? t('inventory.editCabinet') : t('inventory.newCabinet')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'inventory-cabinet-save' }} destroyOnHidden>
      {!cabinet && rooms.length === 0 && <MissingHint what="inventory.missing.room" tab="rooms" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="roomId" label={t('inventory.room')} rules={[{ required: true }]}>
          <Select data-testid="cabinet-room" disabled={!!cabinet} options={rooms.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="code" label={t('inventory.cabinetCode')} rules={[{ required: true }]}>
          <Input data-testid="cabinet-code" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="positionRow" label={t('inventory.positionRow')}>
            <Input data-testid="cabinet-row" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="positionColumn" label={t('inventory.positionColumn')}>
            <InputNumber data-testid="cabinet-column" min={1} max={999} />
          </Form.Item>
          <Form.Item name="heightU" label={t('facility.heightU')} rules={[{ required: true }]}>
            <InputNumber data-testid="cabinet-height" min={1} max={60} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="powerKw" label={t('inventory.ratedPowerKw')} rules={[{ required: true }]}>
            <InputNumber data-testid="cabinet-power-kw" min={0.1} max={1000} step={0.1} />
          </Form.Item>
          <Form.Item name="ratedCurrentA" label={t('inventory.ratedCurrentA')}>
            <InputNumber data-testid="cabinet-current-a" min={1} max={1000} />
          </Form.Item>
          {cabinet && (
            <Form.Item name="status" label={t('common.status')}>
              <Select style={{ width: 140 }} options={(['active', 'reserved'] as const).map((s) => ({ value: s, label: t(`inventory.cabinetStatus.${s}` as MessageKey) }))} />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
