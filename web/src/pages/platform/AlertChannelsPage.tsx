import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant } from '../../components';
import { useConfirm } from '../../components/confirm';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Channel = Schemas['AlertChannel'];
type ChannelKind = Schemas['AlertChannelKind'];
type EventKind = Schemas['AlertEventKind'];
type Subscription = Schemas['AlertSubscription'];
type Delivery = Schemas['AlertDelivery'];
type Role = Subscription['role'];

const KINDS: ChannelKind[] = ['wecom', 'dingtalk', 'webhook'];
const EVENTS: EventKind[] = ['ticket.urgentReboot', 'incident.opened', 'commissioning.atRisk', 'payment.received', 'gate.applyFailed'];
const ROLES: Role[] = ['admin', 'noc', 'sales', 'compliance', 'finance', 'auditor'];
const STATUS_COLOR: Record<Delivery['status'], string> = { pending: 'gold', sent: 'green', failed: 'red' };

const kindKey = (k: ChannelKind) => `alerting.kind.${k}` as MessageKey;
const eventKey = (e: Delivery['eventKind']) => `alerting.event.${e}` as MessageKey;

/** 告警通道 (issue 20 §5): 企业微信 / 钉钉 group robots and signed webhooks, which events reach them per role, and what was sent. */
export function AlertChannelsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const confirm = useConfirm();
  const manage = useCan('alertChannel.manage');
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const channels = useLoad(() => unwrap(client.GET('/api/v1/alert-channels')), []);
  const deliveries = useLoad(() => unwrap(client.GET('/api/v1/alert-deliveries', { params: { query: { limit: 50 } } })), []);

  const testSend = async (c: Channel) => {
    try {
      const d = await unwrap(client.POST('/api/v1/alert-channels/{id}/test', { params: { path: { id: c.id } } }));
      if (d.status === 'sent') message.success(t('alerting.testSent', { name: c.name }));
      else message.warning(t('alerting.testNotSent', { name: c.name, error: d.lastError ?? '' }));
    } catch (e) {
      showError(e);
    }
    deliveries.reload();
  };
  const setEnabled = async (c: Channel, enabled: boolean) => {
    try {
      await unwrap(client.PATCH('/api/v1/alert-channels/{id}', { params: { path: { id: c.id } }, body: { enabled } }));
      channels.reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.alertChannels')}
        </Typography.Title>
        {manage && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="alert-channel-add">
            {t('alerting.add')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('alerting.intro')}</Typography.Paragraph>
      <Table<Channel>
        rowKey="id"
        size="small"
        loading={channels.loading}
        dataSource={channels.data?.items}
        pagination={false}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('alerting.kind'), dataIndex: 'kind', render: (k: ChannelKind) => <Tag>{t(kindKey(k))}</Tag> },
          { title: t('alerting.url'), dataIndex: 'url', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
          { title: t('alerting.secret'), dataIndex: 'secretSet', render: (s: boolean) => (s ? <Tag color="blue">{t('alerting.secretSet')}</Tag> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>) },
          { title: t('common.status'), dataIndex: 'enabled', render: (e: boolean) => (e ? <Tag color="green">{t('alerting.enabled')}</Tag> : <Tag>{t('alerting.disabled')}</Tag>) },
          {
            title: t('common.actions'),
            render: (_, c) =>
              manage && (
                <Space size="small">
                  <Button size="small" onClick={() => setEditing(c)}>
                    {t('alerting.edit')}
                  </Button>
                  <Button size="small" disabled={!c.enabled} onClick={() => void testSend(c)} data-testid={`alert-test-${c.id}`}>
                    {t('alerting.testSend')}
                  </Button>
                  {c.enabled ? (
                    <Button size="small" danger onClick={() => confirm({ title: 'alerting.disableTitle', consequence: 'alerting.disableConsequence', ok: 'alerting.disable', params: { name: c.name } }, () => setEnabled(c, false))}>
                      {t('alerting.disable')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void setEnabled(c, true)}>
                      {t('alerting.enable')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <SubscriptionMatrix channels={channels.data?.items ?? []} manage={manage} />
      <Card title={t('alerting.deliveries')} size="small" style={{ marginTop: 24 }} extra={<Button size="small" onClick={deliveries.reload} data-testid="alert-deliveries-refresh">{t('alerting.refresh')}</Button>}>
        <Table<Delivery>
          rowKey="id"
          size="small"
          loading={deliveries.loading}
          dataSource={deliveries.data?.items}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('alerting.createdAt'), dataIndex: 'createdAt', render: (v: Delivery['createdAt']) => <Instant value={v as string | null} /> },
            { title: t('alerting.eventKind'), dataIndex: 'eventKind', render: (e: Delivery['eventKind']) => t(eventKey(e)) },
            { title: t('alerting.channel'), dataIndex: 'channelName' },
            { title: t('alerting.message'), dataIndex: 'title' },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: Delivery['status'], d) => (
                <Tooltip title={d.lastError ?? undefined}>
                  <Tag color={STATUS_COLOR[s]}>{t(`alerting.status.${s}` as MessageKey)}</Tag>
                </Tooltip>
              ),
            },
            { title: t('alerting.attempts'), dataIndex: 'attempts' },
            { title: t('alerting.sentAt'), dataIndex: 'sentAt', render: (v: Delivery['sentAt']) => <Instant value={v as string | null} /> },
          ]}
        />
      </Card>
      {editing && (
        <ChannelForm
          channel={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            channels.reload();
          }}
        />
      )}
    </>
  );
}

/** The matrix: per event kind and staff role, the channels it reaches; saved as a whole. */
function SubscriptionMatrix({ channels, manage }: { channels: Channel[]; manage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const subs = useLoad(() => unwrap(client.GET('/api/v1/alert-subscriptions')), []);
  const [cells, setCells] = useState<Record<string, string[]>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    const next: Record<string, string[]> = {};
    for (const s of subs.data?.items ?? []) (next[`${s.eventKind}|${s.role}`] ??= []).push(s.channelId);
    setCells(next);
  }, [subs.data]);
  const options = useMemo(() => channels.map((c) => ({ value: c.id, label: c.enabled ? c.name : `${c.name}（${t('alerting.disabled')}）` })), [channels, t]);
  const save = async () => {
    setSaving(true);
    try {
      const items = Object.entries(cells).flatMap(([key, ids]) => {
        const [eventKind, role] = key.split('|') as [EventKind, Role];
        return ids.map((channelId) => ({ eventKind, role, channelId }));
      });
      await unwrap(client.PUT('/api/v1/alert-subscriptions', { body: { items } }));
      message.success(t('alerting.matrixSaved'));
      subs.reload();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      title={t('alerting.matrix')}
      size="small"
      style={{ marginTop: 24 }}
      extra={
        manage && (
          <Button type="primary" size="small" loading={saving} onClick={() => void save()} data-testid="alert-matrix-save">
            {t('common.save')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('alerting.matrixHint')}</Typography.Paragraph>
      <Table<{ event: EventKind }>
        rowKey="event"
        size="small"
        loading={subs.loading}
        pagination={false}
        tableLayout="fixed"
        dataSource={EVENTS.map((event) => ({ event }))}
        columns={[
          { title: t('alerting.eventKind'), dataIndex: 'event', width: 190, render: (e: EventKind) => <strong style={{ display: 'block', whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{t(eventKey(e))}</strong> },
          ...ROLES.map((role) => ({
            title: t(`role.${role}` as MessageKey),
            key: role,
            render: (_: unknown, row: { event: EventKind }) => (
              <Select
                mode="multiple"
                size="small"
                style={{ width: '100%' }}
                disabled={!manage}
                placeholder="—"
                options={options}
                value={cells[`${row.event}|${role}`] ?? []}
                onChange={(ids: string[]) => setCells((c) => ({ ...c, [`${row.event}|${role}`]: ids }))}
                data-testid={`alert-cell-${row.event}-${role}`}
              />
            ),
          })),
        ]}
      />
    </Card>
  );
}

interface ChannelValues {
  kind: ChannelKind;
  name: string;
  url?: string;
  secret?: string;
}

/** Adds or edits a channel. The URL and secret are never shown back: left empty on edit, they stay as they are. */
function ChannelForm({ channel, onClose, onSaved }: { channel: Channel | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<ChannelValues>();
  const kind = Form.useWatch('kind', form) ?? channel?.kind ?? 'wecom';
  const submit = async (v: ChannelValues) => {
    try {
      const secret = v.secret?.trim() ? v.secret.trim() : undefined;
      if (channel) await unwrap(client.PATCH('/api/v1/alert-channels/{id}', { params: { path: { id: channel.id } }, body: { name: v.name, url: v.url?.trim() || undefined, secret } }));
      else await unwrap(client.POST('/api/v1/alert-channels', { body: { kind: v.kind, name: v.name, url: v.url ?? '', secret: secret ?? null } }));
      onSaved();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={channel ? t('alerting.editTitle', { name: channel.name }) : t('alerting.add')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: channel?.kind ?? 'wecom', name: channel?.name }} onFinish={submit}>
        <Form.Item name="kind" label={t('alerting.kind')} rules={[{ required: true }]}>
          <Select disabled={!!channel} options={KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder={t('alerting.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="url" label={t('alerting.url')} rules={channel ? [] : [{ required: true }]} extra={channel ? t('alerting.keepHint', { value: channel.url }) : t(`alerting.urlHint.${kind}` as MessageKey)}>
          <Input placeholder={kind === 'wecom' ? 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' : kind === 'dingtalk' ? 'https://oapi.dingtalk.com/robot/send?access_token=…' : 'https://'} />
        </Form.Item>
        {kind !== 'wecom' && (
          <Form.Item
            name="secret"
            label={t(kind === 'dingtalk' ? 'alerting.secretDingtalk' : 'alerting.secretWebhook')}
            rules={!channel && kind === 'webhook' ? [{ required: true }] : []}
            extra={channel?.secretSet ? t('alerting.secretKeep') : t(kind === 'dingtalk' ? 'alerting.secretDingtalkHint' : 'alerting.secretWebhookHint')}
          >
            <Input.Password autoComplete="new-password" placeholder={channel?.secretSet ? '••••••••' : kind === 'dingtalk' ? 'SEC…' : ''} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
