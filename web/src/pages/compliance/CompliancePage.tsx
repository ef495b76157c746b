import { Alert, Button, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant, StatusTag, WorkProgress } from '../../components';
import { calendarDate } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { DOMAIN_STATUS_COLOR, DomainActions, DomainEvidence } from './DomainsPage';

type GateApply = Schemas['GateApply'];
type Domain = Schemas['ComplianceDomain'];
type Attestation = Schemas['LogRetentionAttestation'];
type Complaint = Schemas['Complaint'];

const OUTCOME_COLOR: Partial<Record<GateApply['outcome'], string>> = { applied: 'green', test_failed: 'red', reload_failed: 'red', write_failed: 'red' };
/** Complaints still needing compliance's attention. */
const STILL_OPEN: readonly Complaint['status'][] = ['open', 'notified', 'confirmed'];

/** The gate: what nginx runs now, whether the verified state is in force, every apply and nginx's answer. */
function GatePanel() {
  const { t, has } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/compliance/gate')), []);
  const mayApply = useCan('gate.apply');
  // issue 20 §6: when the running apply started (nginx -t and the reload answer only at the end)
  const [applying, setApplying] = useState<number | null>(null);
  if (!data) return null;
  const failed = data.lastAttempt && data.lastAttempt.outcome !== 'applied' ? data.lastAttempt : null;
  const apply = () => {
    setApplying(Date.now());
    unwrap(client.POST('/api/v1/compliance/gate/apply', { body: { force: true } }))
      .then(reload, showError)
      .finally(() => setApplying(null));
  };
  return (
    <>
      {failed && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t(data.inForce ? 'compliance.gateFailed' : 'compliance.gateFailedNever')} description={<pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{failed.output}</pre>} data-testid="gate-failed" />}
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('compliance.gateDomains')}>{data.domainCount}</Descriptions.Item>
        <Descriptions.Item label={t('compliance.gatePending')}>{data.pending ? <Tag color="orange">{t('common.yes')}</Tag> : <Tag color="green">{t('common.no')}</Tag>}</Descriptions.Item>
        <Descriptions.Item label={t('compliance.gateInForce')}>
          {data.inForce ? (
            <>
              <Instant value={data.inForce.startedAt} /> · {data.inForce.domainCount}
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('compliance.gateListen')}>{`HTTP ${data.httpListen} · TLS ${data.httpsListen}`}</Descriptions.Item>
        <Descriptions.Item label={t('compliance.gateDir')} span={2}>
          {data.dir}
        </Descriptions.Item>
      </Descriptions>
      {mayApply && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={apply} loading={applying !== null} data-testid="gate-apply">
          {t('compliance.gateApply')}
        </Button>
      )}
      <WorkProgress since={applying} step={t('progress.gateApply')} testId="gate-progress" />
      <Table<GateApply>
        rowKey="id"
        size="small"
        dataSource={data.recent}
        columns={[
          { title: t('audit.at'), dataIndex: 'startedAt', render: (v: string) => <Instant value={v} /> },
          { title: t('common.status'), dataIndex: 'outcome', render: (o: GateApply['outcome']) => <StatusTag value={o} prefix="compliance.outcome" colors={OUTCOME_COLOR} /> },
          { title: t('compliance.gateDomains'), dataIndex: 'domainCount' },
          { title: t('compliance.triggeredBy'), dataIndex: 'triggeredBy', render: (v: string) => (has(`compliance.trigger.${v}`) ? t(`compliance.trigger.${v}` as MessageKey) : v) },
          { title: 'nginx', dataIndex: 'output', render: (v: string) => <Typography.Text code>{v.slice(0, 200)}</Typography.Text> },
        ]}
      />
    </>
  );
}

/** Filings to verify (new, edited, due yearly), each with the verifying actions. */
function FilingQueue({ items, onChanged }: { items: Domain[] | undefined; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <Table<Domain>
      rowKey="id"
      dataSource={items}
      columns={[
        { title: t('compliance.domain'), dataIndex: 'domainUnicode' },
        { title: t('nav.customers'), dataIndex: 'customerName' },
        { title: t('compliance.use'), dataIndex: 'use', render: (v: Domain['use']) => t(`compliance.use.${v}`) },
        { title: t('compliance.filingNumber'), dataIndex: 'filingNumber' },
        { title: t('compliance.evidence'), render: (_: unknown, r) => <DomainEvidence d={r} /> },
        { title: t('common.status'), dataIndex: 'status', render: (s: Domain['status']) => <StatusTag value={s} prefix="compliance.status" colors={DOMAIN_STATUS_COLOR} /> },
        { title: t('common.actions'), render: (_: unknown, r) => <DomainActions d={r} onDone={onChanged} /> },
      ]}
    />
  );
}

/** Log-retention attestations lapsed or lapsing within 30 days (5.5). */
function AttestationQueue({ items }: { items: Attestation[] | undefined }) {
  const { t } = useI18n();
  return (
    <Table<Attestation>
      rowKey="id"
      dataSource={items}
      columns={[
        { title: t('nav.customers'), dataIndex: 'customerName' },
        { title: t('compliance.logLocation'), dataIndex: 'location' },
        { title: t('compliance.retentionMonths'), dataIndex: 'retentionMonths' },
        { title: t('compliance.validUntil'), dataIndex: 'validUntil', render: (v: string) => calendarDate(v) },
        { title: t('common.status'), dataIndex: 'state', render: (s: Attestation['state']) => s && <StatusTag value={s} prefix="compliance.attestation" colors={{ expired: 'red', due_soon: 'orange' }} /> },
      ]}
    />
  );
}

/** Complaints open, notified or confirmed: who, what, the deadline, the clause it suggests. */
function ComplaintQueue({ items }: { items: Complaint[] }) {
  const { t } = useI18n();
  return (
    <Table<Complaint>
      rowKey="id"
      dataSource={items}
      columns={[
        { title: '#', dataIndex: 'number' },
        { title: t('nav.customers'), dataIndex: 'customerName' },
        { title: t('compliance.category'), dataIndex: 'category', render: (v: Complaint['category']) => t(`conduct.category.${v}`) },
        { title: t('compliance.target'), render: (_: unknown, r) => r.domain ?? r.ip },
        { title: t('compliance.source'), dataIndex: 'source' },
        { title: t('common.status'), dataIndex: 'status', render: (v: Complaint['status']) => t(`conduct.status.${v}`) },
        { title: t('compliance.deadline'), dataIndex: 'deadlineAt', render: (v: string | null) => <Instant value={v} /> },
        { title: t('compliance.clause'), dataIndex: 'suggestedClause' },
      ]}
    />
  );
}

/** 合规工作台 — filings to verify, attestations due, complaints open, and the gate. */
export function CompliancePage() {
  const { t } = useI18n();
  const { data: filings, reload } = useLoad(() => unwrap(client.GET('/api/v1/compliance/queue/filings')), []);
  const { data: attestations } = useLoad(() => unwrap(client.GET('/api/v1/compliance/queue/attestations')), []);
  const { data: complaints } = useLoad(() => unwrap(client.GET('/api/v1/compliance/complaints')), []);
  const open = complaints?.items.filter((c) => STILL_OPEN.includes(c.status)) ?? [];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.compliance')}
        </Typography.Title>
        {/* issue 22 §1–3: the regulator's basic data, exports and reconciliation findings */}
        <Space>
          <Link to="/console/regulator?tab=findings" data-testid="compliance-regulator-findings">
            {t('regulator.tab.findings')}
          </Link>
          <Link to="/console/regulator?tab=exports" data-testid="compliance-regulator-exports">
            {t('nav.regulator')}
          </Link>
        </Space>
      </Space>
      <Tabs
        items={[
          { key: 'filings', label: `${t('compliance.queue.filings')} (${filings?.items.length ?? 0})`, children: <FilingQueue items={filings?.items} onChanged={reload} /> },
          { key: 'attestations', label: `${t('compliance.queue.attestations')} (${attestations?.items.length ?? 0})`, children: <AttestationQueue items={attestations?.items} /> },
          { key: 'complaints', label: `${t('compliance.queue.complaints')} (${open.length})`, children: <ComplaintQueue items={open} /> },
          { key: 'gate', label: t('compliance.gate'), children: <GatePanel /> },
        ]}
      />
    </>
  );
}
