import { Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { upload } from '../../components';
import { toDateString, type Dayjs } from '../../dates';
import { calendarDate } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Attestation = Schemas['LogRetentionAttestation'];
/** The paper attestation form: what the signed page says, who received it and when, and its scan. */
interface PaperAttestationValues {
  location: string;
  retentionMonths: number;
  receivedBy: string;
  receivedOn?: Dayjs;
}

/**
 * 合规与纸质文件 (issue 18 §2): the customer's 5.5 log-retention attestations, and the form staff use to record one the
 * customer signed on paper — the scan, who at the provider received it and on which day (audited as a paper record).
 */
export function PaperRecordsTab({ customerId, canRecord, onChanged }: { customerId: string; canRecord: boolean; onChanged?: () => void }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [form] = Form.useForm<PaperAttestationValues>();
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const { data: readiness, reload: reloadReadiness } = useLoad(() => unwrap(client.GET('/api/v1/compliance/readiness/{id}', { params: { path: { id: customerId } } })), [customerId]);
  const { data: list, reload: reloadList } = useLoad(() => unwrap(client.GET('/api/v1/compliance/attestations', { params: { query: { customerId } } })), [customerId]);
  const record = async (v: PaperAttestationValues) => {
    const fd = new FormData();
    fd.append('customerId', customerId);
    fd.append('location', v.location ?? '');
    fd.append('retentionMonths', String(v.retentionMonths ?? ''));
    fd.append('receivedBy', v.receivedBy ?? '');
    fd.append('receivedOn', toDateString(v.receivedOn) ?? '');
    if (fileList[0]?.originFileObj) fd.append('file', fileList[0].originFileObj);
    try {
      await upload<Attestation>('POST', '/compliance/attestations/paper', fd);
      form.resetFields();
      setFileList([]);
      reloadReadiness();
      reloadList();
      onChanged?.();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {readiness && (
        <Tag color={readiness.ready ? (readiness.state === 'valid' ? 'green' : 'orange') : 'red'} data-testid="log-retention-state">
          {t(`compliance.attestation.${readiness.state}` as MessageKey)}
          {readiness.validUntil ? ` · ${t('compliance.validUntil')} ${calendarDate(readiness.validUntil)}` : ''}
        </Tag>
      )}
      <Table<Attestation>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list?.items}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('compliance.logLocation'), dataIndex: 'location' },
          { title: t('compliance.retentionMonths'), dataIndex: 'retentionMonths' },
          { title: t('paper.attestedOn'), dataIndex: 'attestedOn', render: calendarDate },
          { title: t('compliance.validUntil'), dataIndex: 'validUntil', render: calendarDate },
          {
            title: t('paper.source'),
            render: (_, a) =>
              a.receivedOn ? (
                <Space size={4} wrap>
                  <Tag>{t('paper.onPaper')}</Tag>
                  <Typography.Text>{t('paper.receivedByOn', { who: a.receivedBy ?? '', day: calendarDate(a.receivedOn) })}</Typography.Text>
                  {a.hasScan && <a href={`/api/v1/compliance/attestations/${a.id}/scan`}>{t('paper.scan')}</a>}
                </Space>
              ) : (
                <Tag color="blue">{t('paper.portal')}</Tag>
              ),
          },
        ]}
      />
      {canRecord && (
        <Card size="small" title={t('paper.attestationTitle')} data-testid="paper-attestation">
          <Typography.Paragraph type="secondary">{t('paper.attestationHint')}</Typography.Paragraph>
          <Form<PaperAttestationValues> form={form} layout="vertical" initialValues={{ retentionMonths: 6 }} onFinish={record} style={{ maxWidth: 520 }}>
            <Form.Item name="location" label={t('compliance.logLocation')} rules={[{ required: true }]}>
              <Input data-testid="paper-location" />
            </Form.Item>
            <Form.Item name="retentionMonths" label={t('compliance.retentionMonths')}>
              <InputNumber min={1} max={120} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="receivedBy" label={t('paper.receivedBy')} rules={[{ required: true }]}>
                <Input data-testid="paper-received-by" />
              </Form.Item>
              <Form.Item name="receivedOn" label={t('paper.receivedOn')} rules={[{ required: true }]}>
                <DatePicker data-testid="paper-received-on" />
              </Form.Item>
            </Space>
            <Form.Item name="file" label={t('paper.scan')} rules={[{ required: true }]}>
              <Upload accept=".pdf,.jpg,.jpeg,.png" maxCount={1} beforeUpload={() => false} fileList={fileList} onChange={({ fileList: l }) => setFileList(l)}>
                <Button data-testid="paper-scan">{t('paper.scan')}</Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="paper-record">
              {t('paper.record')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
