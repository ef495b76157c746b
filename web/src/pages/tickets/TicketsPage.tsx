import { Button, Checkbox, Descriptions, Drawer, Form, Input, List, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { get, post, qs } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { upload } from '../../components/upload';

export const TICKET_TYPES = ['reboot', 'hands_on', 'filing_assistance', 'abuse_reply', 'compensation_dispute', 'billing', 'network', 'general'] as const;

interface SlaClock {
  state: 'met' | 'breached' | 'running' | 'none';
  targetMinutes: number | null;
  minutesLeft: number | null;
}
interface Ticket {
  id: string;
  number: string;
  customerName?: string;
  type: string;
  priority: string;
  subject: string;
  status: string;
  openedAt: string;
  serverId: string | null;
  contractId: string | null;
  domain: string | null;
  assigneeId: string | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  sla: { firstResponse: SlaClock; resolution: SlaClock };
}
interface Detail extends Ticket {
  description: string;
  assigneeName: string | null;
  comments: { id: string; authorKind: string; body: string; internal: boolean; createdAt: string }[];
  attachments: { id: string; fileName: string; size: number; internal: boolean; uploadedAt: string }[];
  mails: { id: string; recipient: string; status: string; attempts: number; lastError: string | null }[];
}
const STATUS_COLOR: Record<string, string> = { open: 'red', acknowledged: 'gold', in_progress: 'blue', resolved: 'green', closed: 'default' };
const SLA_COLOR: Record<string, string> = { met: 'green', breached: 'red', running: 'blue', none: 'default' };

/** One target shown as met / breached / minutes left (the server computes it from its clock). */
export function SlaTag({ clock, label }: { clock: SlaClock; label?: string }) {
  const { t } = useI18n();
  if (clock.state === 'none') return null;
  const text = clock.state === 'running' ? t('tickets.sla.running', { n: clock.minutesLeft ?? 0 }) : t(`tickets.sla.${clock.state}`);
  return (
    <Tag color={SLA_COLOR[clock.state]} data-testid={`sla-${clock.state}`}>
      {label ? `${label} · ` : ''}
      {text}
    </Tag>
  );
}

/** 6.1: 7×24 support — reboots without limit, every answer timed against its target. */
export function TicketsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const staff = me?.kind === 'staff';
  const mayWork = staff && me.roles.some((r) => ['noc', 'sales', 'compliance', 'admin'].includes(r));
  const [filter, setFilter] = useState<{ type?: string; active?: boolean; assignee?: string; sort: 'age' | 'newest' }>({ sort: staff ? 'age' : 'newest', active: staff });
  const query = qs({
    type: filter.type,
    active: filter.active ? 'true' : undefined,
    assigneeId: filter.assignee === 'me' ? me?.id : undefined,
    unassigned: filter.assignee === 'none' ? 'true' : undefined,
    sort: filter.sort,
  });
  const { data, reload } = useLoad(() => get<{ items: Ticket[] }>(`/tickets${query}`), [query]);
  const { data: servers } = useLoad(() => get<{ items: { id: string; brand: string; model: string; serialNumber: string; customerId: string }[] }>('/servers'), []);
  const { data: contracts } = useLoad(() => get<{ items: { id: string; number: string; customerId: string }[] }>('/contracts'), []);
  const { data: assignees } = useLoad(() => (mayWork ? get<{ items: { id: string; displayName: string }[] }>('/tickets/assignees') : Promise.resolve({ items: [] })), [mayWork]);
  const [opening, setOpening] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [reply, setReply] = useState('');
  const [internal, setInternal] = useState(false);
  const { data: detail, reload: reloadDetail } = useLoad(() => (current ? get<Detail>(`/tickets/${current}`) : Promise.resolve(undefined)), [current]);
  const minutes = (n: number | null) => (n === null ? '—' : t('tickets.minutes', { n }));
  const refresh = () => (reloadDetail(), reload());
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
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('tickets.allTypes')}
          value={filter.type}
          onChange={(v) => setFilter({ ...filter, type: v })}
          options={TICKET_TYPES.map((v) => ({ value: v, label: t(`tickets.type.${v}`) }))}
          data-testid="ticket-filter-type"
        />
        <Checkbox checked={filter.active} onChange={(e) => setFilter({ ...filter, active: e.target.checked })} data-testid="ticket-filter-active">
          {t('tickets.activeOnly')}
        </Checkbox>
        {staff && (
          <Select
            style={{ width: 140 }}
            allowClear
            placeholder={t('tickets.assignee')}
            value={filter.assignee}
            onChange={(v) => setFilter({ ...filter, assignee: v })}
            options={[
              { value: 'me', label: t('tickets.mine') },
              { value: 'none', label: t('tickets.unassigned') },
            ]}
          />
        )}
        <Select
          style={{ width: 130 }}
          value={filter.sort}
          onChange={(v) => setFilter({ ...filter, sort: v })}
          options={(['age', 'newest'] as const).map((v) => ({ value: v, label: t(`tickets.sort.${v}`) }))}
        />
      </Space>
      <Table<Ticket>
        rowKey="id"
        dataSource={data?.items}
        onRow={(r) => ({ onClick: () => setCurrent(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '#', dataIndex: 'number' },
          ...(staff ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
          { title: t('tickets.type'), dataIndex: 'type', render: (v: string) => t(`tickets.type.${v}` as MessageKey) },
          { title: t('tickets.subject'), dataIndex: 'subject' },
          { title: t('common.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`tickets.status.${s}` as MessageKey)}</Tag> },
          { title: t('audit.at'), dataIndex: 'openedAt', render: shanghaiTime },
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
      <Modal open={opening} title={t('tickets.open')} onCancel={() => setOpening(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ type: 'reboot' }}
          onFinish={(v) => {
            const server = servers?.items.find((s) => s.id === v.serverId);
            const contract = contracts?.items.find((c) => c.id === v.contractId);
            return post('/tickets', { ...v, domain: v.domain || undefined, customerId: staff ? (server?.customerId ?? contract?.customerId) : undefined }).then(() => (setOpening(false), reload()), (e) => showError(e, form));
          }}
        >
          <Form.Item name="type" label={t('tickets.type')}>
            <Select options={TICKET_TYPES.map((v) => ({ value: v, label: t(`tickets.type.${v}`) }))} />
          </Form.Item>
          <Form.Item name="serverId" label={t('tickets.server')}>
            <Select allowClear options={servers?.items.map((s) => ({ value: s.id, label: `${s.brand} ${s.model} · ${s.serialNumber}` }))} />
          </Form.Item>
          <Form.Item name="contractId" label={t('tickets.contract')}>
            <Select allowClear options={contracts?.items.map((c) => ({ value: c.id, label: c.number }))} />
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
      <Drawer open={current !== null} onClose={() => setCurrent(null)} width={600} title={detail ? `${detail.number} · ${detail.subject}` : ''}>
        {detail && (
          <>
            <Space style={{ marginBottom: 12 }} wrap>
              <Tag color={STATUS_COLOR[detail.status]}>{t(`tickets.status.${detail.status}` as MessageKey)}</Tag>
              {mayWork &&
                (['acknowledged', 'in_progress', 'resolved'] as const).map((s) => (
                  <Button key={s} size="small" onClick={() => post(`/tickets/${detail.id}/status`, { status: s }).then(refresh, showError)} data-testid={`ticket-status-${s}`}>
                    {t(`tickets.status.${s}`)}
                  </Button>
                ))}
              {!staff && detail.status === 'resolved' && (
                <Button size="small" onClick={() => post(`/tickets/${detail.id}/status`, { status: 'closed' }).then(refresh, showError)}>
                  {t('tickets.status.closed')}
                </Button>
              )}
            </Space>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('tickets.type')}>{t(`tickets.type.${detail.type}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('audit.at')}>{shanghaiTime(detail.openedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.firstResponse')}>
                <span data-testid="ticket-first-response">{minutes(detail.firstResponseMinutes)}</span> <SlaTag clock={detail.sla.firstResponse} />
              </Descriptions.Item>
              <Descriptions.Item label={t('tickets.resolution')}>
                <span data-testid="ticket-resolution">{minutes(detail.resolutionMinutes)}</span> <SlaTag clock={detail.sla.resolution} />
              </Descriptions.Item>
              {detail.domain && <Descriptions.Item label={t('tickets.domain')}>{detail.domain}</Descriptions.Item>}
              {detail.contractId && <Descriptions.Item label={t('tickets.contract')}>{contracts?.items.find((c) => c.id === detail.contractId)?.number ?? '—'}</Descriptions.Item>}
              {staff && (
                <Descriptions.Item label={t('tickets.assignee')} span={2}>
                  {mayWork ? (
                    <Select
                      style={{ width: 200 }}
                      allowClear
                      placeholder={t('tickets.unassigned')}
                      value={detail.assigneeId ?? undefined}
                      onChange={(v) => post(`/tickets/${detail.id}/assign`, { assigneeId: v ?? null }).then(refresh, showError)}
                      options={assignees?.items.map((u) => ({ value: u.id, label: u.displayName }))}
                      data-testid="ticket-assignee"
                    />
                  ) : (
                    (detail.assigneeName ?? t('tickets.unassigned'))
                  )}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Paragraph>{detail.description}</Typography.Paragraph>
            <List
              dataSource={detail.comments}
              renderItem={(c) => (
                <List.Item style={c.internal ? { background: '#fffbe6' } : undefined}>
                  <List.Item.Meta
                    title={
                      <>
                        {c.authorKind === 'staff' ? t('tickets.providerSide') : t('tickets.customerSide')} · {shanghaiTime(c.createdAt)} {c.internal && <Tag color="orange">{t('tickets.internalTag')}</Tag>}
                      </>
                    }
                    description={c.body}
                  />
                </List.Item>
              )}
            />
            {(!staff || mayWork) && (
              <>
                <Input.TextArea rows={3} value={reply} onChange={(e) => setReply(e.target.value)} data-testid="ticket-reply" />
                <Space style={{ marginTop: 8 }}>
                  <Button
                    type="primary"
                    onClick={() => post(`/tickets/${detail.id}/comments`, { body: reply, internal: staff && internal }).then(() => (setReply(''), setInternal(false), refresh()), showError)}
                    data-testid="ticket-reply-send"
                  >
                    {t('tickets.reply')}
                  </Button>
                  {staff && (
                    <Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)} data-testid="ticket-internal">
                      {t('tickets.internal')}
                    </Checkbox>
                  )}
                </Space>
              </>
            )}
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('tickets.attachments')}
            </Typography.Title>
            <List
              size="small"
              dataSource={detail.attachments}
              renderItem={(a) => (
                <List.Item>
                  <a href={`/api/v1/tickets/${detail.id}/attachments/${a.id}`}>{a.fileName}</a> · {Math.ceil(a.size / 1024)} KB {a.internal && <Tag color="orange">{t('tickets.internalTag')}</Tag>}
                </List.Item>
              )}
            />
            {(!staff || mayWork) && (
              <Upload
                accept="application/pdf,image/png,image/jpeg"
                showUploadList={false}
                beforeUpload={(file) => {
                  const fd = new FormData();
                  if (staff && internal) fd.append('internal', 'true');
                  fd.append('file', file);
                  upload('POST', `/tickets/${detail.id}/attachments`, fd).then(refresh, showError);
                  return false;
                }}
              >
                <Button size="small">{t('tickets.attach')}</Button>
              </Upload>
            )}
            {staff && detail.mails.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('tickets.mails')}
                </Typography.Title>
                {detail.mails.map((m) => (
                  <Tag key={m.id} color={m.status === 'sent' ? 'green' : m.status === 'failed' ? 'red' : 'gold'} title={m.lastError ?? undefined}>
                    {m.recipient} · {t(`notices.status.${m.status}` as MessageKey)}
                  </Tag>
                ))}
              </>
            )}
          </>
        )}
      </Drawer>
    </>
  );
}
