import { describe, expect, test } from 'vitest';
import { missingReportItems, securityReportDeadline, securityReportHours, securityReportLate, type SecurityGrade } from './security-report.js';

const at = (s: string) => new Date(s);

describe('the security-event report clock', () => {
  test.each<[string, SecurityGrade, boolean, number | null]>([
    ['一般 starts no clock', 'general', false, null],
    ['一般 at a CII operator starts none either', 'general', true, null],
    ['较大: 4 hours', 'major', false, 4],
    ['重大: 4 hours', 'serious', false, 4],
    ['特别重大: 4 hours', 'especially_serious', false, 4],
    ['较大 at a CII operator: 1 hour', 'major', true, 1],
    ['特别重大 at a CII operator: 1 hour', 'especially_serious', true, 1],
  ])('%s', (_, grade, cii, hours) => expect(securityReportHours(grade, cii)).toBe(hours));

  test.each<[string, SecurityGrade, boolean, string, string | null]>([
    ['counts clock hours across midnight', 'major', false, '2026-10-01T22:30:00+08:00', '2026-10-02T02:30:00+08:00'],
    ['a holiday is no pause', 'serious', false, '2026-10-03T10:00:00+08:00', '2026-10-03T14:00:00+08:00'],
    ['one hour for a CII operator', 'major', true, '2026-03-02T09:59:00Z', '2026-03-02T10:59:00Z'],
    ['none for 一般', 'general', false, '2026-03-02T09:59:00Z', null],
  ])('%s', (_, grade, cii, found, due) => {
    const d = securityReportDeadline(grade, at(found), cii);
    expect(d ? d.toISOString() : null).toBe(due ? at(due).toISOString() : null);
  });

  test.each<[string, string | null, string | null, string, boolean]>([
    ['reported at the deadline is in time', '2026-03-02T14:00:00Z', '2026-03-02T14:00:00Z', '2026-03-02T15:00:00Z', false],
    ['reported a minute late', '2026-03-02T14:00:00Z', '2026-03-02T14:01:00Z', '2026-03-02T15:00:00Z', true],
    ['not reported, still in time', '2026-03-02T14:00:00Z', null, '2026-03-02T13:00:00Z', false],
    ['not reported, past the deadline', '2026-03-02T14:00:00Z', null, '2026-03-02T14:00:01Z', true],
    ['no clock is never late', null, null, '2030-01-01T00:00:00Z', false],
  ])('%s', (_, deadline, reported, now, late) =>
    expect(securityReportLate(deadline ? at(deadline) : null, reported ? at(reported) : null, at(now))).toBe(late));

  test('lists the missing report items', () => {
    expect(missingReportItems({ unit: '某数据中心', occurredAt: at('2026-03-02T01:00:00Z'), place: ' ', eventType: '', impact: null })).toEqual(['place', 'eventType', 'impact', 'measures']);
    expect(missingReportItems({ unit: 'u', occurredAt: at('2026-03-02T01:00:00Z'), place: 'p', eventType: 't', impact: 'i', measures: 'm' })).toEqual([]);
  });
});
