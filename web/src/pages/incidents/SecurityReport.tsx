import { Alert, Button, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

type Report = Schemas['SecurityReport'];
type Grade = Report['grade'];
type Item = 'unit' | 'occurredAt' | 'place' | 'eventType' | 'impact' | 'measures';
/** The form as filled in: the time of the event as Beijing wall-clock time. */
type FormValues = Record<Item, string | undefined>;

/** 国家网络安全事件应急预案's grades, lightest first. */
const GRADES: readonly Grade[] = ['general', 'major', 'serious', 'especially_serious'];
const GRADE_COLOR: Record<Grade, string> = { general: 'default', major: 'orange', serious: 'red', especially_serious: 'magenta' };
/** The report's items in the order the reporting rules list them. */
const ITEMS: readonly Item[] = ['unit', 'occurredAt', 'place', 'eventType', 'impact', 'measures'];

/**
 * Who may read the report (the service's reader: noc, compliance, auditor; admin) — reads are not in the
 * permission table, as the menu's entries are not; who may grade, fill in and mark reported is its
 * `incident.securityReport`.
 */
const READERS: readonly string[] = ['admin', 'noc', 'compliance', 'auditor'];
export const useMayReadSecurityReport = () => {
  const { me } = useSession();
  return me?.kind === 'staff' && me.roles.some((r) => READERS.includes(r));
};

/** An instant → the Beijing wall-clock value of a datetime-local input ('2026-04-01T10:30'). */
const toLocal = (iso: string | Date | null | undefined) => (iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16) : undefined);
const fromLocal = (v: string | undefined) => (v ? `${v.length === 16 ? `${v}:00` : v}+08:00` : null);

/** The report clock: due at, and the time left or how far past it; once reported, in time or late. */
function ReportClock({ report }: { report: Report }) {
  const { t } = useI18n();
  if (!report.reportDueAt) return <Typography.Text type="secondary">{t('secReport.noClock')}</Typography.Text>;
  const hours = report.criticalInfrastructure ? 1 : 4;
  if (report.reportedAt)
    return (
      <Space wrap>
        <span>
          {t('secReport.dueAt')} <Instant value={report.reportDueAt} />
        </span>
        <Tag color={report.late ? 'red' : 'green'} data-testid="sec-clock">
          {t(report.late ? 'secReport.reportedLate' : 'secReport.reportedInTime')}
        </Tag>
      </Space>
    );
  const minutes = Math.round((new Date(report.reportDueAt).getTime() - Date.now()) / 60_000);
  return (
    <Space wrap>
      <span>
        {t('secReport.dueAt')} <Instant value={report.reportDueAt} />
      </span>
      {minutes < 0 ? (
        <Tag color="red" data-testid="sec-clock">
          {t('secReport.overdue', { h: Math.floor(-minutes / 60), m: -minutes % 60 })}
        </Tag>
      ) : (
        <Tag color={minutes <= 60 ? 'orange' : 'blue'} data-testid="sec-clock">
          {t('secReport.left', { h: Math.floor(minutes / 60), m: minutes % 60 })}
        </Tag>
      )}
      <Typography.Text type="secondary">{t(report.criticalInfrastructure ? 'secReport.ruleCii' : 'secReport.rule', { hours })}</Typography.Text>
    </Space>
  );
}

/**
 * Issue 22 §6, kept with the incident: its grade as a network-security event, the report clock a 较大 or
 * graver event starts (4 h; 1 h for a critical-infrastructure operator), the report's items, and when and
 * to whom it was reported.
 */
export function SecurityReportPanel({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const mayReport = useCan('incident.securityReport');
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/incidents/{id}/security-report', { params: { path: { id: incidentId } } })), [incidentId]);
  const [grade, setGrade] = useState<Grade | undefined>();
  const [form] = Form.useForm<FormValues>();
  const [reportedForm] = Form.useForm<{ reportedTo: string; reportedAt?: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const params = { path: { id: incidentId } };
  const report = data?.report ?? null;

  const fail = (e: unknown, f?: typeof form | typeof reportedForm) => {
    if (e instanceof ApiError) setRefusal(e.message);
    showError(e, f);
  };
  const classify = (g: Grade) => unwrap(client.POST('/api/v1/incidents/{id}/security-report/classify', { params, body: { grade: g } })).then(() => (setRefusal(null), reload()), (e) => fail(e));
  const save = (v: FormValues) =>
    unwrap(client.PUT('/api/v1/incidents/{id}/security-report', { params, body: { unit: v.unit ?? null, occurredAt: fromLocal(v.occurredAt), place: v.place ?? null, eventType: v.eventType ?? null, impact: v.impact ?? null, measures: v.measures ?? null } })).then(
      () => (setRefusal(null), reload()),
      (e) => fail(e, form),
    );
  const markReported = (v: { reportedTo: string; reportedAt?: string }) =>
    unwrap(client.POST('/api/v1/incidents/{id}/security-report/reported', { params, body: { reportedTo: v.reportedTo, reportedAt: fromLocal(v.reportedAt) } })).then(
      () => (setRefusal(null), reload()),
      (e) => fail(e, reportedForm),
    );

  if (!data) return null;
  const gradeOptions = GRADES.map((g) => ({ value: g, label: t(`secReport.grade.${g}`) }));
  const editable = mayReport && report && !report.reportedAt;
  return (
    <div data-testid="security-report">
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('secReport.title')}
      </Typography.Title>
      {refusal && <Alert type="error" showIcon closable style={{ marginBottom: 8 }} title={refusal} onClose={() => setRefusal(null)} />}
      {!report ? (
        <Space wrap>
          <Typography.Text type="secondary">{t('secReport.notClassified')}</Typography.Text>
          {mayReport && (
            <>
              <Select style={{ width: 160 }} placeholder={t('secReport.grade')} value={grade} onChange={setGrade} options={gradeOptions} data-testid="sec-grade" />
              <Button type="primary" disabled={!grade} onClick={() => grade && classify(grade)} data-testid="sec-classify">
                {t('secReport.classify')}
              </Button>
            </>
          )}
        </Space>
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('secReport.grade')}>
              <Space wrap>
                {/* until reported the grade may change (the clock is recomputed); then it is as reported */}
                {editable ? (
                  <Select size="small" style={{ width: 200 }} value={report.grade} onChange={classify} options={gradeOptions} aria-label={t('secReport.regrade')} data-testid="sec-regrade" />
                ) : (
                  <Tag color={GRADE_COLOR[report.grade]} data-testid="sec-grade-tag">
                    {t(`secReport.grade.${report.grade}`)}
                  </Tag>
                )}
                <Typography.Text type="secondary">
                  {t('secReport.classifiedAt')} <Instant value={report.classifiedAt} />
                </Typography.Text>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('secReport.clock')}>
              <ReportClock report={report} />
            </Descriptions.Item>
            {report.reportedAt && (
              <Descriptions.Item label={t('secReport.reported')}>
                <Instant value={report.reportedAt} /> · {report.reportedTo}
              </Descriptions.Item>
            )}
          </Descriptions>
          {!report.reportedAt && report.missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t('secReport.missing', { items: report.missing.map((k) => (ITEMS.includes(k as Item) ? t(`secReport.item.${k as Item}`) : k)).join('、') })}
              data-testid="sec-missing"
            />
          )}
          <Form<FormValues>
            key={report.updatedAt ? String(report.updatedAt) : 'new'}
            form={form}
            layout="vertical"
            style={{ marginTop: 12 }}
            disabled={!editable}
            initialValues={{ unit: report.unit ?? undefined, occurredAt: toLocal(report.occurredAt), place: report.place ?? undefined, eventType: report.eventType ?? undefined, impact: report.impact ?? undefined, measures: report.measures ?? undefined }}
            onFinish={save}
          >
            <Form.Item name="unit" label={t('secReport.item.unit')}>
              <Input data-testid="sec-unit" />
            </Form.Item>
            <Form.Item name="occurredAt" label={t('secReport.item.occurredAt')}>
              <Input type="datetime-local" data-testid="sec-occurred-at" />
            </Form.Item>
            <Form.Item name="place" label={t('secReport.item.place')}>
              <Input data-testid="sec-place" />
            </Form.Item>
            <Form.Item name="eventType" label={t('secReport.item.eventType')} extra={t('secReport.eventTypeHint')}>
              <Input data-testid="sec-event-type" />
            </Form.Item>
            <Form.Item name="impact" label={t('secReport.item.impact')}>
              <Input.TextArea rows={2} data-testid="sec-impact" />
            </Form.Item>
            <Form.Item name="measures" label={t('secReport.item.measures')}>
              <Input.TextArea rows={2} data-testid="sec-measures" />
            </Form.Item>
            {editable && (
              <Button htmlType="submit" data-testid="sec-save">
                {t('secReport.save')}
              </Button>
            )}
          </Form>
          {editable && (
            <Form form={reportedForm} layout="inline" style={{ marginTop: 12, rowGap: 8 }} onFinish={markReported}>
              <Form.Item name="reportedTo" label={t('secReport.reportedTo')} rules={[{ required: true }]}>
                <Input placeholder={t('secReport.reportedToHint')} data-testid="sec-reported-to" />
              </Form.Item>
              <Form.Item name="reportedAt" label={t('secReport.reportedAtLocal')} tooltip={t('secReport.reportedAtHint')}>
                <Input type="datetime-local" data-testid="sec-reported-at" />
              </Form.Item>
              <Button type="primary" htmlType="submit" disabled={report.missing.length > 0} title={report.missing.length ? t('secReport.fillFirst') : undefined} data-testid="sec-mark-reported">
                {t('secReport.markReported')}
              </Button>
            </Form>
          )}
        </>
      )}
    </div>
  );
}
