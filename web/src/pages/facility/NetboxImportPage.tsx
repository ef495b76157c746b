import { Alert, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useApiErrors } from '../../hooks';
import { useI18n } from '../../i18n';

type Report = Schemas['NetboxImportReport'];
type Row = Schemas['NetboxRowReport'];
type Kind = Report['files'][number]['kind'];
/** The file NetBox exports for each kind the server imports (typed by the server's enum: none missing, none extra). */
const FILE_OF: Record<Kind, string> = { sites: 'sites.csv', racks: 'racks.csv', devices: 'devices.csv', ipAddresses: 'ip-addresses.csv' };
const FILES = (Object.keys(FILE_OF) as Kind[]).map((kind) => ({ kind, file: FILE_OF[kind] }));

/**
 * NetBox CSV import for the NOC: choose the exported files, run a dry run to see every row's fate,
 * then apply — the good rows go in one transaction and the report names every refused row.
 */
export function NetboxImportPage() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [files, setFiles] = useState<Partial<Record<Kind, { name: string; text: string }>>>({});
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (dryRun: boolean) => {
    setBusy(true);
    const body = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, f.text]));
    unwrap(client.POST('/api/v1/netbox/import', { body: { dryRun, ...body } }))
      .then(setReport, showError)
      .finally(() => setBusy(false));
  };
  const chosen = Object.keys(files).length > 0;
  return (
    <>
      <Typography.Title level={3}>{t('nav.netboxImport')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('netbox.hint')}</Typography.Paragraph>
      <Card>
        <Space wrap>
          {FILES.map(({ kind, file }) => (
            <Upload
              key={kind}
              accept=".csv,text/csv"
              showUploadList={false}
              beforeUpload={(f) => {
                f.text().then((text) => (setFiles((prev) => ({ ...prev, [kind]: { name: f.name, text } })), setReport(null)));
                return false;
              }}
            >
              <Button data-testid={`netbox-${kind}`}>
                {file}
                {files[kind] ? ` ✓ ${files[kind]!.name}` : ''}
              </Button>
            </Upload>
          ))}
        </Space>
        <Space style={{ marginTop: 16, display: 'flex' }}>
          <Button disabled={!chosen} loading={busy} onClick={() => run(true)}>
            {t('netbox.dryRun')}
          </Button>
          <Button type="primary" disabled={!chosen || !report?.dryRun} loading={busy} onClick={() => run(false)}>
            {t('netbox.apply')}
          </Button>
          <a href="/api/v1/netbox/export/devices.csv">{t('netbox.exportDevices')}</a>
        </Space>
      </Card>
      {report && (
        <>
          <Alert
            style={{ margin: '16px 0' }}
            type={report.rejected ? 'warning' : 'success'}
            message={t(report.dryRun ? 'netbox.dryRunResult' : 'netbox.appliedResult', { ok: report.ok, rejected: report.rejected })}
          />
          {report.files.map((f) => (
            <Card key={f.kind} title={f.file} size="small" style={{ marginBottom: 12 }}>
              <Table<Row>
                rowKey="line"
                size="small"
                pagination={false}
                dataSource={f.rows}
                columns={[
                  { title: t('netbox.line'), dataIndex: 'line', width: 80 },
                  { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'ok' ? 'green' : 'red'}>{s === 'ok' ? t('netbox.ok') : t('netbox.rejected')}</Tag> },
                  { title: t('common.name'), dataIndex: 'ref' },
                  {
                    title: t('netbox.reason'),
                    render: (_, r) =>
                      r.status === 'error' && (
                        <>
                          {r.reason}
                          {r.fields?.map((x) => (
                            <div key={x.path}>
                              <Typography.Text code>{x.path}</Typography.Text> {x.message}
                            </div>
                          ))}
                        </>
                      ),
                  },
                ]}
              />
            </Card>
          ))}
        </>
      )}
    </>
  );
}
