import { Progress, Space, Table, Tag, Typography } from 'antd';
import { get } from '../../api/client';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { ExportLink } from '../../components/ExportLink';

interface Pool {
  id: string;
  name: string;
  prefix: string;
  gateway: string | null;
  vlan: number | null;
  quarantineDays: number;
  usage: { usable: string; allocated: number; quarantined: number; free: string };
}

/** IP pools and how full they are (allocated, in quarantine, free). */
export function IpPoolsPage() {
  const { t } = useI18n();
  const { data } = useLoad(() => get<{ items: Pool[] }>('/ip-pools'), []);
  return (
    <>
      <Typography.Title level={3}>{t('nav.ipPools')}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <ExportLink href="/ip-pools/export.csv" what="nav.ipPools" />
        <ExportLink href="/ip-allocations/export.csv" what="ipam.address" />
      </Space>
      <Table<Pool>
        rowKey="id"
        dataSource={data?.items}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('ipam.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}</Typography.Text> },
          { title: t('ipam.gateway'), dataIndex: 'gateway' },
          { title: 'VLAN', dataIndex: 'vlan' },
          {
            title: t('ipam.usage'),
            width: 360,
            render: (_, p) => {
              const usable = Number(p.usage.usable);
              const pct = (n: number) => (usable > 0 && Number.isFinite(usable) ? Math.max((100 * n) / usable, n > 0 ? 0.5 : 0) : 0);
              return (
                <>
                  <Progress percent={pct(p.usage.allocated + p.usage.quarantined)} success={{ percent: pct(p.usage.allocated) }} showInfo={false} />
                  <Tag color="green">{t('ipam.allocated')} {p.usage.allocated}</Tag>
                  <Tag color="blue">{t('ipam.quarantined')} {p.usage.quarantined}</Tag>
                  <Tag>{t('ipam.free')} {p.usage.free.length > 12 ? `≈ 2^${Math.round(Math.log2(Number(p.usage.free)))}` : p.usage.free}</Tag>
                </>
              );
            },
          },
        ]}
      />
    </>
  );
}
