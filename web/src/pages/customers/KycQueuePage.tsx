import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { get, post } from '../../api/client';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { RejectButton } from './CustomerWorkspaceTabs';

interface QueueItem {
  id: string;
  customerId: string;
  customerName: string;
  kind: string;
  holderName: string;
  idType: string;
  idNumber: string;
  expiresOn: string | null;
  rejectReason: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

/** 证照审核 — KYC documents waiting for a decision (or already decided). */
export function KycQueuePage() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [status, setStatus] = useState<'pending' | 'verified' | 'rejected'>('pending');
  const { data, reload } = useLoad(() => get<{ items: QueueItem[] }>(`/kyc/queue?status=${status}`), [status]);
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('kyc.queue')}
        </Typography.Title>
        <Segmented value={status} onChange={(v) => setStatus(v as typeof status)} options={(['pending', 'verified', 'rejected'] as const).map((s) => ({ value: s, label: t(`kyc.status.${s}`) }))} />
      </Space>
      <Table<QueueItem>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: t('nav.customers'), render: (_, d) => <Link to={`/console/customers/${d.customerId}`}>{d.customerName}</Link> },
          { title: t('kyc.kind'), dataIndex: 'kind', render: (k: string) => t(`kyc.kind.${k}` as MessageKey) },
          { title: t('kyc.holder'), dataIndex: 'holderName' },
          { title: t('kyc.idNumber'), render: (_, d) => <>{t(`kyc.idType.${d.idType}` as MessageKey)} {d.idNumber}</> },
          { title: t('kyc.expiresOn'), dataIndex: 'expiresOn', render: (v: string | null) => v ?? '长期' },
          { title: t('audit.at'), dataIndex: 'createdAt', render: shanghaiTime },
          ...(status === 'pending' ? [] : [{ title: t('kyc.reviewedAt'), dataIndex: 'reviewedAt', render: shanghaiTime }]),
          { title: t('kyc.rejectReason'), dataIndex: 'rejectReason', render: (r: string | null) => (r ? <Tag color="red">{r}</Tag> : null) },
          {
            title: t('common.actions'),
            render: (_, d) => (
              <Space>
                <a href={`/api/v1/kyc/${d.id}/file`}>{t('kyc.download')}</a>
                {status === 'pending' && (
                  <>
                    <Button size="small" type="primary" onClick={() => post(`/kyc/${d.id}/review`, { verify: true }).then(reload, showError)}>
                      {t('kyc.verify')}
                    </Button>
                    <RejectButton onReject={(reason) => post(`/kyc/${d.id}/review`, { verify: false, reason }).then(reload, showError)} />
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
