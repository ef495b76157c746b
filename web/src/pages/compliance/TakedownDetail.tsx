import { Alert, Button, Descriptions, Drawer, Form, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { client, unwrap } from '../../api/client';
import { useCan } from '../../auth/can';
import { DocumentDownload, Instant, StatusTag, upload, useConfirm, WorkProgress } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { CheckResult, DeadlineState, Duration, formRefusal, TAKEDOWN_STATUS_COLOR, type Takedown, type TakedownCheck } from './takedownParts';

/** The formal notice (第九条) the execution sent the customer: its text in the UI's language and how it went out. */
function NoticeOfOrder({ noticeId }: { noticeId: string }) {
  const { t, locale } = useI18n();
  const { data: n } = useLoad(() => unwrap(client.GET('/api/v1/notices/{id}', { params: { path: { id: noticeId } } })), [noticeId]);
  if (!n) return null;
  return (
    <div data-testid="takedown-notice">
      <Typography.Text strong>{locale === 'en' ? n.subjectEn : n.subjectZh}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{locale === 'en' ? n.bodyEn : n.bodyZh}</Typography.Paragraph>
      <Space wrap>
        <Typography.Text type="secondary">
          {t('takedowns.noticeSent')} <Instant value={n.createdAt} />
        </Typography.Text>
        {n.deliveries.map((d) => (
          <Tag key={d.id} color={d.status === 'sent' ? 'green' : d.status === 'failed' ? 'red' : 'default'} title={d.address}>
            {t(`notices.channel.${d.channel}`)} · {t(`notices.status.${d.status}`)}
          </Tag>
        ))}
        <DocumentDownload as="link" href={`/notices/${n.id}/letter.pdf`}>
          {t('notices.letter')}
        </DocumentDownload>
      </Space>
    </div>
  );
}

/** Lifting an order (the authority withdrew it): the reason is kept with the order. */
function LiftForm({ order, onClose, onSaved }: { order: Takedown; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const [general, setGeneral] = useState<string | null>(null);
  const lift = (v: { note: string }) =>
    unwrap(client.POST('/api/v1/takedowns/{id}/lift', { params: { path: { id: order.id } }, body: { note: v.note } })).then(
      () => (onClose(), onSaved()),
      (e) => formRefusal(e, form, setGeneral),
    );
  return (
    <Modal open title={t('takedowns.liftTitle', { number: order.number })} onCancel={onClose} onOk={() => form.submit()} okText={t('takedowns.lift')} okButtonProps={{ danger: true, 'data-testid': 'takedown-lift-ok' }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t(order.status === 'executed' ? 'takedowns.liftConsequence' : 'takedowns.liftRegistered')}</Typography.Paragraph>
      {general && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={general} />}
      <Form<{ note: string }> form={form} layout="vertical" onFinish={lift}>
        <Form.Item name="note" label={t('takedowns.liftNote')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="takedown-lift-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One order: its document, targets, the proof of the block, the notice to the customer, and what may be done next. */
export function TakedownDrawer({ id, customerName, onClose, onChanged }: { id: string | null; customerName?: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const may = { execute: useCan('takedown.execute'), lift: useCan('takedown.lift'), fileScan: useCan('takedown.register') };
  const showError = useApiErrors();
  const confirm = useConfirm();
  const { data: o, reload } = useLoad(() => (id ? unwrap(client.GET('/api/v1/takedowns/{id}', { params: { path: { id } } })) : Promise.resolve(undefined)), [id]);
  const [executing, setExecuting] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [lifting, setLifting] = useState(false);
  const changed = () => (reload(), onChanged());
  const order = o && o.id === id ? o : undefined;

  const execute = () =>
    confirm({ title: 'takedowns.executeTitle', consequence: 'takedowns.executeConsequence', ok: 'takedowns.execute', params: { number: order!.number } }, async () => {
      setRefusal(null);
      setExecuting(Date.now());
      try {
        await unwrap(client.POST('/api/v1/takedowns/{id}/execute', { params: { path: { id: order!.id } } }));
      } catch (e) {
        // a gate that did not apply, or a probe that still got through: said here, with the order as it now stands
        setRefusal(e instanceof Error ? e.message : String(e));
      } finally {
        setExecuting(null);
        changed();
      }
    });

  const fileScan = (file: File) => {
    const body = new FormData();
    body.append('file', file);
    upload<Takedown>('POST', `/takedowns/${order!.id}/scan`, body).then(changed, showError);
    return false;
  };

  const proof = order?.proof;
  return (
    <Drawer open={id !== null} onClose={onClose} width={760} title={order ? `${order.number} · ${t('takedowns.detail')}` : ''} destroyOnHidden>
      {order && (
        <div data-testid="takedown-detail">
          {refusal && <Alert type="error" showIcon closable style={{ marginBottom: 12 }} message={t('takedowns.executeRefused')} description={refusal} data-testid="takedown-refusal" />}
          <Space wrap style={{ marginBottom: 12 }}>
            {may.execute && order.status === 'registered' && (
              <Button type="primary" danger onClick={execute} loading={executing !== null} data-testid="takedown-execute">
                {t('takedowns.execute')}
              </Button>
            )}
            {may.lift && order.status !== 'lifted' && (
              <Button onClick={() => setLifting(true)} data-testid="takedown-lift">
                {t('takedowns.lift')}
              </Button>
            )}
            {order.hasScan ? (
              <DocumentDownload href={`/takedowns/${order.id}/scan`} data-testid="takedown-scan-download">
                {t('takedowns.downloadScan')}
              </DocumentDownload>
            ) : (
              may.fileScan && (
                <Upload accept=".pdf,.png,.jpg,.jpeg" showUploadList={false} beforeUpload={fileScan}>
                  <Button data-testid="takedown-scan-upload">{t('takedowns.fileScan')}</Button>
                </Upload>
              )
            )}
            {order.status !== 'registered' && proof && (
              <DocumentDownload href={`/takedowns/${order.id}/receipt`} data-testid="takedown-receipt">
                {t('takedowns.downloadReceipt')}
              </DocumentDownload>
            )}
          </Space>
          <WorkProgress since={executing} step={t('takedowns.executing')} testId="takedown-progress" />
          {!order.hasScan && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('takedowns.noScan')} />}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('common.status')}>
              <StatusTag value={order.status} prefix="takedowns.status" colors={TAKEDOWN_STATUS_COLOR} /> <DeadlineState order={order} now={Date.now()} />
            </Descriptions.Item>
            <Descriptions.Item label={t('takedowns.customer')}>{customerName ?? order.customerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('takedowns.issuer')}>{order.issuer}</Descriptions.Item>
            <Descriptions.Item label={t('takedowns.documentNumber')}>{order.documentNumber}</Descriptions.Item>
            <Descriptions.Item label={t('takedowns.receivedAt')}>
              <Instant value={order.receivedAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('takedowns.deadlineAt')}>
              <Instant value={order.deadlineAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('takedowns.registeredAt')}>
              <Instant value={order.registeredAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('takedowns.executedAt')}>
              <Instant value={order.executedAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('takedowns.actions')} span={2}>
              <Space size={4} wrap>
                {order.actions.map((a) => (
                  <Tag key={a}>{t(`takedowns.action.${a}`)}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('takedowns.reason')} span={2}>
              {order.reason}
            </Descriptions.Item>
            {order.status === 'lifted' && (
              <Descriptions.Item label={t('takedowns.lifted')} span={2}>
                <Instant value={order.liftedAt} /> · {order.liftNote}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('takedowns.targets')}
          </Typography.Title>
          <Table
            rowKey={(r) => `${r.kind}|${r.value}`}
            size="small"
            pagination={false}
            dataSource={order.targets}
            columns={[
              { title: t('takedowns.targetKind'), dataIndex: 'kind', render: (k: Takedown['targets'][number]['kind']) => t(`takedowns.target.${k}`) },
              { title: t('takedowns.targetValue'), dataIndex: 'value' },
            ]}
          />

          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('takedowns.proof')}
          </Typography.Title>
          {proof ? (
            <div data-testid="takedown-proof">
              <Descriptions column={2} size="small" bordered>
                <Descriptions.Item label={t('takedowns.blockedAt')}>
                  <Instant value={proof.blockedAt} />
                </Descriptions.Item>
                <Descriptions.Item label={t('takedowns.registrationToBlock')}>
                  <Duration seconds={proof.secondsToBlock} />
                </Descriptions.Item>
                <Descriptions.Item label={t('takedowns.gateVersion')}>
                  <Typography.Text code title={proof.gateFingerprint}>
                    {proof.gateFingerprint.slice(0, 12)}
                  </Typography.Text>{' '}
                  <StatusTag value={proof.gateOutcome} prefix="compliance.outcome" colors={{ applied: 'green' }} />
                </Descriptions.Item>
                <Descriptions.Item label={t('takedowns.suspensions')}>{proof.suspensionIds.length}</Descriptions.Item>
              </Descriptions>
              <Table<TakedownCheck>
                style={{ marginTop: 8 }}
                rowKey={(c) => `${c.name}|${c.protocol}`}
                size="small"
                pagination={false}
                dataSource={proof.checks}
                locale={{ emptyText: t('takedowns.noProbes') }}
                columns={[
                  { title: t('takedowns.probeName'), dataIndex: 'name' },
                  { title: t('takedowns.probeProtocol'), dataIndex: 'protocol', render: (p: TakedownCheck['protocol']) => (p === 'http' ? 'HTTP' : t('takedowns.tlsSni')) },
                  { title: t('takedowns.probeResult'), render: (_: unknown, c) => <CheckResult check={c} /> },
                  { title: t('takedowns.probeAt'), dataIndex: 'at', render: (v: string) => <Instant value={v} /> },
                  { title: t('takedowns.probeAttempts'), dataIndex: 'attempts' },
                ]}
              />
            </div>
          ) : (
            <Typography.Text type="secondary">{t('takedowns.noProof')}</Typography.Text>
          )}

          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('takedowns.notice')}
          </Typography.Title>
          {order.noticeId ? <NoticeOfOrder noticeId={order.noticeId} /> : <Typography.Text type="secondary">{t('takedowns.noNotice')}</Typography.Text>}
          {lifting && <LiftForm order={order} onClose={() => setLifting(false)} onSaved={changed} />}
        </div>
      )}
    </Drawer>
  );
}
