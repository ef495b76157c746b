import { Form, Input, Select, Space, Tag } from 'antd';
import { SCOPE_KINDS } from '../../../../src/rules/incidents';
import { client, unwrap, type Schemas } from '../../api/client';
import { Instant } from '../../components';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

type Incident = Schemas['Incident'];
type Consent = Schemas['MaintenanceConsent'];
type Window = Schemas['MaintenanceWindow'];

export const CAUSE_COLOR: Partial<Record<Incident['cause'], string>> = { provider_fault: 'red', provider_planned: 'orange', network_cutover: 'gold', relocation: 'lime', customer_fault: 'blue', force_majeure: 'default', third_party_circuit: 'default' };
const DECISION_COLOR: Partial<Record<Consent['decision'], string>> = { accepted: 'green', declined: 'red' };

/** "2026-06-01 10:00" read as Beijing time → an ISO instant with its offset; empty stays empty. */
export function fromShanghai(value?: string): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(v);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00` : v;
}

/** An incident's cause as a coloured tag. */
export function CauseTag({ cause }: { cause: Incident['cause'] }) {
  const { t } = useI18n();
  return <Tag color={CAUSE_COLOR[cause]}>{t(`incidents.cause.${cause}`)}</Tag>;
}

/** A customer's answer to provider work (7.3) as a tag, optionally with the customer's name. */
export function ConsentTag({ consent, withName = false }: { consent: Pick<Consent, 'decision' | 'customerName'>; withName?: boolean }) {
  const { t } = useI18n();
  const decision = t(`maintenance.decision.${consent.decision}`);
  return <Tag color={DECISION_COLOR[consent.decision] ?? 'default'}>{withName ? `${consent.customerName} · ${decision}` : decision}</Tag>;
}

/** When the work runs, in Beijing time. */
export function WindowSpan({ w }: { w: Pick<Window, 'startsAt' | 'endsAt'> }) {
  return (
    <>
      <Instant value={w.startsAt} /> – <Instant value={w.endsAt} />
    </>
  );
}

/** 6.3: the 24-hour repair clock of a line fault: time left, or how far past the deadline. */
export function LineClock({ clock }: { clock: Incident['lineClock'] }) {
  const { t } = useI18n();
  if (!clock) return <>—</>;
  if (clock.breached) return <Tag color="red">{t('incidents.clock.breached', { n: clock.overrunMinutes })}</Tag>;
  const h = Math.floor(clock.remainingMinutes / 60);
  const m = clock.remainingMinutes % 60;
  return <Tag color={clock.nearBreach ? 'orange' : 'green'}>{t('incidents.clock.left', { h, m })}</Tag>;
}

/** Where an incident, a window or an unmatched alert bites: a kind and, for the known ones, a pick from the facility. */
export function ScopeFields() {
  const { t } = useI18n();
  const kind = Form.useWatch('scopeKind');
  const { data: cabinets } = useLoad(() => unwrap(client.GET('/api/v1/cabinets')), []);
  const { data: servers } = useLoad(() => unwrap(client.GET('/api/v1/servers')), []);
  const { data: switches } = useLoad(() => unwrap(client.GET('/api/v1/switches')), []);
  const { data: sites } = useLoad(() => unwrap(client.GET('/api/v1/sites')), []);
  const options =
    kind === 'cabinet'
      ? cabinets?.items.map((c) => ({ value: c.id, label: `${c.code} · ${c.roomName}` }))
      : kind === 'server'
        ? servers?.items.map((s) => ({ value: s.id, label: `${s.serialNumber} · ${s.customerName ?? ''}` }))
        : kind === 'switch'
          ? switches?.items.map((s) => ({ value: s.id, label: s.name }))
          : kind === 'site'
            ? sites?.items.map((s) => ({ value: s.id, label: s.name }))
            : undefined;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Form.Item name="scopeKind" noStyle>
        <Select style={{ width: 130 }} data-testid="incident-scope-kind" options={SCOPE_KINDS.map((k) => ({ value: k, label: t(`incidents.scope.${k}`) }))} />
      </Form.Item>
      <Form.Item name="scopeTarget" noStyle rules={[{ required: true }]}>
        {options ? <Select style={{ flex: 1 }} showSearch optionFilterProp="label" options={options} data-testid="incident-scope-target" /> : <Input style={{ flex: 1 }} placeholder={kind === 'ip' ? '203.0.113.10' : 'id'} />}
      </Form.Item>
    </Space.Compact>
  );
}
