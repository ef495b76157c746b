import { Button, Checkbox, Descriptions, Drawer, Input, List, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Instant, StatusTag, upload } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { MAIL_COLORS, STATUS_COLORS, useMinutes, type TicketStatus } from './kinds';
import { SlaTag } from './SlaTag';

type Detail = Schemas['TicketDetail'];
type Contract = Schemas['Contract'];
/** The moves the NOC makes from the drawer (closing is the customer's, once resolved). */
const STAFF_MOVES: TicketStatus[] = ['acknowledged', 'in_progress', 'resolved'];

/** One ticket with its thread, files and mails; staff who work tickets move, assign and answer it. */
export function TicketDrawer({ id, onClose, onChanged, mayWork, contracts }: { id: string | null; onClose: () => void; onChanged: () => void; mayWork: boolean; contracts: Contract[] }) {
  const { me } = useSession();
  const staff = me?.kind === 'staff';
  const { data: detail, reload } = useLoad(() => (id ? unwrap(client.GET('/api/v1/tickets/{id}', { params: { path: { id } } })) : Promise.resolve(undefined)), [id]);
  // the thread and the queue both show what changed
  const refresh = () => (reload(), onChanged());
  const mayAnswer = !staff || mayWork;
  // staff mark a reply, and the files attached while it is ticked, as internal
  const [internal, setInternal] = useState(false);
  return (
    <Drawer open={id !== null} onClose={onClose} width={600} title={detail ? `${detail.number} · ${detail.subject}` : ''}>
      {detail && (
        <>
          <StatusActions detail={detail} staff={staff} mayWork={mayWork} onChanged={refresh} />
          <TicketFacts detail={detail} staff={staff} mayWork={mayWork} contracts={contracts} onChanged={refresh} />
          <Typography.Paragraph>{detail.description}</Typography.Paragraph>
          <Thread comments={detail.comments} />
          {mayAnswer && <ReplyBox ticketId={detail.id} staff={staff} internal={internal} onInternal={setInternal} onSent={refresh} />}
          <Attachments detail={detail} internal={staff && internal} mayAttach={mayAnswer} onAttached={refresh} />
          {staff && <Mails mails={detail.mails} />}
        </>
      )}
    </Drawer>
  );
}

function StatusActions({ detail, staff, mayWork, onChanged }: { detail: Detail; staff: boolean; mayWork: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const move = (status: TicketStatus) => unwrap(client.POST('/api/v1/tickets/{id}/status', { params: { path: { id: detail.id } }, body: { status } })).then(onChanged, showError);
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      <StatusTag value={detail.status} prefix="tickets.status" colors={STATUS_COLORS} />
      {mayWork &&
        STAFF_MOVES.map((s) => (
          <Button key={s} size="small" onClick={() => move(s)} data-testid={`ticket-status-${s}`}>
            {t(`tickets.status.${s}`)}
          </Button>
        ))}
      {!staff && detail.status === 'resolved' && (
        <Button size="small" onClick={() => move('closed')}>
          {t('tickets.status.closed')}
        </Button>
      )}
    </Space>
  );
}

function TicketFacts({ detail, staff, mayWork, contracts, onChanged }: { detail: Detail; staff: boolean; mayWork: boolean; contracts: Contract[]; onChanged: () => void }) {
  const { t } = useI18n();
  const minutes = useMinutes();
  return (
    <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('tickets.type')}>{t(`tickets.type.${detail.type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('audit.at')}>
        <Instant value={detail.openedAt} />
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.firstResponse')}>
        <span data-testid="ticket-first-response">{minutes(detail.firstResponseMinutes)}</span> <SlaTag clock={detail.sla.firstResponse} />
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.resolution')}>
        <span data-testid="ticket-resolution">{minutes(detail.resolutionMinutes)}</span> <SlaTag clock={detail.sla.resolution} />
      </Descriptions.Item>
      {detail.domain && <Descriptions.Item label={t('tickets.domain')}>{detail.domain}</Descriptions.Item>}
      {detail.contractId && <Descriptions.Item label={t('tickets.contract')}>{contracts.find((c) => c.id === detail.contractId)?.number ?? '—'}</Descriptions.Item>}
      {staff && (
        <Descriptions.Item label={t('tickets.assignee')} span={2}>
          {mayWork ? <AssigneeSelect detail={detail} onChanged={onChanged} /> : (detail.assigneeName ?? t('tickets.unassigned'))}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Gives the ticket to a staff member who works tickets, or back to the queue. */
function AssigneeSelect({ detail, onChanged }: { detail: Detail; onChanged: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data: assignees } = useLoad(() => unwrap(client.GET('/api/v1/tickets/assignees')), []);
  const assign = (assigneeId: string | null) => unwrap(client.POST('/api/v1/tickets/{id}/assign', { params: { path: { id: detail.id } }, body: { assigneeId } })).then(onChanged, showError);
  return (
    <Select
      style={{ width: 200 }}
      allowClear
      placeholder={t('tickets.unassigned')}
      value={detail.assigneeId ?? undefined}
      onChange={(v: string | undefined) => assign(v ?? null)}
      options={assignees?.items.map((u) => ({ value: u.id, label: u.displayName }))}
      data-testid="ticket-assignee"
    />
  );
}

/** The replies, oldest first; internal notes (staff only) on a yellow ground. */
function Thread({ comments }: { comments: Detail['comments'] }) {
  const { t } = useI18n();
  return (
    <List
      dataSource={comments}
      renderItem={(c) => (
        <List.Item style={c.internal ? { background: '#fffbe6' } : undefined}>
          <List.Item.Meta
            title={
              <>
                {c.authorKind === 'staff' ? t('tickets.providerSide') : t('tickets.customerSide')} · <Instant value={c.createdAt} /> {c.internal && <Tag color="orange">{t('tickets.internalTag')}</Tag>}
              </>
            }
            description={c.body}
          />
        </List.Item>
      )}
    />
  );
}

/** A reply; staff may make it an internal note the customer never sees. */
function ReplyBox({ ticketId, staff, internal, onInternal, onSent }: { ticketId: string; staff: boolean; internal: boolean; onInternal: (internal: boolean) => void; onSent: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [reply, setReply] = useState('');
  const send = () =>
    unwrap(client.POST('/api/v1/tickets/{id}/comments', { params: { path: { id: ticketId } }, body: { body: reply, internal: staff && internal } })).then(
      () => (setReply(''), onInternal(false), onSent()),
      showError,
    );
  return (
    <>
      <Input.TextArea rows={3} value={reply} onChange={(e) => setReply(e.target.value)} data-testid="ticket-reply" />
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" onClick={send} data-testid="ticket-reply-send">
          {t('tickets.reply')}
        </Button>
        {staff && (
          <Checkbox checked={internal} onChange={(e) => onInternal(e.target.checked)} data-testid="ticket-internal">
            {t('tickets.internal')}
          </Checkbox>
        )}
      </Space>
    </>
  );
}

/** The ticket's files (PDF, JPEG, PNG); a file staff attach while "internal" is ticked is internal too. */
function Attachments({ detail, internal, mayAttach, onAttached }: { detail: Detail; internal: boolean; mayAttach: boolean; onAttached: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const attach = (file: File) => {
    const fd = new FormData();
    if (internal) fd.append('internal', 'true');
    fd.append('file', file);
    upload<Schemas['TicketAttachment']>('POST', `/tickets/${detail.id}/attachments`, fd).then(onAttached, showError);
    return false;
  };
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('tickets.attachments')}
      </Typography.Title>
      <List
        size="small"
        dataSource={detail.attachments}
        renderItem={(a) => (
          <List.Item>
            <a href={`/api/v1/tickets/${detail.id}/attachments/${a.id}`}>{a.fileName}</a> · {Math.ceil(a.size / 1024)} KB {a.internal && <Tag color="orange">{t('tickets.internalTag')}</Tag>}
          </List.Item>
        )}
      />
      {mayAttach && (
        <Upload accept="application/pdf,image/png,image/jpeg" showUploadList={false} beforeUpload={attach}>
          <Button size="small">{t('tickets.attach')}</Button>
        </Upload>
      )}
    </>
  );
}

/** The reply mails and whether they went out (staff only). */
function Mails({ mails }: { mails: Detail['mails'] }) {
  const { t } = useI18n();
  if (!mails.length) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('tickets.mails')}
      </Typography.Title>
      {mails.map((m) => (
        <Tag key={m.id} color={MAIL_COLORS[m.status]} title={m.lastError ?? undefined}>
          {m.recipient} · {t(`notices.status.${m.status}`)}
        </Tag>
      ))}
    </>
  );
}
