import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { compensation, DEFAULT_CONTRACT_TERMS, type ContractTerms, type Interruption } from '../../rules/index.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeFloor, type FloorCustomer } from '../../../test/harness/incidents.js';
import { makeIncidentsRepository, type FeedGroup, type FeedRow } from './incidents.repository.js';
import { ledgerDigest, ledgerOfFeed, ruleCause } from './ledger.js';

/**
 * The grouped feed (rows pre-aggregated in SQL, one rules call per group) must give exactly the
 * ledger of feeding every recorded interruption to `compensation()` one by one.
 */

const system = systemScope('test');
const H = 3_600_000;
const CAUSES = ['provider_fault', 'customer_fault', 'force_majeure', 'third_party_circuit', 'network_cutover', 'relocation', 'provider_planned'] as const;

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The reference: every row its own interruption, in the feed's order, mapped to lines as the ledger does. */
function referenceLedger(rows: FeedRow[], terms: ContractTerms) {
  const feed = [...rows].sort(
    (x, y) =>
      x.start_ms - y.start_ms ||
      (x.incident_id < y.incident_id ? -1 : x.incident_id > y.incident_id ? 1 : 0) ||
      x.end_ms - y.end_ms ||
      (x.consent_ms === y.consent_ms ? 0 : x.consent_ms === null ? -1 : y.consent_ms === null ? 1 : x.consent_ms - y.consent_ms),
  );
  const items: Interruption[] = feed.map((f) => ({
    start: new Date(f.start_ms),
    end: new Date(f.end_ms),
    cause: ruleCause(f.cause),
    ...(f.notice_ms !== null ? { noticeGivenAt: new Date(f.notice_ms) } : {}),
    ...(f.consent_ms !== null ? { consentAt: new Date(f.consent_ms) } : {}),
    ref: f.incident_id,
  }));
  const result = compensation(items, terms);
  const breachRefs = new Set(result.breaches.map((b) => b.ref));
  const lines = [
    ...result.lines.map((l) => ({ kind: 'credited' as const, fromAt: l.from, toAt: l.to, minutes: l.minutes, hours: l.hours, reasons: l.reasons, incidentIds: [...new Set(l.sources.map((s) => s.ref!))], breach: l.sources.some((s) => breachRefs.has(s.ref)) })),
    ...result.excluded.map((e) => ({ kind: 'excluded' as const, fromAt: e.start, toAt: e.end, minutes: Math.ceil((e.end.getTime() - e.start.getTime()) / 60_000), hours: 0, reasons: [e.reason], incidentIds: [e.ref!], breach: false })),
  ];
  return { hours: result.hours, lines, digest: ledgerDigest(lines) };
}

const groupOf = (rows: FeedRow[]): FeedGroup[] => {
  const groups = new Map<string, FeedGroup>();
  for (const r of rows) {
    const key = `${r.incident_id}|${r.start_ms}|${r.end_ms}|${r.consent_ms}`;
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { incidentId: r.incident_id, cause: r.cause, noticeMs: r.notice_ms, startMs: r.start_ms, endMs: r.end_ms, consentMs: r.consent_ms, count: 1 });
  }
  return [...groups.values()];
};

/** Random rows of one contract: shared and per-server intervals, overlaps, touching ends, notice and consent either side of the start. */
function randomRows(rand: () => number, n: number): FeedRow[] {
  const rows: FeedRow[] = [];
  const base = Date.parse('2026-03-01T00:00:00Z');
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  for (let i = 0; i < n; i += 1) {
    const incident = `00000000-0000-4000-8000-${String(Math.floor(rand() * 40)).padStart(12, '0')}`;
    const cause = CAUSES[Number(incident.slice(-2)) % CAUSES.length];
    const start = base + Math.floor(rand() * 48) * 15 * 60_000 + (rand() < 0.2 ? Math.floor(rand() * 1000) : 0);
    const end = start + pick([1, 15, 30, 59, 60, 61, 90, 150]) * 60_000;
    const notice = cause === 'network_cutover' || cause === 'provider_planned' ? pick([null, start - 47 * H, start - 48 * H, start - 49 * H, start + 60_000]) : null;
    const consent = cause === 'provider_planned' ? pick([null, start - H, start, start + 1]) : null;
    const copies = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < copies; k += 1) rows.push({ contract_id: 'c', incident_id: incident, start_ms: start, end_ms: end, consent_ms: consent, cause, notice_ms: notice });
  }
  return rows;
}

describe('the grouped feed gives the ledger of every row fed one by one (pure)', () => {
  const termsList: ContractTerms[] = [
    DEFAULT_CONTRACT_TERMS,
    { ...DEFAULT_CONTRACT_TERMS, mergeTouching: !DEFAULT_CONTRACT_TERMS.mergeTouching },
    { ...DEFAULT_CONTRACT_TERMS, compensationFactor: 3, compensationUnitHours: 2, plannedWorkNoticeHours: 24 },
  ];
  it('over random feeds and terms: same lines in the same order, same hours, same digest', () => {
    const rand = rng(20261125);
    for (let round = 0; round < 300; round += 1) {
      const rows = randomRows(rand, 1 + Math.floor(rand() * 60));
      const terms = termsList[round % termsList.length];
      const want = referenceLedger(rows, terms);
      const got = ledgerOfFeed(groupOf(rows).reverse(), terms);
      expect(got.hours).toBe(want.hours);
      expect(got.lines()).toEqual(want.lines);
      expect(ledgerDigest(got.lines())).toBe(want.digest);
      expect(got.digest).toBe(want.digest);
    }
  });
});

describe('the grouped feed read from the database (both engines)', () => {
  let t: TestApp;
  let contracts: FloorCustomer[];

  beforeAll(async () => {
    t = await makeTestApp({ now: '2026-06-01T02:00:00Z' });
    const floor = await makeFloor(t.services);
    contracts = [
      await floor.customerWithContract('甲公司', { servers: 3, cabinetId: floor.cab1.id }),
      await floor.customerWithContract('乙公司', { servers: 2, cabinetId: floor.cab1.id }),
      await floor.customerWithContract('丙公司', { servers: 1, cabinetId: floor.cab2.id }),
    ];
  });
  afterAll(() => t.close());

  it('random incidents over several contracts: every written ledger equals the per-row reference', async () => {
    const raw = t.database.raw;
    const repo = makeIncidentsRepository(t.database.db);
    const rand = rng(7);
    const servers = contracts.flatMap((c) => c.serverIds.map((serverId) => ({ serverId, customerId: c.customerId, contractId: c.contractId })));
    const base = Date.parse('2026-04-01T00:00:00Z');
    let changedOnce = false;
    for (let round = 0; round < 4; round += 1) {
      for (let i = 0; i < 30; i += 1) {
        const id = randomUUID();
        const cause = CAUSES[Math.floor(rand() * CAUSES.length)];
        const start = base + Math.floor(rand() * 96) * 10 * 60_000 + (rand() < 0.2 ? Math.floor(rand() * 1000) : 0);
        const end = start + [1, 20, 60, 61, 95][Math.floor(rand() * 5)] * 60_000;
        const notice = cause === 'network_cutover' || cause === 'provider_planned' ? [null, start - 47 * H, start - 48 * H, start - 49 * H][Math.floor(rand() * 4)] : null;
        const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
        await raw.query(
          `INSERT INTO incidents (id, number, title, cause, cause_evidence, line_fault, source, status, reported_at, started_at, resolved_at, notice_given_at, created_at, updated_at, version)
           VALUES ($1, $2, 'equivalence', $3, $4, false, 'noc', 'resolved', $5, $5, $6, $7, now(), now(), 1)`,
          [id, `INC-EQ-${round}-${i}`, cause, cause === 'force_majeure' || cause === 'third_party_circuit' ? '证据' : null, iso(start), iso(end), iso(notice)],
        );
        // a random subset of servers; mostly the incident's interval, sometimes a server's own (later start, earlier end) or still open
        for (const s of servers) {
          if (rand() < 0.4) continue;
          const own = rand() < 0.25;
          const sStart = own ? start + Math.floor(rand() * 3) * 5 * 60_000 : start;
          const sEnd = rand() < 0.05 ? null : own ? Math.max(sStart + 60_000, end - Math.floor(rand() * 3) * 7 * 60_000) : end;
          const consent = cause === 'provider_planned' ? [null, start - H, start, start + 1][Math.floor(rand() * 4)] : null;
          await raw.query('INSERT INTO interruptions (id, incident_id, server_id, customer_id, contract_id, started_at, ended_at, consent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
            randomUUID(),
            id,
            s.serverId,
            s.customerId,
            s.contractId,
            iso(sStart),
            iso(sEnd),
            iso(consent),
          ]);
        }
      }
      const r = await t.services.incidents.recomputeAll({ batch: 2 });
      changedOnce ||= r.changed > 0;
      for (const c of contracts) {
        const [rows, bases] = await t.database.db.transaction(async (tx) => [await repo.feedOfContracts(tx, [c.contractId]), await t.services.contracts.compensationBases(tx, [c.contractId])] as const);
        const want = referenceLedger(rows, bases.get(c.contractId)!.terms);
        const [header] = await raw.query<{ hours: number; digest: string; line_count: number }>('SELECT hours, digest, line_count FROM compensation_ledgers WHERE contract_id = $1', [c.contractId]);
        expect(header).toMatchObject({ hours: want.hours, digest: want.digest, line_count: want.lines.length });
        expect((await t.services.contracts.get(system, c.contractId)).compensationHours).toBe(want.hours);
        // the stored lines are the reference's (as a multiset; the ledger reads them by time)
        const key = (l: { kind: string; fromAt: Date; toAt: Date; minutes: number; hours: number; reasons: string[]; incidentIds: string[]; breach: boolean }) =>
          `${l.kind}|${l.fromAt.getTime()}|${l.toAt.getTime()}|${l.minutes}|${l.hours}|${l.reasons.join('+')}|${l.incidentIds.join('+')}|${l.breach}`;
        const stored = (await repo.ledgerOf(system, c.contractId)).map(key).sort();
        expect(stored).toEqual(want.lines.map(key).sort());
      }
      // current ledgers: a second pass changes nothing
      expect((await t.services.incidents.recomputeAll({ batch: 2 })).changed).toBe(0);
    }
    expect(changedOnce).toBe(true);

    // a contract whose closed interruptions are gone (here reopened behind the service's back) keeps
    // a stale ledger until the whole recomputation empties it
    const gone = contracts[0].contractId;
    expect((await t.services.contracts.get(system, gone)).compensationHours).toBeGreaterThan(0);
    await raw.query('UPDATE interruptions SET ended_at = NULL WHERE contract_id = $1', [gone]);
    const r = await t.services.incidents.recomputeAll({ batch: 2 });
    expect(r).toMatchObject({ contracts: 3, changed: 1 });
    const [header] = await raw.query<{ hours: number; line_count: number }>('SELECT hours, line_count FROM compensation_ledgers WHERE contract_id = $1', [gone]);
    expect(header).toMatchObject({ hours: 0, line_count: 0 });
    expect(await repo.ledgerOf(system, gone)).toEqual([]);
    expect((await t.services.contracts.get(system, gone)).compensationHours).toBe(0);
  });
});
