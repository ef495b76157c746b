import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { ExportLink, Instant, StatusTag } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { InspectModal, PortModal, RackModal, RegisterModal, AllocateModal } from './servers/ServerModals';

type Server = Schemas['Server'];
type Allocation = Schemas['IpAllocation'];
type ServerStatus = Server['status'];

const STATUS_COLOR: Partial<Record<ServerStatus, string>> = { racked: 'blue', commissioning: 'gold', in_service: 'green', suspended: 'orange', removed: 'red' };
/** What a NOC engineer is doing to which server (one dialog at a time). */
type DialogState = { kind: 'register' } | { kind: 'inspect' | 'rack' | 'port' | 'ip'; server: Server } | null;

/** Servers: NOC inspects, racks and puts them in service; a customer sees its own, with their IPs. */
export function ServersPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const noc = useCan('server.rack');
  const mayRegister = useCan('server.register');
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/servers')), []);
  const { data: ips } = useLoad(() => unwrap(client.GET('/api/v1/ip-allocations')), [data]);
  const [dialog, setDialog] = useState<DialogState>(null);
  const done = () => (setDialog(null), reload());
  return (
    <>
      <Typography.Title level={3}>{me?.kind === 'customer' ? t('nav.myServers') : t('nav.servers')}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <ExportLink href="/servers/export.csv" what="nav.servers" />
        <ExportLink href="/ip-allocations/export.csv" what="ipam.address" />
        {me?.kind === 'staff' && <ExportLink href="/switch-ports/export.csv" what="facility.port" />}
        {mayRegister && (
          <Button type="primary" size="small" data-testid="server-register" onClick={() => setDialog({ kind: 'register' })}>
            {t('facility.register')}
          </Button>
        )}
      </Space>
      {me?.kind === 'customer' && <BandwidthSummary reloadOn={[data, dialog]} />}
      <ServerTable items={data?.items} ips={ips?.items} staff={me?.kind === 'staff'} noc={noc} onDialog={setDialog} onChanged={reload} />
      {dialog?.kind === 'register' && <RegisterModal onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'inspect' && <InspectModal server={dialog.server} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'rack' && <RackModal server={dialog.server} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'port' && <PortModal server={dialog.server} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'ip' && <AllocateModal server={dialog.server} onClose={() => setDialog(null)} onDone={done} />}
    </>
  );
}

/** 6.1: a customer's ports (100M shared by default) and the shared uplink. */
function BandwidthSummary({ reloadOn }: { reloadOn: unknown[] }) {
  const { t } = useI18n();
  const { data: bandwidth } = useLoad(() => unwrap(client.GET('/api/v1/bandwidth')), reloadOn);
  if (!bandwidth) return null;
  const mine = bandwidth.items[0];
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type="info"
      data-testid="bandwidth"
      message={mine ? t('facility.bandwidthSummary', { ports: mine.ports, portMbps: mine.portMbps, uplinkMbps: mine.uplinkMbps }) : t('facility.bandwidthNone')}
    />
  );
}

function ServerTable(props: { items?: Server[]; ips?: Allocation[]; staff: boolean; noc: boolean; onDialog: (d: DialogState) => void; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <Table<Server>
      rowKey="id"
      dataSource={props.items}
      columns={[
        ...(props.staff ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
        { title: t('facility.brand'), render: (_, s) => `${s.brand} ${s.model}` },
        {
          title: t('facility.serial'),
          render: (_, s) => (
            <>
              {s.serialNumber}
              {s.needsCompletion && (
                <Tag color="orange" title={t('facility.needsCompletionHint')} style={{ marginLeft: 6 }} data-testid={`needs-completion-${s.serialNumber}`}>
                  {t('facility.needsCompletion')}
                </Tag>
              )}
            </>
          ),
        },
        { title: t('facility.heightU'), dataIndex: 'heightU' },
        { title: t('common.status'), dataIndex: 'status', render: (s: ServerStatus) => <StatusTag value={s} prefix="facility.status" colors={STATUS_COLOR} /> },
        { title: t('facility.rackedAt'), dataIndex: 'rackedAt', render: (v: string | null) => <Instant value={v} /> },
        { title: t('ipam.address'), render: (_, s) => props.ips?.filter((a) => a.serverId === s.id).map((a) => <Tag key={a.id}>{a.address}</Tag>) },
        ...(props.noc ? [{ title: t('common.actions'), render: (_: unknown, s: Server) => <ServerActions server={s} onDialog={props.onDialog} onChanged={props.onChanged} /> }] : []),
      ]}
    />
  );
}

/** What the NOC may do next with a server, by its status. */
function ServerActions({ server: s, onDialog, onChanged }: { server: Server; onDialog: (d: DialogState) => void; onChanged: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const toService = () => unwrap(client.POST('/api/v1/servers/{id}/status', { params: { path: { id: s.id } }, body: { status: 'in_service' } })).then(onChanged, showError);
  return (
    <Space>
      {s.status === 'expected' && (
        <>
          <Button size="small" onClick={() => onDialog({ kind: 'inspect', server: s })}>
            {t('facility.inspect')}
          </Button>
          <Button size="small" type="primary" onClick={() => onDialog({ kind: 'rack', server: s })}>
            {t('facility.rack')}
          </Button>
        </>
      )}
      {s.status !== 'removed' && s.status !== 'expected' && (
        <>
          <Button size="small" data-testid={`port-${s.serialNumber}`} onClick={() => onDialog({ kind: 'port', server: s })}>
            {t('facility.connectPort')}
          </Button>
          <Button size="small" data-testid={`ip-${s.serialNumber}`} onClick={() => onDialog({ kind: 'ip', server: s })}>
            {t('ipam.allocate')}
          </Button>
        </>
      )}
      {(s.status === 'racked' || s.status === 'commissioning' || s.status === 'suspended') && (
        <Button size="small" onClick={toService}>
          {t('facility.toService')}
        </Button>
      )}
    </Space>
  );
}
