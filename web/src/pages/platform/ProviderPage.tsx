import { Descriptions, Table, Typography } from 'antd';
import { get } from '../../api/client';
import { shanghaiTime } from '../../format';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

interface Profile {
  version: number;
  legalName: string;
  uscc: string;
  address: string;
  domicileCourt: string;
  bankName: string;
  bankAccount: string;
  signingPlace: string;
  phone: string | null;
  noticeEmail: string | null;
  noticeFax: string | null;
  postalAddress: string;
  createdAt: string;
}

/** 乙方信息 — the provider profile and its versions. */
export function ProviderPage() {
  const { t } = useI18n();
  const { data: current } = useLoad(() => get<Profile>('/provider'), []);
  const { data: versions } = useLoad(() => get<{ items: Profile[] }>('/provider/versions'), []);
  if (!current) return null;
  return (
    <>
      <Typography.Title level={3}>{t('nav.provider')}</Typography.Title>
      <Descriptions bordered column={1} size="small" style={{ maxWidth: 820, marginBottom: 24 }}>
        <Descriptions.Item label={t('provider.legalName')}>{current.legalName}</Descriptions.Item>
        <Descriptions.Item label={t('customers.uscc')}>{current.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('provider.address')}>{current.address}</Descriptions.Item>
        <Descriptions.Item label={t('provider.domicileCourt')}>{current.domicileCourt}</Descriptions.Item>
        <Descriptions.Item label={t('provider.bank')}>{current.bankName}</Descriptions.Item>
        <Descriptions.Item label={t('provider.bankAccount')}>{current.bankAccount}</Descriptions.Item>
        <Descriptions.Item label={t('provider.signingPlace')}>{current.signingPlace}</Descriptions.Item>
        <Descriptions.Item label={t('customers.postalAddress')}>{current.postalAddress}</Descriptions.Item>
        <Descriptions.Item label={t('customers.noticeEmail')}>{current.noticeEmail ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customers.noticeFax')}>{current.noticeFax ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Table<Profile>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={versions?.items}
        columns={[
          { title: t('provider.version'), dataIndex: 'version' },
          { title: t('provider.legalName'), dataIndex: 'legalName' },
          { title: t('provider.signingPlace'), dataIndex: 'signingPlace' },
          { title: t('audit.at'), dataIndex: 'createdAt', render: shanghaiTime },
        ]}
      />
    </>
  );
}
