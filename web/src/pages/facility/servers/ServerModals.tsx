import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
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
type AllocateValues = { poolId: string; address?: string };

/** The faces racking accepts, in the order offered (full depth first), from the server's enum. */
const FACES: RackValues['face'][] = ['full', 'front', 'rear'];
const CHECKS: (keyof Omit<InspectionValues, 'notes'>)[] = ['powerSupplies', 'rails', 'interfaces', 'labelling'];

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
        <Form.Item name="cabinetId" label={t('facility.cabinet')} rules={[{ required: true }]}>
          <Select options={cabinets?.items.map((c) => ({ value: c.id, label: `${c.roomName} · ${c.code}` }))} />
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
  const submit = (v: AllocateValues) => unwrap(client.POST('/api/v1/ip-allocations', { body: { poolId: v.poolId, serverId: server.id, address: v.address || null } })).then(onDone, (e) => showError(e, form));
  return (
    <Modal open title={`${t('ipam.allocate')} · ${server.serialNumber}`} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="poolId" label={t('ipam.pool')} rules={[{ required: true }]}>
          <Select data-testid="ip-pool" options={pools?.items.map((p) => ({ value: p.id, label: `${p.name} ${p.prefix}` }))} />
        </Form.Item>
        <Form.Item name="address" label={t('ipam.address')} extra={t('ipam.nextFreeHint')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 5.2: the intake checklist; a failed one blocks racking. */
export function InspectModal({ server, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<InspectionValues>();
  const submit = (v: InspectionValues) => unwrap(client.POST('/api/v1/servers/{id}/inspections', { params: { path: { id: server.id } }, body: v })).then(onDone, showError);
  return (
    <Modal open title={t('facility.inspect')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} initialValues={{ powerSupplies: true, rails: true, interfaces: true, labelling: true }} onFinish={submit}>
        {CHECKS.map((k) => (
          <Form.Item key={k} name={k} valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>{k}</Checkbox>
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
