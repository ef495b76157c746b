import type { Clock } from '../../core/clock.js';
import type { IdGenerator } from '../../core/ids.js';
import { actorOf, requireStaff, type Scope } from '../../core/scope.js';
import type { Db, Executor } from '../../db/client.js';
import type { AuditFilter, AuditRepository, AuditRow } from './audit.repository.js';
import { GENESIS_HASH, chainHash, toJsonValue } from './audit.chain.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  customerId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

export function makeAuditService(deps: { db: Db; repo: AuditRepository; clock: Clock; ids: IdGenerator }) {
  const { db, repo, clock, ids } = deps;

  /** Appends one row to the chain inside the caller's transaction, so the change and its audit commit together. */
  async function record(tx: Executor, scope: Scope, entry: AuditEntry): Promise<void> {
    const head = await repo.lockChainAndGetHead(tx);
    const content = {
      seq: (head?.seq ?? 0) + 1,
      id: ids.uuid(),
      at: clock.now(),
      ...actorOf(scope),
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      customerId: entry.customerId ?? null,
      requestId: scope.requestId ?? null,
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    await repo.insert(tx, { ...content, prevHash, hash: chainHash(prevHash, content) } as AuditRow);
  }

  return {
    record,

    /** Clause 6.4: a staff member looking at a customer's data leaves a trace the customer can see. */
    async recordRead(scope: Scope, entry: Omit<AuditEntry, 'action' | 'before' | 'after'>): Promise<void> {
      if (scope.kind !== 'staff') return;
      await db.transaction((tx) => record(tx, scope, { ...entry, action: 'read' }));
    },

    /** Admins and auditors see everything; a customer sees the audit of its own data (tenancy filter). */
    async list(scope: Scope, filter: AuditFilter) {
      if (scope.kind !== 'customer') requireStaff(scope, 'auditor');
      return repo.list(scope, filter);
    },

    async verify(scope: Scope): Promise<ChainVerification> {
      requireStaff(scope, 'auditor');
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let checked = 0;
      for (;;) {
        const batch = await repo.batchAfter(expectedSeq - 1, 1000);
        if (batch.length === 0) return { ok: true, checked, firstBrokenSeq: null };
        for (const row of batch) {
          const { hash, prevHash: storedPrev, ...content } = row;
          const broken =
            row.seq !== expectedSeq || storedPrev !== prevHash || chainHash(prevHash, content) !== hash;
          if (broken) return { ok: false, checked, firstBrokenSeq: expectedSeq };
          prevHash = hash;
          expectedSeq += 1;
          checked += 1;
        }
      }
    },
  };
}

export type AuditService = ReturnType<typeof makeAuditService>;
