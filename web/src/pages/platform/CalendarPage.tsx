import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, client, unwrap, type ApiBody, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { refreshCalendarStatus, useCalendarStatus } from '../../calendarStatus';
import { Instant } from '../../components';
import { fromDateString, toDateString, type Dayjs } from '../../dates';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { HOLIDAYS, JOINT_HOLIDAYS, useHolidayName, useRecordLabel, YearGrid, type Arrangement, type DiffRow, type YearView } from './YearGrid';

type Recomputed = Schemas['CalendarRecomputedRecord'];
type ArrangementBody = ApiBody<'/api/v1/calendar/years/{year}', 'put'>;
/** The entry form: the notice's address and its holidays, row by row. */
interface EntryValues {
  source?: string;
  holidays?: HolidayRowValues[];
}

/** One form row: a holiday as the State Council notice states it. */
interface HolidayRowValues {
  name?: string;
  range?: [Dayjs, Dayjs];
  makeUpDays?: Dayjs[];
}

/** The month the picker opens on for each holiday, so the admin starts where the notice points. */
const HOLIDAY_MONTH: Record<string, number> = { 元旦: 1, 春节: 2, 清明节: 4, 劳动节: 5, 端午节: 6, 中秋节: 9, 国庆节: 10 };

const JSON_EXAMPLE = `{
  "year": 2027,
  "source": "https://www.gov.cn/zhengce/content/…",
  "holidays": [
    { "date": "2027-01-01", "name": "元旦" },
    { "date": "2027-02-05", "name": "春节" }
  ],
  "workdays": [
    { "date": "2027-02-20", "name": "春节" }
  ]
}`;

const toRows = (arrangement: Arrangement[]): HolidayRowValues[] =>
  arrangement.map((a) => ({ name: a.name, range: [fromDateString(a.from), fromDateString(a.to)], makeUpDays: a.makeUpDays.map((d) => fromDateString(d)) }));

function toBody(values: EntryValues): ArrangementBody {
  return {
    ...(values.source?.trim() ? { source: values.source.trim() } : {}),
    holidays: (values.holidays ?? []).map((h) => ({
      name: h.name ?? '',
      from: h.range ? toDateString(h.range[0]) : '',
      to: h.range ? toDateString(h.range[1]) : '',
      makeUpDays: (h.makeUpDays ?? []).map((d) => toDateString(d)),
    })),
  };
}

/** The API names `holidays.2.from`; the form holds from–to in one range field. */
function showFieldErrors(e: unknown, form: FormInstance) {
  if (!(e instanceof ApiError)) return;
  form.setFields(
    e.fields.map((f) => {
      const parts: (string | number)[] = f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      if (parts[0] === 'holidays' && (parts[2] === 'from' || parts[2] === 'to')) parts.splice(2, 1, 'range');
      if (parts[0] === 'holidays' && parts[2] === 'makeUpDays') parts.splice(3);
      return { name: parts, errors: [f.message] };
    }),
  );
}

function DiffTable({ diff, testId }: { diff: DiffRow[]; testId: string }) {
  const { t } = useI18n();
  const holidayName = useHolidayName();
  const state = (s: DiffRow['official']) => <Tag color={s === 'off' ? 'red' : 'orange'}>{t(`calendar.dayState.${s}`)}</Tag>;
  if (!diff.length) return <Typography.Text type="secondary" data-testid={testId}>{t('calendar.diff.none')}</Typography.Text>;
  return (
    <Table<DiffRow>
      data-testid={testId}
      rowKey="date"
      size="small"
      pagination={false}
      dataSource={diff}
      columns={[
        { title: t('calendar.diff.date'), dataIndex: 'date' },
        { title: t('calendar.diff.official'), dataIndex: 'official', render: state },
        { title: t('calendar.diff.provisional'), dataIndex: 'provisional', render: state },
        { title: t('calendar.holidayName'), dataIndex: 'name', render: (n: DiffRow['name']) => holidayName(n) || '—' },
      ]}
    />
  );
}

function ArrangementTable({ arrangement }: { arrangement: Arrangement[] }) {
  const { t } = useI18n();
  const holidayName = useHolidayName();
  return (
    <Table<Arrangement>
      rowKey={(a) => `${a.name}-${a.from}`}
      size="small"
      pagination={false}
      dataSource={arrangement}
      columns={[
        { title: t('calendar.holidayName'), dataIndex: 'name', render: (n: Arrangement['name']) => holidayName(n) },
        { title: t('calendar.daysOff'), render: (_, a) => (a.from === a.to ? a.from : `${a.from} – ${a.to}`) },
        { title: t('calendar.makeUpDays'), dataIndex: 'makeUpDays', render: (d: Arrangement['makeUpDays']) => (d.length ? d.join('、') : '—') },
      ]}
    />
  );
}

/**
 * 工作日历: a year's working days, weekends, days off and 调休 make-up days, official or provisional;
 * an admin enters the State Council's arrangement holiday by holiday, previews it against the
 * derivation, and saves — open deadlines computed provisionally are then recomputed.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const status = useCalendarStatus();
  const isAdmin = useCan('calendar.edit');
  const [year, setYear] = useState<number>();
  // the year worth looking at first: next year while it is provisional in the autumn, else this one
  useEffect(() => {
    if (status && year === undefined) setYear(status.bannerDue ? status.nextYear : Number(status.today.slice(0, 4)));
  }, [status, year]);
  const { data: view, reload } = useLoad(() => (year ? unwrap(client.GET('/api/v1/calendar/years/{year}', { params: { path: { year } } })) : Promise.resolve(undefined)), [year]);
  const [recomputed, setRecomputed] = useState<{ year: number; items: Recomputed[] }>();

  const yearOptions = useMemo(() => {
    if (!status) return [];
    const years = new Set([...status.officialYears, ...status.provisionalYears, status.nextYear]);
    return [...years]
      .sort((a, b) => b - a)
      .map((y) => ({ value: y, label: t(status.officialYears.includes(y) ? 'calendar.yearOption.official' : 'calendar.yearOption.provisional', { year: y }) }));
  }, [status, t]);
  const changed = async () => (reload(), await refreshCalendarStatus());

  return (
    <>
      <Typography.Title level={3}>{t('nav.calendar')}</Typography.Title>
      <Card
        style={{ marginBottom: 16 }}
        title={
          <Space>
            {t('calendar.year')}
            <Select data-testid="calendar-year" style={{ width: 180 }} value={year} options={yearOptions} onChange={(y: number) => (setYear(y), setRecomputed(undefined))} />
          </Space>
        }
      >
        {view && <YearSummary view={view} />}
      </Card>
      {recomputed && <RecomputedCard year={recomputed.year} items={recomputed.items} />}
      {isAdmin && view && year && (
        <ArrangementEntry
          year={year}
          view={view}
          onSaved={async (saved) => {
            setRecomputed({ year: saved.year, items: saved.recomputed });
            await changed();
          }}
        />
      )}
      {isAdmin && <JsonLoadCard onLoaded={changed} />}
    </>
  );
}

/** A year as it stands: where it comes from, its days, its arrangement and (official years) how it differs from the law's derivation. */
function YearSummary({ view }: { view: YearView }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('common.status')}>
          <Tag data-testid="calendar-origin" color={view.provisional ? 'orange' : 'green'}>
            {t(`calendar.origin.${view.origin}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('calendar.source')}>{view.source ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('calendar.loadedAt')}>
          <Instant value={view.loadedAt} />
        </Descriptions.Item>
      </Descriptions>
      {view.provisional && <Alert data-testid="calendar-provisional" type="warning" showIcon style={{ marginBottom: 12 }} title={t('calendar.provisionalExplain')} />}
      <YearGrid view={view} testId="calendar-grid" />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('calendar.arrangement')}
      </Typography.Title>
      <ArrangementTable arrangement={view.arrangement} />
      {!view.provisional && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('calendar.diff')}
          </Typography.Title>
          <DiffTable diff={view.diff} testId="calendar-diff" />
        </>
      )}
    </>
  );
}

/** After a save: the open records whose date moved, one row each, and how many were recomputed unchanged. */
function RecomputedCard({ year, items }: { year: number; items: Recomputed[] }) {
  const { t } = useI18n();
  const recordLabel = useRecordLabel();
  // every open provisional record is recomputed; the ones whose date moved are worth a row each
  const moved = items.filter((r) => r.before !== r.after);
  return (
    <Card title={`${t('calendar.recomputed')} · ${t('calendar.yearOption.official', { year })}`} style={{ marginBottom: 16 }} data-testid="calendar-recomputed">
      {moved.length ? (
        <Table<Recomputed>
          rowKey={(r) => `${r.kind}-${r.entityId}`}
          size="small"
          pagination={false}
          dataSource={moved}
          columns={[
            { title: t('calendar.record'), render: (_, r) => recordLabel(r) },
            { title: t('calendar.before'), dataIndex: 'before' },
            { title: t('calendar.after'), dataIndex: 'after' },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.recomputedNone')} />
      )}
      {items.length > moved.length && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="calendar-recomputed-unchanged">
          {t('calendar.recomputedUnchanged', { count: items.length - moved.length })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** The arrangement's holidays, one row each, with the buttons that add one or fill in the derived/official ones. */
function HolidayList({ year, rows, provisional, onFill }: { year: number; rows: EntryValues['holidays'] | undefined; provisional: boolean; onFill: () => void }) {
  const { t } = useI18n();
  return (
    <Form.List name="holidays">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <HolidayRowFields key={field.key} year={year} index={field.name} name={rows?.[field.name]?.name} onRemove={() => remove(field.name)} />
          ))}
          <Space wrap style={{ display: 'flex', marginBottom: 16 }}>
            <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="holiday-add">
              {t('calendar.addHoliday')}
            </Button>
            {provisional ? (
              <Button onClick={onFill} data-testid="calendar-fill-derived">
                {t('calendar.fillDerived')}
              </Button>
            ) : (
              <Button onClick={onFill}>{t('calendar.fillOfficial')}</Button>
            )}
          </Space>
        </>
      )}
    </Form.List>
  );
}

/** What the entered arrangement would make of the year, and how it differs from the derivation, before saving. */
function PreviewResult({ preview }: { preview: YearView }) {
  const { t } = useI18n();
  return (
    <div data-testid="calendar-preview-result" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('calendar.previewTitle', { year: preview.year })}</Typography.Title>
      <YearGrid view={preview} testId="calendar-preview-grid" />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('calendar.diff')}
      </Typography.Title>
      <DiffTable diff={preview.diff} testId="calendar-preview-diff" />
    </div>
  );
}

/** The admin's entry of a year's arrangement: holiday rows, the notice's address, preview, save. */
function ArrangementEntry({ year, view, onSaved }: { year: number; view: YearView; onSaved: (saved: Schemas['CalendarYearSaved']) => Promise<void> }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useApiErrors();
  const [form] = Form.useForm<EntryValues>();
  const [preview, setPreview] = useState<YearView>();
  const [busy, setBusy] = useState(false);
  const rows = Form.useWatch('holidays', form);
  const params = { path: { year } };
  // a new year starts a new entry: the official arrangement when there is one, else an empty form
  useEffect(() => {
    form.setFieldsValue({ source: view.provisional ? undefined : (view.source ?? undefined), holidays: view.provisional ? [] : toRows(view.arrangement) });
    setPreview(undefined);
  }, [view, form]);
  const fill = () => (form.setFieldsValue({ holidays: toRows(view.arrangement) }), setPreview(undefined));

  const runPreview = async () => {
    try {
      const values = await form.validateFields();
      setBusy(true);
      setPreview(await unwrap(client.POST('/api/v1/calendar/years/{year}/preview', { params, body: toBody(values) })));
    } catch (e) {
      if (e instanceof ApiError) {
        showFieldErrors(e, form);
        showError(e);
      }
      // otherwise the form shows which row is incomplete
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    let values: EntryValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    modal.confirm({
      title: t('calendar.confirmTitle', { year }),
      content: t('calendar.confirmBody'),
      okText: t('calendar.save'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const saved = await unwrap(client.PUT('/api/v1/calendar/years/{year}', { params, body: toBody(values) }));
          message.success(t('calendar.saved', { year: saved.year }));
          setPreview(undefined);
          await onSaved(saved);
        } catch (e) {
          showFieldErrors(e, form);
          showError(e);
        }
      },
    });
  };

  return (
    <Card title={t('calendar.enter', { year })} style={{ marginBottom: 16 }} data-testid="calendar-entry">
      <Typography.Paragraph type="secondary">{t('calendar.enterHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={() => setPreview(undefined)}>
        <HolidayList year={year} rows={rows} provisional={view.provisional} onFill={fill} />
        <Form.Item name="source" label={t('calendar.sourceLabel')} style={{ maxWidth: 420 }}>
          <Input data-testid="calendar-source" />
        </Form.Item>
        <Space>
          <Button onClick={runPreview} loading={busy} data-testid="calendar-preview">
            {t('calendar.preview')}
          </Button>
          <Button type="primary" onClick={save} data-testid="calendar-save">
            {t('calendar.save')}
          </Button>
        </Space>
      </Form>
      {preview && <PreviewResult preview={preview} />}
    </Card>
  );
}

/** One holiday row of the entry form: its name, its days off, its 调休 make-up days. */
function HolidayRowFields({ year, index, name, onRemove }: { year: number; index: number; name: string | undefined; onRemove: () => void }) {
  const { t } = useI18n();
  const holidayName = useHolidayName();
  // a joint block (中秋节、国庆节) opens on its first holiday's month
  const opensOn = fromDateString(`${year}-${String(HOLIDAY_MONTH[name?.split('、')[0] ?? ''] ?? 1).padStart(2, '0')}-01`);
  // the statutory names and the joint blocks; a joint name a loaded year carries is kept selectable
  const names: string[] = [...HOLIDAYS, ...JOINT_HOLIDAYS, ...(name && ![...HOLIDAYS, ...JOINT_HOLIDAYS].includes(name as never) ? [name] : [])];
  return (
    <Space align="start" wrap data-testid={`holiday-row-${index}`}>
      <Form.Item name={[index, 'name']} label={t('calendar.holidayName')} rules={[{ required: true, message: t('calendar.required.name') }]}>
        <Select data-testid="holiday-name" style={{ width: 300 }} popupMatchSelectWidth={false} options={names.map((h) => ({ value: h, label: holidayName(h) }))} />
      </Form.Item>
      <Form.Item name={[index, 'range']} label={t('calendar.daysOff')} rules={[{ required: true, message: t('calendar.required.range') }]}>
        <DatePicker.RangePicker data-testid="holiday-range" defaultPickerValue={[opensOn, opensOn.add(1, 'month')]} />
      </Form.Item>
      <Form.Item name={[index, 'makeUpDays']} label={t('calendar.makeUpDays')}>
        <DatePicker data-testid="holiday-makeup" multiple style={{ minWidth: 260 }} defaultPickerValue={opensOn} />
      </Form.Item>
      <Form.Item label=" ">
        <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('calendar.removeHoliday')} />
      </Form.Item>
    </Space>
  );
}

/** Loads a year's official schedule from a JSON file (the format shown), for admins who have it as data. */
function JsonLoadCard({ onLoaded }: { onLoaded: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const load = async (file: File) => {
    try {
      const schedule = JSON.parse(await file.text()) as ApiBody<'/api/v1/calendar/years', 'post'>;
      const { year } = await unwrap(client.POST('/api/v1/calendar/years', { body: schedule }));
      message.success(t('calendar.loaded', { year }));
      await onLoaded();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card title={t('calendar.json')}>
      <Typography.Paragraph type="secondary">{t('calendar.jsonHint')}</Typography.Paragraph>
      <pre data-testid="calendar-json-example" style={{ background: '#fafafa', padding: 12, fontSize: 12 }}>
        {JSON_EXAMPLE}
      </pre>
      <Upload accept="application/json" showUploadList={false} beforeUpload={(file) => (void load(file), false)}>
        <Button>{t('calendar.load')}</Button>
      </Upload>
    </Card>
  );
}
