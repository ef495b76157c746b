import { Alert, App, Button, DatePicker, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type ApiQuery, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Instant } from '../../components';
import { beijingMinute, shanghaiInstant } from '../../dates';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type AuditEntry = Schemas['AuditEntry'];
type ChainVerification = Schemas['AuditChainVerification'];
type AuditFilter = Omit<ApiQuery<'/api/v1/audit', 'get'>, 'page' | 'pageSize'>;

const PAGE_SIZE = 25;

/** What verification found, in words: what happened, which row, the anchor's time (Beijing, to the minute) and its file. */
function VerifyResult({ result }: { result: ChainVerification }) {
  const { t } = useI18n();
  const p = result.problem;
  if (!p) return <Alert type="success" showIcon data-testid="audit-verify-result" title={t('audit.verifyOk', { checked: result.checked, anchors: result.anchors })} style={{ marginBottom: 16 }} />;
  const params = { seq: p.seq ?? '?', fromSeq: p.fromSeq ?? '?', at: beijingMinute(p.anchorAt) };
  const title =
    p.kind === 'row-changed'
      ? t('audit.problem.rowChanged', params)
      : p.kind === 'anchor-mismatch'
        ? t('audit.problem.anchorMismatch', params)
        : p.kind === 'rows-missing'
          ? t('audit.problem.rowsMissing', params)
          : p.anchorAt
            ? t('audit.problem.anchorInvalid', params)
            : t('audit.problem.anchorUnreadable');
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      title={title}
      description={
        <>
          <div>{t(p.kind === 'row-changed' ? 'audit.problem.hintRow' : 'audit.problem.hintAnchor')}</div>
          {p.anchorFile && (
            <div>
              {t('audit.anchorFile')} <Typography.Text code>{p.anchorFile}</Typography.Text>
            </div>
          )}
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** What a person calls the object a row is about, from the record itself: its number, name, login, address… */
const NAME_FIELDS = ['number', 'name', 'displayName', 'login', 'fqdn', 'domain', 'hostname', 'serial', 'address', 'cidr', 'label', 'title', 'subject', 'holderName', 'code'] as const;
function objectName(entry: AuditEntry): string | undefined {
  for (const record of [entry.after, entry.before]) {
    if (!record || typeof record !== 'object') continue;
    const r = record as Record<string, unknown>;
    const found = NAME_FIELDS.map((f) => r[f]).find((v) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number');
    if (found !== undefined) return String(found);
  }
  return undefined;
}

/** The audit log: admins and auditors see all of it; a customer sees the audit of its own data. */
export function AuditPage() {
  const { t, has } = useI18n();
  /** `contract.terminate.for_cause:6.8` → the most specific label the catalog has (`auditAction.contract.terminate`). */
  const actionLabel = (action: string): string => {
    for (let a = action.split(':')[0]; a; a = a.includes('.') ? a.slice(0, a.lastIndexOf('.')) : '') if (has(`auditAction.${a}`)) return t(`auditAction.${a}` as MessageKey);
    return action;
  };
  const { me } = useSession();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const { data, loading, reload } = useLoad(() => unwrap(client.GET('/api/v1/audit', { params: { query: { ...filter, page, pageSize: PAGE_SIZE } } })), [filter, page]);
  const isAdmin = me?.kind === 'staff' && me.roles.includes('admin');
  const [verified, setVerified] = useState<ChainVerification>();
  const filterBy = (change: AuditFilter) => (setPage(1), setFilter((f) => ({ ...f, ...change })));

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {me?.kind === 'customer' ? t('nav.myAudit') : t('nav.audit')}
        </Typography.Title>
        {isAdmin && <ChainActions onAnchored={reload} onVerified={setVerified} />}
      </Space>
      {verified && <VerifyResult result={verified} />}
      {me?.kind === 'customer' && <Alert type="info" showIcon title={t('audit.ownHint')} style={{ marginBottom: 16 }} />}
      <AuditFilters onChange={filterBy} />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, total: data?.total, pageSize: PAGE_SIZE, onChange: setPage, showSizeChanger: false }}
        expandable={{ expandedRowRender: (row) => <BeforeAfter entry={row} /> }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.at'), dataIndex: 'at', render: (at: AuditEntry['at']) => <Instant value={at} />, width: 170 },
          { title: t('audit.actor'), render: (_, r) => <><span title={r.actorLogin ?? undefined}>{r.actorName ?? r.actorLogin ?? '—'}</span> <Tag>{t(`audit.actorKind.${r.actorKind}`)}</Tag></> },
          { title: t('audit.action'), dataIndex: 'action', render: (a: AuditEntry['action']) => <Tag color={a === 'read' ? 'default' : 'blue'} title={a}>{actionLabel(a)}</Tag> },
          { title: t('audit.entity'), dataIndex: 'entity', render: (e: AuditEntry['entity']) => (has(`auditEntity.${e}`) ? t(`auditEntity.${e}` as MessageKey) : e) },
          { title: t('audit.object'), render: (_, r) => <span title={r.entityId ?? undefined}>{objectName(r) ?? '—'}</span> },
        ]}
      />
    </>
  );
}

/** Admin: sign the chain's head into an anchor file now, and verify the chain against the rows and anchors. */
function ChainActions({ onAnchored, onVerified }: { onAnchored: () => void; onVerified: (v: ChainVerification) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const anchor = async () => {
    try {
      const r = await unwrap(client.POST('/api/v1/audit/anchors'));
      if (!r.anchor) message.info(t('audit.anchorEmpty'));
      else if (r.written) message.success(t('audit.anchorTaken', { seq: r.anchor.seq, at: beijingMinute(r.anchor.at) }));
      else message.info(t('audit.anchorUnchanged', { seq: r.anchor.seq, at: beijingMinute(r.anchor.at) }));
      if (r.written) onAnchored(); // the anchor's own audit row
    } catch (e) {
      showError(e);
    }
  };
  const verify = async () => {
    try {
      onVerified(await unwrap(client.GET('/api/v1/audit/verify')));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space wrap>
      <Button data-testid="audit-anchor" onClick={anchor}>
        {t('audit.anchor')}
      </Button>
      <Button data-testid="audit-verify" onClick={verify}>
        {t('audit.verify')}
      </Button>
    </Space>
  );
}

/** Filters by action, entity, entity id and a time range (Beijing time). */
function AuditFilters({ onChange }: { onChange: (change: AuditFilter) => void }) {
  const { t } = useI18n();
  return (
    <Space style={{ marginBottom: 16 }} wrap>
      <Input.Search placeholder={t('audit.action')} allowClear onSearch={(v) => onChange({ action: v || undefined })} />
      <Input.Search placeholder={t('audit.entity')} allowClear onSearch={(v) => onChange({ entity: v || undefined })} />
      <Input.Search placeholder={t('audit.entityId')} allowClear onSearch={(v) => onChange({ entityId: v || undefined })} />
      <DatePicker.RangePicker
        showTime
        onChange={(range) => onChange({ from: range?.[0] ? shanghaiInstant(range[0]) : undefined, to: range?.[1] ? shanghaiInstant(range[1]) : undefined })}
      />
    </Space>
  );
}

/** A record's data before and after the change, as stored. */
function BeforeAfter({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  return (
    <Space align="start" size="large" wrap>
      <div>
        <Typography.Text type="secondary">{t('audit.entityId')}</Typography.Text>
        <div>
          <Typography.Text code copyable={!!entry.entityId}>
            {entry.entityId ?? '—'}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary">{t('audit.requestId')}</Typography.Text>
        <div>
          <Typography.Text code>{entry.requestId ?? '—'}</Typography.Text>
        </div>
      </div>
      <div>
        <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
        <pre style={{ margin: 0, maxWidth: 520, whiteSpace: 'pre-wrap' }}>{JSON.stringify(entry.before, null, 2)}</pre>
      </div>
      <div>
        <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
        <pre style={{ margin: 0, maxWidth: 520, whiteSpace: 'pre-wrap' }}>{JSON.stringify(entry.after, null, 2)}</pre>
      </div>
    </Space>
  );
}
