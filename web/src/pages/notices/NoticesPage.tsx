import { Button, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { DocumentDownload, Instant, upload, useConfirm } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

type Notice = Schemas['Notice'];
type Delivery = Schemas['NoticeDelivery'];
/** The send form; a customer's own id is added from its session. */
type SendValues = ApiBody<'/api/v1/notices', 'post'>;
const DELIVERY_COLORS: Record<Delivery['status'], string> = { pending: 'gold', sent: 'green', failed: 'red', cancelled: 'default' };

/** 第九条: every formal notice to and from the customer, with where it went and the proof. */
export function NoticesPage() {
  const { t, locale } = useI18n();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/notices')), []);
  const [sending, setSending] = useState(false);
  const mayProve = useCan('notice.recordProof');
  const canSend = useCan('notice.send');
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.notices')}
        </Typography.Title>
        {canSend && (
          <Button type="primary" onClick={() => setSending(true)}>
            {t('notices.send')}
          </Button>
        )}
      </Space>
      <Table<Notice>
        rowKey="id"
        dataSource={data?.items}
        expandable={{ expandedRowRender: (n) => <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{locale === 'en' ? n.bodyEn : n.bodyZh}</pre> }}
        columns={[
          { title: t('audit.at'), dataIndex: 'createdAt', render: (at: Notice['createdAt']) => <Instant value={at} />, width: 170 },
          // issue 19: which way, in words; a notice received from the customer says how it came and by which document
          { title: t('notices.direction'), render: (_, n) => (n.received ? <Tag color="blue">{t('notice.direction.received')}</Tag> : t(`notice.direction.${n.direction}`)) },
          {
            title: t('notices.receivedHow'),
            render: (_, n) =>
              n.received ? (
                <Space direction="vertical" size={0}>
                  <span>{n.receivedHow ? t(`notices.receivedHow.${n.receivedHow}`) : t('notices.receivedHow.unrecorded')}</span>
                  {n.documentName && <Typography.Text type="secondary">{n.documentName}</Typography.Text>}
                  {n.hasDocument && (
                    <a href={`/api/v1/notices/${n.id}/document`} data-testid={`notice-document-${n.id}`}>
                      {t('notices.documentScan')}
                    </a>
                  )}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: t('notices.subject'), render: (_, n) => (locale === 'en' ? n.subjectEn : n.subjectZh) },
          { title: t('notices.recipient'), dataIndex: 'recipientName' },
          {
            title: t('notices.deliveries'),
            render: (_, n) => (n.received ? <Typography.Text type="secondary">{t('notices.nothingSent')}</Typography.Text> : n.deliveries.map((d) => <DeliveryTag key={d.id} notice={n} delivery={d} mayProve={mayProve} onProved={reload} />)),
          },
          { title: t('notices.letterColumn'), render: (_, n) => (
              <DocumentDownload as="link" href={`/notices/${n.id}/letter.pdf`}>
                {t('notices.letter')}
              </DocumentDownload>
            ) },
        ]}
      />
      {sending && <SendNoticeModal onClose={() => setSending(false)} onSent={reload} />}
    </>
  );
}

/** One delivery: channel and status, its proof file, and for post and fax the upload of that proof. */
function DeliveryTag({ notice, delivery: d, mayProve, onProved }: { notice: Notice; delivery: Delivery; mayProve: boolean; onProved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const prove = (file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    upload<Notice>('POST', `/notices/${notice.id}/deliveries/${d.id}/proof`, fd).then(onProved, showError);
    return false;
  };
  return (
    <Space size={2} style={{ marginRight: 8 }}>
      <Tag color={DELIVERY_COLORS[d.status]} title={d.proof ?? d.lastError ?? d.address}>
        {t(`notices.channel.${d.channel}`)} · {t(`notices.status.${d.status}`)}
      </Tag>
      {d.hasProofFile && <a href={`/api/v1/notices/${notice.id}/deliveries/${d.id}/proof`}>{t('notices.proofFile')}</a>}
      {/* 第九条: a postal receipt or fax report is the proof of a post or fax delivery */}
      {mayProve && (d.channel === 'post' || d.channel === 'fax') && d.status !== 'cancelled' && !d.hasProofFile && (
        <Upload accept="application/pdf,image/png,image/jpeg" showUploadList={false} beforeUpload={prove}>
          <Button size="small" data-testid={`notice-proof-${d.id}`}>
            {t('notices.uploadProof')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}

/** Staff send a notice to a customer; a customer's owner files one to the provider. */
function SendNoticeModal({ onClose, onSent }: { onClose: () => void; onSent: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const confirm = useConfirm();
  const staff = me?.kind === 'staff';
  const [form] = Form.useForm<SendValues>();
  const { data: customers } = useLoad(() => (staff ? unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })) : Promise.resolve(undefined)), []);
  // 第九条: a formal notice, in the register for good once sent
  const send = (v: SendValues) => confirm({ title: 'confirm.notice.title', consequence: 'confirm.notice.consequence', ok: 'notices.send' }, () => sendNow(v));
  const sendNow = async (v: SendValues) => {
    try {
      await unwrap(client.POST('/api/v1/notices', { body: { ...v, customerId: v.customerId ?? me?.customerId ?? '' } }));
      onClose();
      onSent();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={t('notices.send')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={send}>
        {staff && (
          <Form.Item name="customerId" label={t('nav.customers')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={customers?.items.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="subject" label={t('notices.subject')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('notices.body')} rules={[{ required: true }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
