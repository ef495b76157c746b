import { Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { client, unwrap, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

type Slot = Schemas['ElevationSlot'];
const U_PX = 26;
const FACE_W = 340;

/**
 * A cabinet drawn in the page (issue 18): both faces with U numbers (U1 at the bottom, as on the
 * rails), each server as tall as its U with its customer and serial, free U highlighted, and the
 * cabinet's utilisation as the database sums it. A server opens its detail page.
 */
export function ElevationView({ cabinetId }: { cabinetId: string }) {
  const { t } = useI18n();
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/cabinets/{id}/elevation', { params: { path: { id: cabinetId } } })), [cabinetId]);
  if (!data) return null;
  const { cabinet } = data;
  const uPct = Math.round((100 * data.usedU) / cabinet.heightU);
  const wPct = Math.round((100 * data.powerW) / cabinet.powerBudgetW);
  return (
    <Card
      data-testid="elevation-view"
      title={t('facility.elevationTitle', { site: data.siteName, room: cabinet.roomName ?? '', cabinet: cabinet.code, height: cabinet.heightU })}
    >
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <div style={{ width: 260 }} data-testid="elevation-u">
          <Typography.Text>{t('facility.uUtilisation', { used: data.usedU, total: cabinet.heightU, free: cabinet.heightU - data.usedU })}</Typography.Text>
          <Progress percent={uPct} status={uPct >= 90 ? 'exception' : 'normal'} />
        </div>
        <div style={{ width: 260 }} data-testid="elevation-power">
          <Typography.Text>{t('facility.powerUtilisation', { used: (data.powerW / 1000).toFixed(1), total: (cabinet.powerBudgetW / 1000).toFixed(1), amps: cabinet.ratedCurrentA ?? '–' })}</Typography.Text>
          <Progress percent={wPct} status={wPct >= 90 ? 'exception' : 'normal'} />
        </div>
      </Space>
      <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap', overflowX: 'auto' }}>
        {(['front', 'rear'] as const).map((face) => (
          <Face key={face} face={face} heightU={cabinet.heightU} slots={data.slots.filter((s) => s.face === face)} />
        ))}
      </div>
      <SlotList slots={data.slots} />
    </Card>
  );
}

/** One face: a column of U numbers and the rack with its servers and free U. */
function Face({ face, heightU, slots }: { face: 'front' | 'rear'; heightU: number; slots: Slot[] }) {
  const { t } = useI18n();
  const top = (u: number) => (heightU - u) * U_PX;
  const taken = new Set(slots.flatMap((s) => Array.from({ length: s.highest - s.lowest + 1 }, (_, i) => s.lowest + i)));
  const us = Array.from({ length: heightU }, (_, i) => heightU - i);
  return (
    <div data-testid={`elevation-face-${face}`}>
      <Typography.Text strong style={{ display: 'block', textAlign: 'center', marginBottom: 4 }}>
        {t(face === 'front' ? 'facility.face.front' : 'facility.face.rear')}
      </Typography.Text>
      <div style={{ display: 'flex' }}>
        <div style={{ width: 32 }}>
          {us.map((u) => (
            <div key={u} style={{ height: U_PX, lineHeight: `${U_PX}px`, fontSize: 11, color: '#8c8c8c', textAlign: 'right', paddingRight: 4 }}>
              {u}
            </div>
          ))}
        </div>
        <div style={{ position: 'relative', width: FACE_W, height: heightU * U_PX, border: '2px solid #595959', background: '#fafafa' }}>
          {us
            .filter((u) => !taken.has(u))
            .map((u) => (
              <div
                key={u}
                data-testid={`free-${face}-${u}`}
                style={{ position: 'absolute', top: top(u), left: 0, right: 0, height: U_PX, background: '#f6ffed', borderBottom: '1px dashed #b7eb8f', fontSize: 11, color: '#52c41a', paddingLeft: 8, lineHeight: `${U_PX}px` }}
              >
                {t('facility.freeU')}
              </div>
            ))}
          {slots.map((s) => (
            <SlotBox key={`${s.lowest}`} slot={s} style={{ top: top(s.highest), height: (s.highest - s.lowest + 1) * U_PX }} />
          ))}
        </div>
      </div>
    </div>
  );
}

/** A placed server: its customer and serial on the face, the whole of it a link to the server. */
function SlotBox({ slot: s, style }: { slot: Slot; style: { top: number; height: number } }) {
  const { t } = useI18n();
  const { me } = useSession();
  const visible = s.serverId !== null;
  const label = visible ? `${s.customerName} · ${s.serialNumber}` : t('facility.elevation.occupied');
  const detail = visible ? `${s.brand} ${s.model}${s.name ? ` · ${s.name}` : ''}` : '';
  const box = (
    <div
      title={[label, detail, `U${s.lowest}–U${s.highest}`].filter(Boolean).join('\n')}
      data-testid={`slot-${s.face}-${s.lowest}`}
      style={{
        position: 'absolute',
        left: 2,
        right: 2,
        ...style,
        padding: '2px 8px',
        borderRadius: 3,
        border: '1px solid #fff',
        background: !visible ? '#d9d9d9' : s.own || me?.kind === 'staff' ? '#1264b4' : '#69b1ff',
        color: visible ? '#fff' : '#595959',
        fontSize: 12,
        lineHeight: '20px',
        overflow: 'hidden',
      }}
    >
      <div style={{ whiteSpace: 'nowrap' }}>{label}</div>
      {style.height > U_PX && <div style={{ whiteSpace: 'nowrap', opacity: 0.85 }}>{detail}</div>}
    </div>
  );
  if (!visible) return box;
  return <Link to={`${me?.kind === 'customer' ? '/portal' : '/console'}/servers/${s.serverId}`}>{box}</Link>;
}

/** The same placements as a table, so no name is ever cut off by the drawing. */
function SlotList({ slots }: { slots: Slot[] }) {
  const { t } = useI18n();
  const { me } = useSession();
  const rows = slots.filter((s, i) => slots.findIndex((o) => o.lowest === s.lowest && o.serverId === s.serverId) === i).sort((a, b) => b.highest - a.highest);
  return (
    <Table<Slot>
      style={{ marginTop: 16 }}
      size="small"
      pagination={false}
      rowKey={(s) => `${s.face}-${s.lowest}`}
      dataSource={rows}
      columns={[
        { title: t('facility.uRange'), render: (_, s) => `U${s.lowest}–U${s.highest}` },
        { title: t('facility.face'), render: (_, s) => (slots.filter((o) => o.lowest === s.lowest && o.serverId === s.serverId).length > 1 ? t('facility.face.full') : t(s.face === 'front' ? 'facility.face.front' : 'facility.face.rear')) },
        { title: t('nav.customers'), render: (_, s) => s.customerName ?? <Tag>{t('facility.elevation.occupied')}</Tag> },
        {
          title: t('facility.serial'),
          render: (_, s) => (s.serverId ? <Link to={`${me?.kind === 'customer' ? '/portal' : '/console'}/servers/${s.serverId}`}>{s.serialNumber}</Link> : null),
        },
        { title: t('facility.brand'), render: (_, s) => (s.brand ? `${s.brand} ${s.model}` : null) },
        { title: t('facility.powerW'), render: (_, s) => s.powerW },
      ]}
    />
  );
}
