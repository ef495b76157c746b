import { and, asc, count, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customerNames } from '../customers/customers.read.js';
import { accessSettings, equipmentMovements, visitPeople, visits, visitServers, type VisitStatus } from './access.schema.js';

export type AccessSettingsRow = typeof accessSettings.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;
export type VisitPersonRow = typeof visitPeople.$inferSelect;
export type VisitServerRow = typeof visitServers.$inferSelect;
export type MovementRow = typeof equipmentMovements.$inferSelect;

export interface VisitFilter {
  customerId?: string;
  status?: VisitStatus;
  roomId?: string;
  /** windows ending after this instant */
  from?: Date;
  /** windows starting before this instant */
  to?: Date;
}

export function makeAccessRepository(db: Db) {
  return {
    db,

    // ── settings ──────────────────────────────────────────────────────────
    async settings(tx: Executor = db): Promise<AccessSettingsRow | undefined> {
      const [row] = await tx.select().from(accessSettings).where(eq(accessSettings.id, true));
      return row;
    },
    async saveSettings(tx: Executor, row: Omit<AccessSettingsRow, 'id'>): Promise<AccessSettingsRow> {
      const [saved] = await tx
        .insert(accessSettings)
        .values({ id: true, ...row })
        .onConflictDoUpdate({ target: accessSettings.id, set: row })
        .returning();
      return saved;
    },

    // ── visits ────────────────────────────────────────────────────────────
    insertVisit: (tx: Executor, row: VisitRow) => tx.insert(visits).values(row),
    insertVisitServers: (tx: Executor, rows: VisitServerRow[]) => (rows.length ? tx.insert(visitServers).values(rows) : Promise.resolve()),
    insertVisitPeople: (tx: Executor, rows: VisitPersonRow[]) => tx.insert(visitPeople).values(rows),
    async findVisit(scope: Scope, id: string, tx: Executor = db): Promise<VisitRow | undefined> {
      const [row] = await tx.select().from(visits).where(and(eq(visits.id, id), tenantFilter(scope, visits.customerId)));
      return row;
    },
    async lockVisit(tx: Executor, id: string): Promise<VisitRow | undefined> {
      const [row] = await tx.select().from(visits).where(eq(visits.id, id)).for('update');
      return row;
    },
    async updateVisit(tx: Executor, id: string, patch: Partial<VisitRow>): Promise<VisitRow> {
      const [row] = await tx.update(visits).set(patch).where(eq(visits.id, id)).returning();
      return row;
    },
    async customerName(customerId: string): Promise<string> {
      const [row] = await db.select({ name: customerNames.name }).from(customerNames).where(eq(customerNames.id, customerId));
      return row?.name ?? '';
    },
    listVisits: (scope: Scope, f: VisitFilter, limit = 500) =>
      db
        .select({ visit: visits, customerName: customerNames.name })
        .from(visits)
        .innerJoin(customerNames, eq(customerNames.id, visits.customerId))
        .where(
          and(
            tenantFilter(scope, visits.customerId),
            f.customerId ? eq(visits.customerId, f.customerId) : undefined,
            f.status ? eq(visits.status, f.status) : undefined,
            f.roomId ? eq(visits.roomId, f.roomId) : undefined,
            f.from ? gt(visits.endsAt, f.from) : undefined,
            f.to ? lt(visits.startsAt, f.to) : undefined,
          ),
        )
        .orderBy(desc(visits.startsAt), asc(visits.number))
        .limit(limit),
    peopleOf: (visitIds: string[], tx: Executor = db) =>
      visitIds.length ? tx.select().from(visitPeople).where(inArray(visitPeople.visitId, visitIds)).orderBy(asc(visitPeople.name), asc(visitPeople.id)) : Promise.resolve([] as VisitPersonRow[]),
    serversOf: (visitIds: string[]) => (visitIds.length ? db.select().from(visitServers).where(inArray(visitServers.visitId, visitIds)) : Promise.resolve([] as VisitServerRow[])),
    async lockPerson(tx: Executor, visitId: string, personId: string): Promise<VisitPersonRow | undefined> {
      const [row] = await tx.select().from(visitPeople).where(and(eq(visitPeople.id, personId), eq(visitPeople.visitId, visitId))).for('update');
      return row;
    },
    async updatePerson(tx: Executor, id: string, patch: Partial<VisitPersonRow>): Promise<VisitPersonRow> {
      const [row] = await tx.update(visitPeople).set(patch).where(eq(visitPeople.id, id)).returning();
      return row;
    },
    /** Visits per customer and per room whose window starts in [from, to), by status. */
    visitCounts: (scope: Scope, from: Date, to: Date) =>
      db
        .select({ customerId: visits.customerId, customerName: customerNames.name, roomId: visits.roomId, status: visits.status, visits: count(), people: sql<number>`sum((SELECT count(*) FROM visit_people p WHERE p.visit_id = ${visits.id}))::int` })
        .from(visits)
        .innerJoin(customerNames, eq(customerNames.id, visits.customerId))
        .where(and(tenantFilter(scope, visits.customerId), gte(visits.startsAt, from), lt(visits.startsAt, to)))
        .groupBy(visits.customerId, customerNames.name, visits.roomId, visits.status)
        .orderBy(asc(customerNames.name)),

    // ── equipment movements ───────────────────────────────────────────────
    insertMovement: (tx: Executor, row: MovementRow) => tx.insert(equipmentMovements).values(row),
    async findMovement(scope: Scope, id: string, tx: Executor = db): Promise<MovementRow | undefined> {
      const [row] = await tx.select().from(equipmentMovements).where(and(eq(equipmentMovements.id, id), tenantFilter(scope, equipmentMovements.customerId)));
      return row;
    },
    async lockMovement(tx: Executor, id: string): Promise<MovementRow | undefined> {
      const [row] = await tx.select().from(equipmentMovements).where(eq(equipmentMovements.id, id)).for('update');
      return row;
    },
    async updateMovement(tx: Executor, id: string, patch: Partial<MovementRow>): Promise<MovementRow> {
      const [row] = await tx.update(equipmentMovements).set(patch).where(eq(equipmentMovements.id, id)).returning();
      return row;
    },
    listMovements: (scope: Scope, f: { customerId?: string; serverId?: string; status?: MovementRow['status']; from?: Date; to?: Date }) =>
      db
        .select({ movement: equipmentMovements, customerName: customerNames.name })
        .from(equipmentMovements)
        .innerJoin(customerNames, eq(customerNames.id, equipmentMovements.customerId))
        .where(
          and(
            tenantFilter(scope, equipmentMovements.customerId),
            f.customerId ? eq(equipmentMovements.customerId, f.customerId) : undefined,
            f.serverId ? eq(equipmentMovements.serverId, f.serverId) : undefined,
            f.status ? eq(equipmentMovements.status, f.status) : undefined,
            f.from ? gte(equipmentMovements.createdAt, f.from) : undefined,
            f.to ? lt(equipmentMovements.createdAt, f.to) : undefined,
          ),
        )
        .orderBy(desc(equipmentMovements.createdAt), asc(equipmentMovements.number))
        .limit(1000),
  };
}

export type AccessRepository = ReturnType<typeof makeAccessRepository>;
