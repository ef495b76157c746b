import fc from 'fast-check';
import { ruleCode } from '../../test/harness/rules.js';
import { describe, expect, it, test } from 'vitest';
import { parseCapital, toCapital } from './capital.js';
import { RuleError } from './errors.js';
import { fen, formatYuan, MAX_FEN, parseYuan, toYuanString, type Fen } from './money.js';


describe('parseYuan', () => {
  test.each([
    ['0', 0],
    ['0.00', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['1', 100],
    ['12345.6', 1234560],
    ['12345.60', 1234560],
    ['12,345.60', 1234560],
    ['￥12345.60', 1234560],
    ['¥12,345.60', 1234560],
    [' 12345.60 ', 1234560],
    ['1,000,100.00', 100010000],
    ['9999999999999.99', MAX_FEN],
    ['9,999,999,999,999.99', MAX_FEN],
    ['007', 700],
  ])('%s → %i fen', (input, expected) => expect(parseYuan(input)).toBe(expected));

  test.each([
    ['1.234', 'MONEY_TOO_MANY_DECIMALS'],
    ['0.001', 'MONEY_TOO_MANY_DECIMALS'],
    ['-1', 'MONEY_NEGATIVE'],
    ['-￥1.00', 'MONEY_NEGATIVE'],
    ['abc', 'MONEY_INVALID'],
    ['', 'MONEY_INVALID'],
    ['1.', 'MONEY_INVALID'],
    ['.5', 'MONEY_INVALID'],
    ['1,23', 'MONEY_INVALID'],
    ['12,3456.00', 'MONEY_INVALID'],
    [',123', 'MONEY_INVALID'],
    ['1e5', 'MONEY_INVALID'],
    ['0x10', 'MONEY_INVALID'],
    ['1 000', 'MONEY_INVALID'],
    ['--1', 'MONEY_INVALID'],
    ['10000000000000', 'MONEY_OUT_OF_RANGE'],
    ['12.3.4', 'MONEY_INVALID'],
    ['￥', 'MONEY_INVALID'],
  ])('%s → %s', (input, code) => {
    expect(ruleCode(() => parseYuan(input))).toBe(code);
  });

  it('accepts negatives only where allowed', () => {
    expect(parseYuan('-12.50', { allowNegative: true })).toBe(-1250);
    expect(parseYuan('-0.00')).toBe(0);
  });

  it('names the field in its error', () => {
    // the parse must throw; an expect inside a catch alone would pass when nothing is thrown
    let thrown: unknown;
    try {
      parseYuan('x', { field: 'annualFee' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RuleError);
    expect((thrown as RuleError).params.field).toBe('annualFee');
  });
});

describe('formatYuan / toYuanString', () => {
  test.each([
    [0, '￥0.00', '0.00'],
    [1, '￥0.01', '0.01'],
    [10, '￥0.10', '0.10'],
    [100, '￥1.00', '1.00'],
    [1234560, '￥12,345.60', '12345.60'],
    [100000000, '￥1,000,000.00', '1000000.00'],
    [-1250, '-￥12.50', '-12.50'],
    [MAX_FEN, '￥9,999,999,999,999.99', '9999999999999.99'],
  ])('%i', (amount, formatted, plain) => {
    expect(formatYuan(amount as Fen)).toBe(formatted);
    expect(toYuanString(amount as Fen)).toBe(plain);
  });

  it('refuses floats and out-of-range numbers as fen', () => {
    expect(ruleCode(() => fen(1.5))).toBe('MONEY_INVALID');
    expect(ruleCode(() => fen(MAX_FEN + 1))).toBe('MONEY_OUT_OF_RANGE');
  });

  it('round-trips through parseYuan', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_FEN }), (n) => parseYuan(formatYuan(n as Fen)) === n && parseYuan(toYuanString(n as Fen)) === n));
  });
});

describe('大写 (toCapital)', () => {
  test.each([
    ['0.00', '零元整'],
    ['0.01', '壹分'],
    ['0.05', '伍分'],
    ['0.10', '壹角'],
    ['0.50', '伍角'],
    ['0.55', '伍角伍分'],
    ['1.00', '壹元整'],
    ['1.01', '壹元零壹分'],
    ['1.10', '壹元壹角'],
    ['10.00', '壹拾元整'],
    ['11.00', '壹拾壹元整'],
    ['15.00', '壹拾伍元整'],
    ['20.00', '贰拾元整'],
    ['100.00', '壹佰元整'],
    ['101.00', '壹佰零壹元整'],
    ['110.00', '壹佰壹拾元整'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    ['1000.00', '壹仟元整'],
    ['1001.00', '壹仟零壹元整'],
    ['1010.00', '壹仟零壹拾元整'],
    ['1409.50', '壹仟肆佰零玖元伍角'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['10000.00', '壹万元整'],
    ['10001.00', '壹万零壹元整'],
    ['12345.60', '壹万贰仟叁佰肆拾伍元陆角'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['100000.00', '壹拾万元整'],
    ['107000.53', '壹拾万零柒仟元伍角叁分'],
    ['110000.00', '壹拾壹万元整'],
    ['1000100.00', '壹佰万零壹佰元整'],
    ['10000100.00', '壹仟万零壹佰元整'],
    ['100000000.00', '壹亿元整'],
    ['100000001.00', '壹亿零壹元整'],
    ['100010000.00', '壹亿零壹万元整'],
    ['110000000.00', '壹亿壹仟万元整'],
    ['1000000000.00', '壹拾亿元整'],
    ['1000000000000.00', '壹万亿元整'],
    ['1000100000000.00', '壹万零壹亿元整'],
    ['1200000000000.00', '壹万贰仟亿元整'],
    ['9999999999999.99', '玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    ['36000.00', '叁万陆仟元整'],
    ['48000.00', '肆万捌仟元整'],
  ])('%s → %s', (yuan, capital) => expect(toCapital(parseYuan(yuan))).toBe(capital));

  it('refuses negatives and amounts past its range', () => {
    expect(ruleCode(() => toCapital(-1 as Fen))).toBe('MONEY_OUT_OF_RANGE');
    expect(ruleCode(() => toCapital((MAX_FEN + 1) as Fen))).toBe('MONEY_OUT_OF_RANGE');
  });

  it('never writes two 零 in a row, never ends 分 or 角 with 整, always 整 after a bare 元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (n) => {
        const s = toCapital(n as Fen);
        if (n === 0) return s === '零元整';
        return !s.includes('零零') && !/[分角]整$/.test(s) && (n % 100 !== 0 || s.endsWith('整')) && !/^零/.test(s) && !/零[元万亿]/.test(s);
      }),
    );
  });

  it('round-trips: parseCapital(toCapital(x)) = x across the whole range', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_FEN }), (n) => parseCapital(toCapital(n as Fen)) === n), { numRuns: 5000 });
    // and on the shapes most likely to go wrong: runs of zeros
    const zeroHeavy = fc.array(fc.constantFrom(0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 15 }).map((ds) => Number(ds.join('')));
    fc.assert(fc.property(zeroHeavy, (n) => parseCapital(toCapital(n as Fen)) === n), { numRuns: 5000 });
  });

  it('reads 正 as 整 and refuses garbage', () => {
    expect(parseCapital('壹佰元正')).toBe(10000);
    expect(parseCapital('人民币壹佰元整')).toBe(10000);
    expect(ruleCode(() => parseCapital('一百元'))).toBe('MONEY_INVALID');
    expect(ruleCode(() => parseCapital(''))).toBe('MONEY_INVALID');
  });
});
