/**
 * issue 23 §5: `Idempotency-Key` on POSTs. The web client sends a fresh key with every submit; a
 * load balancer that re-sends the request to another app process (the first one died or timed out)
 * or a client that retries gets the stored answer of the first request instead of a second record.
 *
 * - The key belongs to its principal (user or API token); the same key with another route or body
 *   is refused (IDEMPOTENCY_KEY_REUSED).
 * - The first request claims the key with a lease before it runs; the answer (any status below
 *   500) is stored before it is sent, so an acknowledged write is always found by a retry.
 * - A retry that finds the key claimed and unanswered waits for the answer; when the lease ran out
 *   (the process that claimed it died before answering) it takes the key over and runs the request.
 *   A server error (5xx) drops the claim so that the retry runs it again.
 * - Only JSON (or empty) bodies: an upload is streamed to its handler and is not replayed.
 * - Every database transaction the first request commits also marks its key (`write_committed`,
 *   in the same transaction: `markWrites`). A retry that finds the key marked but unanswered after
 *   the lease (the process died between its commit and storing the answer) does not run it again:
 *   it is answered 409 IDEMPOTENCY_ALREADY_APPLIED (the write is there; its answer was lost).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import type { Db } from '../db/client.js';
import { idempotencyKeys } from './idempotency.schema.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
/** How often a waiting retry looks again, and for how long it waits at most (beyond the lease). */
const POLL_MS = 100;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { principal: string; key: string };
  }
}

/** The claim of the request being handled, for the transactions it runs (set in preHandler). */
interface RequestClaim {
  claim?: { principal: string; key: string };
  wrote: boolean;
}
const current = new AsyncLocalStorage<RequestClaim>();

/**
 * Makes every `db.transaction(...)` of a request that holds an Idempotency-Key claim mark the claim
 * in that same transaction (at its end, so a rollback leaves no mark). Call once on the Db that
 * the services use.
 */
const marked = new WeakSet<Db>();
export function markWrites(db: Db): void {
  if (marked.has(db)) return;
  marked.add(db);
  const original = db.transaction.bind(db) as Db['transaction'];
  const wrapped: Db['transaction'] = (fn, config) =>
    original(async (tx) => {
      const result = await fn(tx);
      const store = current.getStore();
      // a read-only transaction wrote nothing to mark (and may not write the mark: the export's cursor runs in one)
      if (store?.claim && config?.accessMode !== 'read only') {
        await tx
          .update(idempotencyKeys)
          .set({ writeCommitted: true })
          .where(and(eq(idempotencyKeys.principal, store.claim.principal), eq(idempotencyKeys.key, store.claim.key)));
      }
      return result;
    }, config).then((result) => {
      const store = current.getStore();
      if (store?.claim) store.wrote = true;
      return result;
    });
  (db as { transaction: Db['transaction'] }).transaction = wrapped;
}

export function makeIdempotencyStore(db: Db, clock: Clock, leaseSeconds: number) {
  const lease = sql`clock_timestamp() + make_interval(secs => ${leaseSeconds})`;
  return {
    /** true when this request now holds the key (new, or taken over from an expired claim). */
    async claim(principal: string, key: string, route: string, requestHash: string): Promise<boolean> {
      const inserted = await db
        .insert(idempotencyKeys)
        .values({ principal, key, route, requestHash, createdAt: clock.now(), leaseUntil: lease })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return true;
      // a claim whose process never answered within its lease: take it over (one taker wins)
      const taken = await db
        .update(idempotencyKeys)
        .set({ leaseUntil: lease })
        .where(
          and(
            eq(idempotencyKeys.principal, principal),
            eq(idempotencyKeys.key, key),
            eq(idempotencyKeys.route, route),
            eq(idempotencyKeys.requestHash, requestHash),
            isNull(idempotencyKeys.statusCode),
            eq(idempotencyKeys.writeCommitted, false),
            lt(idempotencyKeys.leaseUntil, sql`clock_timestamp()`),
          ),
        )
        .returning({ key: idempotencyKeys.key });
      return taken.length > 0;
    },
    async find(principal: string, key: string) {
      const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
      return row;
    },
    async complete(principal: string, key: string, statusCode: number, contentType: string | null, body: string) {
      await db
        .update(idempotencyKeys)
        .set({ statusCode, contentType, responseBody: body, completedAt: clock.now() })
        .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.statusCode)));
    },
    async release(principal: string, key: string) {
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.statusCode)));
    },
    /** Answers older than a day are dropped (the hourly session purge). */
    async purge(olderThanHours = 24): Promise<number> {
      const cutoff = new Date(clock.now().getTime() - olderThanHours * 3_600_000);
      const gone = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
      return gone.length;
    },
  };
}

export type IdempotencyStore = ReturnType<typeof makeIdempotencyStore>;

function principalOf(scope: Scope): string | undefined {
  if (scope.kind === 'staff' || scope.kind === 'customer') return `user:${scope.userId}`;
  if (scope.kind === 'token') return `token:${scope.tokenId}`;
  return undefined;
}

function isJsonOrEmpty(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  return type === undefined || /^application\/json\b/i.test(type);
}

const hashOf = (request: FastifyRequest) => createHash('sha256').update(request.method).update('\0').update(request.url).update('\0').update(JSON.stringify(request.body ?? null)).digest('hex');

/** Registers the hooks; after registerAuth, so that the principal is known. */
export function registerIdempotency(app: FastifyInstance, store: IdempotencyStore, leaseSeconds: number) {
  // the request's context for markWrites: everything after onRequest runs inside it
  app.addHook('onRequest', (_request, _reply, done) => current.run({ wrote: false }, done));
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return;
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined || !request.scope || !isJsonOrEmpty(request)) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw new AppError('VALIDATION_FAILED', {}, [{ path: IDEMPOTENCY_HEADER, key: 'field.idempotencyKey' }]);
    const principal = principalOf(request.scope);
    if (!principal) return;
    const route = `POST ${request.url}`;
    const hash = hashOf(request);
    // the first request's lease, and a little more: then this retry takes the key over
    const giveUpAt = Date.now() + (leaseSeconds + 5) * 1000;
    for (;;) {
      if (await store.claim(principal, key, route, hash)) {
        request.idempotency = { principal, key };
        const ctx = current.getStore();
        if (ctx) ctx.claim = { principal, key };
        return;
      }
      const row = await store.find(principal, key);
      if (!row) continue; // released by a failed first request: claim it now
      if (row.route !== route || row.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (row.statusCode !== null) {
        reply.code(row.statusCode).header('idempotent-replayed', 'true');
        if (row.contentType) reply.header('content-type', row.contentType);
        return reply.send(row.responseBody);
      }
      // its process wrote and died before answering: the write stands, and is not made twice
      if (row.writeCommitted && row.leaseUntil.getTime() < Date.now()) throw new AppError('IDEMPOTENCY_ALREADY_APPLIED');
      if (Date.now() > giveUpAt) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    const ctx = current.getStore();
    const wrote = ctx?.wrote ?? false;
    if (ctx) ctx.claim = undefined;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : payload === null || payload === undefined ? '' : undefined;
    // nothing was written: a retry may run it again; once written, the answer (even a 5xx) is the one
    if ((reply.statusCode >= 500 && !wrote) || body === undefined) {
      if (!wrote) await store.release(claim.principal, claim.key);
      return payload;
    }
    const type = reply.getHeader('content-type');
    await store.complete(claim.principal, claim.key, reply.statusCode, typeof type === 'string' ? type : null, body);
    return payload;
  });
}
