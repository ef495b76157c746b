import type { Subscription } from '../../core/reactions.js';
import { answer, on } from '../../core/reactions.js';
import type { Executor } from '../../db/client.js';
import type { ContractsService } from './contracts.service.js';

/** What the contracts module does when other modules change something (src/core/reactions.ts). */
export function contractsReactions(deps: { contracts: Pick<ContractsService, 'onServerRacked' | 'recomputeProvisional' | 'renewDueAsOf'> }): Subscription<Executor>[] {
  return [
    on('facility.serverRacked', "contracts: racking a contract's server activates the contract, or refuses the racking when it is not ready (7.1, 5.1, 第四条)", (tx, scope, server) =>
      deps.contracts.onServerRacked(tx, scope, server),
    ),
    answer('calendar.yearLoaded', 'contracts: open commissioning deadlines (5.1) computed on a provisional year are computed again', (tx, scope, calendar) =>
      deps.contracts.recomputeProvisional(tx, scope, calendar),
    ),
    answer('billing.sweepingDay', 'contracts: terms that ended before the swept day renew, with their invoice, or end (第十三条)', async (tx, _scope, { day, calendar }) => [
      await deps.contracts.renewDueAsOf(tx, day, calendar),
    ]),
  ];
}
