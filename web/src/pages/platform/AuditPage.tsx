import { Alert, App, Button, DatePicker, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post, qs, type Page } from '../../api/client';
import { useSession } from '../../auth/session';
import { beijingMinute, shanghaiInstant } from '../../dates';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorLogin: string | null;
  actorKind: string;
  action: string;
  entity: string;
  entityId: string | null;
  customerId: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

/** GET /audit/verify: the first problem found, in chain order (see src/modules/audit/audit.service.ts). */
interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  anchors: number;
  problem: {
    kind: 'row-changed' | 'anchor-mismatch' | 'rows-missing' | 'anchor-invalid';
    seq: number | null;
    fromSeq: number | null;
    anchorFile: string | null;
    anchorAt: string | null;
  } | null;
}

interface AnchorTaken {
  written: boolean;
  anchor: { seq: number; at: string; file: string } | null;
}

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

/** The audit log: admins and auditors see all of it; a customer sees the audit of its own data. */
export function AuditPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const [filter, setFilter] = useState<{ action?: string; entity?: string; entityId?: string; from?: string; to?: string }>({});
  const [page, setPage] = useState(1);
  const { data, loading, reload } = useLoad(() => get<Page<AuditEntry>>(`/audit${qs({ ...filter, page, pageSize: 25 })}`), [filter, page]);
  const isAdmin = me?.kind === 'staff' && me.roles.includes('admin');
  const [verified, setVerified] = useState<ChainVerification>();

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {me?.kind === 'customer' ? t('nav.myAudit') : t('nav.audit')}
        </Typography.Title>
        {isAdmin && (
          <Space wrap>
            <Button
              data-testid="audit-anchor"
              onClick={async () => {
                try {
                  const r = await post<AnchorTaken>('/audit/anchors');
                  if (!r.anchor) message.info(t('audit.anchorEmpty'));
                  else if (r.written) message.success(t('audit.anchorTaken', { seq: r.anchor.seq, at: beijingMinute(r.anchor.at) }));
                  else message.info(t('audit.anchorUnchanged', { seq: r.anchor.seq, at: beijingMinute(r.anchor.at) }));
                  if (r.written) reload(); // the anchor's own audit row
                } catch (e) {
                  showError(e);
                }
              }}
            >
              {t('audit.anchor')}
            </Button>
            <Button
              data-testid="audit-verify"
              onClick={async () => {
                try {
                  setVerified(await get<ChainVerification>('/audit/verify'));
                } catch (e) {
                  showError(e);
                }
              }}
            >
              {t('audit.verify')}
            </Button>
          </Space>
        )}
      </Space>
      {verified && <VerifyResult result={verified} />}
      {me?.kind === 'customer' && <Alert type="info" showIcon title={t('audit.ownHint')} style={{ marginBottom: 16 }} />}
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search placeholder={t('audit.action')} allowClear onSearch={(v) => (setPage(1), setFilter((f) => ({ ...f, action: v || undefined })))} />
        <Input.Search placeholder={t('audit.entity')} allowClear onSearch={(v) => (setPage(1), setFilter((f) => ({ ...f, entity: v || undefined })))} />
        <Input.Search placeholder={t('audit.entityId')} allowClear onSearch={(v) => (setPage(1), setFilter((f) => ({ ...f, entityId: v || undefined })))} />
        <DatePicker.RangePicker
          showTime
          onChange={(range) => {
            setPage(1);
            setFilter((f) => ({ ...f, from: range?.[0] ? shanghaiInstant(range[0]) : undefined, to: range?.[1] ? shanghaiInstant(range[1]) : undefined }));
          }}
        />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, total: data?.total, pageSize: 25, onChange: setPage, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (row) => (
            <Space align="start" size="large">
              <div>
                <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
                <pre style={{ margin: 0, maxWidth: 520, whiteSpace: 'pre-wrap' }}>{JSON.stringify(row.before, null, 2)}</pre>
              </div>
              <div>
                <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
                <pre style={{ margin: 0, maxWidth: 520, whiteSpace: 'pre-wrap' }}>{JSON.stringify(row.after, null, 2)}</pre>
              </div>
            </Space>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.at'), dataIndex: 'at', render: shanghaiTime, width: 170 },
          { title: t('audit.actor'), render: (_, r) => <>{r.actorLogin ?? '—'} <Tag>{r.actorKind}</Tag></> },
          { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Tag color={a === 'read' ? 'default' : 'blue'}>{a}</Tag> },
          { title: t('audit.entity'), dataIndex: 'entity' },
          { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true },
          { title: t('audit.requestId'), dataIndex: 'requestId', ellipsis: true },
        ]}
      />
    </>
  );
}
