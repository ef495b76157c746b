import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n';

export type Ticket = Schemas['Ticket'];
export type TicketType = Ticket['type'];
export type TicketStatus = Ticket['status'];
export type SlaClock = Schemas['TicketSlaClock'];

/**
 * The ticket types in the order the filter and the form offer them. `satisfies` holds the list to the
 * server's enum: a type added there does not compile here until it is listed (and has its label).
 */
const TYPE_ORDER = {
  reboot: 1,
  hands_on: 2,
  filing_assistance: 3,
  abuse_reply: 4,
  compensation_dispute: 5,
  billing: 6,
  network: 7,
  general: 8,
  personal_data: 9,
} satisfies Record<TicketType, number>;
export const TICKET_TYPES = Object.keys(TYPE_ORDER) as TicketType[];

export const STATUS_COLORS: Record<TicketStatus, string> = { open: 'red', acknowledged: 'gold', in_progress: 'blue', resolved: 'green', closed: 'default' };
export const SLA_COLORS: Record<SlaClock['state'], string> = { met: 'green', breached: 'red', running: 'blue', none: 'default' };
export const MAIL_COLORS: Record<Schemas['TicketMail']['status'], string> = { pending: 'gold', sent: 'green', failed: 'red' };

/** Whole minutes as '12 min', '—' while not measured. */
export function useMinutes() {
  const { t } = useI18n();
  return (n: number | null) => (n === null ? '—' : t('tickets.minutes', { n }));
}
