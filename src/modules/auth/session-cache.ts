import type { Clock } from '../../core/clock.js';
import type { Listener } from '../../db/client.js';
import type { SessionRow, UserRow } from './auth.repository.js';

/** The channel migration 0014's triggers notify on: a user's id, or '*' for everyone. */
export const AUTH_CHANNEL = 'rackpact_auth';

export const SESSION_CACHE = { maxEntries: 5_000, ttlSeconds: 30 } as const;

export interface ResolvedSession {
  session: SessionRow;
  user: UserRow;
}

/**
 * Resolved sessions kept in this process for a few seconds, so that most requests skip the
 * session lookup. It answers only while it can hear of every change:
 * - it is on only while this process LISTENs on AUTH_CHANNEL (`listener`), where the database's
 *   triggers report any change to a user and any deleted session, whichever process made it; a
 *   lost connection empties it and turns it off until listening again;
 * - the services forget a user after their own commits, so that this process never waits for the
 *   notification (on PostgreSQL it comes over another connection, a moment later);
 * - a lookup that began before something was forgotten does not store its (possibly older) answer;
 * - an entry is used for at most SESSION_CACHE.ttlSeconds by the injected clock, and the caller
 *   still checks the session's idle and absolute expiry on every hit.
 * Another process's change reaches this one when its notification arrives, normally within
 * milliseconds of the commit.
 */
export function makeSessionCache(deps: { clock: Clock; maxEntries?: number; ttlSeconds?: number }) {
  const maxEntries = deps.maxEntries ?? SESSION_CACHE.maxEntries;
  const ttlMs = (deps.ttlSeconds ?? SESSION_CACHE.ttlSeconds) * 1000;
  const entries = new Map<string, { value: ResolvedSession; storedAt: number }>();
  let listening = false;
  /** Moves on whenever anything is forgotten: a lookup that saw an older generation must not store. */
  let generation = 0;

  function forgetAll(): void {
    generation += 1;
    entries.clear();
  }

  function forgetUser(userId: string): void {
    generation += 1;
    for (const [id, entry] of entries) if (entry.value.user.id === userId) entries.delete(id);
  }

  const listener: Listener = {
    notify: (payload) => (payload === '*' ? forgetAll() : forgetUser(payload)),
    state(on) {
      listening = on;
      forgetAll();
    },
  };

  return {
    listener,
    forgetAll,
    forgetUser,

    forgetSession(id: string): void {
      generation += 1;
      entries.delete(id);
    },

    get(id: string): ResolvedSession | undefined {
      if (!listening) return undefined;
      const entry = entries.get(id);
      if (!entry) return undefined;
      const age = deps.clock.now().getTime() - entry.storedAt;
      if (age < 0 || age >= ttlMs) {
        entries.delete(id);
        return undefined;
      }
      return entry.value;
    },

    /** Call before the lookup whose answer is then stored with `put`. */
    generation: () => generation,

    put(id: string, value: ResolvedSession, lookedUpAt: number): void {
      if (!listening || lookedUpAt !== generation) return;
      entries.delete(id);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(id, { value, storedAt: deps.clock.now().getTime() });
    },

    size: () => entries.size,
  };
}

export type SessionCache = ReturnType<typeof makeSessionCache>;
