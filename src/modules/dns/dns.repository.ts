import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { dnsRecords, dnsZones } from './dns.schema.js';

export type ZoneRow = typeof dnsZones.$inferSelect;
export type RecordRow = typeof dnsRecords.$inferSelect;

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
    insertZone: (tx: Executor, row: ZoneRow) => tx.insert(dnsZones).values(row),
    updateZone: (tx: Executor, id: string, patch: Partial<ZoneRow>) => tx.update(dnsZones).set(patch).where(eq(dnsZones.id, id)),
    records: (zoneId: string, tx: Executor = db) => tx.select().from(dnsRecords).where(eq(dnsRecords.zoneId, zoneId)).orderBy(asc(dnsRecords.name), asc(dnsRecords.type)),
    async findRecord(scope: Scope, id: string): Promise<RecordRow | undefined> {
      const [row] = await db.select().from(dnsRecords).where(and(eq(dnsRecords.id, id), tenantFilter(scope, dnsRecords.customerId)));
      return row;
    },
    insertRecord: (tx: Executor, row: RecordRow) => tx.insert(dnsRecords).values(row),
    deleteRecord: (tx: Executor, id: string) => tx.delete(dnsRecords).where(eq(dnsRecords.id, id)),
  };
}

export type DnsRepository = ReturnType<typeof makeDnsRepository>;
