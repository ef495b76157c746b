import type { Subscription } from '../../core/reactions.js';
import { on } from '../../core/reactions.js';
import type { Executor } from '../../db/client.js';
import type { IpamService } from './ipam.service.js';

/** What the IP module does when other modules change something (src/core/reactions.ts). */
export function ipamReactions(deps: { ipam: Pick<IpamService, 'releaseForServer'> }): Subscription<Executor>[] {
  return [
    on('facility.serverRemoved', 'ipam: every live address of a removed server goes into quarantine', (tx, scope, server) => deps.ipam.releaseForServer(tx, scope, server.id)),
  ];
}
