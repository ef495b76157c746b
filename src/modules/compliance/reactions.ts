import { systemScope } from '../../core/scope.js';
import type { Subscription } from '../../core/reactions.js';
import { answer, on } from '../../core/reactions.js';
import type { Executor } from '../../db/client.js';
import type { ConductService } from './conduct.service.js';
import type { DomainsService } from './domains.service.js';

/** What compliance does when other modules change something, and what it answers them (src/core/reactions.ts). */
export function complianceReactions(deps: { domains: Pick<DomainsService, 'revokeForServer'>; conduct: Pick<ConductService, 'logRetentionReadiness'> }): Subscription<Executor>[] {
  return [
    on('facility.serverRemoved', "compliance: a removed server's domains are revoked from the access gate (5.3)", (tx, scope, server) =>
      deps.domains.revokeForServer(tx, scope, server.id),
    ),
    answer('contracts.activationBlockers', 'compliance: no activation without a valid log-retention attestation (5.5)', async (tx, _scope, { customerId }) =>
      (await deps.conduct.logRetentionReadiness(systemScope('activation'), customerId, tx)).ready ? [] : ['logRetentionAttestation'],
    ),
  ];
}
