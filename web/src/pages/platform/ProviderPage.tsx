import { Alert, App, Button, Descriptions, Form, Image, Input, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { Instant, upload } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { SecuritySettingsCard } from './SecuritySettings';

type Profile = Schemas['ProviderProfile'];
/** What an admin edits: the particulars (the seal has its own upload). */
type ProfileValues = Omit<ApiBody<'/api/v1/provider', 'put'>, 'sealFile'>;

/** The particulars in the order of the contract's 乙方 block: field, label, required. */
const FIELDS: [keyof ProfileValues, MessageKey, boolean][] = [
  ['legalName', 'provider.legalName', true],
  ['uscc', 'customers.uscc', true],
  ['address', 'provider.address', true],
  ['domicileCourt', 'provider.domicileCourt', true],
  ['bankName', 'provider.bank', true],
  ['bankAccount', 'provider.bankAccount', true],
  ['signingPlace', 'provider.signingPlace', true],
  ['postalAddress', 'customers.postalAddress', true],
  ['phone', 'provider.phone', false],
  ['noticeEmail', 'customers.noticeEmail', false],
  ['noticeFax', 'customers.noticeFax', false],
  // the contract's parties block names them (issue 19)
  ['legalRepresentative', 'customers.legalRepresentative', false],
  ['contactPerson', 'provider.contactPerson', false],
];

const HISTORY_ROLES: readonly string[] = ['admin', 'sales', 'finance', 'auditor'];
/** Who reads the security-report setting (issue 22 §6: incidents.security-settings). */
const SECURITY_ROLES: readonly string[] = ['admin', 'noc', 'compliance', 'auditor'];

/**
 * 乙方信息 — the provider profile, its versions and its seal. Admins edit; every save is a new
 * version, so a contract keeps the particulars (and the seal) it was signed under.
 *
 * The worked example of a page on the generated API types: types from `Schemas`/`ApiBody`, calls
 * through `client` + `unwrap`, values through web/src/components.
 */
export function ProviderPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const admin = useCan('provider.update');
  // a new installation has no profile yet (404): the admin fills in the first version here
  const { data: current, reload } = useLoad(() => unwrap(client.GET('/api/v1/provider')).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))), []);
  // the version history is for the roles that sign and bill under it (provider.service history()); others are not asked
  const history = Boolean(me?.roles.some((r) => HISTORY_ROLES.includes(r)));
  const { data: versions, reload: reloadVersions } = useLoad(async () => (history ? unwrap(client.GET('/api/v1/provider/versions')) : undefined), [current?.version, history]);
  const [editing, setEditing] = useState(false);
  if (current === null) return <FirstProfile admin={admin} onSaved={() => (message.success(t('provider.savedVersion', { version: 1 })), reload(), reloadVersions())} />;
  if (!current) return null;
  const saved = () => (message.success(t('provider.savedVersion', { version: current.version + 1 })), reload(), reloadVersions());
  return (
    <>
      <Typography.Title level={3}>{t('nav.provider')}</Typography.Title>
      <Space align="start" size="large" wrap>
        <ProfileDescriptions profile={current} />
        <Seal profile={current} admin={admin} onSaved={saved} />
      </Space>
      {admin && (
        <Button type="primary" style={{ display: 'block', marginBottom: 24 }} onClick={() => setEditing(true)} data-testid="provider-edit">
          {t('customers.edit')}
        </Button>
      )}
      {me?.roles.some((r) => SECURITY_ROLES.includes(r)) && <SecuritySettingsCard />}
      {history && <Versions items={versions?.items} />}
      {editing && <ProfileForm profile={current} onClose={() => setEditing(false)} onSaved={saved} />}
    </>
  );
}

/** No profile yet: says so, and the admin fills in the first version (the seal is uploaded after it). */
function FirstProfile({ admin, onSaved }: { admin: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Typography.Title level={3}>{t('nav.provider')}</Typography.Title>
      <Alert type="warning" showIcon style={{ maxWidth: 680, marginBottom: 16 }} title={t(admin ? 'provider.noneYetAdmin' : 'provider.noneYet')} data-testid="provider-none" />
      {admin && (
        <Button type="primary" onClick={() => setEditing(true)} data-testid="provider-edit">
          {t('provider.fillIn')}
        </Button>
      )}
      {editing && <ProfileForm profile={null} onClose={() => setEditing(false)} onSaved={onSaved} />}
    </>
  );
}

function ProfileDescriptions({ profile }: { profile: Profile }) {
  const { t } = useI18n();
  return (
    <Descriptions bordered column={1} size="small" style={{ width: 680, marginBottom: 24 }} data-testid="provider-profile">
      <Descriptions.Item label={t('provider.version')}>{profile.version}</Descriptions.Item>
      {FIELDS.map(([field, label]) => (
        <Descriptions.Item key={field} label={t(label)}>
          {profile[field] ?? '—'}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** The seal image of this version; admins replace it (PNG), which saves a new version. */
function Seal({ profile, admin, onSaved }: { profile: Profile; admin: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  return (
    <Space direction="vertical" align="center">
      {profile.sealFile ? (
        <Image width={140} src={`/api/v1/provider/seal?version=${profile.version}`} alt={t('provider.seal')} data-testid="provider-seal" />
      ) : (
        <Typography.Text type="secondary">{t('provider.noSeal')}</Typography.Text>
      )}
      {admin && (
        <Upload
          accept="image/png"
          showUploadList={false}
          beforeUpload={(file) => {
            const fd = new FormData();
            fd.append('file', file);
            upload<Profile>('PUT', '/provider/seal', fd).then(onSaved, showError);
            return false;
          }}
        >
          <Button data-testid="provider-seal-upload">{t('provider.sealUpload')}</Button>
        </Upload>
      )}
    </Space>
  );
}

function Versions({ items }: { items: Profile[] | undefined }) {
  const { t } = useI18n();
  return (
    <Table<Profile>
      rowKey="version"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t('provider.version'), dataIndex: 'version' },
        { title: t('provider.legalName'), dataIndex: 'legalName' },
        { title: t('provider.domicileCourt'), dataIndex: 'domicileCourt' },
        { title: t('provider.signingPlace'), dataIndex: 'signingPlace' },
        { title: t('provider.seal'), dataIndex: 'sealFile', render: (s: Profile['sealFile']) => (s ? '✓' : '') },
        { title: t('audit.at'), dataIndex: 'createdAt', render: (at: Profile['createdAt']) => <Instant value={at} /> },
      ]}
    />
  );
}

/** Edits the particulars; empty optional fields are saved as null, the current seal is kept. */
function ProfileForm({ profile, onClose, onSaved }: { profile: Profile | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<ProfileValues>();
  const save = async (values: ProfileValues) => {
    try {
      const body = Object.fromEntries(FIELDS.map(([f, , required]) => [f, required ? values[f] : values[f] || null])) as ProfileValues;
      await unwrap(client.PUT('/api/v1/provider', { body: { ...body, sealFile: profile?.sealFile ?? null } }));
      onClose();
      onSaved();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal open title={t('nav.provider')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={profile ?? undefined} onFinish={save}>
        {FIELDS.map(([field, label, required]) => (
          <Form.Item key={field} name={field} label={t(label)} rules={required ? [{ required: true }] : []}>
            <Input data-testid={`provider-form-${field}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
