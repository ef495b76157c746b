import { Button, Card, Empty, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap } from '../../api/client';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { ID_TYPES, PersonLine, type VisitPersonRow, type VisitRow } from './shared';

/** The check-in form: the ID document's type and last four characters, the escort. */
interface CheckInFormValues {
  idDocumentType: (typeof ID_TYPES)[number];
  idLast4: string;
  escort?: string;
}

/** The front desk on a tablet: today's expected visitors, large buttons to check each person in and out. */
export function FrontDeskPage() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/access/front-desk')), []);
  const [checking, setChecking] = useState<{ visit: VisitRow; person: VisitPersonRow } | null>(null);
  const [form] = Form.useForm<CheckInFormValues>();
  const checkIn = async (v: CheckInFormValues) => {
    if (!checking) return;
    try {
      await unwrap(client.POST('/api/v1/access/visits/{id}/people/{personId}/check-in', { params: { path: { id: checking.visit.id, personId: checking.person.id } }, body: { ...v, escort: v.escort || null } }));
      setChecking(null);
      reload();
    } catch (e) {
      showError(e, form);
      reload();
    }
  };
  const checkOut = async (visit: VisitRow, person: VisitPersonRow) => {
    try {
      await unwrap(client.POST('/api/v1/access/visits/{id}/people/{personId}/check-out', { params: { path: { id: visit.id, personId: person.id } } }));
      reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Typography.Title level={3}>{data ? t('access.today', { date: data.date }) : t('nav.frontDesk')}</Typography.Title>
      {data && data.visits.length === 0 && <Empty description={t('access.noVisitorsToday')} />}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {data?.visits.map((v) => (
          <Card
            key={v.id}
            data-testid={`desk-visit-${v.number}`}
            title={
              <Space wrap>
                <span>{v.number}</span>
                <span>{v.customerName}</span>
                <span>
                  {v.siteName} {v.roomName}
                </span>
                <span>
                  <Instant value={v.startsAt as string} /> – <Instant value={v.endsAt as string} />
                </span>
                <span>{t(`access.purpose.${v.purpose}`)}</span>
              </Space>
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              {v.people.map((p) => (
                <Space key={p.id} style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                  <PersonLine p={p} />
                  <Space>
                    {!p.checkedInAt && !p.refusedAt && (
                      <Button size="large" type="primary" onClick={() => setChecking({ visit: v, person: p })} data-testid={`check-in-${p.name}`}>
                        {t('access.checkIn')}
                      </Button>
                    )}
                    {p.checkedInAt && !p.checkedOutAt && (
                      <Button size="large" onClick={() => checkOut(v, p)} data-testid={`check-out-${p.name}`}>
                        {t('access.checkOut')}
                      </Button>
                    )}
                  </Space>
                </Space>
              ))}
            </Space>
          </Card>
        ))}
      </Space>
      <Modal open={!!checking} title={`${t('access.checkIn')} · ${checking?.person.name ?? ''}`} onCancel={() => setChecking(null)} onOk={() => form.submit()} okText={t('access.checkIn')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={checkIn} initialValues={{ idDocumentType: 'resident_id' }} preserve={false}>
          <Form.Item name="idDocumentType" label={t('access.idType')}>
            <Select size="large" data-testid="check-in-id-type" options={ID_TYPES.map((x) => ({ value: x, label: t(`access.id.${x}`) }))} />
          </Form.Item>
          <Form.Item name="idLast4" label={t('access.idLast4')} extra={t('access.idLast4Help')} rules={[{ required: true }]}>
            <Input size="large" maxLength={4} inputMode="text" autoComplete="off" data-testid="check-in-last4" />
          </Form.Item>
          <Form.Item name="escort" label={t('access.escort')}>
            <Input size="large" data-testid="check-in-escort" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
