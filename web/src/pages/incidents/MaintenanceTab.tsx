import { Alert, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { MAINTENANCE_KINDS, type MaintenanceKind } from '../../../../src/rules/incidents';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { ConsentTag, fromShanghai, ScopeFields, WindowSpan } from './incidentParts';
import { useConfirm } from '../../components';

type Window = Schemas['MaintenanceWindow'];
/** The schedule form: one scope entry picked, Beijing wall-clock times. */
interface ScheduleValues {
  title: string;
  kind: MaintenanceKind;
  description?: string;
  scopeKind: Schemas['IncidentScopeEntry']['kind'];
  scopeTarget: string;
  startsAt: string;
  endsAt: string;
}

/** Scheduling planned work (6.3): 48 h notice for expansion, relocation and cut-over. */
function ScheduleForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<ScheduleValues>();
  const schedule = (v: ScheduleValues) =>
    unwrap(
      client.POST('/api/v1/maintenance', {
        body: { title: v.title, kind: v.kind, description: v.description, startsAt: fromShanghai(v.startsAt) ?? '', endsAt: fromShanghai(v.endsAt) ?? '', scope: [{ kind: v.scopeKind, target: v.scopeTarget }] },
      }),
    ).then(() => (onClose(), onSaved()), (e) => showError(e, form));
  return (
    <Modal open title={t('maintenance.schedule')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<ScheduleValues> form={form} layout="vertical" initialValues={{ kind: 'provider_work', scopeKind: 'cabinet' }} onFinish={schedule}>
        <Form.Item name="title" label={t('incidents.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('maintenance.kind')}>
          <Select options={MAINTENANCE_KINDS.map((k) => ({ value: k, label: t(`maintenance.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('tickets.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('incidents.scope')} required>
          <ScopeFields />
        </Form.Item>
        <Form.Item name="startsAt" label={t('maintenance.startsAt')} rules={[{ required: true }]}>
          <Input placeholder="2026-06-05 02:00" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('maintenance.endsAt')} rules={[{ required: true }]}>
          <Input placeholder="2026-06-05 04:00" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Planned work (6.3, 7.3): windows, who consented, performing or cancelling them. */
export function MaintenanceTab() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/maintenance')), []);
  const [scheduling, setScheduling] = useState(false);
  const mayManage = useCan('maintenance.manage');
  const confirm = useConfirm();
  const perform = (w: Window) => unwrap(client.POST('/api/v1/maintenance/{id}/perform', { params: { path: { id: w.id } }, body: {} })).then(reload, showError);
  const cancel = (w: Window) =>
    confirm({ title: 'confirm.maintenanceCancel.title', consequence: 'confirm.maintenanceCancel.consequence', ok: 'confirm.maintenanceCancel.ok' }, () =>
      unwrap(client.POST('/api/v1/maintenance/{id}/cancel', { params: { path: { id: w.id } } })).then(reload, showError),
    );
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('maintenance.rule')} />
      {mayManage && (
        <Button type="primary" onClick={() => setScheduling(true)} style={{ marginBottom: 12 }}>
          {t('maintenance.schedule')}
        </Button>
      )}
      <Table<Window>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: '#', dataIndex: 'number' },
          { title: t('incidents.title'), dataIndex: 'title' },
          { title: t('maintenance.kind'), dataIndex: 'kind', render: (k: Window['kind']) => t(`maintenance.kind.${k}`) },
          { title: t('maintenance.window'), render: (_, w) => <WindowSpan w={w} /> },
          { title: t('common.status'), dataIndex: 'status', render: (s: Window['status']) => t(`maintenance.status.${s}`) },
          { title: t('maintenance.consents'), render: (_, w) => (w.needsConsent ? w.consents?.map((c) => <ConsentTag key={c.customerId} consent={c} withName />) : t('maintenance.noticeOnly')) },
          {
            title: t('common.actions'),
            render: (_, w) =>
              mayManage &&
              w.status === 'scheduled' && (
                <Space>
                  <Button size="small" onClick={() => perform(w)}>
                    {t('maintenance.perform')}
                  </Button>
                  <Button size="small" danger onClick={() => cancel(w)}>
                    {t('maintenance.cancel')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {scheduling && <ScheduleForm onClose={() => setScheduling(false)} onSaved={reload} />}
    </>
  );
}
