import { describe, expect, it } from 'vitest';
import { hasControlCharacter, validateRecordName } from './dns-record.js';

describe('control characters in DNS data', () => {
  it.each([
    ['plain text', 'v=spf1 -all', false],
    ['CJK and emoji', '云桥数据中心😀', false],
    ['quotes and backslashes', '"\\;()$', false],
    ['line feed', 'x\n$INCLUDE /etc/passwd', true],
    ['carriage return', 'x\r', true],
    ['tab', 'a\tb', true],
    ['NUL', '\u0000', true],
    ['DEL', '\u007f', true],
    ['C1 next line', '\u0085', true],
    ['line separator', '\u2028', true],
    ['lone high surrogate', 'a\ud800b', true],
    ['lone low surrogate', '\udc00', true],
  ])('%s', (_, value, refused) => expect(hasControlCharacter(value)).toBe(refused));
});

describe('record owner names (relative to the zone, absolute when ending in a dot)', () => {
  const zone = 'example.cn';
  it.each([
    ['@', '@'],
    ['', '@'],
    ['WWW', 'www'],
    ['www.example.cn.', 'www'],
    ['example.cn.', '@'],
    ['a.b.example.cn.', 'a.b'],
    ['www.example.cn', 'www.example.cn'], // no dot: relative, i.e. www.example.cn.example.cn
    ['_dmarc', '_dmarc'],
    ['*.dev', '*.dev'],
    ['邮件', 'xn--5nq051n'],
  ])('%j → %j', (input, normalized) => expect(validateRecordName(input, zone)).toEqual({ valid: true, normalized }));

  it.each([
    ['www.elsewhere.cn.', 'DNS_NAME_OUTSIDE_ZONE'],
    ['xexample.cn.', 'DNS_NAME_OUTSIDE_ZONE'],
    ['cn.', 'DNS_NAME_OUTSIDE_ZONE'],
    ['a\nb', 'DNS_CONTROL_CHARACTER'],
    ['$INCLUDE', 'DNS_NAME_CHARACTERS'],
    ['a b', 'DNS_NAME_CHARACTERS'],
    ['*', 'DNS_NAME_CHARACTERS'],
    ['a.*', 'DNS_NAME_CHARACTERS'],
    ['a..b', 'DOMAIN_EMPTY_LABEL'],
    ['-a', 'DOMAIN_HYPHEN'],
    ['x'.repeat(64), 'DOMAIN_LABEL_TOO_LONG'],
    [Array(70).fill('abc').join('.'), 'DOMAIN_TOO_LONG'],
  ])('%j is refused: %s', (input, reason) => expect(validateRecordName(input, zone)).toMatchObject({ valid: false, reason }));
});
