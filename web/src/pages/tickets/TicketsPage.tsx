import { Button, Drawer, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

interface Ticket {
  id: string;
  number: string;
  customerName?: string;
  type: string;
  priority: string;
  subject: string;
  status: string;
  openedAt: string;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}
const STATUS_COLOR: Record<string, string> = { open: 'red', acknowledged: 'gold', in_progress: 'blue', resolved: 'green', closed: 'default' };

/** 6.1: 7×24 support — reboots without limit, every answer timed. */
export function TicketsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const staff = me?.kind === 'staff';
  const { data, reload } = useLoad(() => get<{ items: Ticket[] }>('/tickets'), []);
  const { data: servers } = useLoad(() => get<{ items: { id: string; brand: string; model: string; serialNumber: string; customerId: string }[] }>('/servers'), []);
  const [opening, setOpening] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [reply, setReply] = useState('');
  const { data: detail, reload: reloadDetail } = useLoad(() => (current ? get<Ticket & { description: string; comments: { id: string; authorKind: string; body: string; createdAt: string }[] }>(`/tickets/${current}`) : Promise.resolve(undefined)), [current]);
  const minutes = (n: number | null) => (n === null ? '—' : t('tickets.minutes', { n }));
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.tickets')}
        </Typography.Title>
        <Button type="primary" onClick={() => setOpening(true)} data-testid="ticket-open">
          {t('tickets.open')}
        </Button>
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
        ]}
      />
      <Modal open={opening} title={t('tickets.open')} onCancel={() => setOpening(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ type: 'reboot' }}
          onFinish={(v) => {
            const server = servers?.items.find((s) => s.id === v.serverId);
            return post('/tickets', { ...v, customerId: staff ? server?.customerId : undefined }).then(() => (setOpening(false), reload()), (e) => showError(e, form));
          }}
        >
          <Form.Item name="type" label={t('tickets.type')}>
            <Select options={['reboot', 'hands_on', 'network', 'filing_assistance', 'other'].map((v) => ({ value: v, label: t(`tickets.type.${v}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="serverId" label={t('tickets.server')}>
            <Select allowClear options={servers?.items.map((s) => ({ value: s.id, label: `${s.brand} ${s.model} · ${s.serialNumber}` }))} />
          </Form.Item>
          <Form.Item name="subject" label={t('tickets.subject')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('tickets.description')}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={current !== null} onClose={() => setCurrent(null)} width={560} title={detail ? `${detail.number} · ${detail.subject}` : ''}>
        {detail && (
          <>
            <Space style={{ marginBottom: 12 }} wrap>
              <Tag color={STATUS_COLOR[detail.status]}>{t(`tickets.status.${detail.status}` as MessageKey)}</Tag>
              {staff &&
                (['acknowledged', 'in_progress', 'resolved'] as const).map((s) => (
                  <Button key={s} size="small" onClick={() => post(`/tickets/${detail.id}/status`, { status: s }).then(() => (reloadDetail(), reload()), showError)}>
                    {t(`tickets.status.${s}`)}
                  </Button>
                ))}
              {!staff && detail.status === 'resolved' && (
                <Button size="small" onClick={() => post(`/tickets/${detail.id}/status`, { status: 'closed' }).then(() => (reloadDetail(), reload()), showError)}>
                  {t('tickets.status.closed')}
                </Button>
              )}
            </Space>
            <Typography.Paragraph>{detail.description}</Typography.Paragraph>
            <List
              dataSource={detail.comments}
              renderItem={(c) => (
                <List.Item>
                  <List.Item.Meta title={`${c.authorKind === 'staff' ? '乙方' : '甲方'} · ${shanghaiTime(c.createdAt)}`} description={c.body} />
                </List.Item>
              )}
            />
            <Input.TextArea rows={3} value={reply} onChange={(e) => setReply(e.target.value)} />
            <Button style={{ marginTop: 8 }} type="primary" onClick={() => post(`/tickets/${detail.id}/comments`, { body: reply }).then(() => (setReply(''), reloadDetail(), reload()), showError)}>
              {t('tickets.reply')}
            </Button>
          </>
        )}
      </Drawer>
    </>
  );
}
