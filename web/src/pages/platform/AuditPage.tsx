import { Alert, App, Button, DatePicker, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, qs, type Page } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiInstant } from '../../dates';
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

/** The audit log: admins and auditors see all of it; a customer sees the audit of its own data. */
export function AuditPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const [filter, setFilter] = useState<{ action?: string; entity?: string; entityId?: string; from?: string; to?: string }>({});
  const [page, setPage] = useState(1);
  const { data, loading } = useLoad(() => get<Page<AuditEntry>>(`/audit${qs({ ...filter, page, pageSize: 25 })}`), [filter, page]);
  const isAdmin = me?.kind === 'staff' && me.roles.includes('admin');

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {me?.kind === 'customer' ? t('nav.myAudit') : t('nav.audit')}
        </Typography.Title>
        {isAdmin && (
          <Button
            data-testid="audit-verify"
            onClick={async () => {
              try {
                const r = await get<{ ok: boolean; checked: number; firstBrokenSeq: number | null }>('/audit/verify');
                if (r.ok) message.success(t('audit.verifyOk', { checked: r.checked }));
                else message.error(t('audit.verifyBroken', { seq: r.firstBrokenSeq ?? '?' }));
              } catch (e) {
                showError(e);
              }
            }}
          >
            {t('audit.verify')}
          </Button>
        )}
      </Space>
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
