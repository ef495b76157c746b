import { Button, Card, Descriptions, Empty, Image, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { Instant, StatusTag } from '../../components';
import { useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { InspectModal } from './servers/ServerModals';

type Inspection = Schemas['ServerInspection'];
type ItemResult = Schemas['InspectionItemResult'];

/** One server: where it sits, its ports and addresses, and its intake inspections item by item (5.2). */
export function ServerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { me } = useSession();
  const base = me?.kind === 'customer' ? '/portal' : '/console';
  const mayInspect = useCan('server.inspect');
  const { data: s, reload } = useLoad(() => unwrap(client.GET('/api/v1/servers/{id}', { params: { path: { id } } })), [id]);
  const { data: ips } = useLoad(() => unwrap(client.GET('/api/v1/ip-allocations', { params: { query: { serverId: id } } })), [id]);
  const [inspecting, setInspecting] = useState(false);
  if (!s) return null;
  const p = s.placement;
  return (
    <>
      <Typography.Title level={3}>
        {s.brand} {s.model} · {s.serialNumber}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {s.customerName && <Descriptions.Item label={t('nav.customers')}>{me?.kind === 'staff' ? <Link to={`/console/customers/${s.customerId}`}>{s.customerName}</Link> : s.customerName}</Descriptions.Item>}
          <Descriptions.Item label={t('common.status')}>
            <StatusTag value={s.status} prefix="facility.status" />
          </Descriptions.Item>
          <Descriptions.Item label={t('facility.heightU')}>{s.heightU}</Descriptions.Item>
          <Descriptions.Item label={t('facility.powerW')}>{s.powerW}</Descriptions.Item>
          <Descriptions.Item label={t('facility.placement')}>
            {p ? (
              <Link to={`${base}/racks?cabinet=${p.cabinetId}`}>{t('facility.placementValue', { site: p.siteName, room: p.roomName, cabinet: p.cabinetCode, lowest: p.lowest, highest: p.highest })}</Link>
            ) : (
              t('facility.notRacked')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('facility.rackedAt')}>
            <Instant value={s.rackedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('facility.port')}>{s.ports.map((a) => <Tag key={a.id}>{`${a.switchName} ${a.portName} · ${a.interfaceName}`}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={t('ipam.address')}>{ips?.items.map((a) => <Tag key={a.id}>{a.address}</Tag>)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('facility.inspection.title')}
        data-testid="server-inspections"
        extra={
          mayInspect &&
          s.status === 'expected' && (
            <Button data-testid="server-inspect" onClick={() => setInspecting(true)}>
              {t('facility.inspect')}
            </Button>
          )
        }
      >
        {s.inspections.length === 0 ? <Empty description={t('facility.inspection.none')} /> : s.inspections.map((i) => <InspectionResult key={i.id} inspection={i} />)}
      </Card>
      {inspecting && <InspectModal server={s} onClose={() => setInspecting(false)} onDone={() => (setInspecting(false), reload())} />}
    </>
  );
}

/** One inspection: passed or not, when, and each item with its note and photos. */
function InspectionResult({ inspection: i }: { inspection: Inspection }) {
  const { t } = useI18n();
  return (
    <div style={{ marginBottom: 16 }} data-testid="inspection-result">
      <Space style={{ marginBottom: 8 }}>
        <Tag color={i.passed ? 'green' : 'red'}>{t(i.passed ? 'facility.inspection.passed' : 'facility.inspection.failed')}</Tag>
        <Instant value={i.inspectedAt} />
        {i.notes && <Typography.Text type="secondary">{i.notes}</Typography.Text>}
      </Space>
      <Table<ItemResult>
        size="small"
        rowKey="item"
        pagination={false}
        dataSource={i.items}
        columns={[
          { title: t('facility.inspection.item'), render: (_, r) => t(`facility.item.${r.item}` as MessageKey) },
          { title: t('facility.inspection.result'), render: (_, r) => <Tag color={r.ok ? 'green' : 'red'}>{t(r.ok ? 'facility.inspection.ok' : 'facility.inspection.notOk')}</Tag> },
          { title: t('facility.inspection.note'), render: (_, r) => r.note ?? '' },
          {
            title: t('facility.inspection.photos'),
            render: (_, r) => (
              <Image.PreviewGroup>
                {r.photos.map((ph) => (
                  <Image key={ph.id} width={56} height={56} style={{ objectFit: 'cover' }} src={`/api/v1/inspection-photos/${ph.id}`} alt={ph.fileName} />
                ))}
              </Image.PreviewGroup>
            ),
          },
        ]}
      />
    </div>
  );
}
