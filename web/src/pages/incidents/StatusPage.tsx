import { Alert, Button, Card, Descriptions, Empty, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { CAUSE_COLOR, LineClock, type Incident, type MaintenanceWindow } from './IncidentsPage';

interface LedgerLine {
  id: string;
  kind: 'credited' | 'excluded';
  fromAt: string;
  toAt: string;
  minutes: number;
  hours: number;
  reasons: string[];
  incidentNumbers?: string[];
  breach: boolean;
}
interface Ledger {
  contractId: string;
  contractNumber: string;
  compensationHours: number;
  termEnd: string | null;
  serviceEndsAt: string | null;
  lines: LedgerLine[];
}

/** The customer's status page: what is down now, planned work and its consent, and what it earned (7.2). */
export function StatusPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const { data: status, reload } = useLoad(() => get<{ current: Incident[]; recent: Incident[]; maintenance: MaintenanceWindow[] }>('/status'), []);
  const { data: contracts } = useLoad(() => get<{ items: { id: string; number: string; status: string }[] }>('/contracts'), []);
  const [feed, setFeed] = useState<string | null>(null);
  const canDecide = me?.roles.some((r) => r === 'owner' || r === 'technical');
  return (
    <>
      <Typography.Title level={3}>{t('nav.status')}</Typography.Title>
      <Card title={t('status.current')} style={{ marginBottom: 16 }}>
        {status?.current.length ? (
          status.current.map((i) => (
            <Alert
              key={i.id}
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              message={`${i.number} · ${i.title}`}
              description={
                <Space>
                  {t('incidents.startedAt')} {shanghaiTime(i.startedAt)}
                  <Tag color={CAUSE_COLOR[i.cause]}>{t(`incidents.cause.${i.cause}` as MessageKey)}</Tag>
                  {i.lineClock && <LineClock clock={i.lineClock} />}
                </Space>
              }
            />
          ))
        ) : (
          <Alert type="success" showIcon message={t('status.allGood')} data-testid="status-all-good" />
        )}
      </Card>
      <Card
        title={t('status.maintenance')}
        style={{ marginBottom: 16 }}
        extra={
          <Button size="small" onClick={() => post<{ path: string }>('/portal/calendar-feed').then((r) => setFeed(`${location.origin}${r.path}`), showError)}>
            {t('status.calendarFeed')}
          </Button>
        }
      >
        {feed && <Alert type="info" style={{ marginBottom: 8 }} message={t('status.calendarFeedHint')} description={<Typography.Text copyable>{feed}</Typography.Text>} />}
        <Table<MaintenanceWindow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={status?.maintenance}
          locale={{ emptyText: <Empty description={t('status.noMaintenance')} /> }}
          columns={[
            { title: '#', dataIndex: 'number' },
            { title: t('incidents.title'), dataIndex: 'title' },
            { title: t('maintenance.kind'), dataIndex: 'kind', render: (k: string) => t(`maintenance.kind.${k}` as MessageKey) },
            { title: t('maintenance.window'), render: (_, w) => `${shanghaiTime(w.startsAt)} – ${shanghaiTime(w.endsAt)}` },
            {
              title: t('maintenance.consent'),
              render: (_, w) => {
                const mine = w.consents?.[0];
                if (!w.needsConsent || !mine) return t('maintenance.noticeOnly');
                return (
                  <Space>
                    <Tag color={mine.decision === 'accepted' ? 'green' : mine.decision === 'declined' ? 'red' : 'default'}>{t(`maintenance.decision.${mine.decision}` as MessageKey)}</Tag>
                    {canDecide && (
                      <>
                        <Button size="small" type="primary" onClick={() => post(`/maintenance/${w.id}/decision`, { decision: 'accepted' }).then(reload, showError)}>
                          {t('maintenance.accept')}
                        </Button>
                        <Button size="small" danger onClick={() => post(`/maintenance/${w.id}/decision`, { decision: 'declined' }).then(reload, showError)}>
                          {t('maintenance.decline')}
                        </Button>
                      </>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
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
            { title: t('incidents.cause'), dataIndex: 'cause', render: (c: string) => <Tag color={CAUSE_COLOR[c]}>{t(`incidents.cause.${c}` as MessageKey)}</Tag> },
            { title: t('incidents.startedAt'), dataIndex: 'startedAt', render: shanghaiTime },
            { title: t('incidents.resolvedAt'), dataIndex: 'resolvedAt', render: shanghaiTime },
          ]}
        />
      </Card>
    </>
  );
}

function ContractLedger({ contractId }: { contractId: string }) {
  const { t, locale } = useI18n();
  const showError = useApiErrors();
  const { data } = useLoad(() => get<Ledger>(`/compensation/${contractId}`), [contractId]);
  const [disputing, setDisputing] = useState<LedgerLine | null>(null);
  const [reason, setReason] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  if (!data) return null;
  return (
    <Card title={`${t('status.ledger')} · ${data.contractNumber}`} style={{ marginBottom: 16 }} data-testid={`ledger-${data.contractNumber}`}>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('contracts.compensation')}>
          <b data-testid="ledger-hours">{data.compensationHours}</b>&nbsp;h
        </Descriptions.Item>
        <Descriptions.Item label={t('status.termEnd')}>{data.termEnd ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.serviceEndsAt')}>
          <span data-testid="ledger-service-ends">{data.serviceEndsAt?.replace('T', ' ').replace('+08:00', '') ?? '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      {opened && <Alert type="success" showIcon style={{ marginBottom: 8 }} message={t('status.disputeOpened', { number: opened })} />}
      <Table<LedgerLine>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.lines}
        locale={{ emptyText: t('status.noInterruptions') }}
        columns={[
          { title: t('status.interval'), render: (_, l) => `${shanghaiTime(l.fromAt)} – ${shanghaiTime(l.toAt)}` },
          { title: t('status.minutes'), dataIndex: 'minutes' },
          { title: t('status.credited'), dataIndex: 'hours', render: (h: number, l) => (l.kind === 'credited' ? `${h} h` : '0') },
          {
            title: t('status.reason'),
            render: (_, l) => (
              <Space wrap>
                {l.reasons.map((r) => (
                  <Tag key={r} color={l.kind === 'credited' ? 'green' : 'default'}>
                    {t(`status.reason.${r}` as MessageKey)}
                  </Tag>
                ))}
                {l.breach && <Tag color="red">{t('status.breach')}</Tag>}
              </Space>
            ),
          },
          { title: t('status.incidents'), render: (_, l) => l.incidentNumbers?.join(', ') },
          {
            title: '',
            render: (_, l) => (
              <Button size="small" onClick={() => (setReason(''), setDisputing(l))}>
                {t('status.dispute')}
              </Button>
            ),
          },
        ]}
      />
      <img src={`/api/v1/compensation/${contractId}/timeline.svg?lang=${locale}`} alt={t('status.timeline')} style={{ maxWidth: '100%', marginTop: 12 }} />
      <Modal
        open={disputing !== null}
        title={t('status.dispute')}
        onCancel={() => setDisputing(null)}
        onOk={() =>
          post<{ number: string }>(`/compensation/lines/${disputing!.id}/dispute`, { reason }).then(
            (r) => (setOpened(r.number), setDisputing(null)),
            showError,
          )
        }
      >
        <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('status.disputeHint')} />
      </Modal>
    </Card>
  );
}
