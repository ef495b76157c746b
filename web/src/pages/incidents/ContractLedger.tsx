import { Alert, Button, Card, Descriptions, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { Instant } from '../../components';
import { calendarDate, instant } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Line = Schemas['CompensationLine'];

/** Disputing one ledger line: the reason opens a ticket. */
function DisputeForm({ line, onClose, onOpened }: { line: Line; onClose: () => void; onOpened: (ticketNumber: string) => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [reason, setReason] = useState('');
  const dispute = () => unwrap(client.POST('/api/v1/compensation/lines/{id}/dispute', { params: { path: { id: line.id } }, body: { reason } })).then((r) => (onOpened(r.number), onClose()), showError);
  return (
    <Modal open title={t('status.dispute')} onCancel={onClose} onOk={dispute}>
      <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('status.disputeHint')} />
    </Modal>
  );
}

/** 7.2: a contract's compensation ledger — credited hours per merged interruption or why none, the service end they move. */
export function ContractLedger({ contractId }: { contractId: string }) {
  const { t, locale } = useI18n();
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/compensation/{id}', { params: { path: { id: contractId } } })), [contractId]);
  const [disputing, setDisputing] = useState<Line | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  if (!data) return null;
  return (
    <Card title={`${t('status.ledger')} · ${data.contractNumber}`} style={{ marginBottom: 16 }} data-testid={`ledger-${data.contractNumber}`}>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('contracts.compensation')}>
          <b data-testid="ledger-hours">{data.compensationHours}</b>&nbsp;h
        </Descriptions.Item>
        <Descriptions.Item label={t('status.termEnd')}>{calendarDate(data.termEnd)}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.serviceEndsAt')}>
          <span data-testid="ledger-service-ends">{instant(data.serviceEndsAt)}</span>
        </Descriptions.Item>
      </Descriptions>
      {opened && <Alert type="success" showIcon style={{ marginBottom: 8 }} message={t('status.disputeOpened', { number: opened })} />}
      <Table<Line>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.lines}
        locale={{ emptyText: t('status.noInterruptions') }}
        columns={[
          {
            title: t('status.interval'),
            render: (_, l) => (
              <>
                <Instant value={l.fromAt} /> – <Instant value={l.toAt} />
              </>
            ),
          },
          { title: t('status.minutes'), dataIndex: 'minutes' },
          { title: t('status.credited'), dataIndex: 'hours', render: (h: number, l) => (l.kind === 'credited' ? `${h} h` : '0') },
          {
            title: t('status.reason'),
            render: (_, l) => (
              <Space wrap>
                {l.reasons.map((r) => (
                  <Tag key={r} color={l.kind === 'credited' ? 'green' : 'default'}>
                    {t(`status.reason.${r}` as MessageKey)}
                  </Tag>
                ))}
                {l.breach && <Tag color="red">{t('status.breach')}</Tag>}
              </Space>
            ),
          },
          { title: t('status.incidents'), render: (_, l) => l.incidentNumbers?.join(', ') },
          // issue 19: an excluded line is one server's interruption — which server
          { title: t('status.server'), render: (_, l) => l.servers?.join(', ') ?? '' },
          {
            title: t('common.actions'),
            render: (_, l) => (
              <Button size="small" onClick={() => setDisputing(l)}>
                {t('status.dispute')}
              </Button>
            ),
          },
        ]}
      />
      <img src={`/api/v1/compensation/${contractId}/timeline.svg?lang=${locale}`} alt={t('status.timeline')} style={{ maxWidth: '100%', marginTop: 12 }} />
      {disputing && <DisputeForm line={disputing} onClose={() => setDisputing(null)} onOpened={setOpened} />}
    </Card>
  );
}
