import { RuleError } from './errors.js';
import { MAX_FEN, type Fen } from './money.js';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];

/**
 * 大写 for bills and settlement vouchers, by the People's Bank rules (《正确填写票据和结算凭证的
 * 基本规定》): 壹拾 always carries its 壹; a run of zeros inside the number is one 零; a zero 元 digit
 * before a non-zero 角 takes no 零 (the rules allow either; we choose the shorter); a zero 角 before
 * a non-zero 分 takes 零 (required); 整 follows 元 when there are no 角 and 分 and never follows 分 or
 * 角; amounts below one yuan are written without 元 (伍角, 肆分); 0.00 is 零元整.
 */
export function toCapital(amount: Fen): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_FEN) {
    throw new RuleError('MONEY_OUT_OF_RANGE', { field: 'amount', value: String(amount) });
  }
  const yuan = Math.floor(amount / 100);
  const jiao = Math.floor(amount / 10) % 10;
  const fenDigit = amount % 10;
  if (amount === 0) return '零元整';

  let out = yuan > 0 ? `${integerCapital(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零'; // 325.04 → 叁佰贰拾伍元零肆分
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  return out;
}

/** The integer part: digits walked from the most significant, one 零 per run of inner zeros. */
function integerCapital(n: number): string {
  const digits = String(n).split('').map(Number);
  const top = digits.length - 1;
  let out = '';
  let zeroPending = false;
  for (let i = 0; i < digits.length; i += 1) {
    const position = top - i; // power of ten
    const d = digits[i];
    if (d === 0) {
      if (out) zeroPending = true;
    } else {
      if (zeroPending) out += '零';
      zeroPending = false;
      out += DIGITS[d] + SMALL_UNITS[position % 4];
    }
    // group markers: 万 (10^4), 亿 (10^8), 万 of 万亿 (10^12); 亿 is written whenever anything above it is
    if (position === 4 && groupHasDigit(digits, top, 4, 7)) out += '万';
    if (position === 8 && groupHasDigit(digits, top, 8, 15)) out += '亿';
    if (position === 12 && groupHasDigit(digits, top, 12, 15)) out += '万';
  }
  return out;
}

function groupHasDigit(digits: number[], top: number, from: number, to: number): boolean {
  for (let p = from; p <= to; p += 1) {
    const i = top - p;
    if (i >= 0 && digits[i] !== 0) return true;
  }
  return false;
}

/**
 * Reads 大写 back into fen. It exists so the writer can be checked by a round trip, and for
 * operators who paste a figure from a signed contract; it accepts exactly what toCapital writes
 * (plus 正 for 整, which the rules allow).
 */
export function parseCapital(text: string): Fen {
  const s = text.trim().replace(/^人民币/, '').replace(/[整正]$/, '');
  const m = /^(?:(.+)元)?(?:零?([壹贰叁肆伍陆柒捌玖])角)?(?:零?([壹贰叁肆伍陆柒捌玖])分)?$/.exec(s);
  if (!m || s === '') throw new RuleError('MONEY_INVALID', { field: 'amount', value: text });
  const yuan = m[1] === undefined || m[1] === '零' ? 0 : parseInteger(m[1], text);
  const jiao = m[2] ? DIGITS.indexOf(m[2]) : 0;
  const fenDigit = m[3] ? DIGITS.indexOf(m[3]) : 0;
  return (yuan * 100 + jiao * 10 + fenDigit) as Fen;
}

function parseInteger(s: string, original: string): number {
  let total = 0; // completed 亿 / 万 parts
  let section = 0; // below 万 within the current group
  let digit = 0;
  for (const ch of s) {
    const d = DIGITS.indexOf(ch);
    if (d > 0) digit = d;
    else if (ch === '零') continue;
    else if (ch === '拾' || ch === '佰' || ch === '仟') {
      section += digit * 10 ** SMALL_UNITS.indexOf(ch);
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 100_000_000;
      section = 0;
      digit = 0;
    } else throw new RuleError('MONEY_INVALID', { field: 'amount', value: original });
  }
  return total + section + digit;
}
