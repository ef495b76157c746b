/*
 * The agreement's document numbers. Each is continuous per calendar year (a counter row per year, taken in
 * the transaction that creates the document, so a rollback gives the number back and there are no gaps).
 */

const sensibleYear = (year: number) => Number.isInteger(year) && year >= 1900 && year <= 9999;

/**
 * A contract number, e.g. RP-2026-0007: the year it was drafted and its sequence in that year, at least
 * four digits (a 10 000th contract of a year reads RP-2026-10000; the order of numbers stays the order drafted).
 */
export function contractNumber(year: number, sequence: number): string {
  if (!sensibleYear(year)) throw new RangeError(`contract year ${year} out of range`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`contract sequence ${sequence} out of range`);
  return `RP-${year}-${String(sequence).padStart(4, '0')}`;
}

/** 第四条 invoices: numbered continuously per year across all contracts, e.g. INV-2026-000123 (six digits, at most 999 999 a year). */
export function invoiceNumber(year: number, sequence: number): string {
  if (!sensibleYear(year)) throw new RangeError(`invoice year ${year} out of range`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`invoice sequence ${sequence} out of range`);
  return `INV-${year}-${String(sequence).padStart(6, '0')}`;
}
