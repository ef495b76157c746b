import { desc, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { providerProfiles } from './provider.schema.js';

export type ProviderProfileRow = typeof providerProfiles.$inferSelect;

export function makeProviderRepository(db: Db) {
  return {
    db,
    async latest(tx: Executor = db): Promise<ProviderProfileRow | undefined> {
      const [row] = await tx.select().from(providerProfiles).orderBy(desc(providerProfiles.version)).limit(1);
      return row;
    },
    async version(version: number): Promise<ProviderProfileRow | undefined> {
      const [row] = await db.select().from(providerProfiles).where(eq(providerProfiles.version, version));
      return row;
    },
    async all(): Promise<ProviderProfileRow[]> {
      return db.select().from(providerProfiles).orderBy(desc(providerProfiles.version));
    },
    /** Serialises profile edits so two admins saving at once get versions n+1 and n+2, never a clash. */
    async lock(tx: Executor): Promise<void> {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(727003)`);
    },
    async insert(tx: Executor, row: ProviderProfileRow): Promise<void> {
      await tx.insert(providerProfiles).values(row);
    },
  };
}

export type ProviderRepository = ReturnType<typeof makeProviderRepository>;
