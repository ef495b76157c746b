import { RuleError } from './errors.js';

/** Money is integer fen (分) everywhere: never a float of yuan. */
export type Fen = number & { readonly __brand: 'Fen' };

/** 9,999,999,999,999.99 yuan: the largest amount the 大写 rules here are written for. */
export const MAX_FEN = 999_999_999_999_999;

export function fen(value: number, field = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) throw new RuleError('MONEY_INVALID', { field, value: String(value) });
  if (Math.abs(value) > MAX_FEN) throw new RuleError('MONEY_OUT_OF_RANGE', { field, value: String(value) });
  return value as Fen;
}

const YUAN = /^(-)?[￥¥]?(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parses a yuan amount strictly: "12345.6", "12,345.60", "￥12345.60" → 1234560 fen. Thousands
 * separators must group by three; more than two decimals, a sign where none is allowed, or
 * anything else is refused with a typed error, never rounded or guessed.
 */
export function parseYuan(input: string, opts: { allowNegative?: boolean; field?: string } = {}): Fen {
  const field = opts.field ?? 'amount';
  const text = input.trim();
  const m = YUAN.exec(text);
  if (!m || (m[1] && m[2])) throw new RuleError('MONEY_INVALID', { field, value: input });
  const negative = Boolean(m[1] || m[2]);
  const decimals = m[4] ?? '';
  if (decimals.length > 2) throw new RuleError('MONEY_TOO_MANY_DECIMALS', { field, value: input });
  const digits = m[3].replace(/,/g, '');
  if (digits.length > 13) throw new RuleError('MONEY_OUT_OF_RANGE', { field, value: input });
  const amount = Number(digits) * 100 + Number(decimals.padEnd(2, '0') || '0');
  if (negative && amount !== 0 && !opts.allowNegative) throw new RuleError('MONEY_NEGATIVE', { field, value: input });
  return fen(negative && amount !== 0 ? -amount : amount, field);
}

/** "12345.60" — yuan with two decimals, no symbol or separators (for forms and CSV). */
export function toYuanString(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "￥12,345.60" */
export function formatYuan(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const integer = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}￥${integer}.${String(abs % 100).padStart(2, '0')}`;
}

export function addFen(...amounts: Fen[]): Fen {
  return fen(amounts.reduce((sum, a) => sum + a, 0));
}
