import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { KycExpiry, RejectButton } from './CustomerWorkspaceTabs';

type QueueItem = Schemas['KycDocument'];
/** The queue's tabs: the decided documents as well as those waiting. */
type QueueStatus = Extract<Schemas['KycStatus'], 'pending' | 'verified' | 'rejected'>;
const QUEUE_STATUSES: QueueStatus[] = ['pending', 'verified', 'rejected'];

/** 证照审核 — KYC documents waiting for a decision (or already decided). */
export function KycQueuePage() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [status, setStatus] = useState<QueueStatus>('pending');
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/kyc/queue', { params: { query: { status } } })), [status]);
  const mayReview = useCan('kyc.review');
  const review = (id: string, body: { verify: boolean; reason?: string }) => unwrap(client.POST('/api/v1/kyc/{id}/review', { params: { path: { id } }, body })).then(reload, showError);
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('kyc.queue')}
        </Typography.Title>
        <Segmented value={status} onChange={(v) => setStatus(v as typeof status)} options={QUEUE_STATUSES.map((s) => ({ value: s, label: t(`kyc.status.${s}`) }))} />
      </Space>
      <Table<QueueItem>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: t('nav.customers'), render: (_, d) => <Link to={`/console/customers/${d.customerId}`}>{d.customerName}</Link> },
          { title: t('kyc.kind'), dataIndex: 'kind', render: (k: QueueItem['kind']) => t(`kyc.kind.${k}`) },
          { title: t('kyc.holder'), dataIndex: 'holderName' },
          { title: t('kyc.idNumber'), render: (_, d) => <>{t(`kyc.idType.${d.idType}`)} {d.idNumber}</> },
          { title: t('kyc.expiresOn'), dataIndex: 'expiresOn', render: (v: QueueItem['expiresOn']) => <KycExpiry value={v} /> },
          { title: t('audit.at'), dataIndex: 'createdAt', render: (v: QueueItem['createdAt']) => <Instant value={v} /> },
          ...(status === 'pending' ? [] : [{ title: t('kyc.reviewedAt'), dataIndex: 'reviewedAt', render: (v: QueueItem['reviewedAt']) => <Instant value={v} /> }]),
          { title: t('kyc.rejectReason'), dataIndex: 'rejectReason', render: (r: QueueItem['rejectReason']) => (r ? <Tag color="red">{r}</Tag> : null) },
          {
            title: t('common.actions'),
            render: (_, d) => (
              <Space>
                <a href={`/api/v1/kyc/${d.id}/file`}>{t('kyc.download')}</a>
                {mayReview && status === 'pending' && (
                  <>
                    <Button size="small" type="primary" onClick={() => review(d.id, { verify: true })}>
                      {t('kyc.verify')}
                    </Button>
                    <RejectButton onReject={(reason) => review(d.id, { verify: false, reason })} />
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
