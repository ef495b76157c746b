import { and, asc, desc, eq, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { tenantFilter } from '../../db/tenancy.js';
import type { Scope } from '../../core/scope.js';
import { customers, kycDocuments } from './customers.schema.js';

export type KycRow = typeof kycDocuments.$inferSelect;

/** Issue 22: the regulator's user records — each customer with its verified business licence (real name), if any. */
const registerUsersOf = (ids?: readonly string[]) => sql`
  SELECT c.id::text AS id, c.name, c.uscc, c.status, c.registered_address, c.postal_address, c.legal_representative, c.contact_phone, c.notice_email,
         k.holder_name AS verified_name, k.id_type AS verified_id_type, k.id_number AS verified_id_number,
         to_char(k.reviewed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS verified_on
    FROM customers c
    LEFT JOIN LATERAL (SELECT holder_name, id_type, id_number, reviewed_at FROM kyc_documents d
                        WHERE d.customer_id = c.id AND d.kind = 'business_licence' AND d.status = 'verified'
                        ORDER BY d.reviewed_at DESC LIMIT 1) k ON true
   ${ids ? sql`WHERE c.id = ANY(string_to_array(${ids.join(',')}, ',')::uuid[])` : sql``}
   ORDER BY c.id`;
export const registerUsersSql = registerUsersOf();

export interface RegisterUserRow {
  id: string;
  name: string;
  uscc: string | null;
  status: string;
  registered_address: string | null;
  postal_address: string | null;
  legal_representative: string | null;
  contact_phone: string | null;
  notice_email: string | null;
  verified_name: string | null;
  verified_id_type: string | null;
  verified_id_number: string | null;
  verified_on: string | null;
}

export function makeKycRepository(db: Db) {
  return {
    db,
    /** Every customer's user record, or those of the customers named. */
    async registerUsers(ids?: readonly string[]): Promise<RegisterUserRow[]> {
      return ((await db.execute(ids ? registerUsersOf(ids) : registerUsersSql)) as unknown as { rows: RegisterUserRow[] }).rows as RegisterUserRow[];
    },

    async find(scope: Scope, id: string, tx: Executor = db): Promise<KycRow | undefined> {
      const [row] = await tx
        .select()
        .from(kycDocuments)
        .where(and(eq(kycDocuments.id, id), tenantFilter(scope, kycDocuments.customerId)));
      return row;
    },

    async listForCustomer(scope: Scope, customerId: string, tx: Executor = db): Promise<KycRow[]> {
      return tx
        .select()
        .from(kycDocuments)
        .where(and(tenantFilter(scope, kycDocuments.customerId), eq(kycDocuments.customerId, customerId)))
        .orderBy(asc(kycDocuments.kind), desc(kycDocuments.createdAt));
    },

    /** The review queue across customers (staff only: the service checks the role). */
    async queue(scope: Scope, status: KycRow['status']) {
      return db
        .select({ document: kycDocuments, customerName: customers.name })
        .from(kycDocuments)
        .innerJoin(customers, eq(customers.id, kycDocuments.customerId))
        .where(and(tenantFilter(scope, kycDocuments.customerId), eq(kycDocuments.status, status)))
        .orderBy(asc(kycDocuments.createdAt))
        .limit(500);
    },

    async insert(tx: Executor, row: KycRow): Promise<void> {
      await tx.insert(kycDocuments).values(row);
    },

    async update(tx: Executor, id: string, fromStatus: KycRow['status'], patch: Partial<KycRow>): Promise<KycRow | undefined> {
      const [row] = await tx
        .update(kycDocuments)
        .set(patch)
        .where(and(eq(kycDocuments.id, id), eq(kycDocuments.status, fromStatus)))
        .returning();
      return row;
    },

    /** Issue 22 §7: a retention redaction (any status; the status and review facts stay). */
    async redact(tx: Executor, id: string, patch: Pick<KycRow, 'fileSha256' | 'idNumber' | 'redactedAt'>): Promise<void> {
      await tx.update(kycDocuments).set(patch).where(eq(kycDocuments.id, id));
    },
    /** Whether any KYC row still names this file. */
    async fileInUse(sha256: string, tx: Executor = db): Promise<boolean> {
      const rows = await tx.select({ id: kycDocuments.id }).from(kycDocuments).where(eq(kycDocuments.fileSha256, sha256)).limit(1);
      return rows.length > 0;
    },

    /** Marks the other verified documents of this kind superseded; returns their ids. */
    async supersedeOthers(tx: Executor, customerId: string, kind: KycRow['kind'], keepId: string): Promise<string[]> {
      const rows = await tx
        .update(kycDocuments)
        .set({ status: 'superseded' })
        .where(and(eq(kycDocuments.customerId, customerId), eq(kycDocuments.kind, kind), eq(kycDocuments.status, 'verified'), ne(kycDocuments.id, keepId)))
        .returning({ id: kycDocuments.id });
      return rows.map((r) => r.id);
    },

    /** Verified documents whose expiry is on or before a date (reminder scan). */
    async verifiedExpiringBy(date: string): Promise<KycRow[]> {
      return db
        .select()
        .from(kycDocuments)
        .where(and(eq(kycDocuments.status, 'verified'), isNotNull(kycDocuments.expiresOn), lte(kycDocuments.expiresOn, date)))
        .orderBy(asc(kycDocuments.expiresOn));
    },
  };
}

export type KycRepository = ReturnType<typeof makeKycRepository>;
