import { Alert, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { ContractLedger } from './ContractLedger';
import { CauseTag, ConsentTag, LineClock, WindowSpan } from './incidentParts';

type Incident = Schemas['Incident'];
type Window = Schemas['MaintenanceWindow'];

/** What is down now: each open incident that interrupts the customer's servers. */
function CurrentIncidents({ items }: { items: Incident[] | undefined }) {
  const { t } = useI18n();
  if (!items?.length) return <Alert type="success" showIcon message={t('status.allGood')} data-testid="status-all-good" />;
  return (
    <>
      {items.map((i) => (
        <Alert
          key={i.id}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={`${i.number} · ${i.title}`}
          description={
            <Space>
              {t('incidents.startedAt')} <Instant value={i.startedAt} />
              <CauseTag cause={i.cause} />
              {i.lineClock && <LineClock clock={i.lineClock} />}
            </Space>
          }
        />
      ))}
    </>
  );
}

/** The customer's consent to provider work (7.3): its answer, and the owner's or technical lead's buttons. */
function MyConsent({ w, canDecide, onDecided }: { w: Window; canDecide: boolean; onDecided: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const mine = w.consents?.[0];
  if (!w.needsConsent || !mine) return <>{t('maintenance.noticeOnly')}</>;
  const decide = (decision: 'accepted' | 'declined') => unwrap(client.POST('/api/v1/maintenance/{id}/decision', { params: { path: { id: w.id } }, body: { decision } })).then(onDecided, showError);
  return (
    <Space>
      <ConsentTag consent={mine} />
      {canDecide && (
        <>
          <Button size="small" type="primary" onClick={() => decide('accepted')}>
            {t('maintenance.accept')}
          </Button>
          <Button size="small" danger onClick={() => decide('declined')}>
            {t('maintenance.decline')}
          </Button>
        </>
      )}
    </Space>
  );
}

/** Upcoming planned work, with the calendar feed a calendar app can subscribe to. */
function MaintenanceCard({ items, canDecide, onDecided }: { items: Window[] | undefined; canDecide: boolean; onDecided: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [feed, setFeed] = useState<string | null>(null);
  const newFeed = () => unwrap(client.POST('/api/v1/portal/calendar-feed')).then((r) => setFeed(`${location.origin}${r.path}`), showError);
  return (
    <Card
      title={t('status.maintenance')}
      style={{ marginBottom: 16 }}
      extra={
        <Button size="small" onClick={newFeed}>
          {t('status.calendarFeed')}
        </Button>
      }
    >
      {feed && <Alert type="info" style={{ marginBottom: 8 }} message={t('status.calendarFeedHint')} description={<Typography.Text copyable>{feed}</Typography.Text>} />}
      <Table<Window>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('status.noMaintenance')} /> }}
        columns={[
          { title: '#', dataIndex: 'number' },
          { title: t('incidents.title'), dataIndex: 'title' },
          { title: t('maintenance.kind'), dataIndex: 'kind', render: (k: Window['kind']) => t(`maintenance.kind.${k}`) },
          { title: t('maintenance.window'), render: (_, w) => <WindowSpan w={w} /> },
          { title: t('maintenance.consent'), render: (_, w) => <MyConsent w={w} canDecide={canDecide} onDecided={onDecided} /> },
        ]}
      />
    </Card>
  );
}

/** The customer's status page: what is down now, planned work and its consent, and what it earned (7.2). */
export function StatusPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { data: status, reload } = useLoad(() => unwrap(client.GET('/api/v1/status')), []);
  const { data: contracts } = useLoad(() => unwrap(client.GET('/api/v1/contracts')), []);
  const canDecide = Boolean(me?.roles.some((r) => r === 'owner' || r === 'technical'));
  return (
    <>
      <Typography.Title level={3}>{t('nav.status')}</Typography.Title>
      <Card title={t('status.current')} style={{ marginBottom: 16 }}>
        <CurrentIncidents items={status?.current} />
      </Card>
      <MaintenanceCard items={status?.maintenance} canDecide={canDecide} onDecided={reload} />
      {contracts?.items
        .filter((c) => c.status === 'active' || c.status === 'ended')
        .map((c) => (
          <ContractLedger key={c.id} contractId={c.id} />
        ))}
      <Card title={t('status.recent')}>
        <Table<Incident>
          rowKey="id"
          size="small"
          dataSource={status?.recent}
          columns={[
            { title: '#', dataIndex: 'number' },
            { title: t('incidents.title'), dataIndex: 'title' },
            { title: t('incidents.cause'), dataIndex: 'cause', render: (c: Incident['cause']) => <CauseTag cause={c} /> },
            { title: t('incidents.startedAt'), dataIndex: 'startedAt', render: (v: string) => <Instant value={v} /> },
            { title: t('incidents.resolvedAt'), dataIndex: 'resolvedAt', render: (v: string | null) => <Instant value={v} /> },
          ]}
        />
      </Card>
    </>
  );
}
