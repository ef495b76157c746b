import { describe, expect, it, test } from 'vitest';
import { ruleCode } from '../../test/harness/rules.js';
import { allocatePayment, applyCredit, dunningSchedule, expiryBucket, expiryReminders, invoiceAmount, invoiceStatus, outstanding, validateDunningPolicy } from './billing.js';
import { parseDate } from './dates.js';
import { repealedLawCitations } from './legal.js';

const d = (s: string) => parseDate(s);
const inv = (amountFen: number, paidFen = 0, creditAppliedFen = 0) => ({ amountFen, paidFen, creditAppliedFen });

describe('invoice amount (第四条)', () => {
  test.each([
    // annual fee, term months → amount
    [36_000_00, 12, 36_000_00],
    [36_000_00, 24, 72_000_00],
    [36_000_00, 36, 108_000_00],
    [36_000_00, 120, 360_000_00],
    // shorter than a year: still one year's fee
    [12_000_00, 1, 12_000_00],
    [12_000_00, 5, 12_000_00],
    [12_000_00, 6, 12_000_00],
    // not whole years: to the nearest year, half a year up
    [12_000_00, 17, 12_000_00],
    [12_000_00, 18, 24_000_00],
    [12_000_00, 29, 24_000_00],
    [12_000_00, 30, 36_000_00],
    [1, 12, 1],
    [0, 12, 0],
  ])('annual fee %i fen over %i months → %i fen', (fee, months, amount) => expect(invoiceAmount(fee, months)).toBe(amount));
  test.each([
    [-1, 12],
    [1.5, 12],
    [Number.NaN, 12],
    [100, 0],
    [100, -12],
    [100, 6.5],
    [Number.MAX_SAFE_INTEGER, 24],
  ])('refuses fee %s over %s months', (fee, months) => expect(() => invoiceAmount(fee, months)).toThrow(RangeError));
});

describe('payments and credit', () => {
  test.each([
    // amount, paid, credit, payment → applied, credited
    [100_00, 0, 0, 40_00, 40_00, 0],
    [100_00, 40_00, 0, 60_00, 60_00, 0],
    [100_00, 40_00, 0, 70_00, 60_00, 10_00],
    [100_00, 0, 30_00, 100_00, 70_00, 30_00],
    [100_00, 100_00, 0, 5_00, 0, 5_00],
    [1, 0, 0, 1, 1, 0],
  ])('invoice %i (paid %i, credit %i) receiving %i: applied %i, credited %i', (amount, paid, credit, payment, applied, credited) => {
    expect(allocatePayment(inv(amount, paid, credit), payment)).toEqual({ appliedFen: applied, creditedFen: credited });
  });
  it('refuses a payment that is not a positive whole number of fen', () => {
    for (const p of [0, -1, 1.5, Number.NaN]) expect(ruleCode(() => allocatePayment(inv(100), p))).toBe('MONEY_INVALID');
  });
  test.each([
    [0, 100_00, 0],
    [30_00, 100_00, 30_00],
    [300_00, 100_00, 100_00],
  ])('credit %i on an invoice of %i applies %i', (balance, amount, applied) => expect(applyCredit(balance, inv(amount))).toBe(applied));
  it('never applies credit beyond what is outstanding', () => {
    expect(applyCredit(50_00, inv(100_00, 80_00))).toBe(20_00);
    expect(outstanding(inv(100_00, 60_00, 40_00))).toBe(0);
  });
});

describe('invoice status', () => {
  const due = '2026-10-08';
  test.each([
    [inv(100), '2026-10-08', 'unpaid'],
    [inv(100, 40), '2026-10-08', 'partially_paid'],
    [inv(100, 0, 40), '2026-10-01', 'partially_paid'],
    [inv(100), '2026-10-09', 'overdue'],
    [inv(100, 99), '2026-10-09', 'overdue'],
    [inv(100, 100), '2026-12-31', 'paid'],
    [inv(100, 60, 40), '2026-10-20', 'paid'],
  ] as const)('%o on %s is %s', (balance, asOf, status) => expect(invoiceStatus({ ...balance, dueOn: due }, d(asOf))).toBe(status));
});

describe('dunning policy', () => {
  it('schedules reminders after the due date, then the suspension proposal, in date order', () => {
    expect(dunningSchedule(d('2026-10-08'), { reminderDays: [15, 1, 7], suspensionProposalDays: 30 })).toEqual([
      { kind: 'reminder', step: 1, on: '2026-10-09' },
      { kind: 'reminder', step: 2, on: '2026-10-15' },
      { kind: 'reminder', step: 3, on: '2026-10-23' },
      { kind: 'suspension_proposal', step: 0, on: '2026-11-07' },
    ]);
  });
  it('puts a reminder before a proposal on the same day, and crosses the year', () => {
    expect(dunningSchedule(d('2026-12-20'), { reminderDays: [20], suspensionProposalDays: 20 })).toEqual([
      { kind: 'reminder', step: 1, on: '2027-01-09' },
      { kind: 'suspension_proposal', step: 0, on: '2027-01-09' },
    ]);
  });
  test.each([
    [{ reminderDays: [], suspensionProposalDays: 30 }, 'reminderDays'],
    [{ reminderDays: [0], suspensionProposalDays: 30 }, 'reminderDays'],
    [{ reminderDays: [1, 1], suspensionProposalDays: 30 }, 'reminderDays'],
    [{ reminderDays: [1.5], suspensionProposalDays: 30 }, 'reminderDays'],
    [{ reminderDays: [1], suspensionProposalDays: 0 }, 'suspensionProposalDays'],
    [{ reminderDays: [1], suspensionProposalDays: 400 }, 'suspensionProposalDays'],
  ])('refuses %o (%s)', (policy, field) => {
    let err: unknown;
    try {
      validateDunningPolicy(policy);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'DAYS_INVALID', params: { field } });
  });
});

describe('expiry reminders (第十三条)', () => {
  it('falls 60, 30 and 7 days before the end date', () => {
    expect(expiryReminders(d('2027-03-01'))).toEqual([
      { daysAhead: 60, on: '2026-12-31' },
      { daysAhead: 30, on: '2027-01-30' },
      { daysAhead: 7, on: '2027-02-22' },
    ]);
  });
  test.each([
    ['2027-03-01', '2027-03-01', 7],
    ['2027-03-01', '2027-02-22', 7],
    ['2027-03-01', '2027-02-21', 30],
    ['2027-03-01', '2027-01-30', 30],
    ['2027-03-01', '2027-01-29', 60],
    ['2027-03-01', '2026-12-31', 60],
    ['2027-03-01', '2026-12-30', null],
    ['2027-03-01', '2027-03-02', null],
  ])('a term ending %s is in the %s bucket on %s', (end, today, bucket) => expect(expiryBucket(d(end), d(today))).toBe(bucket));
});

describe('repealed laws in a template', () => {
  it('finds 《合同法》 in either form, with its replacement, in text order', () => {
    const found = repealedLawCitations(['依据《中华人民共和国合同法》及《担保法》', '无', '参照《民法通则》和《中华人民共和国民法总则》']);
    expect(found.map((f) => [f.cited, f.index])).toEqual([
      ['《中华人民共和国合同法》', 0],
      ['《担保法》', 0],
      ['《民法通则》', 2],
      ['《中华人民共和国民法总则》', 2],
    ]);
    expect(found[0].replacedBy).toContain('《中华人民共和国民法典》');
    expect(found[0].repealedOn).toBe('2021-01-01');
  });
  it('does not flag laws in force or titles that merely contain a repealed name', () => {
    expect(repealedLawCitations(['《中华人民共和国民法典》、《中华人民共和国电信管理条例》、《劳动合同法》、《中华人民共和国网络安全法》、合同法（无书名号）'])).toEqual([]);
  });
  it('tolerates spaces inside the title', () => {
    expect(repealedLawCitations(['《中华人民共和国 合同法》']).map((f) => f.name)).toEqual(['合同法']);
  });
});
