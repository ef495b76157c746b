import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { SLA_COLORS, type SlaClock } from './kinds';

/** One target shown as met / breached / minutes left (the server computes it from its clock). */
export function SlaTag({ clock, label }: { clock: SlaClock; label?: string }) {
  const { t } = useI18n();
  if (clock.state === 'none') return null;
  const text = clock.state === 'running' ? t('tickets.sla.running', { n: clock.minutesLeft ?? 0 }) : t(`tickets.sla.${clock.state}`);
  return (
    <Tag color={SLA_COLORS[clock.state]} data-testid={`sla-${clock.state}`}>
      {label ? `${label} · ` : ''}
      {text}
    </Tag>
  );
}
