import { App, Button, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { ExportLink } from '../../components';
import { todayInShanghai } from '../../dates';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { AccessSettingsCard } from './AccessSettings';
import { MovementTable, VisitTable, type MovementRow, type VisitRow } from './shared';

type ReportRow = Schemas['VisitReport']['customers'][number];
type RoomReportRow = Schemas['VisitReport']['rooms'][number];

/** Staff: visit requests to approve or refuse (with a reason), the equipment log with take-out, the report and exports. */
export function VisitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const mayDecide = useCan('visit.decide');
  const mayMove = useCan('equipment.move');
  const mayOverride = useCan('equipment.overrideHold');
  const [status, setStatus] = useState<VisitRow['status'] | undefined>('pending');
  const { data: visits, reload } = useLoad(() => unwrap(client.GET('/api/v1/access/visits', { params: { query: { status } } })), [status]);
  const { data: movements, reload: reloadMovements } = useLoad(() => unwrap(client.GET('/api/v1/access/equipment')), []);
  const month = todayInShanghai().slice(0, 7);
  const { data: report } = useLoad(() => unwrap(client.GET('/api/v1/access/reports/visits', { params: { query: { from: `${month}-01`, to: todayInShanghai() } } })), []);
  const [refusing, setRefusing] = useState<VisitRow | null>(null);
  const [reason, setReason] = useState('');
  const [takingOut, setTakingOut] = useState<MovementRow | null>(null);
  const [holds, setHolds] = useState<Schemas['ReleaseHoldList']['items']>([]);
  const [override, setOverride] = useState('');

  const decide = async (v: VisitRow, approve: boolean) => {
    try {
      await unwrap(client.POST('/api/v1/access/visits/{id}/decision', { params: { path: { id: v.id } }, body: { approve, reason: approve ? null : reason } }));
      setRefusing(null);
      setReason('');
      reload();
    } catch (e) {
      showError(e);
    }
  };
  const openTakeOut = async (m: MovementRow) => {
    try {
      setHolds((await unwrap(client.GET('/api/v1/access/equipment/{id}/holds', { params: { path: { id: m.id } } }))).items);
      setTakingOut(m);
    } catch (e) {
      showError(e);
    }
  };
  const takeOut = async () => {
    if (!takingOut) return;
    try {
      await unwrap(client.POST('/api/v1/access/equipment/{id}/take-out', { params: { path: { id: takingOut.id } }, body: { overrideReason: override || null } }));
      message.success(t('access.movementStatus.completed'));
      setTakingOut(null);
      setOverride('');
      reloadMovements();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.visits')}
        </Typography.Title>
        <Space wrap>
          <Select
            style={{ width: 140 }}
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('common.status')}
            options={(['pending', 'approved', 'refused'] as const).map((s) => ({ value: s, label: t(`access.status.${s}`) }))}
            data-testid="visit-filter-status"
          />
          <ExportLink href="/api/v1/access/visits/export.csv" what="access.visits" />
        </Space>
      </Space>
      {/* issue 21: opening hours, the longest visit, who may authorise equipment (admin edits) */}
      <AccessSettingsCard />
      <VisitTable
        items={visits?.items}
        staff
        actions={(v) =>
          mayDecide && v.status === 'pending' ? (
            <Space>
              <Button size="small" type="primary" onClick={() => decide(v, true)} data-testid={`visit-approve-${v.number}`}>
                {t('access.approve')}
              </Button>
              <Button size="small" danger onClick={() => setRefusing(v)}>
                {t('access.refuse')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Space style={{ margin: '16px 0 8px', width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('access.equipment')}
        </Typography.Title>
        <ExportLink href="/api/v1/access/equipment/export.csv" what="access.equipment" />
      </Space>
      <MovementTable
        items={movements?.items}
        staff
        actions={(m) =>
          mayMove && m.direction === 'out' && m.status === 'released' ? (
            <Button size="small" danger onClick={() => openTakeOut(m)} data-testid={`take-out-${m.number}`}>
              {t('access.takeOut')}
            </Button>
          ) : null
        }
      />
      <Typography.Title level={4} style={{ marginTop: 16 }}>
        {t('access.report')}
      </Typography.Title>
      <Space align="start" wrap>
        <Table<ReportRow>
          size="small"
          rowKey="customerId"
          pagination={false}
          dataSource={report?.customers}
          columns={[
            { title: t('access.customer'), dataIndex: 'customerName' },
            { title: t('access.reportVisits'), dataIndex: 'visits' },
            { title: t('access.reportApproved'), dataIndex: 'approved' },
            { title: t('access.reportPeople'), dataIndex: 'people' },
          ]}
        />
        <Table<RoomReportRow>
          size="small"
          rowKey="roomId"
          pagination={false}
          dataSource={report?.rooms}
          columns={[
            { title: t('access.room'), render: (_, r) => `${r.siteName} ${r.roomName}` },
            { title: t('access.reportVisits'), dataIndex: 'visits' },
            { title: t('access.reportApproved'), dataIndex: 'approved' },
            { title: t('access.reportPeople'), dataIndex: 'people' },
          ]}
        />
      </Space>
      <Modal open={!!refusing} title={`${t('access.refuse')} ${refusing?.number ?? ''}`} onCancel={() => setRefusing(null)} onOk={() => refusing && decide(refusing, false)} destroyOnHidden>
        <Input.TextArea rows={3} placeholder={t('access.refuseReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="visit-refuse-reason" />
      </Modal>
      <Modal open={!!takingOut} title={`${t('access.takeOut')} ${takingOut?.number ?? ''}`} onCancel={() => setTakingOut(null)} onOk={takeOut} okButtonProps={{ danger: true, disabled: holds.length > 0 && (!mayOverride || !override.trim()) }} okText={t('access.takeOut')} destroyOnHidden>
        <Typography.Paragraph>{t('access.takeOutConfirm')}</Typography.Paragraph>
        <Typography.Paragraph type={holds.length ? 'danger' : 'secondary'} data-testid="take-out-holds">
          {holds.length ? holds.map((h) => t(`access.hold.${h.kind}`, { ref: h.ref })).join('；') : t('access.noHolds')}
        </Typography.Paragraph>
        {holds.length > 0 && mayOverride && <Input.TextArea rows={2} placeholder={t('access.overrideReason')} value={override} onChange={(e) => setOverride(e.target.value)} data-testid="take-out-override" />}
      </Modal>
    </>
  );
}
