import type { Subscription } from '../../core/reactions.js';
import { on } from '../../core/reactions.js';
import type { Executor } from '../../db/client.js';
import type { CustomersService } from './customers.service.js';

/** What the customers module does when other modules change something (src/core/reactions.ts). */
export function customersReactions(deps: { customers: Pick<CustomersService, 'followContracts'> }): Subscription<Executor>[] {
  return [
    on('contracts.statusChanged', "customers: the customer's status follows its contracts — prospect, active, former (issue 18 §4)", (tx, scope, change) =>
      deps.customers.followContracts(tx, scope, change),
    ),
  ];
}
