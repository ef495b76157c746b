import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { ExportLink } from '../../components/ExportLink';

interface Server {
  id: string;
  customerName?: string;
  brand: string;
  model: string;
  serialNumber: string;
  heightU: number;
  status: string;
  rackedAt: string | null;
}
interface Allocation {
  id: string;
  address: string;
  serverId: string;
  poolName: string;
  gateway: string | null;
}

const STATUS_COLOR: Record<string, string> = { expected: 'default', racked: 'blue', commissioning: 'gold', in_service: 'green', suspended: 'orange', removed: 'red' };

/** Servers: NOC inspects, racks and puts them in service; a customer sees its own, with their IPs. */
export function ServersPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const noc = me?.kind === 'staff' && me.roles.some((r) => r === 'noc' || r === 'admin');
  const { data, reload } = useLoad(() => get<{ items: Server[] }>('/servers'), []);
  const { data: ips } = useLoad(() => get<{ items: Allocation[] }>('/ip-allocations'), [data]);
  const { data: cabinets } = useLoad(() => get<{ items: { id: string; code: string; roomName: string }[] }>('/cabinets'), []);
  const [racking, setRacking] = useState<Server | null>(null);
  const [inspecting, setInspecting] = useState<Server | null>(null);
  const [rackForm] = Form.useForm();
  const [inspectForm] = Form.useForm();
  // registering a server, connecting it to a port (6.1) and giving it its dedicated IP
  const [registering, setRegistering] = useState(false);
  const [porting, setPorting] = useState<Server | null>(null);
  const [addressing, setAddressing] = useState<Server | null>(null);
  const [registerForm] = Form.useForm();
  const [portForm] = Form.useForm();
  const [ipForm] = Form.useForm();
  const { data: customers } = useLoad(() => (noc ? get<{ items: { id: string; name: string }[] }>('/customers?pageSize=200') : Promise.resolve({ items: [] })), [noc]);
  const { data: switches } = useLoad(() => (noc ? get<{ items: { id: string; name: string }[] }>('/switches') : Promise.resolve({ items: [] })), [noc]);
  const switchId = Form.useWatch('switchId', portForm);
  const { data: ports } = useLoad(() => (switchId ? get<{ items: { id: string; name: string; speedMbps: number; assignment: unknown }[] }>(`/switches/${switchId}/ports`) : Promise.resolve({ items: [] })), [switchId, porting]);
  const { data: pools } = useLoad(() => (noc ? get<{ items: { id: string; name: string; prefix: string }[] }>('/ip-pools') : Promise.resolve({ items: [] })), [noc, addressing]);
  // 6.1: each server's port (100M shared by default) and the shared uplink, summed per customer
  const { data: bandwidth } = useLoad(() => get<{ items: { customerId: string; ports: number; portMbps: number; uplinkMbps: number }[] }>('/bandwidth'), [data, porting]);
  const act = (p: Promise<unknown>) => p.then(reload, showError);
  return (
    <>
      <Typography.Title level={3}>{me?.kind === 'customer' ? t('nav.myServers') : t('nav.servers')}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <ExportLink href="/servers/export.csv" what="nav.servers" />
        <ExportLink href="/ip-allocations/export.csv" what="ipam.address" />
        {me?.kind === 'staff' && <ExportLink href="/switch-ports/export.csv" what="facility.port" />}
        {noc && (
          <Button type="primary" size="small" data-testid="server-register" onClick={() => (registerForm.resetFields(), setRegistering(true))}>
            {t('facility.register')}
          </Button>
        )}
      </Space>
      {me?.kind === 'customer' && bandwidth && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          data-testid="bandwidth"
          message={
            bandwidth.items[0]
              ? t('facility.bandwidthSummary', { ports: bandwidth.items[0].ports, portMbps: bandwidth.items[0].portMbps, uplinkMbps: bandwidth.items[0].uplinkMbps })
              : t('facility.bandwidthNone')
          }
        />
      )}
      <Table<Server>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          ...(me?.kind === 'staff' ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
          { title: t('facility.brand'), render: (_, s) => `${s.brand} ${s.model}` },
          { title: t('facility.serial'), dataIndex: 'serialNumber' },
          { title: t('facility.heightU'), dataIndex: 'heightU' },
          { title: t('common.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`facility.status.${s}` as MessageKey)}</Tag> },
          { title: t('facility.rackedAt'), dataIndex: 'rackedAt', render: shanghaiTime },
          { title: t('ipam.address'), render: (_, s) => ips?.items.filter((a) => a.serverId === s.id).map((a) => <Tag key={a.id}>{a.address}</Tag>) },
          ...(noc
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, s: Server) => (
                    <Space>
                      {s.status === 'expected' && (
                        <>
                          <Button size="small" onClick={() => (inspectForm.resetFields(), setInspecting(s))}>
                            {t('facility.inspect')}
                          </Button>
                          <Button size="small" type="primary" onClick={() => (rackForm.resetFields(), setRacking(s))}>
                            {t('facility.rack')}
                          </Button>
                        </>
                      )}
                      {s.status !== 'removed' && s.status !== 'expected' && (
                        <>
                          <Button size="small" data-testid={`port-${s.serialNumber}`} onClick={() => (portForm.resetFields(), setPorting(s))}>
                            {t('facility.connectPort')}
                          </Button>
                          <Button size="small" data-testid={`ip-${s.serialNumber}`} onClick={() => (ipForm.resetFields(), setAddressing(s))}>
                            {t('ipam.allocate')}
                          </Button>
                        </>
                      )}
                      {(s.status === 'racked' || s.status === 'commissioning' || s.status === 'suspended') && (
                        <Button size="small" onClick={() => act(post(`/servers/${s.id}/status`, { status: 'in_service' }))}>
                          {t('facility.toService')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={racking !== null} title={t('facility.rack')} onCancel={() => setRacking(null)} onOk={() => rackForm.submit()} destroyOnHidden>
        <Form form={rackForm} layout="vertical" initialValues={{ face: 'full', lowestU: 1 }} onFinish={(v) => post(`/servers/${racking!.id}/rack`, v).then(() => (setRacking(null), reload()), (e) => showError(e, rackForm))}>
          <Form.Item name="cabinetId" label={t('facility.cabinet')} rules={[{ required: true }]}>
            <Select options={cabinets?.items.map((c) => ({ value: c.id, label: `${c.roomName} · ${c.code}` }))} />
          </Form.Item>
          <Form.Item name="lowestU" label={t('facility.lowestU')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item name="face" label={t('facility.face')}>
            <Select options={['full', 'front', 'rear'].map((f) => ({ value: f, label: t(`facility.face.${f}` as MessageKey) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={registering} title={t('facility.register')} onCancel={() => setRegistering(false)} onOk={() => registerForm.submit()} destroyOnHidden={false}>
        <Form form={registerForm} layout="vertical" initialValues={{ heightU: 2 }} onFinish={(v) => post('/servers', v).then(() => (setRegistering(false), reload()), (e) => showError(e, registerForm))}>
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
      <Modal open={porting !== null} title={`${t('facility.connectPort')} · ${porting?.serialNumber ?? ''}`} onCancel={() => setPorting(null)} onOk={() => portForm.submit()} destroyOnHidden={false}>
        <Form form={portForm} layout="vertical" initialValues={{ interfaceName: 'eth0' }} onFinish={(v) => post(`/servers/${porting!.id}/ports`, { portId: v.portId, interfaceName: v.interfaceName }).then(() => (setPorting(null), reload()), (e) => showError(e, portForm))}>
          <Form.Item name="switchId" label={t('facility.switch')} rules={[{ required: true }]}>
            <Select data-testid="port-switch" options={switches?.items.map((w) => ({ value: w.id, label: w.name }))} />
          </Form.Item>
          <Form.Item name="portId" label={t('facility.port')} rules={[{ required: true }]}>
            <Select
              data-testid="port-port"
              showSearch
              optionFilterProp="label"
              options={ports?.items.filter((p) => !p.assignment).map((p) => ({ value: p.id, label: `${p.name} (${p.speedMbps}M)` }))}
            />
          </Form.Item>
          <Form.Item name="interfaceName" label={t('facility.interface')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={addressing !== null} title={`${t('ipam.allocate')} · ${addressing?.serialNumber ?? ''}`} onCancel={() => setAddressing(null)} onOk={() => ipForm.submit()} destroyOnHidden={false}>
        <Form form={ipForm} layout="vertical" onFinish={(v) => post('/ip-allocations', { poolId: v.poolId, serverId: addressing!.id, address: v.address || null }).then(() => (setAddressing(null), reload()), (e) => showError(e, ipForm))}>
          <Form.Item name="poolId" label={t('ipam.pool')} rules={[{ required: true }]}>
            <Select data-testid="ip-pool" options={pools?.items.map((p) => ({ value: p.id, label: `${p.name} ${p.prefix}` }))} />
          </Form.Item>
          <Form.Item name="address" label={t('ipam.address')} extra={t('ipam.nextFreeHint')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={inspecting !== null} title={t('facility.inspect')} onCancel={() => setInspecting(null)} onOk={() => inspectForm.submit()} destroyOnHidden>
        <Form
          form={inspectForm}
          initialValues={{ powerSupplies: true, rails: true, interfaces: true, labelling: true }}
          onFinish={(v) => post(`/servers/${inspecting!.id}/inspections`, v).then(() => (setInspecting(null), reload()), showError)}
        >
          {['powerSupplies', 'rails', 'interfaces', 'labelling'].map((k) => (
            <Form.Item key={k} name={k} valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox>{k}</Checkbox>
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
