import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Typography, App } from 'antd';
import { client, unwrap, type ApiBody } from '../../api/client';
import { useCan } from '../../auth/can';
import { ExportLink } from '../../components';
import { todayInShanghai } from '../../dates';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { clockOf, MovementTable, PURPOSES, VisitTable } from './shared';

/** The booking form's values: a Shanghai date and two clock times, turned into instants when sent. */
interface BookingFormValues {
  roomId: string;
  purpose: ApiBody<'/api/v1/access/visits', 'post'>['purpose'];
  date: string;
  startTime: string;
  endTime: string;
  memberIds: string[];
  serverIds?: string[];
  note?: string;
}
interface ReleaseFormValues {
  serverId: string;
  memberId: string;
}

/** The customer's portal: book a visit (5.10 roster people only), see its visits and equipment log, authorise a release. */
export function MyVisitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const mayBook = useCan('visit.request');
  const mayRelease = useCan('equipment.release');
  const { data: options } = useLoad(() => unwrap(client.GET('/api/v1/access/booking-options')), []);
  const { data: visits, reload } = useLoad(() => unwrap(client.GET('/api/v1/access/visits')), []);
  const { data: movements, reload: reloadMovements } = useLoad(() => unwrap(client.GET('/api/v1/access/equipment')), []);
  const [form] = Form.useForm<BookingFormValues>();
  const [releaseForm] = Form.useForm<ReleaseFormValues>();
  const s = options?.settings;
  const book = async (v: BookingFormValues) => {
    try {
      await unwrap(
        client.POST('/api/v1/access/visits', {
          body: { roomId: v.roomId, purpose: v.purpose, startsAt: `${v.date}T${v.startTime}:00+08:00`, endsAt: `${v.date}T${v.endTime}:00+08:00`, memberIds: v.memberIds ?? [], serverIds: v.serverIds ?? [], note: v.note || null },
        }),
      );
      message.success(t('access.booked'));
      form.resetFields();
      reload();
    } catch (e) {
      showError(e, form);
    }
  };
  const release = async (v: ReleaseFormValues) => {
    try {
      await unwrap(client.POST('/api/v1/access/equipment/releases', { body: v }));
      releaseForm.resetFields();
      reloadMovements();
    } catch (e) {
      showError(e, releaseForm);
    }
  };
  return (
    <>
      <Typography.Title level={3}>{t('access.title')}</Typography.Title>
      {mayBook && options && (
        <Card title={t('access.book')} size="small" style={{ marginBottom: 16 }}>
          {s && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('access.hours', { opens: clockOf(s.opensMinute), closes: clockOf(s.closesMinute), hours: Math.round((s.maxVisitMinutes / 60) * 10) / 10 })} />}
          <Form form={form} layout="vertical" onFinish={book} initialValues={{ purpose: 'maintenance', date: todayInShanghai(), startTime: '10:00', endTime: '12:00' }} data-testid="visit-form">
            <Space wrap align="start">
              <Form.Item name="roomId" label={t('access.room')} rules={[{ required: true }]}>
                <Select style={{ width: 220 }} data-testid="visit-room" options={options.rooms.map((r) => ({ value: r.roomId, label: `${r.siteName} ${r.roomName}` }))} />
              </Form.Item>
              <Form.Item name="purpose" label={t('access.purpose')}>
                <Select style={{ width: 140 }} data-testid="visit-purpose" options={PURPOSES.map((p) => ({ value: p, label: t(`access.purpose.${p}` as MessageKey) }))} />
              </Form.Item>
              <Form.Item name="date" label={t('access.date')} rules={[{ required: true }]}>
                <Input type="date" data-testid="visit-date" />
              </Form.Item>
              <Form.Item name="startTime" label={t('access.startTime')} rules={[{ required: true }]}>
                <Input type="time" data-testid="visit-start" />
              </Form.Item>
              <Form.Item name="endTime" label={t('access.endTime')} rules={[{ required: true }]}>
                <Input type="time" data-testid="visit-end" />
              </Form.Item>
            </Space>
            <Form.Item name="memberIds" label={t('access.people')} rules={[{ required: true }]}>
              <Checkbox.Group data-testid="visit-people" options={options.people.map((p) => ({ value: p.memberId, label: `${p.name}（${t(`roster.role.${p.role}` as MessageKey)}）` }))} />
            </Form.Item>
            <Form.Item name="serverIds" label={t('access.servers')}>
              <Select mode="multiple" style={{ maxWidth: 520 }} data-testid="visit-servers" options={options.servers.filter((x) => x.status !== 'removed').map((x) => ({ value: x.id, label: `${x.brand} ${x.model} · ${x.serialNumber}` }))} />
            </Form.Item>
            <Form.Item name="note" label={t('access.note')}>
              <Input.TextArea rows={2} style={{ maxWidth: 520 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="visit-submit">
              {t('access.submit')}
            </Button>
          </Form>
        </Card>
      )}
      <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('access.visits')}
        </Typography.Title>
        <ExportLink href="/api/v1/access/visits/export.csv" what="access.visits" />
      </Space>
      <VisitTable items={visits?.items} staff={false} />
      <Space style={{ margin: '16px 0 8px', justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('access.equipment')}
        </Typography.Title>
        <ExportLink href="/api/v1/access/equipment/export.csv" what="access.equipment" />
      </Space>
      {mayRelease && options && (
        <Form form={releaseForm} layout="inline" onFinish={release} style={{ marginBottom: 12 }} data-testid="release-form">
          <Typography.Text strong style={{ marginRight: 8 }}>
            {t('access.release')}
          </Typography.Text>
          <Form.Item name="serverId" rules={[{ required: true }]}>
            <Select style={{ width: 260 }} placeholder={t('access.server')} data-testid="release-server" options={options.servers.filter((x) => !['removed', 'expected'].includes(x.status)).map((x) => ({ value: x.id, label: `${x.brand} ${x.model} · ${x.serialNumber}` }))} />
          </Form.Item>
          <Form.Item name="memberId" rules={[{ required: true }]}>
            <Select style={{ width: 260 }} placeholder={t('access.authoriser')} data-testid="release-member" options={options.people.filter((p) => p.mayAuthoriseEquipment).map((p) => ({ value: p.memberId, label: `${p.name}（${t(`roster.role.${p.role}` as MessageKey)}）` }))} />
          </Form.Item>
          <Button htmlType="submit" data-testid="release-submit">
            {t('access.submit')}
          </Button>
        </Form>
      )}
      <MovementTable items={movements?.items} staff={false} />
    </>
  );
}
