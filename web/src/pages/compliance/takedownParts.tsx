import { Tag } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n';

export type Takedown = Schemas['Takedown'];
export type TakedownCheck = Schemas['TakedownCheck'];

export const TAKEDOWN_STATUS_COLOR: Partial<Record<Takedown['status'], string>> = { registered: 'orange', executed: 'red', lifted: 'default' };

/** Seconds as people say a duration: 1 小时 5 分 / 12 分 30 秒 / 45 秒. */
export function Duration({ seconds }: { seconds: number | null | undefined }) {
  const { t } = useI18n();
  if (seconds === null || seconds === undefined) return <>—</>;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return <>{h ? t('takedowns.durHm', { h, m }) : m ? t('takedowns.durMs', { m, s }) : t('takedowns.durS', { s })}</>;
}

/** The order's deadline as a tag: still open and past it is overdue. */
export function DeadlineState({ order, now }: { order: Takedown; now: number }) {
  const { t } = useI18n();
  if (order.status !== 'registered' || !order.deadlineAt) return null;
  const left = Math.round((new Date(order.deadlineAt).getTime() - now) / 60_000);
  if (left < 0) return <Tag color="red">{t('takedowns.overdue', { h: Math.floor(-left / 60), m: -left % 60 })}</Tag>;
  return <Tag color={left < 60 ? 'orange' : 'blue'}>{t('takedowns.left', { h: Math.floor(left / 60), m: left % 60 })}</Tag>;
}

/** One probe of a blocked name: the protocol, blocked or not, and what the gate answered — in words. */
export function CheckResult({ check }: { check: TakedownCheck }) {
  const { t } = useI18n();
  const color = check.result === 'blocked' ? 'green' : 'red';
  // HTTP: the status line as seen ('HTTP 451'); TLS: the outcome named in the UI's language
  const detail = check.protocol === 'http' && /^HTTP \d{3}$/.test(check.detail) ? check.detail : t(`takedowns.tls.${check.result}`);
  return (
    <span title={check.detail}>
      <Tag color={color}>{t(`takedowns.check.${check.result}`)}</Tag>
      {detail}
    </span>
  );
}

/**
 * A refusal on the form: each field error next to its field (`domains.2` belongs to the domains list),
 * anything else in the form's alert, so a refusal is never without its reason.
 */
export function formRefusal(e: unknown, form: FormInstance, setGeneral: (m: string | null) => void) {
  if (e instanceof ApiError && e.fields.length) {
    const byField = new Map<string, string[]>();
    for (const f of e.fields) byField.set(f.path.split('.')[0], [...(byField.get(f.path.split('.')[0]) ?? []), f.message]);
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    setGeneral(e.message);
  } else setGeneral(e instanceof Error ? e.message : String(e));
}

