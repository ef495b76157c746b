import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { validateDomain } from './domain.js';
import { validateIcpFiling, validateIcpLicence } from './icp.js';
import { cidrContains, cidrSize, parseCidr, parseIp, validateCidr, validateIp, type Cidr } from './ip.js';
import { validatePhone } from './phone.js';
import { validatePsbFiling } from './psb.js';
import { validateResidentId } from './resident-id.js';
import { validateUscc } from './uscc.js';

const TODAY = '2026-11-24';
const outcome = (v: { valid: boolean; normalized?: string; reason?: string }) => (v.valid ? v.normalized : v.reason);

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test.each([
    ['91350100M000100Y43', '91350100M000100Y43'],
    ['12100000400000624D', '12100000400000624D'],
    ['511100005000001519', '511100005000001519'],
    ['Y1110108MA00AAAA0D', 'Y1110108MA00AAAA0D'],
    ['91440300ma5dc1b7xm', '91440300MA5DC1B7XM'],
    [' 91110108MA01ABCD2H ', '91110108MA01ABCD2H'],
    ['９１１１０１０８ＭＡ０１ＡＢＣＤ２Ｈ', '91110108MA01ABCD2H'],
    ['91350100M000100Y44', 'USCC_CHECKSUM'],
    ['91110108MA01ABCD2X', 'USCC_CHECKSUM'],
    ['91350100M000100Y4', 'USCC_LENGTH'],
    ['91350100M000100Y431', 'USCC_LENGTH'],
    ['', 'USCC_LENGTH'],
    ['91350100M000100I43', 'USCC_CHARSET'],
    ['91350100M000100O43', 'USCC_CHARSET'],
    ['91350100M000100Z43', 'USCC_CHARSET'],
    ['B1350100M000100Y43', 'USCC_AUTHORITY'],
    ['913501A0M000100Y43', 'USCC_DIVISION'],
  ])('%s → %s', (input, expected) => expect(outcome(validateUscc(input))).toBe(expected));

  test('names the expected check character', () => {
    expect(validateUscc('91350100M000100Y44')).toEqual({ valid: false, reason: 'USCC_CHECKSUM', expected: '3' });
  });
});

describe('resident ID (GB 11643)', () => {
  test.each([
    ['11010519491231002X', '11010519491231002X'],
    ['11010519491231002x', '11010519491231002X'],
    ['440524188001010014', 'ID_BIRTHDATE'], // 1880 is before 1900
    ['510107199003071236', '510107199003071236'],
    ['310115200002294567', '310115200002294567'], // 2000-02-29 exists
    ['650102202401010010', '650102202401010010'],
    ['110101190001010014', '110101190001010014'],
    ['110105194912310021', 'ID_CHECKSUM'],
    ['11010519491231002', 'ID_LENGTH'],
    ['110105491231002', 'ID_LENGTH'], // the old 15-digit form is not accepted
    ['1101051949123100XX', 'ID_FORMAT'],
    ['990105194912310021', 'ID_REGION'],
    ['110105194902300021', 'ID_BIRTHDATE'],
    ['110105190002290021', 'ID_BIRTHDATE'], // 1900 was not a leap year
    ['110105203001010021', 'ID_BIRTHDATE'], // in the future
  ])('%s → %s', (input, expected) => expect(outcome(validateResidentId(input, TODAY))).toBe(expected));

  test('reads birth date and sex', () => {
    expect(validateResidentId('11010519491231002X', TODAY)).toMatchObject({ birthDate: '1949-12-31', sex: 'female' });
    expect(validateResidentId('510107199003071236', TODAY)).toMatchObject({ birthDate: '1990-03-07', sex: 'male' });
  });
});

describe('ICP filing numbers (备案号)', () => {
  test.each([
    ['京ICP备12345678号', '京ICP备12345678号'],
    ['粤ICP备2021012345号-3', '粤ICP备2021012345号-3'],
    ['京ICP备2023012345号-1A', '京ICP备2023012345号-1A'],
    ['蜀ICP备2022001234号', '蜀ICP备2022001234号'],
    ['滇ICP备12345678号-2', '滇ICP备12345678号-2'],
    ['黔ICP备2020012345号', '黔ICP备2020012345号'],
    ['陇ICP备12345678号', '陇ICP备12345678号'],
    ['沪ICP备１２３４５６７８号－２', '沪ICP备12345678号-2'],
    [' 浙ICP备 12345678号 ', '浙ICP备12345678号'],
    ['川ICP备12345678号', 'ICP_PROVINCE_ALIAS'],
    ['云ICP备12345678号', 'ICP_PROVINCE_ALIAS'],
    ['贵ICP备12345678号', 'ICP_PROVINCE_ALIAS'],
    ['甘ICP备12345678号', 'ICP_PROVINCE_ALIAS'],
    ['港ICP备12345678号', 'ICP_PROVINCE_UNKNOWN'],
    ['京ICP备1234567号', 'ICP_FILING_SERIAL'],
    ['京ICP备123456789号', 'ICP_FILING_SERIAL'],
    ['京ICP备1921012345号', 'ICP_FILING_SERIAL'],
    ['京ICP备12345678', 'ICP_FILING_FORMAT'],
    ['京ICP证12345678号', 'ICP_FILING_FORMAT'],
    ['京ICP备12345678号-0', 'ICP_FILING_FORMAT'],
    ['京ICP备12345678号-', 'ICP_FILING_FORMAT'],
    ['ICP备12345678号', 'ICP_FILING_FORMAT'],
  ])('%s → %s', (input, expected) => expect(outcome(validateIcpFiling(input))).toBe(expected));

  test('says which abbreviation MIIT uses', () => {
    expect(validateIcpFiling('川ICP备12345678号')).toEqual({ valid: false, reason: 'ICP_PROVINCE_ALIAS', expected: '蜀' });
  });
});

describe('ICP/ISP licences (经营许可证)', () => {
  test.each([
    ['京B2-20202418', '京B2-20202418'],
    ['B1.B2-20090003', 'B1.B2-20090003'],
    ['合字B1.B2-20200001', '合字B1.B2-20200001'],
    ['京ICP证030173号', '京ICP证030173号'],
    ['粤B2-20090059', '粤B2-20090059'],
    ['沪B2-20050138', '沪B2-20050138'],
    ['蜀B2-20120001', '蜀B2-20120001'],
    ['A2.B1.B2-20090004', 'A2.B1.B2-20090004'],
    ['川B2-20120001', 'ICP_PROVINCE_ALIAS'],
    ['京B2-2020241', 'ICP_LICENCE_FORMAT'],
    ['京C2-20202418', 'ICP_LICENCE_FORMAT'],
    ['京B2-19992418', 'ICP_LICENCE_SERIAL'],
    ['京ICP备12345678号', 'ICP_LICENCE_FORMAT'],
    ['京ICP证03017号', 'ICP_LICENCE_FORMAT'],
  ])('%s → %s', (input, expected) => expect(outcome(validateIcpLicence(input))).toBe(expected));
});

describe('公网安备 numbers', () => {
  test.each([
    ['京公网安备11010502030143号', '京公网安备11010502030143号'],
    ['11010502030143', '11010502030143'],
    ['川公网安备51010702043125号', '川公网安备51010702043125号'],
    ['蜀公网安备51010702043125号', '蜀公网安备51010702043125号'],
    ['粤公网安备 44030502008569号', '粤公网安备44030502008569号'],
    ['沪公网安备11010502030143号', 'PSB_PROVINCE_MISMATCH'],
    ['京公网安备1101050203014号', 'PSB_LENGTH'],
    ['1101050203014', 'PSB_LENGTH'],
    ['99010502030143', 'PSB_PROVINCE_CODE'],
    ['京公网安备11010502030143', 'PSB_FORMAT'],
    ['公网安备11010502030143号', 'PSB_FORMAT'],
    ['京ICP备11010502030143号', 'PSB_FORMAT'],
  ])('%s → %s', (input, expected) => expect(outcome(validatePsbFiling(input))).toBe(expected));
});

describe('domains', () => {
  test.each([
    ['example.com', 'example.com'],
    ['WWW.Example.COM.', 'www.example.com'],
    ['中国.cn', 'xn--fiqs8s.cn'],
    ['例子.测试', 'xn--fsqu00a.xn--0zwm56d'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['a-b.example.cn', 'a-b.example.cn'],
    ['xn--fiqs8s.cn', 'xn--fiqs8s.cn'],
    ['localhost', 'DOMAIN_SINGLE_LABEL'],
    ['', 'DOMAIN_EMPTY'],
    ['a..com', 'DOMAIN_EMPTY_LABEL'],
    ['-a.com', 'DOMAIN_HYPHEN'],
    ['a-.com', 'DOMAIN_HYPHEN'],
    ['ab--c.com', 'DOMAIN_HYPHEN'],
    ['a_b.com', 'DOMAIN_CHARACTERS'],
    ['http://a.com', 'DOMAIN_CHARACTERS'],
    ['a b.com', 'DOMAIN_CHARACTERS'],
    [`${'a'.repeat(64)}.com`, 'DOMAIN_LABEL_TOO_LONG'],
    [`${'a.'.repeat(127)}com`, 'DOMAIN_TOO_LONG'],
    ['example.123', 'DOMAIN_NUMERIC_TLD'],
    // UTS-46 mapping as browsers apply it: what the browser sends is what is stored
    ['Ⅸ.cn', 'ix.cn'],
    ['ｅｘａｍｐｌｅ。cn', 'example.cn'],
    ['Straße.de', 'xn--strae-oqa.de'],
    ['例子。中国。', 'xn--fsqu00a.xn--fiqs8s'],
    // invisible characters are refused, not mapped away
    ['x.cn\u200b', 'DOMAIN_INVISIBLE'],
    ['x\u200d.cn', 'DOMAIN_INVISIBLE'],
    ['ex\u00adample.cn', 'DOMAIN_INVISIBLE'],
    ['exa\ufeffmple.cn', 'DOMAIN_INVISIBLE'],
    ['a\u0000b.cn', 'DOMAIN_INVISIBLE'],
    ['xn--zz.cn', 'DOMAIN_DISALLOWED'],
    ['⒈.cn', 'DOMAIN_DISALLOWED'],
    ['a%2eb.cn', 'DOMAIN_CHARACTERS'],
  ])('%s → %s', (input, expected) => expect(outcome(validateDomain(input))).toBe(expected));
});

test('encodes internationalised names exactly as the WHATWG URL parser does', () => {
  const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 12 });
  const mixed = fc.string({ unit: fc.constantFrom(...'abc-中国网络测试例子数据ü'.split('')), minLength: 1, maxLength: 15 }).filter((s) => !s.startsWith('-') && !s.endsWith('-') && !/^..--/.test(s));
  fc.assert(
    fc.property(fc.oneof(cjk, mixed), fc.constantFrom('cn', '中国', 'com'), (label, tld) => {
      const v = validateDomain(`${label}.${tld}`);
      return v.valid && v.normalized === domainToASCII(`${label}.${tld}`);
    }),
    { numRuns: 500 },
  );
});

test('gives the display form of what it stores', () => {
  expect(validateDomain('中国.CN')).toMatchObject({ valid: true, normalized: 'xn--fiqs8s.cn', unicode: '中国.cn' });
  expect(validateDomain('xn--bcher-kva.de')).toMatchObject({ valid: true, unicode: 'bücher.de' });
  expect(validateDomain('Ⅸ.cn')).toMatchObject({ valid: true, normalized: 'ix.cn', unicode: 'ix.cn' });
});

test('maps any name a browser accepts to the host the browser sends', () => {
  // letters, compatibility forms (full width, Roman numerals, ligatures), CJK and German: the stored name equals the WHATWG host
  const unit = fc.constantFrom(...'abcXYZ09-ＡＢｃ１ⅨⅻﬁßüÜ中国网络例子'.split(''));
  fc.assert(
    fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), fc.constantFrom('cn', 'COM', '中国'), (label, tld) => {
      const host = domainToASCII(`${label}.${tld}`);
      const v = validateDomain(`${label}.${tld}`);
      // where the browser's host is a valid DNS name, it is exactly what we store
      if (host && /^[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/.test(host) && !/(^|\.)-|-($|\.)/.test(host) && !/(^|\.)(?!xn)..--/.test(host)) return v.valid && v.normalized === host;
      return !v.valid;
    }),
    { numRuns: 500 },
  );
});

describe('phone numbers', () => {
  test.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['010-62345678', '010-62345678'],
    ['010-12345678', 'PHONE_LANDLINE_FORMAT'], // subscriber numbers never start with 0 or 1
    ['(010) 8765 4321', '010-87654321'],
    ['0755-26123456', '0755-26123456'],
    ['0571-8712345', '0571-8712345'],
    ['021-62345678转808', '021-62345678-808'],
    ['12812345678', 'PHONE_MOBILE_FORMAT'],
    ['1381234567', 'PHONE_MOBILE_FORMAT'],
    ['138123456789', 'PHONE_MOBILE_FORMAT'],
    ['010-1234567', 'PHONE_LANDLINE_FORMAT'],
    ['0755-1234567', 'PHONE_LANDLINE_FORMAT'],
    ['12345678', 'PHONE_MOBILE_FORMAT'],
    ['abc', 'PHONE_CHARACTERS'],
    ['', 'PHONE_CHARACTERS'],
  ])('%s → %s', (input, expected) => expect(outcome(validatePhone(input))).toBe(expected));
});

describe('IP addresses and prefixes', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8::', '2001:db8::'],
    ['::', '::'],
    ['::1', '::1'],
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['2001:0db8:0001:0000:0000:0000:0000:0001', '2001:db8:1::1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2:3:4:5:6'],
    ['256.0.0.1', 'IP_FORMAT'],
    ['1.2.3', 'IP_FORMAT'],
    ['01.2.3.4', 'IP_FORMAT'],
    ['1.2.3.4.5', 'IP_FORMAT'],
    ['2001:db8::1::1', 'IP_FORMAT'],
    ['2001:db8:1:2:3:4:5:6:7', 'IP_FORMAT'],
    ['2001:db8:g::1', 'IP_FORMAT'],
    ['', 'IP_FORMAT'],
  ])('%s → %s', (input, expected) => expect(outcome(validateIp(input))).toBe(expected));

  test.each([
    ['203.0.113.0/24', '203.0.113.0/24'],
    ['2001:DB8::/48', '2001:db8::/48'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['203.0.113.5/24', 'CIDR_HOST_BITS'],
    ['203.0.113.0/33', 'CIDR_PREFIX'],
    ['203.0.113.0/024', 'CIDR_PREFIX'],
    ['203.0.113.0', 'CIDR_FORMAT'],
    ['2001:db8::/129', 'CIDR_PREFIX'],
  ])('%s → %s', (input, expected) => expect(outcome(validateCidr(input))).toBe(expected));

  test('containment and size', () => {
    const pool = parseCidr('203.0.113.0/24') as Cidr;
    expect(cidrContains(pool, parseIp('203.0.113.255')!)).toBe(true);
    expect(cidrContains(pool, parseIp('203.0.114.0')!)).toBe(false);
    expect(cidrContains(pool, parseIp('2001:db8::1')!)).toBe(false);
    expect(cidrSize(pool)).toBe(256n);
    const v6 = parseCidr('2001:db8::/48') as Cidr;
    expect(cidrContains(v6, parseIp('2001:db8:0:ffff::1')!)).toBe(true);
    expect(cidrContains(v6, parseIp('2001:db8:1::1')!)).toBe(false);
  });
});
