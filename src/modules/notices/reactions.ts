import type { Subscription } from '../../core/reactions.js';
import { on } from '../../core/reactions.js';
import type { Executor } from '../../db/client.js';
import { formatYuan, type Fen } from '../../rules/index.js';
import type { NoticesService } from './notices.service.js';

/** The formal notices (第九条) other modules' changes give rise to, registered in the same transaction (src/core/reactions.ts). */
export function noticesReactions(deps: { notices: Pick<NoticesService, 'register'> }): Subscription<Executor>[] {
  const { notices } = deps;
  return [
    on('contracts.renewalObjected', 'notices: an objection to renewal (第十三条) is a formal notice to the other side', (tx, scope, c) =>
      notices.register(tx, scope, {
        customerId: c.customerId,
        direction: scope.kind === 'customer' ? 'customer_to_provider' : 'provider_to_customer',
        type: 'contract.nonRenewal',
        payload: { contractNumber: c.number, termEnd: c.termEnd },
        relatedEntity: 'contract',
        relatedId: c.id,
      }),
    ),
    on('billing.invoiceDueMovedEarlier', 'notices: a due date the official calendar moved earlier than announced is told by formal notice (第四条, 第九条)', (tx, scope, { invoice, announced }) =>
      notices.register(tx, scope, {
        customerId: invoice.customerId,
        direction: 'provider_to_customer',
        type: 'billing.dueDateMoved',
        payload: { invoiceNumber: invoice.number, amount: formatYuan(invoice.amountFen as Fen), announced, dueOn: invoice.dueOn, year: announced.slice(0, 4) },
        relatedEntity: 'invoice',
        relatedId: invoice.id,
      }),
    ),
  ];
}
