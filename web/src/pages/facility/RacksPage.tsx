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
type CabinetUsage = Schemas['CabinetUtilisation'];

/** Cabinets and their elevation; staff also see each room's utilisation. A customer sees the cabinets that hold its servers. */
export function RacksPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/cabinets')), []);
  const cabinetId = params.get('cabinet') ?? undefined;
  // keeps the other parameters (the desk's ?minUsed= list stays while a cabinet is picked from it)
  const setCabinetId = (id: string) =>
    setParams(
      (p) => {
        p.set('cabinet', id);
        return p;
      },
      { replace: true },
    );
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
      {me?.kind === 'staff' && params.get('minUsed') && <FullCabinetsTable minUsedPercent={Number(params.get('minUsed'))} onPick={setCabinetId} />}
      {cabinetId && <ElevationView cabinetId={cabinetId} />}
    </>
  );
}

/** The NOC desk's "cabinets nearly full" (issue 20): the cabinets with at least this share of their U in use, picked by the database. */
function FullCabinetsTable({ minUsedPercent, onPick }: { minUsedPercent: number; onPick: (cabinetId: string) => void }) {
  const { t } = useI18n();
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/cabinets/utilisation', { params: { query: { minUsedPercent } } })), [minUsedPercent]);
  const { data: cabinets } = useLoad(() => unwrap(client.GET('/api/v1/cabinets')), []);
  const room = (id: string) => cabinets?.items.find((c) => c.roomId === id)?.roomName ?? '';
  const pct = (a: number, b: number) => (b > 0 ? Math.round((100 * a) / b) : 0);
  return (
    <Card size="small" title={t('facility.nearlyFull', { percent: minUsedPercent })} style={{ marginBottom: 16 }}>
      <Table<CabinetUsage>
        data-testid="cabinets-nearly-full"
        size="small"
        rowKey="cabinetId"
        pagination={false}
        dataSource={data?.items}
        locale={{ emptyText: t('facility.nearlyFullNone') }}
        columns={[
          { title: t('inventory.room'), render: (_, r) => room(r.roomId) },
          { title: t('inventory.cabinets'), render: (_, r) => <a onClick={() => onPick(r.cabinetId)}>{r.code}</a> },
          { title: t('inventory.uUsed'), render: (_, r) => `${r.usedU} / ${r.heightU} U (${pct(r.usedU, r.heightU)}%)` },
          { title: t('inventory.powerUsed'), render: (_, r) => `${(r.powerW / 1000).toFixed(1)} / ${(r.powerBudgetW / 1000).toFixed(1)} kW (${pct(r.powerW, r.powerBudgetW)}%)` },
        ]}
      />
    </Card>
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
