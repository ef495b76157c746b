import { Button, Form, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { ScopeFields } from './incidentParts';

type UnmatchedAlert = Schemas['UnmatchedAlert'];
interface MapValues {
  scopeKind: Schemas['IncidentScopeEntry']['kind'];
  scopeTarget: string;
}

/** Saying where an unmatched alert bites: its incident opens from the alert's start. */
function MapForm({ alert, onClose, onSaved }: { alert: UnmatchedAlert; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<MapValues>();
  const map = (v: MapValues) =>
    unwrap(client.POST('/api/v1/alerts/unmatched/{id}/map', { params: { path: { id: alert.id } }, body: { scope: [{ kind: v.scopeKind, target: v.scopeTarget }] } })).then(() => (onClose(), onSaved()), (e) => showError(e, form));
  return (
    <Modal open title={t('unmatched.mapTitle', { name: alert.alertname })} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<MapValues> form={form} layout="vertical" initialValues={{ scopeKind: 'server' }} onFinish={map}>
        <Typography.Paragraph type="secondary">{t('unmatched.mapHint')}</Typography.Paragraph>
        <Form.Item label={t('incidents.scope')} required>
          <ScopeFields />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Alertmanager alerts whose labels named nothing the facility knows: they opened no incident. The NOC
 * reads the labels and says where the alert bites; the incident then opens from the alert's start.
 */
export function UnmatchedAlertsTab() {
  const { t } = useI18n();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/alerts/unmatched')), []);
  const [mapping, setMapping] = useState<UnmatchedAlert | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('unmatched.intro')}</Typography.Paragraph>
      <Table<UnmatchedAlert>
        rowKey="id"
        size="small"
        data-testid="unmatched-alerts"
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('unmatched.none') }}
        columns={[
          {
            title: t('unmatched.alertname'),
            dataIndex: 'alertname',
            render: (v: string, r) => (
              <>
                {v || '—'}
                {r.annotations.summary ? (
                  <div>
                    <Typography.Text type="secondary">{r.annotations.summary}</Typography.Text>
                  </div>
                ) : null}
              </>
            ),
          },
          { title: t('unmatched.labels'), dataIndex: 'labels', render: (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => <Tag key={k}>{`${k}=${v}`}</Tag>) },
          { title: t('unmatched.startsAt'), dataIndex: 'startsAt', render: (v: string) => <Instant value={v} /> },
          { title: t('unmatched.endsAt'), dataIndex: 'endsAt', render: (v: string | null) => (v ? <Instant value={v} /> : <Tag color="red">{t('unmatched.firing')}</Tag>) },
          {
            title: t('common.actions'),
            key: 'action',
            render: (_, r) =>
              r.mappedAt ? (
                <Tag color="green">{t('unmatched.mapped')}</Tag>
              ) : (
                <Button size="small" onClick={() => setMapping(r)} data-testid="unmatched-map">
                  {t('unmatched.map')}
                </Button>
              ),
          },
        ]}
      />
      {mapping && <MapForm alert={mapping} onClose={() => setMapping(null)} onSaved={reload} />}
    </>
  );
}
