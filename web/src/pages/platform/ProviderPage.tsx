import { App, Button, Descriptions, Form, Image, Input, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { put, get } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { upload } from '../../components/upload';

interface Profile {
  version: number;
  legalName: string;
  uscc: string;
  address: string;
  domicileCourt: string;
  bankName: string;
  bankAccount: string;
  signingPlace: string;
  phone: string | null;
  noticeEmail: string | null;
  noticeFax: string | null;
  postalAddress: string;
  sealFile: string | null;
  createdAt: string;
}

const FIELDS: [keyof Profile, MessageKey, boolean][] = [
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
];

/**
 * 乙方信息 — the provider profile, its versions and its seal. Admins edit; every save is a new
 * version, so a contract keeps the particulars (and the seal) it was signed under.
 */
export function ProviderPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const admin = Boolean(me?.roles.includes('admin'));
  const { data: current, reload } = useLoad(() => get<Profile>('/provider'), []);
  const { data: versions, reload: reloadVersions } = useLoad(() => get<{ items: Profile[] }>('/provider/versions'), [current?.version]);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  if (!current) return null;
  const saved = () => (message.success(t('provider.savedVersion', { version: current.version + 1 })), reload(), reloadVersions());
  return (
    <>
      <Typography.Title level={3}>{t('nav.provider')}</Typography.Title>
      <Space align="start" size="large" wrap>
        <Descriptions bordered column={1} size="small" style={{ width: 680, marginBottom: 24 }} data-testid="provider-profile">
          <Descriptions.Item label={t('provider.version')}>{current.version}</Descriptions.Item>
          {FIELDS.map(([field, label]) => (
            <Descriptions.Item key={field} label={t(label)}>
              {current[field] ?? '—'}
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Space direction="vertical" align="center">
          {current.sealFile ? (
            <Image width={140} src={`/api/v1/provider/seal?version=${current.version}`} alt={t('provider.seal')} data-testid="provider-seal" />
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
                upload('PUT', '/provider/seal', fd).then(saved, showError);
                return false;
              }}
            >
              <Button data-testid="provider-seal-upload">{t('provider.sealUpload')}</Button>
            </Upload>
          )}
        </Space>
      </Space>
      {admin && (
        <Button type="primary" style={{ display: 'block', marginBottom: 24 }} onClick={() => (form.setFieldsValue(current), setEditing(true))} data-testid="provider-edit">
          {t('customers.edit')}
        </Button>
      )}
      <Table<Profile>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={versions?.items}
        columns={[
          { title: t('provider.version'), dataIndex: 'version' },
          { title: t('provider.legalName'), dataIndex: 'legalName' },
          { title: t('provider.domicileCourt'), dataIndex: 'domicileCourt' },
          { title: t('provider.signingPlace'), dataIndex: 'signingPlace' },
          { title: t('provider.seal'), dataIndex: 'sealFile', render: (s: string | null) => (s ? '✓' : '') },
          { title: t('audit.at'), dataIndex: 'createdAt', render: shanghaiTime },
        ]}
      />
      <Modal open={editing} title={t('nav.provider')} onCancel={() => setEditing(false)} onOk={() => form.submit()} destroyOnHidden width={640}>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (values: Record<string, string | null>) => {
            try {
              const body = Object.fromEntries(FIELDS.map(([f, , required]) => [f, required ? values[f] : values[f] || null]));
              await put('/provider', { ...body, sealFile: current.sealFile });
              setEditing(false);
              saved();
            } catch (e) {
              showError(e, form);
            }
          }}
        >
          {FIELDS.map(([field, label, required]) => (
            <Form.Item key={field} name={field} label={t(label)} rules={required ? [{ required: true }] : []}>
              <Input data-testid={`provider-form-${field}`} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
