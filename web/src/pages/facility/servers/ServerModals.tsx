import { App, Alert, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { upload } from '../../../components';
import { client, unwrap, type ApiBody, type Schemas } from '../../../api/client';
import { useApiErrors, useLoad } from '../../../hooks';
import { useI18n, type MessageKey } from '../../../i18n';

type Server = Schemas['Server'];
interface DialogProps {
  server: Server;
  onClose: () => void;
  onDone: () => void;
}
type RackValues = ApiBody<'/api/v1/servers/{id}/rack', 'post'>;
type InspectionValues = ApiBody<'/api/v1/servers/{id}/inspections', 'post'>;
type RegisterValues = ApiBody<'/api/v1/servers', 'post'>;
/** The form picks a switch first, then one of its free ports. */
type PortValues = Omit<ApiBody<'/api/v1/servers/{id}/ports', 'post'>, 'bandwidthMbps'> & { switchId: string };
type AllocateValues = { poolId: string; address?: string; count?: number };

/** The faces racking accepts, in the order offered (full depth first), from the server's enum. */
const FACES: RackValues['face'][] = ['full', 'front', 'rear'];

/** 7.1: a cabinet, its lowest U and the face; racking sets the activation date. */
export function RackModal({ server, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<RackValues>();
  const { data: cabinets } = useLoad(() => unwrap(client.GET('/api/v1/cabinets')), []);
  const submit = (v: RackValues) => unwrap(client.POST('/api/v1/servers/{id}/rack', { params: { path: { id: server.id } }, body: v })).then(onDone, (e) => showError(e, form));
  return (
    <Modal open title={t('facility.rack')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ face: 'full', lowestU: 1 }} onFinish={submit}>
        {cabinets?.items.filter((c) => c.status === 'active').length === 0 && <MissingLink what="inventory.missing.cabinet" to="/console/inventory?tab=cabinets" />}
        <Form.Item name="cabinetId" label={t('facility.cabinet')} rules={[{ required: true }]}>
          <Select data-testid="rack-cabinet" options={cabinets?.items.filter((c) => c.status === 'active').map((c) => ({ value: c.id, label: `${c.roomName} · ${c.code}` }))} />
        </Form.Item>
        <Form.Item name="lowestU" label={t('facility.lowestU')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="face" label={t('facility.face')}>
          <Select options={FACES.map((f) => ({ value: f, label: t(`facility.face.${f}` as MessageKey) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 第二条: a customer's server, expected at the site. */
export function RegisterModal({ onClose, onDone }: Omit<DialogProps, 'server'>) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<RegisterValues>();
  const { data: customers } = useLoad(() => unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })), []);
  const submit = (v: RegisterValues) => unwrap(client.POST('/api/v1/servers', { body: v })).then(onDone, (e) => showError(e, form));
  return (
    <Modal open title={t('facility.register')} onCancel={onClose} onOk={() => form.submit()}>
      {customers?.items.length === 0 && <MissingLink what="inventory.missing.customer" to="/console/customers" />}
      <Form form={form} layout="vertical" initialValues={{ heightU: 2 }} onFinish={submit}>
        <Form.Item name="customerId" label={t('nav.customers')} rules={[{ required: true }]}>
          <Select data-testid="register-customer" showSearch optionFilterProp="label" options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="brand" label={t('facility.brand')} rules={[{ required: true }]}>
          <Input data-testid="register-brand" />
        </Form.Item>
        <Form.Item name="model" label={t('facility.model')} rules={[{ required: true }]}>
          <Input data-testid="register-model" />
        </Form.Item>
        <Form.Item name="serialNumber" label={t('facility.serial')} rules={[{ required: true }]}>
          <Input data-testid="register-serial" />
        </Form.Item>
        <Form.Item name="heightU" label={t('facility.heightU')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 6.1: one of a switch's free ports for a server interface. */
export function PortModal({ server, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<PortValues>();
  const switchId = Form.useWatch('switchId', form);
  const { data: switches } = useLoad(() => unwrap(client.GET('/api/v1/switches')), []);
  const { data: ports } = useLoad(() => (switchId ? unwrap(client.GET('/api/v1/switches/{id}/ports', { params: { path: { id: switchId } } })) : Promise.resolve({ items: [] })), [switchId]);
  const submit = (v: PortValues) =>
    unwrap(client.POST('/api/v1/servers/{id}/ports', { params: { path: { id: server.id } }, body: { portId: v.portId, interfaceName: v.interfaceName } })).then(onDone, (e) => showError(e, form));
  return (
    <Modal open title={`${t('facility.connectPort')} · ${server.serialNumber}`} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" initialValues={{ interfaceName: 'eth0' }} onFinish={submit}>
        <Form.Item name="switchId" label={t('facility.switch')} rules={[{ required: true }]}>
          <Select data-testid="port-switch" options={switches?.items.map((w) => ({ value: w.id, label: w.name }))} />
        </Form.Item>
        <Form.Item name="portId" label={t('facility.port')} rules={[{ required: true }]}>
          <Select data-testid="port-port" showSearch optionFilterProp="label" options={ports?.items.filter((p) => !p.assignment).map((p) => ({ value: p.id, label: `${p.name} (${p.speedMbps}M)` }))} />
        </Form.Item>
        <Form.Item name="interfaceName" label={t('facility.interface')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 6.1: the server's dedicated address — the pool's next free one, or one chosen. */
export function AllocateModal({ server, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<AllocateValues>();
  const { data: pools } = useLoad(() => unwrap(client.GET('/api/v1/ip-pools')), []);
  const submit = (v: AllocateValues) =>
    (!v.address && (v.count ?? 1) > 1
      ? unwrap(client.POST('/api/v1/ip-allocations/next', { body: { poolId: v.poolId, serverId: server.id, count: v.count ?? 1 } }))
      : unwrap(client.POST('/api/v1/ip-allocations', { body: { poolId: v.poolId, serverId: server.id, address: v.address || null } }))
    ).then(onDone, (e) => showError(e, form));
  const live = pools?.items.filter((p) => !p.retiredAt);
  return (
    <Modal open title={`${t('ipam.allocate')} · ${server.serialNumber}`} onCancel={onClose} onOk={() => form.submit()}>
      {live?.length === 0 && <MissingLink what="inventory.missing.pool" to="/console/inventory?tab=pools" />}
      <Form form={form} layout="vertical" initialValues={{ count: 1 }} onFinish={submit}>
        <Form.Item name="poolId" label={t('ipam.pool')} rules={[{ required: true }]}>
          <Select data-testid="ip-pool" options={live?.map((p) => ({ value: p.id, label: `${p.name} ${p.prefix}` }))} />
        </Form.Item>
        <Form.Item name="address" label={t('ipam.address')} extra={t('ipam.nextFreeHint')}>
          <Input data-testid="ip-address" />
        </Form.Item>
        <Form.Item name="count" label={t('ipam.count')} extra={t('ipam.countHint')}>
          <InputNumber data-testid="ip-count" min={1} max={256} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The checklist's items in the order they are checked (the server's enum). */
export const INSPECTION_ITEMS: InspectionItemEntry[] = ['powerSupplies', 'rails', 'interfaces', 'labelling'];
type InspectionItemEntry = Schemas['InspectionItemResult']['item'];
/** Per item: checked or not, the note, the photos chosen. */
type ChecklistState = Record<InspectionItemEntry, { ok: boolean; note: string; photos: File[] }>;

/**
 * 5.2: the intake checklist — each item in words with what to look at, nothing ticked in advance,
 * a note and photos per item. A failed one blocks racking; the result is said after saving.
 */
export function InspectModal({ server, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<ChecklistState>(() => Object.fromEntries(INSPECTION_ITEMS.map((k) => [k, { ok: false, note: '', photos: [] }])) as unknown as ChecklistState);
  const set = (k: InspectionItemEntry, patch: Partial<ChecklistState[InspectionItemEntry]>) => setState((prev) => ({ ...prev, [k]: { ...prev[k], ...patch } }));
  const submit = async () => {
    setBusy(true);
    try {
      const body: InspectionValues = {
        powerSupplies: state.powerSupplies.ok,
        rails: state.rails.ok,
        interfaces: state.interfaces.ok,
        labelling: state.labelling.ok,
        itemNotes: Object.fromEntries(INSPECTION_ITEMS.map((k) => [k, state[k].note.trim() || null])),
      };
      const inspection = await unwrap(client.POST('/api/v1/servers/{id}/inspections', { params: { path: { id: server.id } }, body }));
      for (const k of INSPECTION_ITEMS) {
        for (const photo of state[k].photos) {
          const form = new FormData();
          form.append('item', k);
          form.append('file', photo);
          await upload('POST', `/servers/${server.id}/inspections/${inspection.id}/photos`, form);
        }
      }
      if (inspection.passed) message.success(t('facility.inspection.passedToast', { serial: server.serialNumber }));
      else message.warning(t('facility.inspection.failedToast', { items: INSPECTION_ITEMS.filter((k) => !state[k].ok).map((k) => t(`facility.item.${k}` as MessageKey)).join('、') }));
      onDone();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={680} title={`${t('facility.inspect')} · ${server.brand} ${server.model} · ${server.serialNumber}`} onCancel={onClose} onOk={submit} okText={t('facility.inspection.save')} okButtonProps={{ loading: busy, 'data-testid': 'intake-save' }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('facility.inspection.intro')}</Typography.Paragraph>
      {INSPECTION_ITEMS.map((k) => (
        <Card key={k} size="small" style={{ marginBottom: 8 }} data-testid={`intake-item-${k}`}>
          <Checkbox checked={state[k].ok} onChange={(e) => set(k, { ok: e.target.checked })} data-testid={`intake-ok-${k}`}>
            <Typography.Text strong>{t(`facility.item.${k}` as MessageKey)}</Typography.Text>
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px 24px', fontSize: 12 }}>
            {t(`facility.itemHint.${k}` as MessageKey)}
          </Typography.Paragraph>
          <Space wrap style={{ marginLeft: 24 }}>
            <Input
              aria-label={t('facility.inspection.note')}
              placeholder={t('facility.inspection.note')}
              value={state[k].note}
              maxLength={500}
              onChange={(e) => set(k, { note: e.target.value })}
              data-testid={`intake-note-${k}`}
              style={{ width: 360 }}
            />
            <Upload
              accept="image/jpeg,image/png"
              multiple
              fileList={state[k].photos.map((f, i) => ({ uid: `${k}-${i}`, name: f.name, status: 'done' as const }))}
              onRemove={(f) => set(k, { photos: state[k].photos.filter((_, i) => `${k}-${i}` !== f.uid) })}
              beforeUpload={(f) => {
                setState((prev) => ({ ...prev, [k]: { ...prev[k], photos: [...prev[k].photos, f] } }));
                return false;
              }}
            >
              <Button size="small" data-testid={`intake-photo-${k}`}>
                {t('facility.inspection.addPhoto')}
              </Button>
            </Upload>
          </Space>
        </Card>
      ))}
    </Modal>
  );
}

/** Instead of an empty select: what is missing and where it is made. */
function MissingLink({ what, to }: { what: MessageKey; to: string }) {
  const { t } = useI18n();
  return <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t(what)} action={<Link to={to}>{t('inventory.goThere')}</Link>} />;
}

type ImportReport = Schemas['ServerImportReport'];
/** The CSV's refusals name API fields; the report names them in words. */
const FIELD_LABEL: Record<string, MessageKey> = { brand: 'facility.brand', model: 'facility.model', serialNumber: 'facility.serial', heightU: 'facility.heightU', powerW: 'facility.powerW', name: 'common.name', csv: 'facility.import.csvRow' };

/** Several of one customer's servers from a CSV; the report says per row what became of it. */
export function ImportServersModal({ onClose, onDone }: Omit<DialogProps, 'server'>) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [customerId, setCustomerId] = useState<string>();
  const [csv, setCsv] = useState('brand,model,serial,height_u,power_w,name\n');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: customers } = useLoad(() => unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })), []);
  const run = () => {
    if (!customerId) return;
    setBusy(true);
    unwrap(client.POST('/api/v1/servers/import', { body: { customerId, csv } }))
      .then((r) => (setReport(r), r.created > 0 && onDone()), showError)
      .finally(() => setBusy(false));
  };
  return (
    <Modal open width={760} title={t('facility.import.title')} onCancel={onClose} onOk={run} okText={t('facility.import.run')} okButtonProps={{ loading: busy, disabled: !customerId, 'data-testid': 'import-run' }} cancelText={t('common.cancel')}>
      {customers?.items.length === 0 && <MissingLink what="inventory.missing.customer" to="/console/customers" />}
      <Typography.Paragraph type="secondary">{t('facility.import.hint')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select data-testid="import-customer" aria-label={t('nav.customers')} placeholder={t('nav.customers')} style={{ width: 320 }} showSearch optionFilterProp="label" value={customerId} onChange={setCustomerId} options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} />
        <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(f) => (f.text().then((text) => (setCsv(text), setReport(null))), false)}>
          <Button size="small">{t('facility.import.chooseFile')}</Button>
        </Upload>
        <Input.TextArea data-testid="import-csv" aria-label="CSV" rows={6} value={csv} onChange={(e) => (setCsv(e.target.value), setReport(null))} style={{ fontFamily: 'monospace' }} />
      </Space>
      {report && (
        <>
          <Alert style={{ margin: '12px 0' }} type={report.refused ? 'warning' : 'success'} data-testid="import-summary" message={t('facility.import.summary', { created: report.created, refused: report.refused })} />
          <Table
            size="small"
            rowKey="line"
            pagination={false}
            dataSource={report.rows}
            columns={[
              { title: t('facility.import.line'), dataIndex: 'line', width: 70 },
              { title: t('facility.serial'), dataIndex: 'serialNumber' },
              { title: t('common.status'), dataIndex: 'status', render: (st: string) => <Tag color={st === 'created' ? 'green' : 'red'}>{t(st === 'created' ? 'facility.import.created' : 'facility.import.refused')}</Tag> },
              { title: t('facility.import.reason'), render: (_, r) => r.message && <>{r.message}{r.fields.map((f) => <div key={f.path}>{FIELD_LABEL[f.path] ? t(FIELD_LABEL[f.path]) : f.path}：{f.message}</div>)}</> },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
