import { FileZipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Tabs, Typography } from 'antd';
import { Suspense, lazy, useState, type ReactNode } from 'react';
import { client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { DocumentDownload, Instant, OnboardingChecklist } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { PageLoading } from '../../layout/PageLoading';
import { CustomerStatus } from './CustomerStatus';

type Customer = Schemas['Customer'];
/** What the profile form edits: the particulars (staff) or the contact data (a customer's change request). */
type ProfileValues = Omit<ApiBody<'/api/v1/customers/{id}', 'patch'>, 'version'>;

// The profile is the portal's landing page; the other tabs (tables, date pickers, uploads) load on first open.
const tabs = () => import('./CustomerWorkspaceTabs');
const KycTab = lazy(async () => ({ default: (await tabs()).KycTab }));
const RosterTab = lazy(async () => ({ default: (await tabs()).RosterTab }));
const RequestsTab = lazy(async () => ({ default: (await tabs()).RequestsTab }));
const OutboxTab = lazy(async () => ({ default: (await tabs()).OutboxTab }));
const PaperRecordsTab = lazy(async () => ({ default: (await import('./PaperRecordsTab')).PaperRecordsTab }));
const loading = (tab: ReactNode) => <Suspense fallback={<PageLoading />}>{tab}</Suspense>;

const CONTACT_FIELDS = ['registeredAddress', 'postalAddress', 'noticeEmail', 'noticeFax', 'contactPhone'] as const;

/** One customer, for staff (editable) and for the customer itself in the portal (its own side only). */
export function CustomerWorkspace({ id, tab }: { id: string; tab?: 'profile' | 'kyc' | 'roster' | 'requests' | 'notices' | 'compliance' }) {
  const { t } = useI18n();
  const { me } = useSession();
  const staff = me?.kind === 'staff';
  const canRecordPaper = useCan('attestation.recordPaper');
  const mayUploadKyc = useCan('kyc.upload');
  const mayEditCustomerSide = useCan('roster.editCustomerSide');
  // issue 22 §5: the evidence pack is for compliance, auditors and admins (evidence.service EVIDENCE_ROLES), as the regulator's reads
  const mayTakeEvidence = staff && !!me?.roles.some((r) => r === 'admin' || r === 'compliance' || r === 'auditor');
  const path = { path: { id } };
  // bumped by a tab whose change moves the readiness and the checklist (a review, a roster edit, an upload)
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const { data: customer, reload } = useLoad(() => unwrap(client.GET('/api/v1/customers/{id}', { params: path })), [id, changes]);
  const { data: readiness } = useLoad(() => unwrap(client.GET('/api/v1/customers/{id}/readiness', { params: path })), [id, customer?.version, changes]);
  if (!customer) return null;
  return (
    <>
      <Space align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
          {customer.name}
        </Typography.Title>
        <CustomerStatus status={customer.status} />
        {mayTakeEvidence && (
          <DocumentDownload href={`/customers/${id}/evidence-pack`} icon={<FileZipOutlined />} fileName="evidence-pack.zip" data-testid="evidence-pack">
            {t('customers.evidencePack')}
          </DocumentDownload>
        )}
      </Space>
      {readiness && (
        <Alert
          style={{ margin: '12px 0' }}
          type={readiness.ready ? 'success' : 'warning'}
          showIcon
          title={readiness.ready ? t('customers.ready') : `${t('customers.readiness')}: ${readiness.missing.map((m) => t(`customers.gap.${m}`)).join('；')}`}
        />
      )}
      <OnboardingChecklist customerId={id} refreshKey={`${customer.version}:${changes}`} />
      <Tabs
        key={tab ?? 'profile'}
        defaultActiveKey={tab}
        items={[
          { key: 'profile', label: t('customers.tab.profile'), children: <ProfileTab customer={customer} staff={staff} onSaved={reload} /> },
          { key: 'kyc', label: <span data-testid="tab-kyc">{t('customers.tab.kyc')}</span>, children: loading(<KycTab customerId={id} staff={staff} canUpload={mayUploadKyc} onChanged={changed} />) },
          { key: 'roster', label: <span data-testid="tab-roster">{t('customers.tab.roster')}</span>, children: loading(<RosterTab customerId={id} canEditOwn={mayEditCustomerSide} onChanged={changed} />) },
          // change requests are read by the customer and by sales, auditors and admins (customers.service listChangeRequests)
          ...(!staff || me?.roles.some((r) => r === 'admin' || r === 'sales' || r === 'auditor') ? [{ key: 'requests', label: t('customers.tab.requests'), children: loading(<RequestsTab customerId={id} onDecided={reload} />) }] : []),
          { key: 'notices', label: t('customers.tab.notices'), children: loading(<OutboxTab customerId={id} />) },
          ...(staff
            ? [
                {
                  key: 'compliance',
                  label: <span data-testid="tab-compliance">{t('customers.tab.compliance')}</span>,
                  children: loading(<PaperRecordsTab customerId={id} canRecord={canRecordPaper} onChanged={changed} />),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function ProfileTab({ customer, staff, onSaved }: { customer: Customer; staff: boolean; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<ProfileValues>();
  const fields = ['uscc', 'legalRepresentative', ...CONTACT_FIELDS] as const;
  return (
    <>
      <Descriptions bordered column={1} size="small" style={{ maxWidth: 820 }}>
        {fields.map((f) => (
          <Descriptions.Item key={f} label={t(`customers.${f}`)}>
            {customer[f] ?? '—'}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('audit.at')}>
          <Instant value={customer.updatedAt} />
        </Descriptions.Item>
      </Descriptions>
      <Button style={{ marginTop: 16 }} onClick={() => (form.setFieldsValue(customer), setEditing(true))} data-testid="customer-edit">
        {staff ? t('customers.edit') : t('customers.proposeChange')}
      </Button>
      <Modal open={editing} title={staff ? t('customers.edit') : t('customers.proposeChange')} onCancel={() => setEditing(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (values: ProfileValues) => {
            try {
              const changes: ProfileValues = Object.fromEntries(
                Object.entries(values).filter(([k, v]) => (v ?? null) !== (customer[k as keyof ProfileValues] ?? null)).map(([k, v]) => [k, v || null]),
              );
              const params = { path: { id: customer.id } };
              if (staff) await unwrap(client.PATCH('/api/v1/customers/{id}', { params, body: { ...changes, version: customer.version } }));
              else {
                await unwrap(client.POST('/api/v1/customers/{id}/change-requests', { params, body: changes }));
                message.success(t('customers.proposed'));
              }
              setEditing(false);
              onSaved();
            } catch (e) {
              showError(e, form);
            }
          }}
        >
          {(staff ? fields : CONTACT_FIELDS).map((f) => (
            <Form.Item key={f} name={f} label={t(`customers.${f}`)}>
              <Input />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
