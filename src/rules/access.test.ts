import { describe, expect, it, test } from 'vitest';
import {
  checkAccessSettings,
  checkIdLast4,
  checkVisitWindow,
  DEFAULT_ACCESS_SETTINGS,
  hhmm,
  mayAuthoriseEquipment,
  releaseHolds,
  shanghaiMinuteOfDay,
  VISIT_PURPOSES,
  windowTouchesDay,
  withinCheckInWindow,
  type VisitPurpose,
} from './access.js';

const at = (hhmm: string, day = '10') => new Date(`2026-03-${day}T${hhmm}:00+08:00`);
const NOW = at('09:00');
const paths = (w: { startsAt: Date; endsAt: Date; purpose: VisitPurpose }, now = NOW, s = DEFAULT_ACCESS_SETTINGS) =>
  checkVisitWindow(w, now, s).map((f) => `${f.path}:${f.key}`);

describe('visit window (issue 21 "Bad input"): default hours 08:00–20:00, at most 8 hours', () => {
  test.each([
    ['inside the hours', at('10:00'), at('12:00'), 'maintenance', []],
    ['exactly opening to closing is too long by default (12 h)', at('08:00', '11'), at('20:00', '11'), 'installation', ['endsAt:access.windowTooLong']],
    ['exactly 8 hours is allowed', at('10:00'), at('18:00'), 'inspection', []],
    ['8 hours and a minute is too long', at('10:00'), at('18:01'), 'inspection', ['endsAt:access.windowTooLong']],
    ['starting at opening is allowed', at('08:00', '11'), at('09:00', '11'), 'removal', []],
    ['starting before opening', at('07:59', '11'), at('09:00', '11'), 'removal', ['startsAt:access.outsideHours']],
    ['ending at closing is allowed', at('19:00'), at('20:00'), 'maintenance', []],
    ['ending after closing', at('19:00'), at('20:01'), 'maintenance', ['endsAt:access.outsideHours']],
    ['starting at closing', at('20:00'), at('20:30'), 'maintenance', ['startsAt:access.outsideHours', 'endsAt:access.outsideHours']],
    ['at night', at('02:00', '11'), at('03:00', '11'), 'maintenance', ['startsAt:access.outsideHours', 'endsAt:access.outsideHours']],
    ['an emergency at night is allowed', at('02:00', '11'), at('03:00', '11'), 'emergency', []],
    ['an emergency across midnight is allowed', at('23:00'), at('01:00', '11'), 'emergency', []],
    ['across midnight otherwise refused', at('19:00'), at('07:00', '11'), 'maintenance', ['endsAt:access.windowTooLong', 'endsAt:access.outsideHours']],
    ['on another day inside the hours', at('10:00', '12'), at('11:00', '12'), 'installation', []],
    ['in the past', at('08:30'), at('09:30'), 'maintenance', ['startsAt:access.windowInPast']],
    ['starting now is not the past', at('09:00'), at('10:00'), 'maintenance', []],
    ['ending before it starts', at('11:00'), at('10:00'), 'maintenance', ['endsAt:access.windowOrder']],
    ['ending when it starts', at('11:00'), at('11:00'), 'maintenance', ['endsAt:access.windowOrder']],
    ['an emergency still may not last longer than the maximum', at('10:00'), at('19:00'), 'emergency', ['endsAt:access.windowTooLong']],
    ['an emergency still may not be in the past', at('08:00'), at('08:30'), 'emergency', ['startsAt:access.windowInPast']],
  ] as const)('%s', (_, startsAt, endsAt, purpose, expected) => {
    expect(paths({ startsAt, endsAt, purpose })).toEqual(expected);
  });

  it('every purpose but emergency keeps to the hours', () => {
    for (const purpose of VISIT_PURPOSES) {
      const night = paths({ startsAt: at('21:00'), endsAt: at('22:00'), purpose });
      expect(night.length === 0).toBe(purpose === 'emergency');
    }
  });

  it('the site may open round the clock and allow longer visits', () => {
    const s = { ...DEFAULT_ACCESS_SETTINGS, opensMinute: 0, closesMinute: 24 * 60, maxVisitMinutes: 24 * 60 };
    expect(paths({ startsAt: at('00:00', '11'), endsAt: at('00:00', '12'), purpose: 'maintenance' }, NOW, s)).toEqual([]);
    expect(paths({ startsAt: at('12:00', '11'), endsAt: at('12:00', '12'), purpose: 'maintenance' }, NOW, s)).toEqual(['endsAt:access.outsideHours']);
  });

  it('names the hours and the maximum in the findings', () => {
    const [tooLong, outside] = checkVisitWindow({ startsAt: at('19:00'), endsAt: at('07:00', '11'), purpose: 'maintenance' }, NOW);
    expect(tooLong.params).toEqual({ hours: 8 });
    expect(outside.params).toEqual({ opens: '08:00', closes: '20:00' });
  });
});

describe('clock helpers', () => {
  test.each([
    ['2026-03-10T00:00:00Z', 8 * 60],
    ['2026-03-10T15:59:00Z', 23 * 60 + 59],
    ['2026-03-10T16:00:00Z', 0],
    ['2026-03-10T01:30:00Z', 9 * 60 + 30],
  ])('%s is minute %i in Shanghai', (iso, minute) => expect(shanghaiMinuteOfDay(new Date(iso))).toBe(minute));
  test.each([
    [0, '00:00'],
    [480, '08:00'],
    [1199, '19:59'],
    [1440, '24:00'],
  ])('%i → %s', (m, s) => expect(hhmm(m)).toBe(s));

  test.each([
    ['two hours before the start', at('08:00'), true],
    ['just over two hours before', new Date(at('08:00').getTime() - 1000), false],
    ['during', at('11:00'), true],
    ['at the end', at('12:00'), true],
    ['after the end', new Date(at('12:00').getTime() + 1000), false],
  ])('check-in %s', (_, now, ok) => expect(withinCheckInWindow({ startsAt: at('10:00'), endsAt: at('12:00') }, now)).toBe(ok));

  test.each([
    ['the same day', at('10:00'), at('11:00'), '2026-03-10', true],
    ['the day before', at('10:00'), at('11:00'), '2026-03-09', false],
    ['an emergency into the next day', at('23:00'), at('01:00', '11'), '2026-03-11', true],
    ['ending at midnight does not touch the next day', at('23:00'), at('00:00', '11'), '2026-03-11', false],
  ])('window touches day: %s', (_, startsAt, endsAt, day, touches) => expect(windowTouchesDay({ startsAt, endsAt }, day)).toBe(touches));
});

describe('settings', () => {
  test.each([
    ['the defaults', {}, []],
    ['closing before opening', { opensMinute: 600, closesMinute: 540 }, ['closesMinute']],
    ['closing at opening', { opensMinute: 600, closesMinute: 600 }, ['closesMinute']],
    ['a minute past midnight', { closesMinute: 24 * 60 + 1 }, ['closesMinute']],
    ['a negative opening', { opensMinute: -1 }, ['opensMinute']],
    ['a fraction', { opensMinute: 480.5 }, ['opensMinute']],
    ['too short a maximum', { maxVisitMinutes: 14 }, ['maxVisitMinutes']],
    ['too long a maximum', { maxVisitMinutes: 24 * 60 + 1 }, ['maxVisitMinutes']],
    ['no role may authorise equipment', { equipmentRoles: [] }, ['equipmentRoles']],
  ] as const)('%s', (_, patch, expected) => expect(checkAccessSettings({ ...DEFAULT_ACCESS_SETTINGS, ...patch }).map((f) => f.path)).toEqual(expected));
});

describe('who may authorise equipment leaving (5.10)', () => {
  test.each([
    ['legal_representative', true],
    ['technical_lead', true],
    ['network_admin', false],
    ['device_admin', false],
    ['server_admin', false],
    ['contract_contact', false],
    ['', false],
  ])('%s by default → %s', (role, ok) => expect(mayAuthoriseEquipment(role)).toBe(ok));
  it('follows the settings', () => {
    expect(mayAuthoriseEquipment('device_admin', { equipmentRoles: ['device_admin'] })).toBe(true);
    expect(mayAuthoriseEquipment('technical_lead', { equipmentRoles: ['device_admin'] })).toBe(false);
  });
});

describe('ID document: only the last four characters', () => {
  test.each([
    ['1234', '1234'],
    ['002x', '002X'],
    [' 5678 ', '5678'],
    ['ab12', 'AB12'],
  ])('%s is kept as %s', (input, kept) => expect(checkIdLast4(input)).toEqual({ ok: true, last4: kept }));
  test.each([
    ['11010519491231002X', 'access.idLast4Only'],
    ['12345', 'access.idLast4Only'],
    ['123', 'access.idLast4'],
    ['', 'access.idLast4'],
    ['12-4', 'access.idLast4'],
    ['一二三四', 'access.idLast4'],
  ])('%s is refused (%s)', (input, key) => expect(checkIdLast4(input)).toEqual({ ok: false, key }));
});

describe('release holds (issue 21 §3)', () => {
  const base = { today: '2026-03-10', serverId: 's1', invoices: [], complaints: [], inspections: [] };
  test.each([
    ['nothing', {}, []],
    ['an invoice past due and unpaid', { invoices: [{ number: 'INV-1', status: 'overdue', dueOn: '2026-03-01' }] }, ['unpaid_invoice:INV-1']],
    ['a partly paid invoice past due', { invoices: [{ number: 'INV-2', status: 'partially_paid', dueOn: '2026-03-09' }] }, ['unpaid_invoice:INV-2']],
    ['an unpaid invoice due today is not yet a hold', { invoices: [{ number: 'INV-3', status: 'unpaid', dueOn: '2026-03-10' }] }, []],
    ['a paid invoice', { invoices: [{ number: 'INV-4', status: 'paid', dueOn: '2026-03-01' }] }, []],
    ['a void invoice', { invoices: [{ number: 'INV-5', status: 'void', dueOn: '2026-03-01' }] }, []],
    ['an open complaint with evidence on this server', { complaints: [{ number: 'C-1', status: 'open', hasEvidence: true, serverId: 's1' }] }, ['complaint_evidence:C-1']],
    ['a confirmed complaint with evidence on the customer', { complaints: [{ number: 'C-2', status: 'confirmed', hasEvidence: true, serverId: null }] }, ['complaint_evidence:C-2']],
    ['a complaint without evidence', { complaints: [{ number: 'C-3', status: 'notified', hasEvidence: false, serverId: 's1' }] }, []],
    ['a complaint on another server', { complaints: [{ number: 'C-4', status: 'open', hasEvidence: true, serverId: 's2' }] }, []],
    ['a dismissed complaint', { complaints: [{ number: 'C-5', status: 'dismissed', hasEvidence: true, serverId: 's1' }] }, []],
    ['a resolved complaint', { complaints: [{ number: 'C-6', status: 'resolved', hasEvidence: true, serverId: 's1' }] }, []],
    ['a withheld inspection of this server', { inspections: [{ id: 'i1', serverId: 's1', withheld: true, documentNumber: '公网安〔2026〕1号' }] }, ['inspection:公网安〔2026〕1号']],
    ['an inspection released to the customer', { inspections: [{ id: 'i2', serverId: 's1', withheld: false, documentNumber: 'X' }] }, []],
    ['a withheld inspection of another server', { inspections: [{ id: 'i3', serverId: 's2', withheld: true, documentNumber: 'Y' }] }, []],
  ] as const)('%s', (_, patch, expected) => expect(releaseHolds({ ...base, ...patch }).map((h) => `${h.kind}:${h.ref}`)).toEqual(expected));
});
