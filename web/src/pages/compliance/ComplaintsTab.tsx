import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { COMPLAINT_CATEGORIES, VIOLATION_CLAUSE_LIST } from '../../../../src/rules/compliance';
import { client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant, StatusTag, upload } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { FilePick, fileOf } from './conductParts';

type Complaint = Schemas['Complaint'];
type Triage = 'notify' | 'confirm' | 'dismiss' | 'resolve';
/** The triage form: the deadline and message of a notice, or the clause and note of a decision. */
type TriageValues = Partial<ApiBody<'/api/v1/compliance/complaints/{id}/notify', 'post'> & ApiBody<'/api/v1/compliance/complaints/{id}/confirm', 'post'>>;
type IntakeValues = Omit<ApiBody<'/api/v1/compliance/complaints', 'post'>, 'receivedAt'> & { evidence?: UploadFile[] };

const COMPLAINT_COLOR: Partial<Record<Complaint['status'], string>> = { open: 'gold', notified: 'orange', confirmed: 'red', dismissed: 'default', resolved: 'green' };

/** One triage step as the API takes it. */
function triage(c: Complaint, action: Triage, v: TriageValues) {
  const params = { path: { id: c.id } };
  const note = v.note ?? '';
  switch (action) {
    case 'notify':
      return unwrap(client.POST('/api/v1/compliance/complaints/{id}/notify', { params, body: { hours: v.hours ?? 0, message: v.message } }));
    case 'confirm':
      return unwrap(client.POST('/api/v1/compliance/complaints/{id}/confirm', { params, body: { clause: v.clause!, note } }));
    case 'dismiss':
      return unwrap(client.POST('/api/v1/compliance/complaints/{id}/dismiss', { params, body: { note } }));
    case 'resolve':
      return unwrap(client.POST('/api/v1/compliance/complaints/{id}/resolve', { params, body: { note } }));
  }
}

/** Staff triage of one complaint: notify with a deadline (第九条), confirm citing a clause, dismiss, resolve. */
function ComplaintActions({ c, onDone }: { c: Complaint; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [action, setAction] = useState<Triage | null>(null);
  const [form] = Form.useForm<TriageValues>();
  const undecided = c.status === 'open' || c.status === 'notified';
  if (!undecided && c.status !== 'confirmed') return null;
  const open = (a: Triage) => (form.resetFields(), setAction(a));
  const button = (a: Triage, props: { type?: 'primary'; danger?: boolean } = {}) => (
    <Button size="small" {...props} onClick={() => open(a)} data-testid={`${a}-${c.number}`}>
      {t(`conduct.${a}`)}
    </Button>
  );
  return (
    <Space size="small" wrap>
      {undecided && (
        <>
          {button('notify', { type: 'primary' })}
          {button('confirm', { danger: true })}
          {button('dismiss')}
        </>
      )}
      {c.status === 'confirmed' && button('resolve')}
      <Modal open={action !== null} title={action ? `${t(`conduct.${action}`)} · ${c.number}` : ''} onCancel={() => setAction(null)} onOk={() => form.submit()} destroyOnHidden>
        {/* asks first: what this step does to the customer, by the clause */}
        {action && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t(`confirm.complaint.${action}`)} data-testid="triage-consequence" />}
        <Form<TriageValues> form={form} layout="vertical" initialValues={{ hours: 24, clause: c.suggestedClause }} onFinish={(v) => action && triage(c, action, v).then(() => (setAction(null), onDone()), (e) => showError(e, form))}>
          {action === 'notify' && (
            <>
              <Form.Item name="hours" label={t('conduct.hours')} rules={[{ required: true }]} extra={t('conduct.hoursHint')}>
                <InputNumber min={1} max={720} data-testid="notify-hours" />
              </Form.Item>
              <Form.Item name="message" label={t('conduct.message')}>
                <Input.TextArea rows={3} data-testid="notify-message" />
              </Form.Item>
            </>
          )}
          {action === 'confirm' && (
            <Form.Item name="clause" label={t('compliance.clause')} rules={[{ required: true }]}>
              <Select options={VIOLATION_CLAUSE_LIST.map((k) => ({ value: k, label: t(`conduct.clause.${k}`) }))} />
            </Form.Item>
          )}
          {action && action !== 'notify' && (
            <Form.Item name="note" label={t('conduct.decisionNote')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="complaint-note" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

/** Taking in a complaint, with its evidence if there is a file. */
function IntakeForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<IntakeValues>();
  const intake = async (v: IntakeValues) => {
    try {
      const c = await unwrap(client.POST('/api/v1/compliance/complaints', { body: { source: v.source, category: v.category, description: v.description, ip: v.ip?.trim() || null, domain: v.domain?.trim() || null } }));
      const file = fileOf(v.evidence);
      if (file) {
        const body = new FormData();
        body.append('file', file);
        // the complaint is on file already; a refused file is reported and can be attached again
        await upload<Complaint>('POST', `/compliance/complaints/${c.id}/evidence`, body).catch(showError);
      }
      onClose();
      onSaved();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={t('conduct.intake')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={640}>
      <Form<IntakeValues> form={form} layout="vertical" initialValues={{ category: 'spam' }} onFinish={intake}>
        <Form.Item name="source" label={t('compliance.source')} rules={[{ required: true }]} extra={t('conduct.sourceHint')}>
          <Input data-testid="complaint-source" />
        </Form.Item>
        <Form.Item name="category" label={t('compliance.category')} rules={[{ required: true }]}>
          <Select data-testid="complaint-category" options={COMPLAINT_CATEGORIES.map((k) => ({ value: k, label: t(`conduct.category.${k}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('conduct.description')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} data-testid="complaint-description" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="ip" label={t('conduct.ip')} style={{ flex: 1 }} extra={t('conduct.targetHint')}>
            <Input placeholder="203.0.113.10" data-testid="complaint-ip" />
          </Form.Item>
          <Form.Item name="domain" label={t('compliance.domain')} style={{ flex: 1, marginLeft: 8 }}>
            <Input placeholder="www.example.cn" data-testid="complaint-domain" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="evidence" label={t('conduct.evidence')} valuePropName="value">
          <FilePick testId="complaint-evidence" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 5.4, 5.8: complaints about the customer — staff take them in and triage; the customer sees its own. */
export function ComplaintsTab({ staff }: { staff: boolean }) {
  // what the API lets each role do (src/core/permissions.ts): intake by compliance and NOC, triage by compliance
  const mayIntake = useCan('complaint.intake');
  const mayTriage = useCan('complaint.handle');
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/compliance/complaints')), []);
  const [adding, setAdding] = useState(false);
  const attach = (c: Complaint, file: File) => {
    const body = new FormData();
    body.append('file', file);
    upload<Complaint>('POST', `/compliance/complaints/${c.id}/evidence`, body).then(reload, showError);
    return false;
  };
  return (
    <>
      {mayIntake && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)} data-testid="complaint-add">
          {t('conduct.intake')}
        </Button>
      )}
      <Table<Complaint>
        rowKey="id"
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{[r.description, r.decisionNote].filter(Boolean).join('\n\n')}</Typography.Paragraph> }}
        columns={[
          { title: '#', dataIndex: 'number' },
          ...(staff ? [{ title: t('nav.customers'), dataIndex: 'customerName' }] : []),
          { title: t('conduct.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => <Instant value={v} /> },
          { title: t('compliance.category'), dataIndex: 'category', render: (v: Complaint['category']) => t(`conduct.category.${v}`) },
          { title: t('compliance.target'), render: (_: unknown, r) => r.domain ?? r.ip },
          ...(staff ? [{ title: t('compliance.source'), dataIndex: 'source' }] : []),
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: Complaint['status'], r) => (
              <span data-testid={`complaint-status-${r.number}`}>
                <StatusTag value={s} prefix="conduct.status" colors={COMPLAINT_COLOR} />
              </span>
            ),
          },
          { title: t('compliance.deadline'), dataIndex: 'deadlineAt', render: (v: string | null) => <Instant value={v} /> },
          { title: t('compliance.clause'), render: (_: unknown, r) => r.clause ?? (staff ? `${r.suggestedClause}?` : '—') },
          {
            title: t('conduct.evidence'),
            render: (_: unknown, r) => (
              <Space>
                {r.hasEvidence ? <a href={`/api/v1/compliance/complaints/${r.id}/evidence`}>{t('compliance.download')}</a> : <Tag>{t('compliance.noEvidence')}</Tag>}
                {mayIntake && (r.status === 'open' || r.status === 'notified') && (
                  <Upload showUploadList={false} accept=".pdf,.png,.jpg,.jpeg" beforeUpload={(file) => attach(r, file)}>
                    <Button size="small">{t('conduct.attach')}</Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          ...(mayTriage ? [{ title: t('common.actions'), render: (_: unknown, r: Complaint) => <ComplaintActions c={r} onDone={reload} /> }] : []),
        ]}
      />
      {adding && <IntakeForm onClose={() => setAdding(false)} onSaved={reload} />}
    </>
  );
}
