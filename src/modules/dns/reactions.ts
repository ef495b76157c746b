import type { Subscription } from '../../core/reactions.js';
import { on } from '../../core/reactions.js';
import type { Executor } from '../../db/client.js';
import type { DnsService } from './dns.service.js';

/** What the DNS module does when other modules change something (src/core/reactions.ts). */
export function dnsReactions(deps: { dns: Pick<DnsService, 'dropPtr'> }): Subscription<Executor>[] {
  return [
    on('ipam.addressReleased', 'dns: a released address loses its PTR record (6.1), so the next holder does not inherit a name', (tx, scope, allocation) =>
      deps.dns.dropPtr(tx, scope, allocation.id),
    ),
  ];
}
