import { describe, expect, test } from 'vitest';
import { runCalc } from './calc.js';
import type { CalendarDate } from '../rules/index.js';

async function calc(argv: string[], stdin = '', lang: 'zh-CN' | 'en' = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCalc(argv, { readStdin: async () => stdin, out: (s) => out.push(s), err: (s) => err.push(s), lang, today: '2026-11-24' as CalendarDate });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rackpact calc --json: the examples of the issue, exactly', () => {
  test.each([
    [['capital', '12345.60', '--json'], '{"ok":true,"result":"壹万贰仟叁佰肆拾伍元陆角"}'],
    [['term', '--start', '2026-01-31', '--months', '12', '--compensation-hours', '3', '--json'], '{"ok":true,"result":{"start":"2026-01-31","end":"2027-01-30","endsAt":"2027-01-31T03:00:00+08:00"}}'],
    [['term', '--start', '2026-01-31', '--json'], '{"ok":true,"result":{"start":"2026-01-31","end":"2027-01-30","endsAt":"2027-01-31T00:00:00+08:00"}}'],
    [['deadline', '--from', '2026-09-30', '--working-days', '2', '--json'], '{"ok":true,"result":{"deadline":"2026-10-09","provisional":false}}'],
    [['deadline', '--from', '2026-10-09', '--working-days', '2', '--json'], '{"ok":true,"result":{"deadline":"2026-10-12","provisional":false}}'],
    [['due', '--from', '2026-03-01', '--days', '7', '--json'], '{"ok":true,"result":{"due":"2026-03-09","provisional":false}}'],
    // issue 16: past the published years the law's derivation answers, marked provisional
    [['deadline', '--from', '2026-12-30', '--working-days', '2', '--json'], '{"ok":true,"result":{"deadline":"2027-01-04","provisional":true}}'],
    [['due', '--from', '2027-04-26', '--days', '7', '--json'], '{"ok":true,"result":{"due":"2027-05-05","provisional":true}}'],
    [['check', 'uscc', '91350100M000100Y43', '--json'], '{"ok":true,"result":{"valid":true,"normalized":"91350100M000100Y43"}}'],
    [['check', 'domain', '中国.cn', '--json'], '{"ok":true,"result":{"valid":true,"normalized":"xn--fiqs8s.cn"}}'],
    [['check', 'icp-filing', '粤ICP备2021012345号-3', '--json'], '{"ok":true,"result":{"valid":true,"normalized":"粤ICP备2021012345号-3"}}'],
    [['check', 'icp-licence', '京B2-20202418', '--json'], '{"ok":true,"result":{"valid":true,"normalized":"京B2-20202418"}}'],
    [['check', 'psb-filing', '京公网安备11010502030143号', '--json'], '{"ok":true,"result":{"valid":true,"normalized":"京公网安备11010502030143号"}}'],
    [['check', 'resident-id', '11010519491231002x', '--json'], '{"ok":true,"result":{"valid":true,"normalized":"11010519491231002X"}}'],
  ])('%j', async (argv, expected) => {
    const res = await calc(argv);
    expect(res.out).toBe(expected);
    expect(res.code).toBe(0);
  });

  test('compensation reads interruptions from stdin', async () => {
    const stdin = JSON.stringify({
      interruptions: [
        { start: '2026-05-01T10:00:00+08:00', end: '2026-05-01T10:50:00+08:00', cause: 'provider_fault' },
        { start: '2026-05-01T10:30:00+08:00', end: '2026-05-01T11:10:00+08:00', cause: 'provider_fault' },
        { start: '2026-05-01T12:00:00+08:00', end: '2026-05-01T13:00:00+08:00', cause: 'customer_fault' },
      ],
    });
    const res = await calc(['compensation', '--json'], stdin);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out);
    expect(json.ok).toBe(true);
    expect(json.result.hours).toBe(3);
    expect(json.result.lines).toEqual([
      { from: '2026-05-01T10:00:00+08:00', to: '2026-05-01T11:10:00+08:00', minutes: 70, hours: 3, reasons: ['PROVIDER_FAULT'], sources: [{ index: 0 }, { index: 1 }] },
    ]);
    expect(json.result.excluded).toEqual([{ index: 2, reason: 'CUSTOMER_FAULT' }]);
  });
});

describe('bad input and exit codes', () => {
  test('an invalid value: ok result with valid:false, exit 1', async () => {
    const res = await calc(['check', 'uscc', '91350100M000100Y44', '--json']);
    expect(res).toMatchObject({ code: 1, out: '{"ok":true,"result":{"valid":false,"reason":"USCC_CHECKSUM"}}' });
  });

  test.each([
    [['capital', '1.234', '--json'], 1, 'MONEY_TOO_MANY_DECIMALS'],
    [['capital', '-5', '--json'], 1, 'MONEY_NEGATIVE'],
    [['capital', 'abc', '--json'], 1, 'MONEY_INVALID'],
    [['term', '--start', '2026-02-30', '--json'], 1, 'DATE_INVALID'],
    [['term', '--start', '2026-01-31', '--months', '0', '--json'], 1, 'TERM_MONTHS_INVALID'],
    [['deadline', '--from', '2029-03-01', '--working-days', '2', '--json'], 1, 'CALENDAR_NOT_COVERED'],
    [['deadline', '--from', '2003-03-01', '--working-days', '2', '--json'], 1, 'CALENDAR_NOT_COVERED'],
    [['deadline', '--from', '2026-03-01', '--working-days', 'two', '--json'], 1, 'DAYS_INVALID'],
    [['deadline', '--from', '2026-03-01', '--json'], 2, 'USAGE'],
    [['term', '--json'], 2, 'USAGE'],
    [['frobnicate', '--json'], 2, 'USAGE'],
    [['check', 'passport', 'X', '--json'], 2, 'USAGE'],
    [['capital', '--json'], 2, 'USAGE'],
  ])('%j → exit %i, %s', async (argv, code, errorCode) => {
    const res = await calc(argv);
    expect(res.code).toBe(code);
    const json = JSON.parse(res.out);
    expect(json).toMatchObject({ ok: false, error: { code: errorCode } });
    expect(json.error.message.length).toBeGreaterThan(5);
  });

  test('compensation refuses a bad interruption, naming it', async () => {
    const res = await calc(['compensation', '--json'], '{"interruptions":[{"start":"2026-05-01T10:00:00+08:00","end":"2026-05-01T09:00:00+08:00","cause":"provider_fault"}]}');
    expect(res.code).toBe(1);
    expect(JSON.parse(res.out).error.code).toBe('INTERRUPTION_INVALID');
    const notJson = await calc(['compensation', '--json'], 'not json');
    expect(notJson.code).toBe(1);
    const localTime = await calc(['compensation', '--json'], '{"interruptions":[{"start":"2026-05-01T10:00:00","end":"2026-05-01T11:00:00+08:00","cause":"provider_fault"}]}');
    expect(JSON.parse(localTime.out).error.code).toBe('INSTANT_INVALID');
  });
});

describe('human output in the terminal language', () => {
  test('Chinese by default', async () => {
    expect((await calc(['deadline', '--from', '2026-09-30', '--working-days', '2'], '', 'zh-CN')).out).toBe('截止日：2026-10-09（当日 24:00）');
    const bad = await calc(['capital', 'x'], '', 'zh-CN');
    expect(bad.err).toMatch(/^MONEY_INVALID: 金额格式无效/);
    expect(bad.out).toBe('');
  });

  test('says 暂定 when the answer rests on a year not yet published', async () => {
    expect((await calc(['deadline', '--from', '2026-12-30', '--working-days', '2'], '', 'zh-CN')).out).toBe('截止日：2027-01-04（当日 24:00）  暂定（国务院尚未公布该年安排）');
    expect((await calc(['due', '--from', '2027-04-26', '--days', '7'], '', 'zh-CN')).out).toBe('届满日：2027-05-05  暂定（国务院尚未公布该年安排）');
    expect((await calc(['due', '--from', '2027-04-26', '--days', '7'])).out).toMatch(/^due: 2027-05-05 {2}provisional/);
  });

  test('English', async () => {
    expect((await calc(['term', '--start', '2026-01-31'])).out).toBe('from 2026-01-31 to 2027-01-30; service ends 2027-01-31T00:00:00+08:00');
    expect((await calc(['check', 'icp-filing', '川ICP备12345678号'])).err).toMatch(/ICP_PROVINCE_ALIAS: Use the MIIT province abbreviation/);
  });

  test('help in both languages', async () => {
    expect((await calc(['--help'], '', 'zh-CN')).out).toMatch(/合同规则计算/);
    expect((await calc(['--help'])).out).toMatch(/contract rule calculations/);
  });
});
