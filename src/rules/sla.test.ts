import { describe, expect, it, test } from 'vitest';
import { DEFAULT_REBOOT_SLA_TARGET, median, percentile, responseTimeReport, slaClock, ticketSla, type SlaTarget } from './sla.js';

const at = (hhmm: string, day = '02') => new Date(`2026-03-${day}T${hhmm}:00+08:00`);

describe('ticket response targets (6.1, 7×24)', () => {
  test.each([
    ['done before the target', at('03:00'), at('03:14'), 15, at('04:00'), 'met', null],
    ['done exactly at the target', at('03:00'), at('03:15'), 15, at('04:00'), 'met', null],
    ['done a minute late', at('03:00'), at('03:16'), 15, at('03:16'), 'breached', null],
    ['running with 10 minutes left', at('03:00'), null, 15, at('03:05'), 'running', 10],
    ['running in its last minute', at('03:00'), null, 15, new Date(at('03:14').getTime() + 30_000), 'running', 0],
    ['overdue while still open', at('03:00'), null, 15, at('03:16'), 'breached', null],
    ['no target', at('03:00'), null, null, at('09:00'), 'none', null],
    ['across midnight and a holiday it is clock time', at('23:50', '01'), at('00:10', '02'), 30, at('01:00'), 'met', null],
  ] as const)('%s', (_, start, done, target, now, state, left) => {
    const clock = slaClock(start, done, target, now);
    expect(clock.state).toBe(state);
    expect(clock.minutesLeft).toBe(left);
    // every row checks the due instant: none without a target
    expect(clock.dueAt).toEqual(target === null ? null : new Date(start.getTime() + target * 60_000));
  });

  it('a reboot has a first-response and a done target; answered at once but done late breaches only the second', () => {
    const sla = ticketSla({ openedAt: at('03:00'), firstResponseAt: at('03:02'), resolvedAt: at('03:20') }, DEFAULT_REBOOT_SLA_TARGET, at('04:00'));
    expect([sla.firstResponse.state, sla.resolution.state]).toEqual(['met', 'breached']);
  });

  test.each([
    [[], 50, null],
    [[7], 90, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[10, 1, 5], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
  ])('percentile(%j, %i) = %s', (values, p, expected) => expect(percentile(values, p)).toBe(expected));

  test.each([
    [[], null],
    [[3], 3],
    [[4, 1, 3], 3],
    [[1, 2, 3, 10], 2.5],
  ])('median(%j) = %s', (values, expected) => expect(median(values)).toBe(expected));

  it('reports per Shanghai month and type, leaving undecided tickets out of the percentage', () => {
    const targets: Record<string, SlaTarget> = { reboot: DEFAULT_REBOOT_SLA_TARGET, general: { firstResponseMinutes: 30, resolutionMinutes: null } };
    const now = at('12:00', '05');
    const rows = responseTimeReport(
      [
        // 2026-02-28 16:30 UTC is 2026-03-01 00:30 in Beijing: the month is Beijing's
        { type: 'reboot', openedAt: new Date('2026-02-28T16:30:00Z'), firstResponseAt: new Date('2026-02-28T16:35:00Z'), resolvedAt: new Date('2026-02-28T16:40:00Z') },
        { type: 'reboot', openedAt: at('03:00'), firstResponseAt: at('03:10'), resolvedAt: at('03:30') },
        { type: 'reboot', openedAt: at('04:00'), firstResponseAt: at('04:01'), resolvedAt: at('04:12') },
        { type: 'reboot', openedAt: new Date('2026-02-10T03:00:00+08:00'), firstResponseAt: new Date('2026-02-10T03:40:00+08:00'), resolvedAt: null },
        { type: 'general', openedAt: at('11:50', '05'), firstResponseAt: null, resolvedAt: null },
        { type: 'general', openedAt: at('09:00', '05'), firstResponseAt: null, resolvedAt: null },
      ],
      (type) => targets[type],
      now,
    );
    expect(rows).toEqual([
      { month: '2026-03', type: 'general', count: 2, medianFirstResponseMinutes: null, p90FirstResponseMinutes: null, medianResolutionMinutes: null, judged: 1, withinTarget: 0, withinTargetPercent: 0 },
      { month: '2026-03', type: 'reboot', count: 3, medianFirstResponseMinutes: 5, p90FirstResponseMinutes: 10, medianResolutionMinutes: 12, judged: 3, withinTarget: 2, withinTargetPercent: 66.7 },
      { month: '2026-02', type: 'reboot', count: 1, medianFirstResponseMinutes: 40, p90FirstResponseMinutes: 40, medianResolutionMinutes: null, judged: 1, withinTarget: 0, withinTargetPercent: 0 },
    ]);
  });
});
