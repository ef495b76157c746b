import type { Clock } from '../../core/clock.js';
import type { IdGenerator } from '../../core/ids.js';
import { actorOf, requirePermission, requireStaff, type Scope } from '../../core/scope.js';
import type { Db, Executor } from '../../db/client.js';
import type { AuditFilter, AuditRepository, AuditRow } from './audit.repository.js';
import type { Anchor, AnchorStore } from './audit.anchors.js';
import { GENESIS_HASH, chainHash, toJsonValue } from './audit.chain.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  customerId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * What verification found first, in chain order:
 * - row-changed: a row whose hash or link does not hold (`seq`);
 * - anchor-mismatch: the chain holds together but its hash at an anchor's seq is not the signed
 *   one — a row in `fromSeq`..`seq` was changed and the rest re-hashed;
 * - rows-missing: an anchor names seq `seq` but the chain ends at `fromSeq - 1` (truncation);
 * - anchor-invalid: an anchor file whose signature does not hold (edited, or not made with this key).
 */
export const CHAIN_PROBLEMS = ['row-changed', 'anchor-mismatch', 'rows-missing', 'anchor-invalid'] as const;
export interface ChainProblem {
  kind: (typeof CHAIN_PROBLEMS)[number];
  seq: number | null;
  fromSeq: number | null;
  anchorFile: string | null;
  anchorAt: string | null;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  /** anchors the chain was checked against */
  anchors: number;
  problem: ChainProblem | null;
}

export function makeAuditService(deps: { db: Db; repo: AuditRepository; clock: Clock; ids: IdGenerator; anchors: AnchorStore }) {
  const { db, repo, clock, ids, anchors } = deps;

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

  /** The chain's head signed into an anchor file; nothing new since the last anchor: that one, no file written. */
  async function signHead(): Promise<{ anchor: Anchor; file: string; written: boolean } | null> {
    const head = await repo.head();
    if (!head) return null;
    const last = anchors.readAll().filter((a) => a.valid && a.anchor).at(-1);
    if (last?.anchor && last.anchor.seq === head.seq && last.anchor.hash === head.hash) return { anchor: last.anchor, file: last.file, written: false };
    return { ...anchors.write(head, clock.now()), written: true };
  }

  return {
    record,

    /**
     * Issue 22 §5: a detached signature of a document (the evidence pack's manifest) with the audit anchor
     * key, and its public key and fingerprint. The caller has decided who may ask for it.
     */
    signDetached: (bytes: Uint8Array) => anchors.signDetached(bytes),

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

    /**
     * Signs the chain's head into an anchor file outside the database (daily job, `rackpact audit
     * anchor`). Nothing new since the last anchor: that one is returned and no file is written.
     */
    async anchor(scope: Scope): Promise<{ anchor: Anchor; file: string; written: boolean } | null> {
      requireStaff(scope, 'auditor');
      return signHead();
    },

    /**
     * An admin takes an anchor now (POST /audit/anchors): while the server holds the embedded
     * database the CLI cannot open it, so this is the way then. A written file is audited; the row
     * goes in after the file is written (no file I/O inside a transaction), and the next anchor covers it.
     */
    async anchorOnRequest(scope: Scope): Promise<{ anchor: Anchor; file: string; written: boolean } | null> {
      requirePermission(scope, 'audit.anchor');
      const taken = await signHead();
      if (taken?.written) {
        await db.transaction((tx) => record(tx, scope, { action: 'audit.anchor', entity: 'audit_anchor', entityId: String(taken.anchor.seq), after: { ...taken.anchor, file: taken.file } }));
      }
      return taken;
    },

    /** The hash chain row by row, and against every anchor file; names the first row missing or changed. */
    async verify(scope: Scope): Promise<ChainVerification> {
      requireStaff(scope, 'auditor');
      const stored = anchors.readAll();
      const result = (checked: number, firstBrokenSeq: number | null, problem: ChainProblem | null): ChainVerification => ({
        ok: problem === null,
        checked,
        firstBrokenSeq,
        anchors: stored.length,
        problem,
      });
      const invalid = stored.find((a) => !a.valid);
      if (invalid) {
        return result(0, null, { kind: 'anchor-invalid', seq: invalid.anchor?.seq ?? null, fromSeq: null, anchorFile: invalid.file, anchorAt: invalid.anchor?.at ?? null });
      }
      const pending = stored.map((a) => a.anchor!); // in seq order
      let lastGoodAnchorSeq = 0;
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let checked = 0;
      for (;;) {
        const batch = await repo.batchAfter(expectedSeq - 1, 1000);
        if (batch.length === 0) break;
        for (const row of batch) {
          const { hash, prevHash: storedPrev, ...content } = row;
          const broken =
            row.seq !== expectedSeq || storedPrev !== prevHash || chainHash(prevHash, content) !== hash;
          if (broken) return result(checked, expectedSeq, { kind: 'row-changed', seq: expectedSeq, fromSeq: null, anchorFile: null, anchorAt: null });
          while (pending.length && pending[0].seq === row.seq) {
            const a = pending.shift()!;
            if (a.hash !== hash) {
              const file = stored.find((s) => s.anchor === a)?.file ?? null;
              return result(checked, lastGoodAnchorSeq + 1, { kind: 'anchor-mismatch', seq: a.seq, fromSeq: lastGoodAnchorSeq + 1, anchorFile: file, anchorAt: a.at });
            }
            lastGoodAnchorSeq = a.seq;
          }
          prevHash = hash;
          expectedSeq += 1;
          checked += 1;
        }
      }
      const beyond = pending.at(-1);
      if (beyond) {
        const file = stored.find((s) => s.anchor === beyond)?.file ?? null;
        return result(checked, expectedSeq, { kind: 'rows-missing', seq: beyond.seq, fromSeq: expectedSeq, anchorFile: file, anchorAt: beyond.at });
      }
      return result(checked, null, null);
    },
  };
}

export type AuditService = ReturnType<typeof makeAuditService>;
