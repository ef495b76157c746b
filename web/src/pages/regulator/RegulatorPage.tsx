import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { DocumentDownload, Instant, StatusTag, WorkProgress, useConfirm } from '../../components';
import { calendarDate } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type RecordKind = Schemas['RegulatorRegisterPage']['kind'];
type Change = Schemas['RegulatorChange'];
type Export = Schemas['RegulatorExport'];
type Finding = Schemas['RegulatorFinding'];
type FailureEntry = { key: string; kind: string; record: string; message: string };

const KINDS: readonly RecordKind[] = ['operator', 'house', 'gateway', 'frame', 'ip_segment', 'user', 'service', 'occupied'];
const CHANGE_STATUSES: readonly Change['status'][] = ['pending', 'exported', 'acknowledged', 'rejected'];
const CHANGE_COLORS: Partial<Record<Change['status'], string>> = { pending: 'orange', exported: 'blue', acknowledged: 'green', rejected: 'red' };
const EXPORT_COLORS: Partial<Record<Export['status'], string>> = { exported: 'blue', acknowledged: 'green', rejected: 'red' };
const FINDING_STATUSES: readonly Finding['status'][] = ['open', 'converted', 'dismissed', 'cleared'];
const FINDING_KINDS: readonly Finding['kind'][] = ['unfiled_host', 'unfiled_sni', 'unallocated_ip', 'allocation_no_user', 'filing_not_resolving'];
const FINDING_COLORS: Partial<Record<Finding['status'], string>> = { open: 'orange', converted: 'red', dismissed: 'default', cleared: 'green' };
const HOUSE_NATURES = ['self_built', 'leased', 'other'] as const;

/** The reporting deadline (a calendar date) with "overdue" beside it once it has passed. */
function dueOnColumn<T extends { dueOn: string; overdue: boolean }>(title: string, overdueLabel: string) {
  return {
    title,
    dataIndex: 'dueOn',
    render: (v: string, r: T) => (
      <Space size={4}>
        {calendarDate(v)}
        {r.overdue && <Tag color="red">{overdueLabel}</Tag>}
      </Space>
    ),
  };
}

/** A value of the register as the regulator gets it, in words where the catalog names it (static → 静态分配). */
function useValueText() {
  const { t, has } = useI18n();
  return (v: string | number | boolean) => {
    const key = `regulator.value.${String(v)}`;
    return has(key) ? t(key) : String(v);
  };
}

/** The failures a validation or a refused export lists: the record kind, the record, the reason in words. */
function FailureTable({ items }: { items: FailureEntry[] }) {
  const { t } = useI18n();
  return (
    <Table<FailureEntry>
      rowKey="key"
      size="small"
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      dataSource={items}
      data-testid="regulator-failures"
      columns={[
        { title: t('regulator.failure.kind'), dataIndex: 'kind', width: 140, render: (k: string) => t(`regulator.kind.${k}` as MessageKey) },
        { title: t('regulator.failure.record'), dataIndex: 'record', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        { title: t('regulator.failure.reason'), dataIndex: 'message' },
      ]}
    />
  );
}

/** 基础数据: the register as it stands, one record kind at a time, and the checks before a file may leave. */
function RegisterTab() {
  const { t } = useI18n();
  const text = useValueText();
  const showError = useApiErrors();
  const [kind, setKind] = useState<RecordKind>('user');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { data, loading } = useLoad(() => unwrap(client.GET('/api/v1/regulator/register/{kind}', { params: { path: { kind }, query: page } })), [kind, page.page, page.pageSize]);
  const [checking, setChecking] = useState<number | null>(null);
  const [result, setResult] = useState<FailureEntry[] | null>(null);
  const validate = () => {
    setChecking(Date.now());
    unwrap(client.GET('/api/v1/regulator/validation'))
      .then((v) => setResult(v.failures.map((f, i) => ({ key: `${i}`, kind: f.kind, record: f.recordKey, message: f.message }))), showError)
      .finally(() => setChecking(null));
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('regulator.kindPicker')}</span>
        <Select
          style={{ width: 220 }}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={KINDS.map((k) => ({ value: k, label: `${t(`regulator.kind.${k}`)}${data ? ` (${data.counts[k]})` : ''}` }))}
          data-testid="regulator-kind"
        />
        <Button onClick={validate} loading={checking !== null} data-testid="regulator-validate">
          {t('regulator.validate')}
        </Button>
      </Space>
      <WorkProgress since={checking} step={t('regulator.validating')} testId="regulator-validating" />
      {result &&
        (result.length === 0 ? (
          <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('regulator.valid')} data-testid="regulator-valid" />
        ) : (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('regulator.invalid', { count: result.length })} description={<FailureTable items={result} />} data-testid="regulator-invalid" />
        ))}
      <Table<Record<string, string | number | boolean>>
        rowKey={(r) => String(r[data?.fields[0] ?? ''])}
        size="small"
        loading={loading}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items}
        data-testid="regulator-register"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showTotal: (n) => t('regulator.recordsTotal', { count: n }),
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
        columns={(data?.fields ?? []).map((f) => ({
          title: t(`regulator.field.${f}` as MessageKey),
          dataIndex: f,
          // identifiers (record, user, segment ids) are shown as the file carries them, as codes
          render: (v: string | number | boolean) => (v === '' ? '—' : /Id$/.test(f) ? <Typography.Text code>{String(v)}</Typography.Text> : text(v)),
        }))}
      />
    </>
  );
}

/** 变更登记: every change to a record, its deadline (overdue flagged) and what the regulator said. */
function ChangesTab() {
  const { t, has } = useI18n();
  const [status, setStatus] = useState<Change['status'] | undefined>(undefined);
  const { data, loading } = useLoad(() => unwrap(client.GET('/api/v1/regulator/changes', { params: { query: { status } } })), [status]);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 180 }}
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('regulator.allStatuses')}
          options={CHANGE_STATUSES.map((s) => ({ value: s, label: t(`regulator.changeStatus.${s}`) }))}
          data-testid="regulator-change-status"
        />
      </Space>
      <Table<Change>
        rowKey="id"
        size="small"
        loading={loading}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items}
        data-testid="regulator-changes"
        columns={[
          { title: t('regulator.change.seq'), dataIndex: 'seq', width: 70 },
          { title: t('regulator.change.kind'), dataIndex: 'kind', render: (k: Change['kind']) => t(`regulator.kind.${k}`) },
          { title: t('regulator.change.record'), dataIndex: 'recordKey', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('regulator.change.action'), dataIndex: 'action', render: (a: Change['action']) => t(`regulator.action.${a}`) },
          { title: t('regulator.change.cause'), dataIndex: 'cause', render: (c: string) => (has(`regulator.cause.${c}`) ? t(`regulator.cause.${c}` as MessageKey) : c) },
          { title: t('regulator.change.occurredAt'), dataIndex: 'occurredAt', render: (v: string) => <Instant value={v} /> },
          dueOnColumn(t('regulator.change.dueOn'), t('regulator.change.overdue')),
          { title: t('common.status'), dataIndex: 'status', render: (s: Change['status']) => <StatusTag value={s} prefix="regulator.changeStatus" colors={CHANGE_COLORS} /> },
          { title: t('regulator.change.result'), render: (_: unknown, r) => [r.resultCode, r.rejectReason].filter(Boolean).join(' · ') || '—' },
        ]}
      />
    </>
  );
}

/** 报送导出: run a full or incremental export, download it, record the regulator's answer. */
function ExportsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const mayExport = useCan('regulator.export');
  const mayDecide = useCan('regulator.decide');
  const { data, loading, reload } = useLoad(() => unwrap(client.GET('/api/v1/regulator/exports')), []);
  const [running, setRunning] = useState<{ mode: Export['mode']; since: number } | null>(null);
  const [refused, setRefused] = useState<FailureEntry[] | null>(null);
  const [deciding, setDeciding] = useState<Export | null>(null);
  const [form] = Form.useForm<{ decision: 'acknowledged' | 'rejected'; resultCode: string; reason?: string }>();
  const decision = Form.useWatch('decision', form);

  const run = (mode: Export['mode']) => {
    setRunning({ mode, since: Date.now() });
    setRefused(null);
    unwrap(client.POST('/api/v1/regulator/exports', { body: { mode } }))
      .then((r) => {
        message.success(t('regulator.exported', { file: r.export.fileName }));
        reload();
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'REGULATOR_EXPORT_INVALID') {
          setRefused(e.fields.map((f, i) => ({ key: `${i}`, kind: f.path.split(':')[0], record: f.path.split(':').slice(1).join(':'), message: f.message })));
        } else showError(e);
      })
      .finally(() => setRunning(null));
  };
  const decide = async () => {
    if (!deciding) return;
    const v = await form.validateFields();
    const path = { params: { path: { id: deciding.id } } };
    try {
      if (v.decision === 'acknowledged') await unwrap(client.POST('/api/v1/regulator/exports/{id}/acknowledge', { ...path, body: { resultCode: v.resultCode } }));
      else await unwrap(client.POST('/api/v1/regulator/exports/{id}/reject', { ...path, body: { resultCode: v.resultCode, reason: v.reason ?? '' } }));
      message.success(t('regulator.decided'));
      setDeciding(null);
      reload();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <>
      {mayExport && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => run('incremental')} loading={running?.mode === 'incremental'} disabled={!!running} data-testid="regulator-export-incremental">
            {t('regulator.exportIncremental')}
          </Button>
          <Button onClick={() => run('full')} loading={running?.mode === 'full'} disabled={!!running} data-testid="regulator-export-full">
            {t('regulator.exportFull')}
          </Button>
        </Space>
      )}
      <WorkProgress since={running?.since ?? null} step={t('regulator.exporting')} testId="regulator-exporting" />
      {refused && (
        <Alert type="error" showIcon closable onClose={() => setRefused(null)} style={{ marginBottom: 12 }} message={t('regulator.exportRefused', { count: refused.length })} description={<FailureTable items={refused} />} data-testid="regulator-export-refused" />
      )}
      <Table<Export>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        data-testid="regulator-exports"
        columns={[
          { title: t('regulator.export.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Instant value={v} /> },
          { title: t('regulator.export.mode'), dataIndex: 'mode', render: (m: Export['mode']) => t(`regulator.mode.${m}`) },
          { title: t('regulator.export.changes'), dataIndex: 'changeCount' },
          { title: t('regulator.export.file'), dataIndex: 'fileName', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('regulator.export.sha256'), dataIndex: 'sha256', render: (v: string) => <Typography.Text code copyable={{ text: v }}>{v.slice(0, 12)}…</Typography.Text> },
          { title: t('regulator.export.by'), dataIndex: 'createdBy' },
          { title: t('common.status'), dataIndex: 'status', render: (s: Export['status']) => <StatusTag value={s} prefix="regulator.exportStatus" colors={EXPORT_COLORS} /> },
          { title: t('regulator.export.result'), render: (_: unknown, r) => [r.resultCode, r.rejectReason].filter(Boolean).join(' · ') || '—' },
          {
            title: t('common.actions'),
            render: (_: unknown, r) => (
              <Space>
                <DocumentDownload href={`/regulator/exports/${r.id}/zip`} as="link" fileName={r.fileName} data-testid={`regulator-download-${r.seq}`}>
                  {t('regulator.download')}
                </DocumentDownload>
                {mayDecide && r.status === 'exported' && (
                  <Button
                    size="small"
                    onClick={() => {
                      form.setFieldsValue({ decision: 'acknowledged', resultCode: '', reason: '' });
                      setDeciding(r);
                    }}
                    data-testid={`regulator-decide-${r.seq}`}
                  >
                    {t('regulator.decide')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!deciding} title={t('regulator.decideTitle', { file: deciding?.fileName ?? '' })} onCancel={() => setDeciding(null)} onOk={decide} okText={t('regulator.decide')} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" data-testid="regulator-decide-form">
          <Form.Item name="decision" label={t('regulator.decision')} rules={[{ required: true }]}>
            <Select options={(['acknowledged', 'rejected'] as const).map((d) => ({ value: d, label: t(`regulator.decision.${d}`) }))} data-testid="regulator-decision" />
          </Form.Item>
          <Form.Item name="resultCode" label={t('regulator.resultCode')} rules={[{ required: true, whitespace: true, message: t('regulator.resultCode') }]}>
            <Input maxLength={60} data-testid="regulator-result-code" />
          </Form.Item>
          {decision === 'rejected' && (
            <Form.Item name="reason" label={t('regulator.rejectReason')} rules={[{ required: true, whitespace: true, message: t('regulator.rejectReason') }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="regulator-reject-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** 核查发现: what the daily reconciliation found; a finding becomes a complaint (5.6) in one step, or is dismissed. */
function FindingsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const confirm = useConfirm();
  const mayAct = useCan('regulator.finding');
  const mayReconcile = useCan('regulator.reconcile');
  const [status, setStatus] = useState<Finding['status'] | undefined>('open');
  const [kind, setKind] = useState<Finding['kind'] | undefined>(undefined);
  const { data, loading, reload } = useLoad(() => unwrap(client.GET('/api/v1/regulator/findings', { params: { query: { status, kind } } })), [status, kind]);
  const [reconciling, setReconciling] = useState<number | null>(null);
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  const [note, setNote] = useState('');

  const reconcile = () => {
    setReconciling(Date.now());
    unwrap(client.POST('/api/v1/regulator/reconcile', { body: {} }))
      .then((r) => {
        message.info(r.days.length ? t('regulator.reconciled', { days: r.days.length, count: r.findings }) : t('regulator.reconciledNothing'));
        reload();
      }, showError)
      .finally(() => setReconciling(null));
  };
  const convert = (f: Finding) =>
    confirm({ title: 'regulator.convertTitle', consequence: 'regulator.convertConsequence', ok: 'regulator.convert', params: { subject: f.subject } }, () =>
      unwrap(client.POST('/api/v1/regulator/findings/{id}/convert', { params: { path: { id: f.id } } })).then((r) => {
        message.success(t('regulator.converted', { number: r.complaint.number }));
        reload();
      }, showError),
    );
  const dismiss = async () => {
    if (!dismissing) return;
    try {
      await unwrap(client.POST('/api/v1/regulator/findings/{id}/dismiss', { params: { path: { id: dismissing.id } }, body: { note } }));
      setDismissing(null);
      setNote('');
      reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 160 }}
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('regulator.allStatuses')}
          options={FINDING_STATUSES.map((s) => ({ value: s, label: t(`regulator.findingStatus.${s}`) }))}
          data-testid="regulator-finding-status"
        />
        <Select
          style={{ width: 240 }}
          allowClear
          value={kind}
          onChange={setKind}
          placeholder={t('regulator.allKinds')}
          options={FINDING_KINDS.map((k) => ({ value: k, label: t(`regulator.findingKind.${k}`) }))}
          data-testid="regulator-finding-kind"
        />
        {mayReconcile && (
          <Button onClick={reconcile} loading={reconciling !== null} data-testid="regulator-reconcile">
            {t('regulator.reconcile')}
          </Button>
        )}
      </Space>
      <Table<Finding>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items}
        data-testid="regulator-findings"
        columns={[
          { title: t('compliance.category'), dataIndex: 'kind', render: (k: Finding['kind']) => t(`regulator.findingKind.${k}`) },
          { title: t('regulator.finding.subject'), dataIndex: 'subject', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('regulator.finding.customer'), dataIndex: 'customerName', render: (v: string | null) => v ?? '—' },
          { title: t('regulator.finding.hits'), dataIndex: 'hits' },
          { title: t('regulator.finding.seen'), render: (_: unknown, r) => (r.firstSeenOn === r.lastSeenOn ? calendarDate(r.firstSeenOn) : `${calendarDate(r.firstSeenOn)} – ${calendarDate(r.lastSeenOn)}`) },
          dueOnColumn(t('regulator.finding.dueOn'), t('regulator.change.overdue')),
          { title: t('common.status'), dataIndex: 'status', render: (s: Finding['status']) => <StatusTag value={s} prefix="regulator.findingStatus" colors={FINDING_COLORS} /> },
          {
            title: t('common.actions'),
            render: (_: unknown, r) =>
              mayAct && r.status === 'open' ? (
                <Space>
                  <Button size="small" danger onClick={() => convert(r)} data-testid={`regulator-convert-${r.subject}`}>
                    {t('regulator.convert')}
                  </Button>
                  <Button size="small" onClick={() => setDismissing(r)} data-testid={`regulator-dismiss-${r.subject}`}>
                    {t('regulator.dismiss')}
                  </Button>
                </Space>
              ) : (
                r.closedBy ?? null
              ),
          },
        ]}
      />
      <Modal open={!!dismissing} title={t('regulator.dismissTitle')} onCancel={() => setDismissing(null)} onOk={dismiss} okButtonProps={{ disabled: !note.trim() }} okText={t('regulator.dismiss')} destroyOnHidden>
        <Typography.Paragraph>
          {dismissing && t(`regulator.findingKind.${dismissing.kind}`)}: <Typography.Text code>{dismissing?.subject}</Typography.Text>
        </Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} placeholder={t('regulator.dismissNote')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="regulator-dismiss-note" />
      </Modal>
    </>
  );
}

/** 设置: the licence holder's particulars the register needs and the province's reporting days. */
function SettingsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const mayEdit = useCan('regulator.settings');
  const [form] = Form.useForm<Schemas['RegulatorSettingsBody']>();
  const { data } = useLoad(
    () =>
      unwrap(client.GET('/api/v1/regulator/settings')).then((s) => {
        form.setFieldsValue(s);
        return s;
      }),
    [],
  );
  const save = async (v: Schemas['RegulatorSettingsBody']) => {
    try {
      form.setFieldsValue(await unwrap(client.PUT('/api/v1/regulator/settings', { body: v })));
      message.success(t('regulator.settings.saved'));
    } catch (e) {
      showError(e, form);
    }
  };
  if (!data) return null;
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 520 }} onFinish={save} disabled={!mayEdit} data-testid="regulator-settings">
      <Form.Item name="licenceNumber" label={t('regulator.settings.licenceNumber')} rules={[{ required: true, whitespace: true, message: t('regulator.settings.licenceNumber') }]}>
        <Input maxLength={60} data-testid="regulator-licence" />
      </Form.Item>
      <Form.Item name="province" label={t('regulator.settings.province')} extra={t('regulator.settings.provinceHelp')} rules={[{ required: true, pattern: /^[0-9]{6}$/, message: t('regulator.settings.provinceHelp') }]}>
        <Input maxLength={6} style={{ width: 160 }} data-testid="regulator-province" />
      </Form.Item>
      <Form.Item name="houseNature" label={t('regulator.settings.houseNature')} rules={[{ required: true }]}>
        <Select style={{ width: 200 }} options={HOUSE_NATURES.map((n) => ({ value: n, label: t(`regulator.value.${n}`) }))} data-testid="regulator-house-nature" />
      </Form.Item>
      <Form.Item name="houseOfficer" label={t('regulator.settings.houseOfficer')} rules={[{ required: true, whitespace: true, message: t('regulator.settings.houseOfficer') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="houseOfficerPhone" label={t('regulator.settings.houseOfficerPhone')} rules={[{ required: true, whitespace: true, message: t('regulator.settings.houseOfficerPhone') }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="workingDays" label={t('regulator.settings.workingDays')} extra={t('regulator.settings.workingDaysHelp')} rules={[{ required: true }]}>
        <InputNumber min={1} max={60} precision={0} data-testid="regulator-working-days" />
      </Form.Item>
      {mayEdit && (
        <Button type="primary" htmlType="submit" data-testid="regulator-settings-save">
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}

const TABS = ['register', 'changes', 'exports', 'findings', 'settings'] as const;
type TabKey = (typeof TABS)[number];

/** 监管报送 — the regulator's view (issue 22 §1–3); `?tab=` opens a tab (the desk links to the findings). */
export function RegulatorPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(asked ?? '') ? (asked as TabKey) : 'register';
  const body: Record<TabKey, () => ReactNode> = { register: () => <RegisterTab />, changes: () => <ChangesTab />, exports: () => <ExportsTab />, findings: () => <FindingsTab />, settings: () => <SettingsTab /> };
  return (
    <>
      <Typography.Title level={3}>{t('regulator.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('regulator.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`regulator-tab-${k}`}>{t(`regulator.tab.${k}`)}</span>, children: body[k]() }))}
      />
    </>
  );
}
