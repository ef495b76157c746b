import { Alert, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { DECLARABLE_SERVICES } from '../../../../src/rules/compliance';
import { client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant, upload } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { serverLabel, type ServerRef } from './conductParts';

type DeclaredService = Schemas['DeclaredService'];
type DeclareValues = ApiBody<'/api/v1/compliance/services', 'post'>;

/** Declaring a service on a server (5.3). */
function DeclareForm({ options, onSaved }: { options: { value: string; label: string }[]; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<DeclareValues>();
  const declare = (body: DeclareValues) => unwrap(client.POST('/api/v1/compliance/services', { body })).then(() => (form.resetFields(), onSaved()), (e) => showError(e, form));
  return (
    <Form<DeclareValues> form={form} layout="inline" style={{ marginBottom: 12 }} initialValues={{ kind: 'www' }} onFinish={declare}>
      <Form.Item name="serverId" rules={[{ required: true }]}>
        <Select placeholder={t('tickets.server')} style={{ width: 300 }} options={options} data-testid="service-server" />
      </Form.Item>
      <Form.Item name="kind">
        <Select style={{ width: 140 }} options={DECLARABLE_SERVICES.map((k) => ({ value: k, label: t(`conduct.kind.${k}`) }))} data-testid="service-kind" />
      </Form.Item>
      <Form.Item name="description">
        <Input placeholder={t('conduct.serviceDescription')} style={{ width: 220 }} />
      </Form.Item>
      <Button htmlType="submit" data-testid="service-declare">
        {t('conduct.declare')}
      </Button>
    </Form>
  );
}

/** The supplementary agreement of a non-www service: its download, and staff's upload. */
function Agreement({ s, mayFile, onSaved }: { s: DeclaredService; mayFile: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  if (s.kind === 'www') return <>—</>;
  const fileAgreement = (file: File) => {
    const body = new FormData();
    body.append('file', file);
    upload<DeclaredService>('POST', `/compliance/services/${s.id}/agreement`, body).then(onSaved, showError);
    return false;
  };
  return (
    <Space>
      {s.hasAgreement ? <a href={`/api/v1/compliance/services/${s.id}/agreement`}>{s.agreementFileName ?? t('compliance.download')}</a> : <Tag>{t('compliance.noEvidence')}</Tag>}
      {mayFile && (
        <Upload showUploadList={false} accept=".pdf,.png,.jpg,.jpeg" beforeUpload={fileAgreement}>
          <Button size="small" data-testid={`agreement-${s.id}`}>
            {t('conduct.fileAgreement')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}

/** 5.3: the services declared per server; anything but www needs the supplementary agreement on file. */
export function ServicesTab({ staff, servers }: { staff: boolean; servers: ServerRef[] }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [serverId, setServerId] = useState<string | undefined>();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/compliance/services', { params: { query: { serverId } } })), [serverId]);
  const byId = new Map(servers.map((s) => [s.id, s]));
  const mayDeclare = useCan('service.declare');
  const mayWithdraw = useCan('service.withdraw');
  const mayFile = useCan('service.fileAgreement');
  const options = servers.map((s) => ({ value: s.id, label: serverLabel(s, staff) }));
  const withdraw = (s: DeclaredService) => unwrap(client.POST('/api/v1/compliance/services/{id}/withdraw', { params: { path: { id: s.id } } })).then(reload, showError);
  const withdrawColumn = {
    title: t('common.actions'),
    render: (_: unknown, r: DeclaredService) => (
      <Popconfirm title={t('confirm.serviceWithdraw.title')} description={t('confirm.serviceWithdraw.consequence')} okText={t('conduct.withdraw')} okButtonProps={{ danger: true }} onConfirm={() => withdraw(r)}>
        <Button size="small">{t('conduct.withdraw')}</Button>
      </Popconfirm>
    ),
  };
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('conduct.servicesRule')} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Select allowClear placeholder={t('conduct.allServers')} style={{ width: 360 }} value={serverId} onChange={setServerId} options={options} showSearch optionFilterProp="label" />
      </Space>
      {mayDeclare && <DeclareForm options={options} onSaved={reload} />}
      <Table<DeclaredService>
        rowKey="id"
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('tickets.server'), dataIndex: 'serverId', render: (id: string) => serverLabel(byId.get(id), staff) },
          { title: t('conduct.kind'), dataIndex: 'kind', render: (k: DeclaredService['kind']) => t(`conduct.kind.${k}`) },
          { title: t('conduct.serviceDescription'), dataIndex: 'description' },
          { title: t('conduct.declaredAt'), dataIndex: 'declaredAt', render: (v: string) => <Instant value={v} /> },
          { title: t('conduct.agreement'), render: (_: unknown, r) => <Agreement s={r} mayFile={mayFile} onSaved={reload} /> },
          { title: t('common.status'), dataIndex: 'violation', render: (v: string | null) => (v ? <Tag color="red">{t('conduct.violation.agreementMissing')}</Tag> : <Tag color="green">{t('conduct.compliant')}</Tag>) },
          ...(mayWithdraw ? [withdrawColumn] : []),
        ]}
      />
    </>
  );
}
