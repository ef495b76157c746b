import { describe, expect, it } from 'vitest';
import {
  attestationState,
  checkDeclaredService,
  checkFiling,
  checkLogRetention,
  checkResponseHours,
  DOMAIN_TRANSITIONS,
  mayTerminateForCause,
  oneYearAfter,
  suggestedClause,
  type CalendarDate,
} from './index.js';

const d = (s: string) => s as CalendarDate;

describe('5.3 declared services', () => {
  it.each([
    ['www', false, { allowed: true, violation: null }],
    ['www', true, { allowed: true, violation: null }],
    ['email', false, { allowed: true, violation: 'SERVICE_AGREEMENT_MISSING' }],
    ['email', true, { allowed: true, violation: null }],
    ['ftp', false, { allowed: true, violation: 'SERVICE_AGREEMENT_MISSING' }],
    ['telnet', false, { allowed: true, violation: 'SERVICE_AGREEMENT_MISSING' }],
    ['database', false, { allowed: true, violation: 'SERVICE_AGREEMENT_MISSING' }],
    ['database', true, { allowed: true, violation: null }],
    ['proxy', true, { allowed: false, reason: 'SERVICE_PROHIBITED' }],
    ['subletting', true, { allowed: false, reason: 'SERVICE_PROHIBITED' }],
    ['virtual_hosting', false, { allowed: false, reason: 'SERVICE_PROHIBITED' }],
    ['disk_rental', true, { allowed: false, reason: 'SERVICE_PROHIBITED' }],
    ['mining', true, { allowed: false, reason: 'SERVICE_UNKNOWN' }],
    ['', false, { allowed: false, reason: 'SERVICE_UNKNOWN' }],
  ])('%s (agreement %s)', (kind, agreement, expected) => expect(checkDeclaredService(kind, agreement)).toEqual(expected));
});

describe('5.6 filing or licence for the use', () => {
  it.each([
    ['non_commercial', '京ICP备12345678号', null, { valid: true, filingNumber: '京ICP备12345678号', psbNumber: null }],
    ['non_commercial', '粤ICP备 2021012345 号-3', '', { valid: true, filingNumber: '粤ICP备2021012345号-3', psbNumber: null }],
    ['non_commercial', '京ICP备12345678号', '京公网安备11010502030143号', { valid: true, filingNumber: '京ICP备12345678号', psbNumber: '京公网安备11010502030143号' }],
    ['commercial', '京B2-20202418', null, { valid: true, filingNumber: '京B2-20202418', psbNumber: null }],
    ['commercial', '京ICP证030173号', null, { valid: true, filingNumber: '京ICP证030173号', psbNumber: null }],
    ['commercial', '京ICP备12345678号', null, { valid: false, fields: [{ path: 'filingNumber', reason: 'FILING_NOT_A_LICENCE' }] }],
    ['non_commercial', '京B2-20202418', null, { valid: false, fields: [{ path: 'filingNumber', reason: 'FILING_LICENCE_FOR_NON_COMMERCIAL' }] }],
    ['non_commercial', '川ICP备12345678号', null, { valid: false, fields: [{ path: 'filingNumber', reason: 'ICP_PROVINCE_ALIAS' }] }],
    ['commercial', 'B2-1999', null, { valid: false, fields: [{ path: 'filingNumber', reason: 'ICP_LICENCE_FORMAT' }] }],
    ['non_commercial', '京ICP备12345678号', '1101050203014', { valid: false, fields: [{ path: 'psbNumber', reason: 'PSB_LENGTH' }] }],
    ['commercial', 'x', '沪公网安备11010502030143号', { valid: false, fields: [{ path: 'filingNumber', reason: 'ICP_LICENCE_FORMAT' }, { path: 'psbNumber', reason: 'PSB_PROVINCE_MISMATCH' }] }],
  ] as const)('%s %s %s', (use, filing, psb, expected) => expect(checkFiling(use, filing, psb)).toEqual(expected));
});

describe('5.7 re-verification and the domain states', () => {
  it.each([
    ['2026-04-01', '2027-04-01'],
    ['2028-02-29', '2029-02-28'],
    ['2026-12-31', '2027-12-31'],
  ])('%s → %s', (from, to) => expect(oneYearAfter(d(from))).toBe(to));

  it('revoked is final; every other state can be revoked; only a verification opens', () => {
    expect(DOMAIN_TRANSITIONS.revoked).toEqual([]);
    for (const s of ['submitted', 'verified', 'suspended'] as const) expect(DOMAIN_TRANSITIONS[s]).toContain('revoked');
    expect(DOMAIN_TRANSITIONS.submitted).not.toContain('suspended');
  });
});

describe('5.5 log retention', () => {
  it.each([
    [6, null],
    [12, null],
    [120, null],
    [5, 'LOG_RETENTION_TOO_SHORT'],
    [2, 'LOG_RETENTION_TOO_SHORT'],
    [0, 'LOG_RETENTION_INVALID'],
    [-6, 'LOG_RETENTION_INVALID'],
    [6.5, 'LOG_RETENTION_INVALID'],
    [121, 'LOG_RETENTION_INVALID'],
  ])('%s months → %s', (months, expected) => expect(checkLogRetention(months)).toBe(expected));

  it.each([
    [null, '2026-04-01', 'missing'],
    ['2026-04-01', '2026-04-01', 'expired'],
    ['2026-03-31', '2026-04-01', 'expired'],
    ['2026-05-01', '2026-04-01', 'due_soon'],
    ['2026-05-02', '2026-04-01', 'valid'],
    ['2027-04-01', '2026-04-01', 'valid'],
  ])('valid until %s, today %s → %s', (until, today, expected) => expect(attestationState(until as CalendarDate | null, d(today))).toBe(expected));
});

describe('6.8 and complaints', () => {
  it.each([
    ['5.3', true],
    ['5.4', true],
    ['5.5', true],
    ['5.6', true],
    ['5.7', true],
    ['5.8', false],
    ['6.3', false],
    ['5.2', false],
  ])('termination for cause under %s: %s', (clause, ok) => expect(mayTerminateForCause(clause)).toBe(ok));

  it.each([
    ['unfiled_site', '5.6'],
    ['prohibited_service', '5.3'],
    ['network_instability', '6.3'],
    ['spam', '5.8'],
    ['gambling', '5.8'],
    ['other', '5.4'],
  ])('%s cites %s', (category, clause) => expect(suggestedClause(category)).toBe(clause));

  it.each([
    [1, true],
    [360, true],
    [0, false],
    [361, false],
    [1.5, false],
  ])('%s hours to answer: %s', (h, ok) => expect(checkResponseHours(h)).toBe(ok));
});
