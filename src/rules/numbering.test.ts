import { describe, expect, it, test } from 'vitest';
import { contractNumber, invoiceNumber } from './numbering.js';

describe('contract numbers', () => {
  test.each([
    [2026, 1, 'RP-2026-0001'],
    [2026, 7, 'RP-2026-0007'],
    [2026, 42, 'RP-2026-0042'],
    [2026, 999, 'RP-2026-0999'],
    [2027, 9_999, 'RP-2027-9999'],
    // past four digits the number grows instead of wrapping or refusing a signed deal
    [2027, 10_000, 'RP-2027-10000'],
    [1900, 1, 'RP-1900-0001'],
    [9999, 1, 'RP-9999-0001'],
  ])('%i/%i → %s', (year, sequence, number) => expect(contractNumber(year, sequence)).toBe(number));
  it('sorts in drafting order within a year while four digits suffice', () => {
    const numbers = [1, 2, 10, 99, 100, 1000, 9999].map((n) => contractNumber(2026, n));
    expect([...numbers].sort()).toEqual(numbers);
  });
  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the sequence %s', (sequence) => expect(() => contractNumber(2026, sequence)).toThrow(RangeError));
  test.each([1899, 10_000, 2026.5, Number.NaN])('refuses the year %s', (year) => expect(() => contractNumber(year, 1)).toThrow(RangeError));
});

describe('invoice numbers', () => {
  test.each([
    [2026, 1, 'INV-2026-000001'],
    [2026, 123, 'INV-2026-000123'],
    [2026, 10_000, 'INV-2026-010000'],
    [2027, 999_999, 'INV-2027-999999'],
  ])('%i/%i → %s', (year, sequence, number) => expect(invoiceNumber(year, sequence)).toBe(number));
  it('sorts in issuing order within a year', () => {
    const numbers = [1, 9, 10, 999, 1000, 999_999].map((n) => invoiceNumber(2026, n));
    expect([...numbers].sort()).toEqual(numbers);
  });
  test.each([0, -1, 1.5, 1_000_000, Number.NaN])('refuses the sequence %s', (sequence) => expect(() => invoiceNumber(2026, sequence)).toThrow(RangeError));
  test.each([1899, 10_000, 2026.5])('refuses the year %s', (year) => expect(() => invoiceNumber(year, 1)).toThrow(RangeError));
});
