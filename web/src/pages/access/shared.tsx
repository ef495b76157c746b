import { Space, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { Instant, StatusTag } from '../../components';
import { useI18n, type MessageKey } from '../../i18n';

export type VisitRow = Schemas['Visit'];
export type VisitPersonRow = Schemas['VisitPerson'];
export type MovementRow = Schemas['EquipmentMovement'];

export const VISIT_COLORS = { pending: 'gold', approved: 'green', refused: 'red' } as const;
export const PURPOSES = ['installation', 'maintenance', 'inspection', 'removal', 'emergency'] as const;
export const ID_TYPES = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;

/** 'HH:MM' of minutes after midnight. */
export const clockOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A person of a visit: name, roster role in words, the door's record and the roster standing. */
export function PersonLine({ p }: { p: VisitPersonRow }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Typography.Text strong>{p.name}</Typography.Text>
      <Typography.Text type="secondary">{t(`roster.role.${p.role}` as MessageKey)}</Typography.Text>
      {p.idDocumentType && (
        <Tag>
          {t(`access.id.${p.idDocumentType}`)} ****{p.idLast4}
        </Tag>
      )}
      {p.escort && (
        <Tag>
          {t('access.escort')} {p.escort}
        </Tag>
      )}
      {p.checkedInAt && (
        <Tag color="green">
          {t('access.checkedIn')} <Instant value={p.checkedInAt as string} />
        </Tag>
      )}
      {p.checkedOutAt && (
        <Tag>
          {t('access.checkedOut')} <Instant value={p.checkedOutAt as string} />
        </Tag>
      )}
      {p.refusedAt && <Tag color="red">{t('access.refusedAtDoor')}</Tag>}
      {p.onRosterAtVisit === false && <Tag color="orange">{t('access.notOnRosterAtVisit')}</Tag>}
      {p.onRosterNow === false && !p.refusedAt && <Tag color="orange">{t('access.notOnRosterNow')}</Tag>}
    </Space>
  );
}

/** The visits as a table; `actions` adds a column (approve/refuse for staff). */
export function VisitTable({ items, staff, actions }: { items: VisitRow[] | undefined; staff: boolean; actions?: (v: VisitRow) => React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Table<VisitRow>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={{ pageSize: 20 }}
      data-testid="visit-table"
      columns={[
        { title: t('access.number'), dataIndex: 'number' },
        ...(staff ? [{ title: t('access.customer'), dataIndex: 'customerName' }] : []),
        { title: t('access.room'), render: (_: unknown, v: VisitRow) => `${v.siteName} ${v.roomName}` },
        { title: t('access.purpose'), dataIndex: 'purpose', render: (p: VisitRow['purpose']) => t(`access.purpose.${p}`) },
        {
          title: t('access.window'),
          render: (_: unknown, v: VisitRow) => (
            <span>
              <Instant value={v.startsAt as string} /> – <Instant value={v.endsAt as string} />
            </span>
          ),
        },
        { title: t('access.people'), render: (_: unknown, v: VisitRow) => <Space direction="vertical" size={2}>{v.people.map((p) => <PersonLine key={p.id} p={p} />)}</Space> },
        { title: t('common.status'), dataIndex: 'status', render: (s: VisitRow['status']) => <StatusTag value={s} prefix="access.status" colors={VISIT_COLORS} /> },
        { title: t('access.decisionReason'), dataIndex: 'decisionReason', render: (r: string | null) => r ?? '' },
        ...(actions ? [{ title: t('common.actions'), render: (_: unknown, v: VisitRow) => actions(v) }] : []),
      ]}
    />
  );
}

/** The equipment log; `actions` adds a column (take-out for staff). */
export function MovementTable({ items, staff, actions }: { items: MovementRow[] | undefined; staff: boolean; actions?: (m: MovementRow) => React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Table<MovementRow>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={{ pageSize: 20 }}
      data-testid="movement-table"
      columns={[
        { title: t('access.number'), dataIndex: 'number' },
        ...(staff ? [{ title: t('access.customer'), dataIndex: 'customerName' }] : []),
        { title: t('access.direction'), dataIndex: 'direction', render: (d: MovementRow['direction']) => <Tag color={d === 'in' ? 'blue' : 'purple'}>{t(`access.direction.${d}`)}</Tag> },
        { title: t('access.server'), render: (_: unknown, m: MovementRow) => (m.server ? `${m.server.brand} ${m.server.model} · ${m.server.serialNumber}` : '') },
        { title: t('access.authoriser'), render: (_: unknown, m: MovementRow) => (m.authorisedName ? `${m.authorisedName}（${t(`roster.role.${m.authorisedRole}` as MessageKey)}）` : '') },
        { title: t('common.status'), dataIndex: 'status', render: (s: MovementRow['status']) => t(`access.movementStatus.${s}`) },
        { title: t('access.holds'), render: (_: unknown, m: MovementRow) => m.holds.map((h) => t(`access.hold.${h.kind}`, { ref: h.ref })).join('；') + (m.overrideReason ? ` — ${m.overrideReason}` : '') },
        { title: t('audit.at'), dataIndex: 'createdAt', render: (v: string) => <Instant value={v} /> },
        { title: t('access.movementStatus.completed'), dataIndex: 'completedAt', render: (v: string | null) => <Instant value={v} /> },
        ...(actions ? [{ title: t('common.actions'), render: (_: unknown, m: MovementRow) => actions(m) }] : []),
      ]}
    />
  );
}
