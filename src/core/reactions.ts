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
 * `on(…)` / `answer(…)`, so a reader sees who reacts to what from the reacting module itself; the
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
 * Question name → { subject; answer }. A question asks every subscribed module and collects their
 * answers; the asking module decides what to do with them. E.g. 5.5 `contracts.activationBlockers`:
 * each answer is a reason that refuses activation (none means no objection); `calendar.yearLoaded`:
 * each answer is an open date a module recomputed on the official year. Augmented by each asking module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainQuestions {}

export type EventName = keyof DomainEvents & string;
export type QuestionName = keyof DomainQuestions & string;
export type SubjectOf<K extends QuestionName> = DomainQuestions[K] extends { subject: infer S } ? S : never;
export type AnswerOf<K extends QuestionName> = DomainQuestions[K] extends { answer: infer A } ? A : never;

type React<Tx, K extends EventName> = (tx: Tx, scope: Scope, payload: DomainEvents[K]) => Promise<unknown>;
type Answer<Tx, K extends QuestionName> = (tx: Tx, scope: Scope, subject: SubjectOf<K>) => Promise<AnswerOf<K>[]>;

/** A subscription as the bus keeps it: the payload's type is checked where it is built, by on()/answer(). */
export type Subscription<Tx> =
  | { kind: 'event'; on: EventName; name: string; react: (tx: Tx, scope: Scope, payload: never) => Promise<unknown> }
  | { kind: 'question'; on: QuestionName; name: string; answer: (tx: Tx, scope: Scope, subject: never) => Promise<unknown[]> };

/** React to an event, inside the emitter's transaction (a throw rolls the whole change back). */
export function on<Tx, K extends EventName>(event: K, name: string, react: React<Tx, K>): Subscription<Tx> {
  return { kind: 'event', on: event, name, react };
}

/** Answer a question another module asks, inside its transaction. */
export function answer<Tx, K extends QuestionName>(question: K, name: string, fn: Answer<Tx, K>): Subscription<Tx> {
  return { kind: 'question', on: question, name, answer: fn };
}

/** What an emitting service is handed: it can emit and ask, never subscribe. */
export interface Emitter<Tx> {
  emit<K extends EventName>(tx: Tx, scope: Scope, event: K, payload: DomainEvents[K]): Promise<void>;
  ask<K extends QuestionName>(tx: Tx, scope: Scope, question: K, subject: SubjectOf<K>): Promise<AnswerOf<K>[]>;
}

/** The one bus the composition root builds; subscriptions are fixed before the first request. */
export class ReactionBus<Tx> implements Emitter<Tx> {
  private readonly subscriptions: Subscription<Tx>[] = [];

  subscribe(...subs: Subscription<Tx>[]): this {
    this.subscriptions.push(...subs);
    return this;
  }

  /** Every subscription, for docs and tests. */
  list(): readonly { kind: Subscription<Tx>['kind']; on: string; name: string }[] {
    return this.subscriptions.map(({ kind, on, name }) => ({ kind, on, name }));
  }

  async emit<K extends EventName>(tx: Tx, scope: Scope, event: K, payload: DomainEvents[K]): Promise<void> {
    for (const s of this.subscriptions) if (s.kind === 'event' && s.on === event) await s.react(tx, scope, payload as never);
  }

  async ask<K extends QuestionName>(tx: Tx, scope: Scope, question: K, subject: SubjectOf<K>): Promise<AnswerOf<K>[]> {
    const answers: AnswerOf<K>[] = [];
    for (const s of this.subscriptions) {
      if (s.kind === 'question' && s.on === question) answers.push(...((await s.answer(tx, scope, subject as never)) as AnswerOf<K>[]));
    }
    return answers;
  }
}
