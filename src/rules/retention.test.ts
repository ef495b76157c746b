import { describe, expect, test } from 'vitest';
import { maskIdNumber, maskMobile, relationshipEnded, retentionDueOn, type ContractEnd } from './retention.js';
import type { CalendarDate } from './dates.js';

const d = (s: string) => s as CalendarDate;

describe('retention', () => {
  test.each([
    ['36 months after 2023-03-31', '2023-03-31', 36, '2026-04-01'],
    ['a month-end start', '2024-01-31', 1, '2024-03-01'],
    ['a leap day', '2024-02-29', 12, '2025-03-01'],
    ['one month', '2026-03-02', 1, '2026-04-03'],
  ])('%s', (_, ended, months, due) => expect(retentionDueOn(d(ended), months)).toBe(due));

  const c = (status: string, termEnd: string | null, changedOn: string): ContractEnd => ({ status, termEnd, changedOn: d(changedOn) });
  test.each<[string, ContractEnd[], string | null]>([
    ['no contract: nothing ended', [], null],
    ['a live contract: not ended', [c('ended', '2024-12-31', '2025-01-01'), c('active', '2026-12-31', '2026-01-01')], null],
    ['a draft still counts as live', [c('draft', null, '2026-01-01')], null],
    ['ended: its term end', [c('ended', '2025-06-30', '2025-07-01')], '2025-06-30'],
    ['terminated early: the day of termination', [c('terminated_for_cause', '2026-12-31', '2026-02-10')], '2026-02-10'],
    ['the latest of several', [c('ended', '2024-12-31', '2025-01-01'), c('terminated_by_agreement', '2026-12-31', '2025-08-01')], '2025-08-01'],
  ])('%s', (_, contracts, ended) => expect(relationshipEnded(contracts)).toBe(ended));

  test.each([
    ['11010519491231002X', '**************002X'],
    ['E12345678', '*****5678'],
    ['123', '***'],
  ])('masks the ID number %s', (v, m) => expect(maskIdNumber(v)).toBe(m));
  test.each([
    ['13800000001', '138****0001'],
    ['+8613800000001', '+86*******0001'],
    ['12345', '*****'],
  ])('masks the mobile %s', (v, m) => expect(maskMobile(v)).toBe(m));
});
