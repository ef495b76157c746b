import { Button, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { upload } from '../../components/upload';

interface Notice {
  id: string;
  direction: string;
  type: string;
  subjectZh: string;
  subjectEn: string;
  bodyZh: string;
  bodyEn: string;
  recipientName: string;
  createdAt: string;
  deliveries: { id: string; channel: string; address: string; status: string; proof: string | null; lastError: string | null; hasProofFile: boolean }[];
}
const COLOR: Record<string, string> = { pending: 'gold', sent: 'green', failed: 'red' };

/** 第九条: every formal notice to and from the customer, with where it went and the proof. */
export function NoticesPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: Notice[] }>('/notices'), []);
  const { data: customers } = useLoad(() => (me?.kind === 'staff' ? get<{ items: { id: string; name: string }[] }>('/customers?pageSize=200') : Promise.resolve({ items: [] })), []);
  const [sending, setSending] = useState(false);
  const [form] = Form.useForm();
  const mayProve = me?.kind === 'staff' && me.roles.some((r) => ['admin', 'sales', 'noc', 'compliance', 'finance'].includes(r));
  const canSend = me?.kind === 'staff' ? !me.roles.includes('auditor') || me.roles.includes('admin') : me?.roles.includes('owner');
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
          { title: t('audit.at'), dataIndex: 'createdAt', render: shanghaiTime, width: 170 },
          { title: '', dataIndex: 'direction', render: (d: string) => t(`notice.direction.${d}` as MessageKey) },
          { title: t('notices.subject'), render: (_, n) => (locale === 'en' ? n.subjectEn : n.subjectZh) },
          { title: t('notices.recipient'), dataIndex: 'recipientName' },
          {
            title: t('notices.deliveries'),
            render: (_, n) =>
              n.deliveries.map((d) => (
                <Space key={d.id} size={2} style={{ marginRight: 8 }}>
                  <Tag color={COLOR[d.status]} title={d.proof ?? d.lastError ?? d.address}>
                    {t(`notices.channel.${d.channel}` as MessageKey)} · {t(`notices.status.${d.status}` as MessageKey)}
                  </Tag>
                  {d.hasProofFile && <a href={`/api/v1/notices/${n.id}/deliveries/${d.id}/proof`}>{t('notices.proofFile')}</a>}
                  {/* 第九条: a postal receipt or fax report is the proof of a post or fax delivery */}
                  {mayProve && (d.channel === 'post' || d.channel === 'fax') && !d.hasProofFile && (
                    <Upload
                      accept="application/pdf,image/png,image/jpeg"
                      showUploadList={false}
                      beforeUpload={(file) => {
                        const fd = new FormData();
                        fd.append('file', file);
                        upload('POST', `/notices/${n.id}/deliveries/${d.id}/proof`, fd).then(reload, showError);
                        return false;
                      }}
                    >
                      <Button size="small" data-testid={`notice-proof-${d.id}`}>
                        {t('notices.uploadProof')}
                      </Button>
                    </Upload>
                  )}
                </Space>
              )),
          },
          { title: '', render: (_, n) => <a href={`/api/v1/notices/${n.id}/letter.pdf`}>{t('notices.letter')}</a> },
        ]}
      />
      <Modal open={sending} title={t('notices.send')} onCancel={() => setSending(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => post('/notices', { ...v, customerId: v.customerId ?? me?.customerId }).then(() => (setSending(false), reload()), (e) => showError(e, form))}>
          {me?.kind === 'staff' && (
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
    </>
  );
}
