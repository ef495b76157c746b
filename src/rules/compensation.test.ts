import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { CAUSES, compensation, type Cause, type Interruption } from './compensation.js';
import { DEFAULT_CONTRACT_TERMS } from './defaults.js';
import { RuleError } from './errors.js';
import { checkNoticeWindow, lineFaultClock } from './notice.js';

const at = (hhmm: string, day = '01') => new Date(`2026-05-${day}T${hhmm}:00+08:00`);
const iv = (from: string, to: string, cause: Cause = 'provider_fault', extra: Partial<Interruption> = {}): Interruption => ({
  start: at(from),
  end: at(to),
  cause,
  ...extra,
});

describe('compensation (7.2 / 7.3 / 6.3 / 第十条)', () => {
  test.each([
    ['20 min outage → 1 h', [iv('10:00', '10:20')], 1],
    ['30 min → exactly 1 h', [iv('10:00', '10:30')], 1],
    ['31 min → 2 h', [iv('10:00', '10:31')], 2],
    ['1 minute → 1 h (minimum unit)', [iv('10:00', '10:01')], 1],
    ['1 h → 2 h', [iv('10:00', '11:00')], 2],
    ['overlaps merge before rounding: 70 min → 3 h', [iv('10:00', '10:50'), iv('10:30', '11:10')], 3],
    ['two separate 10-minute outages → 2 h', [iv('10:00', '10:10'), iv('11:00', '11:10')], 2],
    ['touching outages merge: 10:00–10:20 + 10:20–10:40 → 40 min → 2 h', [iv('10:00', '10:20'), iv('10:20', '10:40')], 2],
    ['one outage inside another', [iv('10:00', '12:00'), iv('10:30', '10:40')], 4],
    ['the same outage reported twice is paid once', [iv('10:00', '10:20'), iv('10:00', '10:20')], 1],
    ['customer fault earns nothing', [iv('10:00', '15:00', 'customer_fault')], 0],
    ['force majeure earns nothing', [iv('10:00', '15:00', 'force_majeure')], 0],
    ['relocation is compensated', [iv('10:00', '11:00', 'relocation')], 2],
    ['a customer-fault interval does not bridge two provider outages', [iv('10:00', '10:10'), iv('10:10', '11:00', 'customer_fault'), iv('11:00', '11:10')], 2],
    ['provider work with notice and consent is still compensated', [iv('02:00', '03:00', 'provider_planned', { noticeGivenAt: at('09:00', '01'), consentAt: at('01:00') })], 2],
    ['provider work without consent is compensated (and a breach)', [iv('02:00', '03:00', 'provider_planned')], 2],
    ['cut-over with 48 h notice earns nothing', [iv('02:00', '04:00', 'network_cutover', { noticeGivenAt: new Date(at('02:00').getTime() - 48 * 3600_000) })], 0],
    ['cut-over with 47 h 59 min notice is compensated', [iv('02:00', '04:00', 'network_cutover', { noticeGivenAt: new Date(at('02:00').getTime() - (48 * 60 - 1) * 60_000) })], 4],
    ['cut-over without notice is compensated', [iv('02:00', '04:00', 'network_cutover')], 4],
    ['cut-over notice given after it began is no notice', [iv('02:00', '04:00', 'network_cutover', { noticeGivenAt: at('03:00') })], 4],
    ['an outage across midnight', [{ start: at('23:30', '01'), end: at('00:40', '02'), cause: 'provider_fault' as Cause }], 3],
    ['nothing happened', [], 0],
  ])('%s', (_, items, hours) => expect(compensation(items).hours).toBe(hours));

  it('explains every line: merged intervals, reasons, sources, what was excluded and why', () => {
    const result = compensation([
      iv('10:00', '10:50', 'provider_fault', { ref: 'INC-1' }),
      iv('10:30', '11:10', 'relocation', { ref: 'INC-2' }),
      iv('12:00', '13:00', 'customer_fault', { ref: 'INC-3' }),
      iv('14:00', '14:10', 'provider_planned', { ref: 'MW-1' }),
    ]);
    expect(result.lines).toEqual([
      { from: at('10:00'), to: at('11:10'), minutes: 70, hours: 3, reasons: ['PROVIDER_FAULT', 'RELOCATION'], sources: [{ index: 0, ref: 'INC-1' }, { index: 1, ref: 'INC-2' }] },
      { from: at('14:00'), to: at('14:10'), minutes: 10, hours: 1, reasons: ['PROVIDER_PLANNED_WITHOUT_NOTICE_OR_CONSENT'], sources: [{ index: 3, ref: 'MW-1' }] },
    ]);
    expect(result.excluded.map((e) => [e.ref, e.reason])).toEqual([['INC-3', 'CUSTOMER_FAULT']]);
    expect(result.breaches.map((b) => b.ref)).toEqual(['MW-1']);
    expect(result.hours).toBe(4);
  });

  it('reads touching intervals apart when the contract says so', () => {
    expect(compensation([iv('10:00', '10:20'), iv('10:20', '10:40')], { ...DEFAULT_CONTRACT_TERMS, mergeTouching: false }).hours).toBe(2);
    expect(compensation([iv('10:00', '10:20')], { ...DEFAULT_CONTRACT_TERMS, compensationFactor: 3 }).hours).toBe(1);
    expect(compensation([iv('10:00', '10:40')], { ...DEFAULT_CONTRACT_TERMS, compensationFactor: 3 }).hours).toBe(2);
  });

  test.each([
    ['end before start', iv('11:00', '10:00')],
    ['zero length', iv('10:00', '10:00')],
    ['unknown cause', { ...iv('10:00', '11:00'), cause: 'aliens' as Cause }],
    ['invalid date', { start: new Date('x'), end: at('10:00'), cause: 'provider_fault' as Cause }],
  ])('refuses %s', (_, item) => {
    try {
      compensation([iv('09:00', '09:10'), item]);
      expect.unreachable();
    } catch (e) {
      expect((e as RuleError).code).toBe('INTERRUPTION_INVALID');
      expect((e as RuleError).params.index).toBe(1);
    }
  });

  const interruption = fc
    .record({
      startMin: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      lengthMin: fc.integer({ min: 1, max: 600 }),
      cause: fc.constantFrom(...CAUSES),
      noticeLeadMin: fc.option(fc.integer({ min: -60, max: 4000 }), { nil: undefined }),
    })
    .map(({ startMin, lengthMin, cause, noticeLeadMin }): Interruption => {
      const start = new Date(Date.UTC(2026, 4, 1) + startMin * 60_000);
      return {
        start,
        end: new Date(start.getTime() + lengthMin * 60_000),
        cause,
        noticeGivenAt: noticeLeadMin === undefined ? undefined : new Date(start.getTime() - noticeLeadMin * 60_000),
      };
    });

  it('merging never earns more than paying each interruption on its own', () => {
    fc.assert(
      fc.property(fc.array(interruption, { maxLength: 12 }), (items) => {
        const merged = compensation(items).hours;
        const separate = items.reduce((sum, item) => sum + compensation([item]).hours, 0);
        return merged <= separate;
      }),
    );
  });

  it('does not depend on the order the interruptions arrive in', () => {
    fc.assert(
      fc.property(fc.array(interruption, { maxLength: 12 }), fc.integer(), (items, seed) => {
        const shuffled = [...items].sort((a, b) => ((a.start.getTime() ^ seed) % 7) - ((b.start.getTime() ^ seed) % 7));
        return compensation(items).hours === compensation(shuffled).hours && compensation([...items].reverse()).hours === compensation(items).hours;
      }),
    );
  });

  it('pays at least twice the union of compensable time, rounded up per line', () => {
    fc.assert(
      fc.property(fc.array(interruption, { maxLength: 12 }), (items) => {
        const result = compensation(items);
        const unionMinutes = result.lines.reduce((sum, l) => sum + (l.to.getTime() - l.from.getTime()) / 60_000, 0);
        if (result.lines.length === 0) return result.hours === 0;
        return result.hours * 60 >= 2 * unionMinutes && result.hours * 60 < 2 * unionMinutes + 60 * result.lines.length;
      }),
    );
  });
});

describe('notice windows (6.3)', () => {
  const start = new Date('2026-06-10T02:00:00+08:00');
  test.each([
    [48 * 60, true],
    [48 * 60 + 1, true],
    [48 * 60 - 1, false],
    [0, false],
    [-60, false],
    [72 * 60, true],
  ])('notice %i minutes before the start → ok %s', (minutes, ok) => {
    const check = checkNoticeWindow(new Date(start.getTime() - minutes * 60_000), start);
    expect(check.ok).toBe(ok);
    expect(check.earliestStart.getTime()).toBe(start.getTime() - minutes * 60_000 + 48 * 3600_000);
  });

  it('runs the 24-hour line-fault clock from the report', () => {
    const reported = new Date('2026-06-10T08:00:00+08:00');
    const hour = 3600_000;
    expect(lineFaultClock(reported, new Date(reported.getTime() + 10 * hour))).toMatchObject({ remainingMs: 14 * hour, breached: false, resolved: false });
    expect(lineFaultClock(reported, new Date(reported.getTime() + 24 * hour))).toMatchObject({ remainingMs: 0, breached: false });
    expect(lineFaultClock(reported, new Date(reported.getTime() + 25 * hour))).toMatchObject({ remainingMs: 0, breached: true, overrunMs: hour });
    expect(lineFaultClock(reported, new Date(reported.getTime() + 40 * hour), new Date(reported.getTime() + 23 * hour))).toMatchObject({ breached: false, resolved: true, overrunMs: 0 });
    expect(lineFaultClock(reported, new Date(reported.getTime() + 40 * hour), new Date(reported.getTime() + 30 * hour))).toMatchObject({ breached: true, overrunMs: 6 * hour });
    expect(lineFaultClock(reported, reported).deadline.toISOString()).toBe('2026-06-11T00:00:00.000Z');
  });
});
