import { Button, Checkbox, Form, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { ExportLink } from './ExportLink';

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
  const act = (p: Promise<unknown>) => p.then(reload, showError);
  return (
    <>
      <Typography.Title level={3}>{me?.kind === 'customer' ? t('nav.myServers') : t('nav.servers')}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <ExportLink href="/servers/export.csv" />
        <ExportLink href="/ip-allocations/export.csv" />
        {me?.kind === 'staff' && <ExportLink href="/switch-ports/export.csv" />}
      </Space>
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
