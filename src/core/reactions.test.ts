import { describe, expect, it } from 'vitest';
import { answer, on, ReactionBus } from './reactions.js';
import { systemScope } from './scope.js';

declare module './reactions.js' {
  interface DomainEvents {
    'test.thingHappened': { id: string };
  }
  interface DomainQuestions {
    'test.mayProceed': { subject: { customerId: string }; answer: string };
  }
}

describe('ReactionBus', () => {
  const scope = systemScope('test');

  it('runs every reaction to an event, in order of subscription, with the emitter’s transaction', async () => {
    const seen: string[] = [];
    const bus = new ReactionBus<{ tx: number }>().subscribe(
      on('test.thingHappened', 'first', async (tx, _s, p) => void seen.push(`first ${tx.tx} ${p.id}`)),
      on('test.thingHappened', 'second', async (tx, _s, p) => void seen.push(`second ${tx.tx} ${p.id}`)),
    );
    await bus.emit({ tx: 7 }, scope, 'test.thingHappened', { id: 'a' });
    expect(seen).toEqual(['first 7 a', 'second 7 a']);
  });

  it('a reaction that throws stops the emit (the emitter’s transaction rolls back)', async () => {
    const seen: string[] = [];
    const bus = new ReactionBus<null>().subscribe(
      on('test.thingHappened', 'fails', async () => {
        throw new Error('refused');
      }),
      on('test.thingHappened', 'never reached', async () => void seen.push('late')),
    );
    await expect(bus.emit(null, scope, 'test.thingHappened', { id: 'a' })).rejects.toThrow('refused');
    expect(seen).toEqual([]);
  });

  it('a question collects every subscriber’s answers; none subscribed means none', async () => {
    const bus = new ReactionBus<null>();
    expect(await bus.ask(null, scope, 'test.mayProceed', { customerId: 'c' })).toEqual([]);
    bus.subscribe(
      answer('test.mayProceed', 'a', async (_tx, _s, subject) => (subject.customerId === 'c' ? ['noAttestation'] : [])),
      answer('test.mayProceed', 'b', async () => ['unpaid']),
      on('test.thingHappened', 'not a question', async () => undefined),
    );
    expect(await bus.ask(null, scope, 'test.mayProceed', { customerId: 'c' })).toEqual(['noAttestation', 'unpaid']);
    expect(bus.list()).toEqual([
      { kind: 'question', on: 'test.mayProceed', name: 'a' },
      { kind: 'question', on: 'test.mayProceed', name: 'b' },
      { kind: 'event', on: 'test.thingHappened', name: 'not a question' },
    ]);
  });
});
