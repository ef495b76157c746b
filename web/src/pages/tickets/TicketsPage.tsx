import { Button, Checkbox, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useState } from 'react';
import { client, unwrap, type ApiBody, type ApiQuery, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { Instant, StatusTag } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { TicketDrawer } from './TicketDrawer';
import { STATUS_COLORS, TICKET_TYPES, useMinutes, type Ticket, type TicketType } from './kinds';
import { SlaTag } from './SlaTag';

type QueueOrder = NonNullable<ApiQuery<'/api/v1/tickets', 'get'>['sort']>;
/** What the queue shows: a type, only the open ones, whose, in which order. */
interface QueueFilterState {
  type?: TicketType;
  active?: boolean;
  assignee?: 'me' | 'none';
  sort: QueueOrder;
}
/** The open-a-ticket form; the customer is the server's or contract's owner when staff open it. */
type OpenTicketValues = Omit<ApiBody<'/api/v1/tickets', 'post'>, 'customerId'>;
type Server = Schemas['Server'];
type Contract = Schemas['Contract'];

/** 6.1: 7×24 support — reboots without limit, every answer timed against its target. */
export function TicketsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const staff = me?.kind === 'staff';
  const mayWork = useCan('ticket.work');
  // a dashboard figure links here with ?type=reboot&open=1 (issue 20)
  const [search] = useSearchParams();
  const [filter, setFilter] = useState<QueueFilterState>({ sort: staff ? 'age' : 'newest', active: staff || search.get('open') === '1', type: (search.get('type') ?? undefined) as TicketType | undefined });
  const query: ApiQuery<'/api/v1/tickets', 'get'> = {
    type: filter.type,
    active: filter.active ? 'true' : undefined,
    assigneeId: filter.assignee === 'me' ? me?.id : undefined,
    unassigned: filter.assignee === 'none' ? 'true' : undefined,
    sort: filter.sort,
  };
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/tickets', { params: { query } })), [JSON.stringify(query)]);
  const { data: servers } = useLoad(() => unwrap(client.GET('/api/v1/servers')), []);
  const { data: contracts } = useLoad(() => unwrap(client.GET('/api/v1/contracts')), []);
  const [opening, setOpening] = useState(false);
  // ?ticket=<id> opens that ticket (the link an alert channel's message carries, issue 20 §5)
  const [current, setCurrent] = useState<string | null>(() => new URLSearchParams(window.location.search).get('ticket'));
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.tickets')}
        </Typography.Title>
        {(!staff || mayWork) && (
          <Button type="primary" onClick={() => setOpening(true)} data-testid="ticket-open">
            {t('tickets.open')}
          </Button>
        )}
      </Space>
      <QueueFilters filter={filter} onChange={setFilter} staff={staff} />
      <TicketTable items={data?.items} staff={staff} onSelect={setCurrent} />
      {opening && <OpenTicketModal staff={staff} servers={servers?.items ?? []} contracts={contracts?.items ?? []} onClose={() => setOpening(false)} onOpened={reload} />}
      <TicketDrawer id={current} onClose={() => setCurrent(null)} onChanged={reload} mayWork={mayWork} contracts={contracts?.items ?? []} />
    </>
  );
}

function QueueFilters({ filter, onChange, staff }: { filter: QueueFilterState; onChange: (f: QueueFilterState) => void; staff: boolean }) {
  const { t } = useI18n();
  const orders: QueueOrder[] = ['age', 'newest'];
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      <Select
        style={{ width: 160 }}
        allowClear
        placeholder={t('tickets.allTypes')}
        value={filter.type}
        onChange={(v) => onChange({ ...filter, type: v })}
        options={TICKET_TYPES.map((v) => ({ value: v, label: t(`tickets.type.${v}`) }))}
        data-testid="ticket-filter-type"
      />
      <Checkbox checked={filter.active} onChange={(e) => onChange({ ...filter, active: e.target.checked })} data-testid="ticket-filter-active">
        {t('tickets.activeOnly')}
      </Checkbox>
      {staff && (
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder={t('tickets.assignee')}
          value={filter.assignee}
          onChange={(v) => onChange({ ...filter, assignee: v })}
          options={[
            { value: 'me' as const, label: t('tickets.mine') },
            { value: 'none' as const, label: t('tickets.unassigned') },
          ]}
        />
      )}
      <Select style={{ width: 130 }} value={filter.sort} onChange={(v) => onChange({ ...filter, sort: v })} options={orders.map((v) => ({ value: v, label: t(`tickets.sort.${v}`) }))} />
    </Space>
  );
}

function TicketTable({ items, staff, onSelect }: { items: Ticket[] | undefined; staff: boolean; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const minutes = useMinutes();
  return (
    <Table<Ticket>
      rowKey="id"
      dataSource={items}
      onRow={(r) => ({ onClick: () => onSelect(r.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: '#', dataIndex: 'number' },
        ...(staff ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
        { title: t('tickets.type'), dataIndex: 'type', render: (v: Ticket['type']) => t(`tickets.type.${v}`) },
        { title: t('tickets.subject'), dataIndex: 'subject' },
        { title: t('common.status'), dataIndex: 'status', render: (s: Ticket['status']) => <StatusTag value={s} prefix="tickets.status" colors={STATUS_COLORS} /> },
        { title: t('audit.at'), dataIndex: 'openedAt', render: (at: Ticket['openedAt']) => <Instant value={at} /> },
        { title: t('tickets.firstResponse'), dataIndex: 'firstResponseMinutes', render: minutes },
        { title: t('tickets.resolution'), dataIndex: 'resolutionMinutes', render: minutes },
        {
          title: t('tickets.sla'),
          render: (_, r) => (
            <Space size={2} wrap>
              <SlaTag clock={r.sla.firstResponse} label={t('tickets.firstResponse')} />
              <SlaTag clock={r.sla.resolution} label={t('tickets.resolution')} />
            </Space>
          ),
        },
      ]}
    />
  );
}

/** Opens a ticket (a reboot by default) on a server, a contract or a domain. */
function OpenTicketModal({ staff, servers, contracts, onClose, onOpened }: { staff: boolean; servers: Server[]; contracts: Contract[]; onClose: () => void; onOpened: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<OpenTicketValues>();
  const open = async (v: OpenTicketValues) => {
    // staff open it for the customer whose server or contract it is; a customer's own id comes from its session
    const owner = servers.find((s) => s.id === v.serverId)?.customerId ?? contracts.find((c) => c.id === v.contractId)?.customerId;
    try {
      await unwrap(client.POST('/api/v1/tickets', { body: { ...v, domain: v.domain || undefined, customerId: staff ? owner : undefined } }));
      onClose();
      onOpened();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={t('tickets.open')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ type: 'reboot' }} onFinish={open}>
        <Form.Item name="type" label={t('tickets.type')}>
          <Select options={TICKET_TYPES.map((v) => ({ value: v, label: t(`tickets.type.${v}`) }))} />
        </Form.Item>
        <Form.Item name="serverId" label={t('tickets.server')}>
          <Select allowClear options={servers.map((s) => ({ value: s.id, label: `${s.brand} ${s.model} · ${s.serialNumber}` }))} />
        </Form.Item>
        <Form.Item name="contractId" label={t('tickets.contract')}>
          <Select allowClear options={contracts.map((c) => ({ value: c.id, label: c.number }))} />
        </Form.Item>
        <Form.Item name="domain" label={t('tickets.domain')}>
          <Input placeholder="example.cn" />
        </Form.Item>
        <Form.Item name="subject" label={t('tickets.subject')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('tickets.description')}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
