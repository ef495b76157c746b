import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { incidentSecurityReports, securityReportSettings } from './incidents.schema.js';

export type SecurityReportRow = typeof incidentSecurityReports.$inferSelect;

export function makeSecurityReportsRepository(db: Db) {
  return {
    db,
    async find(incidentId: string, tx: Executor = db): Promise<SecurityReportRow | undefined> {
      const [row] = await tx.select().from(incidentSecurityReports).where(eq(incidentSecurityReports.incidentId, incidentId));
      return row;
    },
    async lock(tx: Executor, incidentId: string): Promise<SecurityReportRow | undefined> {
      const [row] = await tx.select().from(incidentSecurityReports).where(eq(incidentSecurityReports.incidentId, incidentId)).for('update');
      return row;
    },
    async upsert(tx: Executor, row: SecurityReportRow): Promise<SecurityReportRow> {
      const { incidentId: _id, ...rest } = row;
      const [out] = await tx.insert(incidentSecurityReports).values(row).onConflictDoUpdate({ target: incidentSecurityReports.incidentId, set: rest }).returning();
      return out;
    },
    async criticalInfrastructure(tx: Executor = db): Promise<boolean> {
      const [row] = await tx.select().from(securityReportSettings).where(eq(securityReportSettings.id, true));
      return row?.criticalInfrastructure ?? false;
    },
    async setCriticalInfrastructure(tx: Executor, value: boolean, by: string | null, at: Date) {
      await tx
        .insert(securityReportSettings)
        .values({ id: true, criticalInfrastructure: value, updatedBy: by, updatedAt: at })
        .onConflictDoUpdate({ target: securityReportSettings.id, set: { criticalInfrastructure: value, updatedBy: by, updatedAt: at } });
    },
  };
}

export type SecurityReportsRepository = ReturnType<typeof makeSecurityReportsRepository>;
