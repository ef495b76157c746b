import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { dnsPtrRecords, dnsRecords, dnsReverseZones, dnsZones } from './dns.schema.js';

export type ZoneRow = typeof dnsZones.$inferSelect;
export type RecordRow = typeof dnsRecords.$inferSelect;
export type PtrRow = typeof dnsPtrRecords.$inferSelect;
export type ReverseZoneRow = typeof dnsReverseZones.$inferSelect;

export function makeDnsRepository(db: Db) {
  return {
    db,
    async findZone(scope: Scope, id: string, tx: Executor = db): Promise<ZoneRow | undefined> {
      const [row] = await tx.select().from(dnsZones).where(and(eq(dnsZones.id, id), tenantFilter(scope, dnsZones.customerId)));
      return row;
    },
    async lockZone(tx: Executor, id: string): Promise<ZoneRow | undefined> {
      const [row] = await tx.select().from(dnsZones).where(eq(dnsZones.id, id)).for('update');
      return row;
    },
    listZones: (scope: Scope, customerId?: string) =>
      db.select().from(dnsZones).where(and(tenantFilter(scope, dnsZones.customerId), customerId ? eq(dnsZones.customerId, customerId) : undefined)).orderBy(asc(dnsZones.domain)),
    /** The customers whose zones are one of these names (a name and its parents). */
    zoneHolders: async (names: string[]): Promise<string[]> =>
      names.length ? (await db.selectDistinct({ customerId: dnsZones.customerId }).from(dnsZones).where(inArray(dnsZones.domain, names))).map((r) => r.customerId) : [],
    insertZone: (tx: Executor, row: ZoneRow) => tx.insert(dnsZones).values(row),
    updateZone: (tx: Executor, id: string, patch: Partial<ZoneRow>) => tx.update(dnsZones).set(patch).where(eq(dnsZones.id, id)),
    records: (zoneId: string, tx: Executor = db) => tx.select().from(dnsRecords).where(eq(dnsRecords.zoneId, zoneId)).orderBy(asc(dnsRecords.name), asc(dnsRecords.type)),
    async findRecord(scope: Scope, id: string): Promise<RecordRow | undefined> {
      const [row] = await db.select().from(dnsRecords).where(and(eq(dnsRecords.id, id), tenantFilter(scope, dnsRecords.customerId)));
      return row;
    },
    insertRecord: (tx: Executor, row: RecordRow) => tx.insert(dnsRecords).values(row),
    /** Records with their zone's domain, for exports (a customer's own only). */
    listRecords: (scope: Scope, f: { zoneId?: string; customerId?: string }) =>
      db
        .select({ record: dnsRecords, domain: dnsZones.domain })
        .from(dnsRecords)
        .innerJoin(dnsZones, eq(dnsZones.id, dnsRecords.zoneId))
        .where(and(tenantFilter(scope, dnsRecords.customerId), f.zoneId ? eq(dnsRecords.zoneId, f.zoneId) : undefined, f.customerId ? eq(dnsRecords.customerId, f.customerId) : undefined))
        .orderBy(asc(dnsZones.domain), asc(dnsRecords.name), asc(dnsRecords.type)),
    deleteRecord: (tx: Executor, id: string) => tx.delete(dnsRecords).where(eq(dnsRecords.id, id)),

    // ── reverse zones and PTR records ───────────────────────────────────
    /** Creates the zone's row on its first PTR, then locks it: changes to one zone queue up. */
    async lockReverseZone(tx: Executor, origin: string, serial: number, at: Date): Promise<ReverseZoneRow> {
      await tx.insert(dnsReverseZones).values({ origin, serial, updatedAt: at }).onConflictDoNothing();
      const [row] = await tx.select().from(dnsReverseZones).where(eq(dnsReverseZones.origin, origin)).for('update');
      return row;
    },
    updateReverseZone: (tx: Executor, origin: string, serial: number, at: Date) => tx.update(dnsReverseZones).set({ serial, updatedAt: at }).where(eq(dnsReverseZones.origin, origin)),
    reverseZoneRows: () =>
      db
        .select({ origin: dnsReverseZones.origin, serial: dnsReverseZones.serial, records: sql<number>`(SELECT count(*)::int FROM ${dnsPtrRecords} p WHERE p.origin = ${dnsReverseZones.origin})` })
        .from(dnsReverseZones),
    async findReverseZone(origin: string): Promise<ReverseZoneRow | undefined> {
      const [row] = await db.select().from(dnsReverseZones).where(eq(dnsReverseZones.origin, origin));
      return row;
    },
    ptrsOfZone: (origin: string) => db.select().from(dnsPtrRecords).where(eq(dnsPtrRecords.origin, origin)).orderBy(asc(dnsPtrRecords.name)),
    listPtrs: (scope: Scope, customerId?: string) =>
      db
        .select()
        .from(dnsPtrRecords)
        .where(and(tenantFilter(scope, dnsPtrRecords.customerId), customerId ? eq(dnsPtrRecords.customerId, customerId) : undefined))
        .orderBy(asc(dnsPtrRecords.origin), asc(dnsPtrRecords.name)),
    async findPtrOfAllocation(allocationId: string, tx: Executor = db): Promise<PtrRow | undefined> {
      const [row] = await tx.select().from(dnsPtrRecords).where(eq(dnsPtrRecords.allocationId, allocationId));
      return row;
    },
    upsertPtr: (tx: Executor, row: PtrRow) =>
      tx.insert(dnsPtrRecords).values(row).onConflictDoUpdate({ target: dnsPtrRecords.allocationId, set: { hostname: row.hostname, ttl: row.ttl, updatedAt: row.updatedAt } }),
    deletePtr: (tx: Executor, allocationId: string) => tx.delete(dnsPtrRecords).where(eq(dnsPtrRecords.allocationId, allocationId)).returning(),
  };
}

export type DnsRepository = ReturnType<typeof makeDnsRepository>;
