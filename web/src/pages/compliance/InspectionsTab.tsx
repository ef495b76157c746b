import { Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant, upload } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { FilePick, fileOf, serverLabel, type ServerRef } from './conductParts';

type Inspection = Schemas['Inspection'];
/** The inspection form as filled in: Beijing wall-clock time, the scan in the picker (sent as multipart). */
interface InspectionValues {
  serverId: string;
  authority: string;
  documentNumber: string;
  inspectedAt: string;
  scope: string;
  staffPresent: string;
  withheld?: boolean;
  withheldReason?: string;
  document?: UploadFile[];
}

/** The multipart body POST /compliance/inspections reads: its text fields and the authorisation scan. */
function inspectionForm(v: InspectionValues): FormData {
  const body = new FormData();
  body.append('serverId', v.serverId);
  body.append('authority', v.authority);
  body.append('documentNumber', v.documentNumber);
  // the picker gives Beijing wall-clock time; the API takes an instant with its offset
  body.append('inspectedAt', `${v.inspectedAt.length === 16 ? `${v.inspectedAt}:00` : v.inspectedAt}+08:00`);
  body.append('scope', v.scope);
  body.append('staffPresent', v.staffPresent);
  body.append('withheld', v.withheld ? 'true' : 'false');
  if (v.withheld && v.withheldReason) body.append('withheldReason', v.withheldReason);
  const file = fileOf(v.document);
  if (file) body.append('file', file);
  return body;
}

/** Recording an inspection with its authorisation scan (6.6). */
function InspectionForm({ servers, onClose, onSaved }: { servers: ServerRef[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<InspectionValues>();
  const withheld = Form.useWatch('withheld', form);
  const record = (v: InspectionValues) => upload<Inspection>('POST', '/compliance/inspections', inspectionForm(v)).then(() => (onClose(), onSaved()), (e) => showError(e, form));
  return (
    <Modal open title={t('conduct.recordInspection')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={640}>
      <Form<InspectionValues> form={form} layout="vertical" initialValues={{ withheld: false }} onFinish={record}>
        <Form.Item name="serverId" label={t('tickets.server')} rules={[{ required: true }]}>
          <Select data-testid="inspection-server" showSearch optionFilterProp="label" options={servers.map((s) => ({ value: s.id, label: serverLabel(s, true) }))} />
        </Form.Item>
        <Form.Item name="authority" label={t('conduct.authority')} rules={[{ required: true }]}>
          <Input data-testid="inspection-authority" />
        </Form.Item>
        <Form.Item name="documentNumber" label={t('conduct.documentNumber')} rules={[{ required: true }]}>
          <Input data-testid="inspection-document-number" />
        </Form.Item>
        <Form.Item name="document" label={t('conduct.document')} rules={[{ required: true }]} valuePropName="value">
          <FilePick testId="inspection-document" />
        </Form.Item>
        <Form.Item name="inspectedAt" label={t('conduct.inspectedAtLocal')} rules={[{ required: true }]}>
          <Input type="datetime-local" data-testid="inspection-at" />
        </Form.Item>
        <Form.Item name="scope" label={t('conduct.scope')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="inspection-scope" />
        </Form.Item>
        <Form.Item name="staffPresent" label={t('conduct.staffPresent')} rules={[{ required: true }]}>
          <Input data-testid="inspection-staff" />
        </Form.Item>
        <Form.Item name="withheld" label={t('conduct.withheldAsk')} valuePropName="checked">
          <Switch data-testid="inspection-withheld" />
        </Form.Item>
        {withheld && (
          <Form.Item name="withheldReason" label={t('conduct.withheldReason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="inspection-withheld-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Withholding a record from the customer on the authority's instruction, or releasing it: the reason is audited. */
function WithholdForm({ inspection, onClose, onSaved }: { inspection: Inspection; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<{ reason: string }>();
  const save = (v: { reason: string }) =>
    unwrap(client.POST('/api/v1/compliance/inspections/{id}/withhold', { params: { path: { id: inspection.id } }, body: { withheld: !inspection.withheld, reason: v.reason } })).then(() => (onClose(), onSaved()), (e) => showError(e, form));
  return (
    <Modal open title={t(inspection.withheld ? 'conduct.release' : 'conduct.withhold')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<{ reason: string }> form={form} layout="vertical" onFinish={save}>
        <Form.Item name="reason" label={t('conduct.withheldReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 6.6: inspections on an authority's authorisation — staff record them; the customer sees those not withheld. */
export function InspectionsTab({ staff, servers }: { staff: boolean; servers: ServerRef[] }) {
  const mayRecord = useCan('inspection.record');
  const mayWithhold = useCan('inspection.withhold');
  const { t } = useI18n();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/compliance/inspections')), []);
  const [adding, setAdding] = useState(false);
  const [withholding, setWithholding] = useState<Inspection | null>(null);
  const byId = new Map(servers.map((s) => [s.id, s]));
  const visibility = {
    title: t('conduct.withheld'),
    render: (_: unknown, r: Inspection) => (
      <Space direction="vertical" size={0}>
        {r.withheld ? <Tag color="red">{t('conduct.withheldTag')}</Tag> : <Tag color="green">{t('conduct.visibleTag')}</Tag>}
        {r.withheldReason && <Typography.Text type="secondary">{r.withheldReason}</Typography.Text>}
        {mayWithhold && (
          <Button size="small" onClick={() => setWithholding(r)}>
            {t(r.withheld ? 'conduct.release' : 'conduct.withhold')}
          </Button>
        )}
      </Space>
    ),
  };
  return (
    <>
      {mayRecord && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)} data-testid="inspection-add">
          {t('conduct.recordInspection')}
        </Button>
      )}
      <Table<Inspection>
        rowKey="id"
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('conduct.inspectedAt'), dataIndex: 'inspectedAt', render: (v: string) => <Instant value={v} /> },
          { title: t('tickets.server'), dataIndex: 'serverId', render: (id: string) => serverLabel(byId.get(id), staff) },
          { title: t('conduct.authority'), dataIndex: 'authority' },
          { title: t('conduct.documentNumber'), dataIndex: 'documentNumber' },
          { title: t('conduct.scope'), dataIndex: 'scope' },
          { title: t('conduct.staffPresent'), dataIndex: 'staffPresent' },
          { title: t('conduct.document'), render: (_: unknown, r) => <a href={`/api/v1/compliance/inspections/${r.id}/document`}>{t('compliance.download')}</a> },
          ...(staff ? [visibility] : []),
        ]}
      />
      {adding && <InspectionForm servers={servers} onClose={() => setAdding(false)} onSaved={reload} />}
      {withholding && <WithholdForm inspection={withholding} onClose={() => setWithholding(null)} onSaved={reload} />}
    </>
  );
}
