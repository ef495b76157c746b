import { Alert, Button, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { get, post } from '../../api/client';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { DOMAIN_STATUS_COLOR, DomainActions, type DomainEntry } from './DomainsPage';

interface GateApply {
  id: string;
  startedAt: string;
  outcome: 'applied' | 'test_failed' | 'reload_failed' | 'write_failed';
  domainCount: number;
  output: string;
  triggeredBy: string;
}
interface GateStatus {
  dir: string;
  httpListen: string;
  httpsListen: string;
  domainCount: number;
  pending: boolean;
  inForce: GateApply | null;
  lastAttempt: GateApply | null;
  recent: GateApply[];
}
interface Attestation {
  id: string;
  customerName?: string;
  location: string;
  retentionMonths: number;
  validUntil: string;
  state?: string;
}
interface Complaint {
  id: string;
  number: string;
  customerName?: string;
  category: string;
  source: string;
  ip: string | null;
  domain: string | null;
  status: string;
  receivedAt: string;
  deadlineAt: string | null;
  suggestedClause: string;
}
const OUTCOME_COLOR: Record<string, string> = { applied: 'green', test_failed: 'red', reload_failed: 'red', write_failed: 'red' };

/** The gate: what nginx runs now, whether the verified state is in force, every apply and nginx's answer. */
function GatePanel() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<GateStatus>('/compliance/gate'), []);
  if (!data) return null;
  const failed = data.lastAttempt && data.lastAttempt.outcome !== 'applied';
  return (
    <>
      {failed && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('compliance.gateFailed')} description={<pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.lastAttempt!.output}</pre>} data-testid="gate-failed" />}
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('compliance.gateDomains')}>{data.domainCount}</Descriptions.Item>
        <Descriptions.Item label={t('compliance.gatePending')}>{data.pending ? <Tag color="orange">{t('common.yes')}</Tag> : <Tag color="green">{t('common.no')}</Tag>}</Descriptions.Item>
        <Descriptions.Item label={t('compliance.gateInForce')}>{data.inForce ? `${shanghaiTime(data.inForce.startedAt)} · ${data.inForce.domainCount}` : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('compliance.gateListen')}>{`HTTP ${data.httpListen} · TLS ${data.httpsListen}`}</Descriptions.Item>
        <Descriptions.Item label={t('compliance.gateDir')} span={2}>
          {data.dir}
        </Descriptions.Item>
      </Descriptions>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => post('/compliance/gate/apply', { force: true }).then(reload, showError)} data-testid="gate-apply">
        {t('compliance.gateApply')}
      </Button>
      <Table<GateApply>
        rowKey="id"
        size="small"
        dataSource={data.recent}
        columns={[
          { title: t('audit.at'), dataIndex: 'startedAt', render: shanghaiTime },
          { title: t('common.status'), dataIndex: 'outcome', render: (o: string) => <Tag color={OUTCOME_COLOR[o]}>{t(`compliance.outcome.${o}` as MessageKey)}</Tag> },
          { title: t('compliance.gateDomains'), dataIndex: 'domainCount' },
          { title: t('compliance.triggeredBy'), dataIndex: 'triggeredBy' },
          { title: 'nginx', dataIndex: 'output', render: (v: string) => <Typography.Text code>{v.slice(0, 200)}</Typography.Text> },
        ]}
      />
    </>
  );
}

/** 合规工作台 — filings to verify, attestations due, complaints open, and the gate. */
export function CompliancePage() {
  const { t } = useI18n();
  const { data: filings, reload } = useLoad(() => get<{ items: DomainEntry[] }>('/compliance/queue/filings'), []);
  const { data: attestations } = useLoad(() => get<{ items: Attestation[] }>('/compliance/queue/attestations'), []);
  const { data: complaints } = useLoad(() => get<{ items: Complaint[] }>('/compliance/complaints'), []);
  const open = complaints?.items.filter((c) => c.status === 'open' || c.status === 'notified' || c.status === 'confirmed') ?? [];
  return (
    <>
      <Typography.Title level={3}>{t('nav.compliance')}</Typography.Title>
      <Tabs
        items={[
          {
            key: 'filings',
            label: `${t('compliance.queue.filings')} (${filings?.items.length ?? 0})`,
            children: (
              <Table<DomainEntry>
                rowKey="id"
                dataSource={filings?.items}
                columns={[
                  { title: t('compliance.domain'), dataIndex: 'domainUnicode' },
                  { title: t('nav.customers'), dataIndex: 'customerName' },
                  { title: t('compliance.use'), dataIndex: 'use', render: (v: string) => t(`compliance.use.${v}` as MessageKey) },
                  { title: t('compliance.filingNumber'), dataIndex: 'filingNumber' },
                  { title: t('compliance.evidence'), render: (_: unknown, r) => (r.hasEvidence ? <a href={`/api/v1/compliance/domains/${r.id}/evidence`}>{t('compliance.download')}</a> : <Tag>{t('compliance.noEvidence')}</Tag>) },
                  { title: t('common.status'), dataIndex: 'status', render: (s: string) => <Tag color={DOMAIN_STATUS_COLOR[s]}>{t(`compliance.status.${s}` as MessageKey)}</Tag> },
                  { title: '', render: (_: unknown, r) => <DomainActions d={r} onDone={reload} /> },
                ]}
              />
            ),
          },
          {
            key: 'attestations',
            label: `${t('compliance.queue.attestations')} (${attestations?.items.length ?? 0})`,
            children: (
              <Table<Attestation>
                rowKey="id"
                dataSource={attestations?.items}
                columns={[
                  { title: t('nav.customers'), dataIndex: 'customerName' },
                  { title: t('compliance.logLocation'), dataIndex: 'location' },
                  { title: t('compliance.retentionMonths'), dataIndex: 'retentionMonths' },
                  { title: t('compliance.validUntil'), dataIndex: 'validUntil' },
                  { title: t('common.status'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'expired' ? 'red' : 'orange'}>{t(`compliance.attestation.${s}` as MessageKey)}</Tag> },
                ]}
              />
            ),
          },
          {
            key: 'complaints',
            label: `${t('compliance.queue.complaints')} (${open.length})`,
            children: (
              <Table<Complaint>
                rowKey="id"
                dataSource={open}
                columns={[
                  { title: '#', dataIndex: 'number' },
                  { title: t('nav.customers'), dataIndex: 'customerName' },
                  { title: t('compliance.category'), dataIndex: 'category', render: (v: string) => t(`conduct.category.${v}` as MessageKey) },
                  { title: t('compliance.target'), render: (_: unknown, r) => r.domain ?? r.ip },
                  { title: t('compliance.source'), dataIndex: 'source' },
                  { title: t('common.status'), dataIndex: 'status', render: (v: string) => t(`conduct.status.${v}` as MessageKey) },
                  { title: t('compliance.deadline'), dataIndex: 'deadlineAt', render: (v: string | null) => (v ? shanghaiTime(v) : '—') },
                  { title: t('compliance.clause'), dataIndex: 'suggestedClause' },
                ]}
              />
            ),
          },
          { key: 'gate', label: t('compliance.gate'), children: <GatePanel /> },
        ]}
      />
      <Space />
    </>
  );
}
