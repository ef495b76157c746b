import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import dayjs from 'dayjs';
import { toDateString, type Dayjs } from '../../dates';
import { useSession } from '../../auth/session';
import { Instant, upload } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

// The customer workspace's tabs past the profile: tables, pickers and uploads that a customer's
// landing page (the profile) does not need, so CustomerWorkspace loads this module on first use.

type KycDocument = Schemas['KycDocument'];
type Member = Schemas['RosterMember'];
type Side = Schemas['RosterSide'];
type ChangeRequest = Schemas['CustomerChangeRequest'];
type OutboxItem = Schemas['CustomerOutboxItem'];
/** The roster form: a member's particulars (memberId and side come from the row or the button). */
type MemberValues = Omit<ApiBody<'/api/v1/customers/{id}/roster', 'put'>, 'memberId' | 'side'>;

/** The values of the server's enums, as the UI offers them (the types check each against the document). */
const ROSTER_ROLES: Schemas['RosterRole'][] = ['legal_representative', 'technical_lead', 'network_admin', 'device_admin', 'server_admin', 'contract_contact'];
const KYC_KINDS: Schemas['KycKind'][] = ['business_licence', 'legal_representative_id', 'handler_id'];
/** A licence carries a USCC; a person's document one of the personal ID types. */
const PERSONAL_ID_TYPES: Schemas['KycIdType'][] = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit'];
const KYC_STATUS_COLOR: Record<Schemas['KycStatus'], string> = { pending: 'gold', verified: 'green', rejected: 'red', superseded: 'default' };

/** A document's expiry, or 长期 (no expiry). */
export function KycExpiry({ value }: { value: string | null }) {
  const { t } = useI18n();
  return <>{value ?? t('kyc.noExpiry')}</>;
}

export function KycTab({ customerId, staff, canUpload, onChanged }: { customerId: string; staff: boolean; canUpload: boolean; onChanged?: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload: reloadList } = useLoad(() => unwrap(client.GET('/api/v1/customers/{id}/kyc', { params: { path: { id: customerId } } })), [customerId]);
  // a review or an upload moves the readiness banner and the checklist above the tabs too
  const reload = () => (reloadList(), onChanged?.());
  const [uploading, setUploading] = useState(false);
  const mayReview = useCan('kyc.review');
  const review = async (doc: KycDocument, verify: boolean, reason?: string) => {
    try {
      await unwrap(client.POST('/api/v1/kyc/{id}/review', { params: { path: { id: doc.id } }, body: { verify, reason } }));
      reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      {canUpload && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setUploading(true)} data-testid="kyc-upload">
          {t('kyc.upload')}
        </Button>
      )}
      <Table<KycDocument>
        rowKey="id"
        size="small"
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: t('kyc.kind'), dataIndex: 'kind', render: (k: KycDocument['kind']) => t(`kyc.kind.${k}`) },
          { title: t('kyc.holder'), dataIndex: 'holderName' },
          { title: t('kyc.idNumber'), render: (_, d) => <>{t(`kyc.idType.${d.idType}`)} {d.idNumber}</> },
          { title: t('kyc.expiresOn'), dataIndex: 'expiresOn', render: (v: KycDocument['expiresOn']) => <KycExpiry value={v} /> },
          {
            title: t('common.status'),
            render: (_, d) => (
              <Space size={4} wrap>
                <Tag color={KYC_STATUS_COLOR[d.status]}>
                  {t(`kyc.status.${d.status}`)}
                  {d.rejectReason ? `：${d.rejectReason}` : ''}
                </Tag>
                {d.receivedOn && <Tag>{t('paper.receivedByOn', { who: d.receivedBy ?? '', day: d.receivedOn })}</Tag>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, d) => (
              <Space>
                <a href={`/api/v1/kyc/${d.id}/file`}>{t('kyc.download')}</a>
                {mayReview && d.status === 'pending' && (
                  <>
                    <Button size="small" type="primary" onClick={() => review(d, true)}>
                      {t('kyc.verify')}
                    </Button>
                    <RejectButton onReject={(reason) => review(d, false, reason)} />
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {uploading && <KycUploadForm customerId={customerId} staff={staff} onClose={() => setUploading(false)} onUploaded={reload} />}
    </>
  );
}

/** The upload form of a KYC document (multipart: its particulars and the file — PDF, JPEG or PNG). */
function KycUploadForm({ customerId, staff, onClose, onUploaded }: { customerId: string; staff: boolean; onClose: () => void; onUploaded: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as Schemas['KycKind'] | undefined;
  const send = async (values: Record<string, unknown>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) {
      if (dayjs.isDayjs(v)) fd.append(k, toDateString(v));
      else if (v !== undefined && v !== null && k !== 'file') fd.append(k, String(v));
    }
    if (fileList[0]?.originFileObj) fd.append('file', fileList[0].originFileObj);
    try {
      await upload<KycDocument>('POST', `/customers/${customerId}/kyc`, fd);
      onClose();
      onUploaded();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={t('kyc.upload')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'business_licence', idType: 'uscc' }} onFinish={send}>
        <Form.Item name="kind" label={t('kyc.kind')}>
          <Select
            options={KYC_KINDS.map((k) => ({ value: k, label: t(`kyc.kind.${k}`) }))}
            onChange={(k: Schemas['KycKind']) => form.setFieldValue('idType', k === 'business_licence' ? 'uscc' : 'resident_id')}
          />
        </Form.Item>
        <Form.Item name="holderName" label={t('kyc.holder')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="idType" label={t('kyc.idType')}>
          <Select options={(kind === 'business_licence' ? (['uscc'] as const) : PERSONAL_ID_TYPES).map((k) => ({ value: k, label: t(`kyc.idType.${k}`) }))} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('kyc.idNumber')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="issuedOn" label={t('kyc.issuedOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('kyc.expiresOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
        {staff && (
          // a copy the customer handed over on paper: who at the provider received it, and the day (issue 18)
          <Space wrap>
            <Form.Item name="receivedBy" label={t('paper.receivedBy')} extra={t('paper.kycHint')}>
              <Input data-testid="kyc-received-by" />
            </Form.Item>
            <Form.Item name="receivedOn" label={t('paper.receivedOn')}>
              <DatePicker data-testid="kyc-received-on" />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="file" label={t('kyc.file')} rules={[{ required: true }]}>
          <Upload accept=".pdf,.jpg,.jpeg,.png" maxCount={1} beforeUpload={() => false} fileList={fileList} onChange={({ fileList: l }) => setFileList(l)}>
            <Button>{t('kyc.file')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RejectButton({ onReject }: { onReject(reason: string): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <Popconfirm title={<Input placeholder={t('kyc.rejectReason')} value={reason} onChange={(e) => setReason(e.target.value)} />} onConfirm={() => onReject(reason)}>
      <Button size="small" danger>
        {t('kyc.reject')}
      </Button>
    </Popconfirm>
  );
}

/** Both sides' rosters (人员名单), now, as of a day, or every version (5.10). */
export function RosterTab({ customerId, canEditOwn, onChanged }: { customerId: string; canEditOwn: boolean; onChanged?: () => void }) {
  const { t } = useI18n();
  const [showHistory, setShowHistory] = useState(false);
  // 5.10: each side answers for its former staff, so "who was on it on that day" must be one click away
  const [asOf, setAsOf] = useState<string | null>(null);
  const at = asOf ? `${asOf}T23:59:59.999+08:00` : undefined;
  const { data, reload: reloadList } = useLoad(() => {
    const params = { path: { id: customerId } };
    return unwrap(showHistory ? client.GET('/api/v1/customers/{id}/roster/history', { params }) : client.GET('/api/v1/customers/{id}/roster', { params: { ...params, query: { at } } }));
  }, [customerId, showHistory, at]);
  const reload = () => (reloadList(), onChanged?.());
  const past = showHistory || asOf !== null;
  const [editing, setEditing] = useState<{ side: Side; member?: Member; removing?: boolean } | null>(null);
  // issue 19: staff changing the customer's side record a change the customer sent them
  const staff = useSession().me?.kind === 'staff';
  const mayEditProviderSide = useCan('roster.editProviderSide');
  const canEdit = (side: Side) => (side === 'customer' ? canEditOwn : mayEditProviderSide);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Checkbox checked={showHistory} onChange={(e) => setShowHistory(e.target.checked)} data-testid="roster-history">
          {t('roster.history')}
        </Checkbox>
        {!showHistory && <DatePicker placeholder={t('roster.asOf')} onChange={(d: Dayjs | null) => setAsOf(toDateString(d))} data-testid="roster-as-of" />}
      </Space>
      {(['customer', 'provider'] as const).map((side) => (
        <div key={side} style={{ marginBottom: 24 }}>
          <Space style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t(`roster.side.${side}`)}
            </Typography.Title>
            {canEdit(side) && !past && (
              <Button size="small" data-testid={`roster-add-${side}`} onClick={() => setEditing({ side })}>
                {t('roster.add')}
              </Button>
            )}
          </Space>
          <RosterSideTable
            customerId={customerId}
            members={data?.items.filter((m) => m.side === side)}
            past={past}
            editable={canEdit(side)}
            onEdit={(member) => setEditing({ side, member })}
            onRemove={side === 'customer' && staff ? (member) => setEditing({ side, member, removing: true }) : undefined}
            onRemoved={reload}
          />
        </div>
      ))}
      {editing && (
        <RosterMemberForm customerId={customerId} side={editing.side} member={editing.member} removing={editing.removing} onBehalf={editing.side === 'customer' && staff} onClose={() => setEditing(null)} onSaved={reload} />
      )}
    </>
  );
}

/** One side's people: their contacts, and either the versions' validity (past) or edit and remove. */
function RosterSideTable(props: { customerId: string; members: Member[] | undefined; past: boolean; editable: boolean; onEdit(m: Member): void; onRemove?: (m: Member) => void; onRemoved(): void }) {
  const { customerId, members, past, editable, onEdit, onRemove, onRemoved } = props;
  const { t } = useI18n();
  const showError = useApiErrors();
  const { modal } = App.useApp();
  const canManageTeam = useCan('team.manage');
  /**
   * 5.10: a person who leaves the roster may still hold a rackpact user; the owner is asked whether to
   * disable it too. The link (by e-mail) is read before the removal: afterwards the person is no longer on it.
   */
  const linkedUser = async (m: Member) => {
    if (!canManageTeam) return undefined;
    const team = await unwrap(client.GET('/api/v1/customers/{id}/team', { params: { path: { id: customerId } } }));
    return team.users.find((u) => u.rosterMemberId === m.memberId && !u.disabled);
  };
  const remove = async (m: Member) => {
    try {
      const user = await linkedUser(m);
      await unwrap(client.DELETE('/api/v1/customers/{id}/roster/{memberId}', { params: { path: { id: customerId, memberId: m.memberId } } }));
      onRemoved();
      if (user)
        modal.confirm({
          title: t('roster.alsoDisableUser', { login: user.login }),
          okButtonProps: { danger: true },
          onOk: () => unwrap(client.POST('/api/v1/customers/{id}/users/{userId}/disable', { params: { path: { id: customerId, userId: user.id } } })).catch(showError),
        });
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Table<Member>
      rowKey="versionId"
      size="small"
      pagination={false}
      dataSource={members}
      columns={[
        { title: t('roster.role'), dataIndex: 'role', render: (r: Member['role']) => t(`roster.role.${r}`) },
        { title: t('roster.name'), dataIndex: 'name' },
        { title: t('roster.mobile'), dataIndex: 'mobile' },
        { title: t('roster.landline'), dataIndex: 'landline' },
        { title: t('roster.email'), dataIndex: 'email' },
        { title: t('roster.available24h'), dataIndex: 'available24h', render: (v: boolean) => (v ? <Tag color="green">24h</Tag> : '') },
        ...(past
          ? [
              { title: t('roster.validFrom'), dataIndex: 'validFrom', render: (v: Member['validFrom']) => <Instant value={v} /> },
              { title: t('roster.validTo'), dataIndex: 'validTo', render: (v: Member['validTo']) => <Instant value={v} /> },
            ]
          : [
              {
                title: t('common.actions'),
                render: (_: unknown, m: Member) =>
                  editable && (
                    <Space>
                      <Button size="small" onClick={() => onEdit(m)}>
                        {t('customers.edit')}
                      </Button>
                      {onRemove ? (
                        <Button size="small" danger onClick={() => onRemove(m)}>
                          {t('roster.remove')}
                        </Button>
                      ) : (
                        <Popconfirm title={t('confirm.rosterRemove.title')} description={t('confirm.rosterRemove.consequence')} okText={t('roster.remove')} okButtonProps={{ danger: true }} onConfirm={() => remove(m)}>
                          <Button size="small" danger>
                            {t('roster.remove')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
              },
            ]),
      ]}
    />
  );
}

/** How a change the customer sent came (the server's enum; the type checks it against the document). */
const RECEIVED_HOW: NonNullable<Schemas['Notice']['receivedHow']>[] = ['email', 'post', 'fax', 'in_person'];
type FormValues = MemberValues & { receivedHow?: (typeof RECEIVED_HOW)[number]; documentName?: string };

/**
 * Adds a person to a side's roster, changes one, or (staff, the customer's side) takes one off. A
 * change by the customer's own user is its notice to the provider; staff changing the customer's side
 * record a change the customer SENT them (issue 19): how it came, the document's name and its scan.
 */
function RosterMemberForm(props: { customerId: string; side: Side; member?: Member; removing?: boolean; onBehalf: boolean; onClose(): void; onSaved(): void }) {
  const { customerId, side, member, removing, onBehalf, onClose, onSaved } = props;
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<FormValues>();
  const [scan, setScan] = useState<File | null>(null);
  const save = async (values: FormValues) => {
    try {
      const { receivedHow, documentName, ...particulars } = values;
      if (onBehalf) {
        const item = removing
          ? { op: 'remove', memberId: member!.memberId }
          : { op: 'upsert', ...particulars, memberId: member?.memberId, mobile: particulars.mobile || null, landline: particulars.landline || null, email: particulars.email || null };
        const fd = new FormData();
        fd.append('side', side);
        fd.append('items', JSON.stringify([item]));
        if (receivedHow) fd.append('how', receivedHow);
        if (documentName) fd.append('documentName', documentName);
        if (scan) fd.append('file', scan);
        await upload<Schemas['RosterChangeResult']>('POST', `/customers/${customerId}/roster/changes`, fd);
      } else {
        const body = { ...particulars, memberId: member?.memberId, side, mobile: particulars.mobile || null, landline: particulars.landline || null, email: particulars.email || null };
        await unwrap(client.PUT('/api/v1/customers/{id}/roster', { params: { path: { id: customerId } }, body }));
      }
      onClose();
      onSaved();
    } catch (e) {
      showError(e, form);
    }
  };
  const title = removing ? `${t('roster.remove')} · ${member?.name ?? ''}` : member ? t('customers.edit') : t('roster.add');
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okButtonProps={removing ? { danger: true } : undefined} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={member ?? { available24h: false }} onFinish={save}>
        {!removing && (
          <>
            <Form.Item name="role" label={t('roster.role')} rules={[{ required: true }]}>
              <Select options={ROSTER_ROLES.map((r) => ({ value: r, label: t(`roster.role.${r}`) }))} data-testid="roster-role" />
            </Form.Item>
            <Form.Item name="name" label={t('roster.name')} rules={[{ required: true }]}>
              <Input data-testid="roster-name" />
            </Form.Item>
            <Form.Item name="mobile" label={t('roster.mobile')}>
              <Input data-testid="roster-mobile" />
            </Form.Item>
            <Form.Item name="landline" label={t('roster.landline')}>
              <Input />
            </Form.Item>
            <Form.Item name="email" label={t('roster.email')}>
              <Input />
            </Form.Item>
            <Form.Item name="available24h" valuePropName="checked">
              <Checkbox>{t('roster.available24h')}</Checkbox>
            </Form.Item>
          </>
        )}
        {onBehalf && (
          <>
            <Typography.Paragraph type="secondary">{t('roster.received.hint')}</Typography.Paragraph>
            <Form.Item name="receivedHow" label={t('notices.receivedHow')} rules={[{ required: true }]}>
              <Select options={RECEIVED_HOW.map((h) => ({ value: h, label: t(`notices.receivedHow.${h}`) }))} data-testid="roster-received-how" />
            </Form.Item>
            <Form.Item name="documentName" label={t('notices.documentName')} rules={[{ required: true }]} extra={t('roster.received.documentExample')}>
              <Input data-testid="roster-document-name" />
            </Form.Item>
            <Form.Item label={t('notices.documentScan')}>
              <Upload accept="application/pdf,image/png,image/jpeg" maxCount={1} beforeUpload={(f) => (setScan(f), false)} onRemove={() => setScan(null)}>
                <Button data-testid="roster-document-file">{t('notices.documentScanChoose')}</Button>
              </Upload>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** Contact-change requests of this customer; sales decides the pending ones. */
export function RequestsTab({ customerId, onDecided }: { customerId: string; onDecided(): void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/change-requests', { params: { query: { customerId } } })), [customerId]);
  const mayDecide = useCan('customer.decideChange');
  const decide = (id: string, approve: boolean) =>
    unwrap(client.POST('/api/v1/change-requests/{id}/decision', { params: { path: { id } }, body: { approve } })).then(() => (reload(), onDecided()), showError);
  return (
    <Table<ChangeRequest>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={data?.items}
      columns={[
        { title: t('audit.at'), dataIndex: 'requestedAt', render: (v: ChangeRequest['requestedAt']) => <Instant value={v} /> },
        {
          title: t('audit.after'),
          dataIndex: 'proposed',
          render: (p: ChangeRequest['proposed']) => Object.entries(p).map(([k, v]) => <div key={k}>{t(`customers.${k}` as MessageKey)}：{v ?? '—'}</div>),
        },
        { title: t('common.status'), dataIndex: 'status', render: (s: ChangeRequest['status']) => t(`request.status.${s}`) },
        {
          title: t('common.actions'),
          render: (_, r) =>
            mayDecide && r.status === 'pending' ? (
              <Space>
                <Button size="small" type="primary" onClick={() => decide(r.id, true)}>
                  {t('request.approve')}
                </Button>
                <Button size="small" danger onClick={() => decide(r.id, false)}>
                  {t('request.reject')}
                </Button>
              </Space>
            ) : null,
        },
      ]}
    />
  );
}

/** Notices owed to either side because of changes to this customer (第九条). */
export function OutboxTab({ customerId }: { customerId: string }) {
  const { t, has } = useI18n();
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/customers/{id}/outbox', { params: { path: { id: customerId } } })), [customerId]);
  return (
    <Table<OutboxItem>
      rowKey="id"
      size="small"
      dataSource={data?.items}
      columns={[
        { title: t('audit.at'), dataIndex: 'createdAt', render: (v: OutboxItem['createdAt']) => <Instant value={v} /> },
        { title: t('audit.action'), dataIndex: 'kind', render: (k: OutboxItem['kind']) => (has(`outboxKind.${k}`) ? t(`outboxKind.${k}` as MessageKey) : k) },
        { title: t('notices.direction'), dataIndex: 'direction', render: (d: OutboxItem['direction']) => t(`notice.direction.${d}`) },
        { title: t('common.status'), dataIndex: 'drainedAt', render: (d: OutboxItem['drainedAt']) => (d ? t('notice.handed') : <Tag color="gold">{t('notice.pending')}</Tag>) },
      ]}
    />
  );
}
