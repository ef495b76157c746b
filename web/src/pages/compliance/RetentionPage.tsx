import { Alert, Button, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant, StatusTag, useConfirm } from '../../components';
import { calendarDate } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { formRefusal } from './takedownParts';

type Policy = Schemas['RetentionPolicy'];
type Hold = Schemas['RetentionHold'];
type Redaction = Schemas['RetentionRedaction'];
type Request = Schemas['RetentionRequest'];
type CustomerOptions = { value: string; label: string }[];

const HOLD_COLOR: Record<Hold['kind'], string> = { manual: 'purple', complaint: 'orange', inspection: 'blue', takedown: 'red' };
const REQUEST_COLOR: Partial<Record<Request['status'], string>> = { open: 'orange', done: 'green', refused: 'default' };

function useCustomers(): CustomerOptions {
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })), []);
  return data?.items.map((c) => ({ value: c.id, label: c.name })) ?? [];
}

/** Editing one kind's periods: how long after the relationship ends, and the answer period of a request. */
function PolicyForm({ policy, onClose, onSaved }: { policy: Policy; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ months: number; answerWorkingDays: number }>();
  const [general, setGeneral] = useState<string | null>(null);
  const save = (v: { months: number; answerWorkingDays: number }) =>
    unwrap(client.PUT('/api/v1/retention/policies/{kind}', { params: { path: { kind: policy.kind } }, body: v })).then(
      () => (onClose(), onSaved()),
      (e) => formRefusal(e, form, setGeneral),
    );
  return (
    <Modal open title={t('retention.editPolicy', { kind: t(`retention.kind.${policy.kind}`) })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'policy-save' }} destroyOnHidden>
      {general && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general} />}
      <Typography.Paragraph type="secondary">{t(`retention.kindHint.${policy.kind}`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ months: policy.months, answerWorkingDays: policy.answerWorkingDays }} onFinish={save}>
        <Form.Item name="months" label={t('retention.months')} rules={[{ required: true }]} extra={t('retention.monthsHint')}>
          <InputNumber min={1} max={600} addonAfter={t('retention.monthsUnit')} data-testid="policy-months" />
        </Form.Item>
        <Form.Item name="answerWorkingDays" label={t('retention.answerDays')} rules={[{ required: true }]} extra={t('retention.answerDaysHint')}>
          <InputNumber min={1} max={60} addonAfter={t('retention.workingDaysUnit')} data-testid="policy-answer-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PoliciesTab() {
  const { t } = useI18n();
  const mayEdit = useCan('retention.setPolicy');
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/retention/policies')), []);
  const [editing, setEditing] = useState<Policy | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('retention.policiesIntro')}</Typography.Paragraph>
      <Table<Policy>
        rowKey="kind"
        pagination={false}
        dataSource={data?.items}
        columns={[
          { title: t('retention.kind'), dataIndex: 'kind', render: (k: Policy['kind']) => <span data-testid={`policy-${k}`}>{t(`retention.kind.${k}`)}</span> },
          { title: t('retention.months'), dataIndex: 'months', render: (m: number, r) => t(r.kind === 'kyc_copies' ? 'retention.monthsAfterEnd' : 'retention.monthsAfterReplaced', { m }) },
          { title: t('retention.answerDays'), dataIndex: 'answerWorkingDays', render: (d: number) => t('retention.workingDays', { d }) },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (v: string | null) => <Instant value={v} /> },
          ...(mayEdit
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, r: Policy) => (
                    <Button size="small" onClick={() => setEditing(r)} data-testid={`policy-edit-${r.kind}`}>
                      {t('retention.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <PolicyForm policy={editing} onClose={() => setEditing(null)} onSaved={reload} />}
    </>
  );
}

/** One customer's legal holds (what suspends redaction now; hand-placed ones are released here) and what was redacted. */
function CustomerTab({ customers }: { customers: CustomerOptions }) {
  const { t } = useI18n();
  const mayHold = useCan('retention.hold');
  const showError = useApiErrors();
  const confirm = useConfirm();
  const [customerId, setCustomerId] = useState<string | undefined>();
  const { data: holds, reload: reloadHolds } = useLoad(() => (customerId ? unwrap(client.GET('/api/v1/retention/customers/{customerId}/holds', { params: { path: { customerId } } })) : Promise.resolve(undefined)), [customerId]);
  const { data: redactions } = useLoad(() => (customerId ? unwrap(client.GET('/api/v1/retention/customers/{customerId}/redactions', { params: { path: { customerId } } })) : Promise.resolve(undefined)), [customerId]);
  const [placing, setPlacing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [general, setGeneral] = useState<string | null>(null);
  const place = (v: { reason: string }) =>
    unwrap(client.POST('/api/v1/retention/customers/{customerId}/holds', { params: { path: { customerId: customerId! } }, body: v })).then(
      () => (setPlacing(false), reloadHolds()),
      (e) => formRefusal(e, form, setGeneral),
    );
  const release = (h: Hold) =>
    confirm({ title: 'retention.releaseTitle', consequence: 'retention.releaseConsequence', ok: 'retention.release', params: { reason: h.label } }, () =>
      unwrap(client.POST('/api/v1/retention/holds/{id}/release', { params: { path: { id: h.id } } })).then(reloadHolds, showError),
    );
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select showSearch allowClear optionFilterProp="label" style={{ width: 320 }} placeholder={t('retention.pickCustomer')} value={customerId} onChange={setCustomerId} options={customers} data-testid="retention-customer" />
        {mayHold && customerId && (
          <Button onClick={() => (setGeneral(null), setPlacing(true))} data-testid="hold-place">
            {t('retention.placeHold')}
          </Button>
        )}
      </Space>
      {!customerId ? (
        <Empty description={t('retention.pickCustomerFirst')} />
      ) : (
        <>
          <Typography.Title level={5}>{t('retention.holds')}</Typography.Title>
          {holds && (holds.items.length ? <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('retention.heldNote')} /> : <Alert type="success" showIcon style={{ marginBottom: 8 }} title={t('retention.notHeld')} />)}
          <Table<Hold>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={holds?.items}
            locale={{ emptyText: t('retention.noHolds') }}
            columns={[
              { title: t('retention.holdKind'), dataIndex: 'kind', render: (k: Hold['kind']) => <StatusTag value={k} prefix="retention.hold" colors={HOLD_COLOR} /> },
              { title: t('retention.holdWhat'), dataIndex: 'label' },
              {
                title: t('common.actions'),
                render: (_: unknown, h) =>
                  h.kind === 'manual' ? (
                    mayHold && (
                      <Button size="small" danger onClick={() => release(h)} data-testid="hold-release">
                        {t('retention.release')}
                      </Button>
                    )
                  ) : (
                    <Typography.Text type="secondary">{t('retention.endsWith')}</Typography.Text>
                  ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('retention.redactions')}
          </Typography.Title>
          <Table<Redaction>
            rowKey="id"
            size="small"
            dataSource={redactions?.items}
            locale={{ emptyText: t('retention.noRedactions') }}
            columns={[
              { title: t('retention.kind'), dataIndex: 'kind', render: (k: Redaction['kind']) => t(`retention.kind.${k}`) },
              { title: t('retention.dueOn'), dataIndex: 'dueOn', render: (d: string) => calendarDate(d) },
              { title: t('retention.redactedAt'), dataIndex: 'redactedAt', render: (v: string | null) => <Instant value={v} /> },
              { title: t('retention.because'), dataIndex: 'requestId', render: (v: string | null) => t(v ? 'retention.byRequest' : 'retention.byPolicy') },
            ]}
          />
        </>
      )}
      {placing && (
        <Modal open title={t('retention.placeHold')} onCancel={() => setPlacing(false)} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'hold-place-ok' }} destroyOnHidden>
          <Typography.Paragraph type="secondary">{t('retention.placeHoldHint')}</Typography.Paragraph>
          {general && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general} />}
          <Form form={form} layout="vertical" onFinish={place}>
            <Form.Item name="reason" label={t('retention.holdReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="hold-reason" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}

/** Registering a person's request to delete or correct their data (a personal_data ticket, due in N working days). */
function RequestForm({ customers, onClose, onSaved }: { customers: CustomerOptions; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Schemas['RetentionRequestBody']>();
  const [general, setGeneral] = useState<string | null>(null);
  const save = (v: Schemas['RetentionRequestBody']) => unwrap(client.POST('/api/v1/retention/requests', { body: v })).then(() => (onClose(), onSaved()), (e) => formRefusal(e, form, setGeneral));
  return (
    <Modal open title={t('retention.registerRequest')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'request-save' }} destroyOnHidden>
      {general && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'deletion' }} onFinish={save}>
        <Form.Item name="customerId" label={t('retention.customer')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={customers} data-testid="request-customer" />
        </Form.Item>
        <Form.Item name="kind" label={t('retention.requestKind')} rules={[{ required: true }]}>
          <Radio.Group options={(['deletion', 'correction'] as const).map((k) => ({ value: k, label: t(`retention.requestKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="subjectName" label={t('retention.subjectName')} rules={[{ required: true }]}>
          <Input data-testid="request-subject" />
        </Form.Item>
        <Form.Item name="detail" label={t('retention.detail')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="request-detail" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Answering a request: granted (a deletion redacts now unless a legal hold forbids — then the hold is named) or refused. */
function AnswerForm({ request, onClose, onSaved }: { request: Request; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Schemas['RetentionAnswerBody']>();
  const [general, setGeneral] = useState<string | null>(null);
  const status = Form.useWatch('status', form);
  const save = (v: Schemas['RetentionAnswerBody']) =>
    unwrap(client.POST('/api/v1/retention/requests/{id}/answer', { params: { path: { id: request.id } }, body: v })).then(
      () => (onClose(), onSaved()),
      (e) => formRefusal(e, form, setGeneral),
    );
  return (
    <Modal open title={t('retention.answerTitle', { name: request.subjectName })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'answer-save', danger: status === 'done' && request.kind === 'deletion' }} destroyOnHidden>
      {general && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('retention.answerRefused')} description={general} data-testid="answer-refusal" />}
      <Typography.Paragraph>{request.detail}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ status: 'done' }} onFinish={save} onValuesChange={() => setGeneral(null)}>
        <Form.Item name="status" label={t('retention.decision')}>
          <Radio.Group options={(['done', 'refused'] as const).map((s) => ({ value: s, label: t(`retention.decision.${s}`) }))} data-testid="answer-status" />
        </Form.Item>
        {status === 'done' && request.kind === 'deletion' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('retention.deletionConsequence')} />}
        <Form.Item name="answer" label={t('retention.answer')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RequestsTab({ customers }: { customers: CustomerOptions }) {
  const { t } = useI18n();
  const mayAct = useCan('retention.request');
  const [status, setStatus] = useState<Request['status'] | undefined>('open');
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/retention/requests', { params: { query: { status } } })), [status]);
  const [adding, setAdding] = useState(false);
  const [answering, setAnswering] = useState<Request | null>(null);
  const names = new Map(customers.map((c) => [c.value, c.label]));
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {mayAct && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="request-add">
            {t('retention.registerRequest')}
          </Button>
        )}
        <Select allowClear placeholder={t('common.status')} style={{ width: 160 }} value={status} onChange={setStatus} options={(['open', 'done', 'refused'] as const).map((s) => ({ value: s, label: t(`retention.requestStatus.${s}`) }))} />
      </Space>
      <Table<Request>
        rowKey="id"
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('retention.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => <Instant value={v} /> },
          { title: t('retention.customer'), dataIndex: 'customerId', render: (id: string) => names.get(id) ?? '—' },
          { title: t('retention.requestKind'), dataIndex: 'kind', render: (k: Request['kind']) => t(`retention.requestKind.${k}`) },
          { title: t('retention.subjectName'), dataIndex: 'subjectName' },
          { title: t('common.status'), dataIndex: 'status', render: (s: Request['status']) => <StatusTag value={s} prefix="retention.requestStatus" colors={REQUEST_COLOR} /> },
          {
            title: t('retention.answerDueOn'),
            render: (_: unknown, r) => (
              <Space size={4}>
                {calendarDate(r.answerDueOn)}
                {r.answerDueProvisional && <Tag title={t('retention.provisionalHint')}>{t('retention.provisional')}</Tag>}
                {r.overdue && <Tag color="red">{t('retention.overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('retention.answer'), render: (_: unknown, r) => (r.answer ? <span title={r.answer}>{r.answer.length > 40 ? `${r.answer.slice(0, 40)}…` : r.answer}</span> : '—') },
          { title: t('retention.ticket'), dataIndex: 'ticketId', render: (id: string) => <Link to={`/console/tickets?ticket=${id}`}>{t('retention.openTicket')}</Link> },
          ...(mayAct
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, r: Request) =>
                    r.status === 'open' && (
                      <Button size="small" onClick={() => setAnswering(r)} data-testid={`request-answer-${r.subjectName}`}>
                        {t('retention.answerButton')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && <RequestForm customers={customers} onClose={() => setAdding(false)} onSaved={reload} />}
      {answering && <AnswerForm request={answering} onClose={() => setAnswering(null)} onSaved={reload} />}
    </>
  );
}

/** 个人信息保留 (issue 22 §7; PIPL art. 19, 47): retention periods, legal holds, what was redacted, and people's requests. */
export function RetentionPage() {
  const { t } = useI18n();
  const customers = useCustomers();
  return (
    <>
      <Typography.Title level={3}>{t('nav.retention')}</Typography.Title>
      <Tabs
        items={[
          { key: 'policies', label: t('retention.tab.policies'), children: <PoliciesTab /> },
          { key: 'customer', label: t('retention.tab.customer'), children: <CustomerTab customers={customers} /> },
          { key: 'requests', label: t('retention.tab.requests'), children: <RequestsTab customers={customers} /> },
        ]}
      />
    </>
  );
}
