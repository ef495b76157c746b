import { Alert, Button, Card, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { DocumentDownload, WorkProgress } from '../../components';

type Report = Schemas['NetboxImportReport'];
type Row = Schemas['NetboxRowReport'];
type Kind = Schemas['NetboxKind'];
type RoleAction = Schemas['NetboxRoleAction'];
type RoleMapping = Schemas['NetboxRoleMapping'];
type TenantMapping = Schemas['NetboxTenantMapping'];
type Status = Row['status'];
/** What the operator chose: each role's action, each tenant's customer (null: none). */
interface MappingState {
  roles: Record<string, RoleAction>;
  tenants: Record<string, string | null>;
}
type FilesState = Partial<Record<Kind, { name: string; text: string }>>;

/** The file each kind comes in (rackpact's and NetBox's import name; NetBox 4.x exports netbox_<kind>.csv). */
const FILE_OF: Record<Kind, string> = { sites: 'sites.csv', racks: 'racks.csv', prefixes: 'prefixes.csv', devices: 'devices.csv', interfaces: 'interfaces.csv', ipAddresses: 'ip-addresses.csv' };
const KINDS = Object.keys(FILE_OF) as Kind[];
const BY_BASE: Record<string, Kind> = { sites: 'sites', racks: 'racks', prefixes: 'prefixes', devices: 'devices', interfaces: 'interfaces', ipaddresses: 'ipAddresses' };
/** sites.csv, netbox_sites.csv, "netbox_IP addresses (2).csv" … → the kind, as the server's CLI reads a directory. */
const kindOfFile = (name: string): Kind | undefined =>
  BY_BASE[
    name
      .toLowerCase()
      .replace(/\.csv$/, '')
      .replace(/^netbox_/, '')
      .replace(/\s*\(\d+\)$/, '')
      .replace(/[^a-z]+/g, '')
  ];
const STATUS_COLOR: Record<Status, string> = { create: 'green', unchanged: 'default', ignored: 'gold', refused: 'red' };
const ACTIONS: RoleAction[] = ['server', 'switch', 'ignore'];

/**
 * NetBox import for the NOC, in two steps: upload NetBox's CSV (3.x or 4.x, import or export
 * columns) and preview — every row as create / unchanged / ignored / refused, and the roles and
 * tenants found; map each role to server, switch or ignore and each tenant to a customer, preview
 * again, then import with that mapping.
 */
export function NetboxImportPage() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [files, setFiles] = useState<FilesState>({});
  const [mapping, setMapping] = useState<MappingState>({ roles: {}, tenants: {} });
  const [report, setReport] = useState<Report | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  // issue 20 §6: when the running preview or import started, and which it is (the server answers once, at the end)
  const [running, setRunning] = useState<{ since: number; dryRun: boolean } | null>(null);
  const addFile = (kind: Kind, name: string, text: string) => (setFiles((prev) => ({ ...prev, [kind]: { name, text } })), setReport(null));
  const run = (dryRun: boolean) => {
    setBusy(true);
    setRunning({ since: Date.now(), dryRun });
    const body = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, f.text]));
    const roles = Object.entries(mapping.roles).map(([role, action]) => ({ role, action }));
    const tenants = Object.entries(mapping.tenants).map(([tenant, customerId]) => ({ tenant, customerId }));
    unwrap(client.POST('/api/v1/netbox/import', { body: { dryRun, ...body, roles, tenants } }))
      .then((r) => {
        setReport(r);
        setStale(false);
        // the server's mapping (asked for or suggested) becomes the one shown and sent next
        setMapping({ roles: Object.fromEntries(r.roles.map((x) => [x.role, x.action])), tenants: Object.fromEntries(r.tenants.map((x) => [x.tenant, x.customerId])) });
      }, showError)
      .finally(() => (setBusy(false), setRunning(null)));
  };
  const remap = (next: MappingState) => (setMapping(next), setStale(true));
  const chosen = Object.keys(files).length > 0;
  return (
    <>
      <Typography.Title level={3}>{t('nav.netboxImport')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('netbox.intro')}</Typography.Paragraph>
      <Card>
        <NetboxFilePicker files={files} onFile={addFile} />
        <Space style={{ marginTop: 16, display: 'flex' }} wrap>
          <Button data-testid="netbox-preview" disabled={!chosen} loading={busy} onClick={() => run(true)}>
            {report?.dryRun ? t('netbox.previewAgain') : t('netbox.preview')}
          </Button>
          <Button data-testid="netbox-import" type="primary" disabled={!chosen || !report?.dryRun || stale} loading={busy} onClick={() => run(false)}>
            {t('netbox.import')}
          </Button>
          <DocumentDownload as="link" href="/netbox/export/devices.csv">
            {t('netbox.exportDevices')}
          </DocumentDownload>
        </Space>
        <WorkProgress since={running?.since ?? null} step={t(running?.dryRun ? 'progress.netboxPreview' : 'progress.netboxImport')} testId="netbox-progress" />
      </Card>
      {report && (
        <>
          <Alert
            style={{ margin: '16px 0' }}
            type={stale ? 'info' : report.counts.refused ? 'warning' : 'success'}
            message={stale ? t('netbox.mappingChanged') : t(report.dryRun ? 'netbox.previewResult' : 'netbox.importResult', report.counts)}
          />
          {(report.roles.length > 0 || report.tenants.length > 0) && <NetboxMapping report={report} mapping={mapping} onChange={remap} />}
          {report.files.map((f) => (
            <NetboxFileReport key={f.kind} file={f} uploaded={files[f.kind]?.name} dryRun={report.dryRun} />
          ))}
        </>
      )}
    </>
  );
}

interface NetboxFilePickerProps {
  files: FilesState;
  onFile: (kind: Kind, name: string, text: string) => void;
}

/** One button per kind, and one that takes a whole NetBox export (several files) and sorts them by name. */
function NetboxFilePicker({ files, onFile }: NetboxFilePickerProps) {
  const { t } = useI18n();
  const [unknown, setUnknown] = useState<string[]>([]);
  return (
    <>
      <Upload
        multiple
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(f) => {
          const kind = kindOfFile(f.name);
          if (kind) f.text().then((text) => onFile(kind, f.name, text));
          else setUnknown((prev) => [...prev, f.name]);
          return false;
        }}
      >
        <Button data-testid="netbox-files" type="dashed">
          {t('netbox.chooseFiles')}
        </Button>
      </Upload>
      {unknown.length > 0 && <Alert style={{ marginTop: 8 }} type="warning" message={t('netbox.unknownFiles', { names: unknown.join('、') })} />}
      <Space wrap style={{ marginTop: 12, display: 'flex' }}>
        {KINDS.map((kind) => (
          <Upload
            key={kind}
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(f) => {
              f.text().then((text) => onFile(kind, f.name, text));
              return false;
            }}
          >
            <Button data-testid={`netbox-${kind}`}>
              {t(`netbox.kind.${kind}`)}
              {files[kind] ? ` ✓ ${files[kind]!.name}` : ''}
            </Button>
          </Upload>
        ))}
      </Space>
    </>
  );
}

interface NetboxMappingProps {
  report: Report;
  mapping: MappingState;
  onChange: (next: MappingState) => void;
}

/** The NetBox roles and tenants the files name, each with what it becomes here. */
function NetboxMapping({ report, mapping, onChange }: NetboxMappingProps) {
  const { t } = useI18n();
  const { data: customers } = useLoad(() => unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })), []);
  const customerOptions = [{ value: '', label: t('netbox.noCustomer') }, ...(customers?.items ?? []).map((c) => ({ value: c.id, label: c.name }))];
  return (
    <Card title={t('netbox.mapping')} size="small" style={{ marginBottom: 12 }} data-testid="netbox-mapping">
      <Space align="start" wrap size="large">
        <Table<RoleMapping>
          rowKey="role"
          size="small"
          pagination={false}
          dataSource={report.roles}
          columns={[
            { title: t('netbox.role'), dataIndex: 'role' },
            { title: t('netbox.devices'), dataIndex: 'devices', width: 80 },
            {
              title: t('netbox.becomes'),
              render: (_, r) => (
                <Select<RoleAction>
                  data-testid={`netbox-role-${r.role}`}
                  style={{ width: 180 }}
                  value={mapping.roles[r.role] ?? r.action}
                  options={ACTIONS.map((a) => ({ value: a, label: t(`netbox.action.${a}`) }))}
                  onChange={(action) => onChange({ ...mapping, roles: { ...mapping.roles, [r.role]: action } })}
                />
              ),
            },
          ]}
        />
        <Table<TenantMapping>
          rowKey="tenant"
          size="small"
          pagination={false}
          dataSource={report.tenants}
          columns={[
            { title: t('netbox.tenant'), dataIndex: 'tenant' },
            { title: t('netbox.rows'), dataIndex: 'rows', width: 80 },
            {
              title: t('netbox.customer'),
              render: (_, r) => (
                <Select<string>
                  data-testid={`netbox-tenant-${r.tenant}`}
                  style={{ width: 240 }}
                  showSearch
                  optionFilterProp="label"
                  value={(r.tenant in mapping.tenants ? mapping.tenants[r.tenant] : r.customerId) ?? ''}
                  options={customerOptions}
                  onChange={(id) => onChange({ ...mapping, tenants: { ...mapping.tenants, [r.tenant]: id || null } })}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

interface NetboxFileReportProps {
  file: Report['files'][number];
  /** the name of the file the operator chose (netbox_devices.csv, …) */
  uploaded?: string;
  dryRun: boolean;
}

/** One file's rows: what each became (or would become), and why when it is more than the status says. */
function NetboxFileReport({ file, uploaded, dryRun }: NetboxFileReportProps) {
  const { t } = useI18n();
  const label = (s: Status) => t(s === 'create' && !dryRun ? 'netbox.status.created' : `netbox.status.${s}`);
  return (
    <Card
      title={`${t(`netbox.kind.${file.kind}`)} · ${uploaded ?? file.file}`}
      extra={(Object.keys(file.counts) as Status[]).filter((s) => file.counts[s] > 0).map((s) => (
        <Tag key={s} color={STATUS_COLOR[s]}>
          {label(s)} {file.counts[s]}
        </Tag>
      ))}
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`netbox-report-${file.kind}`}
    >
      <Table<Row>
        rowKey="line"
        size="small"
        pagination={file.rows.length > 50 ? { pageSize: 50 } : false}
        dataSource={file.rows}
        columns={[
          { title: t('netbox.line'), dataIndex: 'line', width: 70 },
          { title: t('common.status'), dataIndex: 'status', width: 110, render: (s: Status) => <Tag color={STATUS_COLOR[s]}>{label(s)}</Tag> },
          { title: t('common.name'), dataIndex: 'ref' },
          {
            title: t('netbox.detail'),
            render: (_, r) =>
              r.status === 'refused' ? (
                <>
                  <Typography.Text type="danger">{r.reason}</Typography.Text>
                  {r.fields?.map((x) => (
                    <div key={x.path}>
                      <Typography.Text code>{x.path}</Typography.Text> {x.message}
                    </div>
                  ))}
                </>
              ) : (
                r.note
              ),
          },
        ]}
      />
    </Card>
  );
}
