import type { Subscription } from '../../core/reactions.js';
import { on } from '../../core/reactions.js';
import type { Executor } from '../../db/client.js';
import type { ServersService } from '../facility/servers.service.js';
import { serviceId } from './register.js';
import type { RegulatorChanges } from './regulator.service.js';

/**
 * What the regulator module does when other modules change something (src/core/reactions.ts): each change
 * that affects a basic-data record (issue 22 §1) gets its change-register row in the change's own
 * transaction — if the change rolls back, so does the row; if the row cannot be written, the change fails.
 */
export function regulatorReactions(deps: { changes: Pick<RegulatorChanges, 'record'>; servers: Pick<ServersService, 'placementIn'> }): Subscription<Executor>[] {
  const { changes } = deps;
  return [
    on('customers.identityVerified', "regulator: a verified KYC document changes the customer's real-name user record (issue 22 §1)", (tx, _scope, e) =>
      changes.record(tx, { kind: 'user', recordKey: e.customerId, action: e.kind === 'business_licence' ? 'add' : 'update', cause: 'kyc.verified', customerId: e.customerId, detail: { documentId: e.documentId, documentKind: e.kind } }),
    ),
    on('ipam.addressAllocated', 'regulator: an allocated address joins an IP-segment record of its user (issue 22 §1)', (tx, _scope, a) =>
      changes.record(tx, { kind: 'ip_segment', recordKey: a.address, action: 'add', cause: 'ipam.allocated', customerId: a.customerId, detail: { address: a.address, poolId: a.poolId, serverId: a.serverId, allocatedAt: a.allocatedAt } }),
    ),
    on('ipam.addressReleased', 'regulator: a released address leaves its user (quarantine, then free) (issue 22 §1)', (tx, _scope, a) =>
      changes.record(tx, { kind: 'ip_segment', recordKey: a.address, action: 'delete', cause: 'ipam.released', customerId: a.customerId, detail: { address: a.address, poolId: a.poolId, serverId: a.serverId, releasedAt: a.releasedAt, heldUntil: a.heldUntil } }),
    ),
    on('compliance.domainStatusChanged', "regulator: a domain verified, suspended or revoked changes its filing's service record (issue 22 §1)", async (tx, _scope, { before, after: d }) => {
      const live = d.status === 'verified';
      const was = before === 'verified';
      if (!live && !was) return; // never on the register, not on it now
      await changes.record(tx, {
        kind: 'service',
        recordKey: serviceId(d.customerId, d.filingNumber),
        action: live ? (was ? 'update' : 'add') : 'delete',
        cause: `domain.${d.status}`,
        customerId: d.customerId,
        detail: { domain: d.domain, filingNumber: d.filingNumber, use: d.use, psbNumber: d.psbNumber, address: d.address, status: d.status },
      });
    }),
    on('facility.serverRacked', 'regulator: a server placed in a cabinet is occupied space (house, frame, distribution date) (issue 22 §1)', async (tx, _scope, server) => {
      const at = await deps.servers.placementIn(tx, server.id);
      await changes.record(tx, { kind: 'occupied', recordKey: server.id, action: 'add', cause: 'server.racked', customerId: server.customerId, detail: { serverId: server.id, site: at?.siteName ?? null, room: at?.roomName ?? null, cabinet: at?.cabinetCode ?? null, rackedAt: server.rackedAt } });
    }),
    on('facility.serverRemoved', 'regulator: a server that left frees its occupied space (issue 22 §1)', (tx, _scope, server) =>
      changes.record(tx, { kind: 'occupied', recordKey: server.id, action: 'delete', cause: 'server.removed', customerId: server.customerId, detail: { serverId: server.id, removedAt: server.removedAt } }),
    ),
  ];
}
