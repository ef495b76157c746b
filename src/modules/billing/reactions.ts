import type { Subscription } from '../../core/reactions.js';
import { answer } from '../../core/reactions.js';
import type { Executor } from '../../db/client.js';
import type { BillingService } from './billing.service.js';

/** What the billing module does when other modules change something (src/core/reactions.ts). */
export function billingReactions(deps: { billing: Pick<BillingService, 'recomputeProvisional'> }): Subscription<Executor>[] {
  return [
    answer('calendar.yearLoaded', 'billing: due dates of open invoices (第四条) computed on a provisional year are computed again; one moved earlier is told by formal notice', (tx, scope, calendar) =>
      deps.billing.recomputeProvisional(tx, scope, calendar),
    ),
  ];
}
