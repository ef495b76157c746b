import type { Calendar, CalendarDate } from '../../rules/index.js';
import type { InvoiceRow } from './billing.repository.js';

/** What the billing module tells and asks other modules, inside the transaction of the change (src/core/reactions.ts). */
declare module '../../core/reactions.js' {
  interface DomainEvents {
    /**
     * 第四条 / 第九条: the official calendar moved an invoice's due date EARLIER than announced; the
     * customer could rely on the announced date, so it is told by formal notice.
     */
    'billing.invoiceDueMovedEarlier': { invoice: InvoiceRow; announced: string };
    /** Issue 20 §5: finance recorded a bank transfer against an invoice (the invoice as it stands after it). */
    'billing.paymentRecorded': { invoice: InvoiceRow; payment: { id: string; amountFen: number; receivedOn: string; bankReference: string | null } };
  }
  interface DomainQuestions {
    /**
     * The daily sweep is at `day` (as of that day, with the calendar as it stands): before billing marks
     * invoices overdue, each module moves its own records through the day and answers with what it did —
     * contracts renews or ends the terms that ended before it (第十三条), a renewal issuing its invoice.
     */
    'billing.sweepingDay': { subject: { day: CalendarDate; calendar: Calendar }; answer: { renewed: number; ended: number } };
  }
}
