import type { Scope } from './scope.js';

/*
 * Cross-module reactions (docs/ARCHITECTURE.md "Reactions").
 *
 * A module that emits declares its events by augmenting DomainEvents (event name → payload), next to
 * the service that emits them:
 *
 *   declare module '../../core/reactions.js' {
 *     interface DomainEvents { 'facility.serverRacked': ServerRow }
 *   }
 *
 * A module that reacts declares its subscriptions in its own `reactions.ts`, as a list built with
 * `on(…)` / `check(…)`, so a reader sees who reacts to what from the reacting module itself; the
 * composition root (src/app.ts) only hands those lists to the bus.
 *
 * Reactions run synchronously, in order of subscription, inside the emitter's transaction: what the
 * agreement ties together (racking → activation, removal → IP quarantine) commits or rolls back as one.
 * The transaction type is a parameter so this file stays free of the database.
 */

/** Event name → payload. Augmented by each emitting module. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

/**
 * Check name → subject. A check asks every subscribed module for reasons to refuse (an empty list
 * means no objection); the asking module decides what to do with them (e.g. 5.5: no activation
 * without a valid log-retention attestation). Augmented by each asking module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainChecks {}

export type EventName = keyof DomainEvents & string;
export type CheckName = keyof DomainChecks & string;

export interface Reaction<Tx, K extends EventName = EventName> {
  kind: 'event';
  event: K;
  /** who reacts and why, in a sentence: shown in logs and docs */
  name: string;
  react: (tx: Tx, scope: Scope, payload: DomainEvents[K]) => Promise<unknown>;
}

export interface Check<Tx, K extends CheckName = CheckName> {
  kind: 'check';
  check: K;
  name: string;
  /** reason codes that refuse; [] when this module has no objection */
  reasons: (tx: Tx, scope: Scope, subject: DomainChecks[K]) => Promise<string[]>;
}

/** A subscription as the bus keeps it: the payload's type is checked where it is built, by on()/check(). */
export type Subscription<Tx> =
  | { kind: 'event'; event: EventName; name: string; react: (tx: Tx, scope: Scope, payload: never) => Promise<unknown> }
  | { kind: 'check'; check: CheckName; name: string; reasons: (tx: Tx, scope: Scope, subject: never) => Promise<string[]> };

export function on<Tx, K extends EventName>(event: K, name: string, react: Reaction<Tx, K>['react']): Subscription<Tx> {
  return { kind: 'event', event, name, react };
}

export function check<Tx, K extends CheckName>(checkName: K, name: string, reasons: Check<Tx, K>['reasons']): Subscription<Tx> {
  return { kind: 'check', check: checkName, name, reasons };
}

/** What an emitting service is handed: it can emit and ask, never subscribe. */
export interface Emitter<Tx> {
  emit<K extends EventName>(tx: Tx, scope: Scope, event: K, payload: DomainEvents[K]): Promise<void>;
  ask<K extends CheckName>(tx: Tx, scope: Scope, checkName: K, subject: DomainChecks[K]): Promise<string[]>;
}

/** The one bus the composition root builds; subscriptions are fixed before the first request. */
export class ReactionBus<Tx> implements Emitter<Tx> {
  private readonly subscriptions: Subscription<Tx>[] = [];

  subscribe(...subs: Subscription<Tx>[]): this {
    this.subscriptions.push(...subs);
    return this;
  }

  /** Every subscription, for docs and the startup log. */
  list(): readonly { kind: 'event' | 'check'; on: string; name: string }[] {
    return this.subscriptions.map((s) => ({ kind: s.kind, on: s.kind === 'event' ? s.event : s.check, name: s.name }));
  }

  async emit<K extends EventName>(tx: Tx, scope: Scope, event: K, payload: DomainEvents[K]): Promise<void> {
    for (const s of this.subscriptions) {
      if (s.kind === 'event' && s.event === event) await s.react(tx, scope, payload as never);
    }
  }

  async ask<K extends CheckName>(tx: Tx, scope: Scope, checkName: K, subject: DomainChecks[K]): Promise<string[]> {
    const reasons: string[] = [];
    for (const s of this.subscriptions) {
      if (s.kind === 'check' && s.check === checkName) reasons.push(...(await s.reasons(tx, scope, subject as never)));
    }
    return reasons;
  }
}
