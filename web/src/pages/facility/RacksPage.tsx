import { Card, Select, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { client, unwrap, type Schemas } from '../../api/client';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { useSession } from '../../auth/session';
import { ExportLink } from '../../components';
import { ElevationView } from './ElevationView';

type RoomUsage = Schemas['RoomUtilisation'];

/** Cabinets and their elevation; staff also see each room's utilisation. A customer sees the cabinets that hold its servers. */
export function RacksPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/cabinets')), []);
  const cabinetId = params.get('cabinet') ?? undefined;
  const setCabinetId = (id: string) => setParams({ cabinet: id }, { replace: true });
  useEffect(() => {
    const first = data?.items.find((c) => !c.retiredAt);
    if (!cabinetId && first) setCabinetId(first.id);
  }, [data, cabinetId]);
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('facility.elevation')}
        </Typography.Title>
        <Select
          style={{ width: 260 }}
          value={cabinetId}
          onChange={setCabinetId}
          options={data?.items.filter((c) => !c.retiredAt || c.id === cabinetId).map((c) => ({ value: c.id, label: `${c.roomName} · ${c.code} (${c.heightU}U)` }))}
          data-testid="cabinet-select"
        />
        {cabinetId && <a href={`/api/v1/cabinets/${cabinetId}/elevation.svg`} target="_blank" rel="noreferrer">{t('facility.elevationSvg')}</a>}
        {me?.kind === 'staff' && (
          <>
            <ExportLink href="/sites/export.csv" what="facility.sites" />
            <ExportLink href="/cabinets/export.csv" what="facility.cabinet" />
            <ExportLink href="/switches/export.csv" what="facility.switch" />
          </>
        )}
      </Space>
      {me?.kind === 'staff' && <RoomUsageTable />}
      {cabinetId && <ElevationView cabinetId={cabinetId} />}
    </>
  );
}

/** Each room's U and power in use, summed by the database. */
function RoomUsageTable() {
  const { t } = useI18n();
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/rooms/utilisation')), []);
  const pct = (a: number, b: number) => (b > 0 ? Math.round((100 * a) / b) : 0);
  return (
    <Card size="small" title={t('facility.roomUtilisation')} style={{ marginBottom: 16 }}>
      <Table<RoomUsage>
        data-testid="room-utilisation"
        size="small"
        rowKey="roomId"
        pagination={false}
        dataSource={data?.items}
        columns={[
          { title: t('inventory.site'), dataIndex: 'siteName' },
          { title: t('inventory.room'), dataIndex: 'name' },
          { title: t('inventory.cabinets'), dataIndex: 'cabinets' },
          { title: t('inventory.uUsed'), render: (_, r) => `${r.usedU} / ${r.totalU} U (${pct(r.usedU, r.totalU)}%)` },
          { title: t('inventory.powerUsed'), render: (_, r) => `${(r.powerW / 1000).toFixed(1)} / ${(r.powerBudgetW / 1000).toFixed(1)} kW (${pct(r.powerW, r.powerBudgetW)}%)` },
        ]}
      />
    </Card>
  );
}
