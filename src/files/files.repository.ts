import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/**
 * Every column that names a file in the store by its sha256. A test compares this list with the
 * database's columns, so a new file column cannot be left out of `rackpact files verify`.
 */
export const FILE_COLUMNS = [
  'compliance_complaints.evidence_sha256',
  'compliance_domains.evidence_sha256',
  'compliance_inspections.document_sha256',
  'compliance_log_attestations.scan_sha256',
  'compliance_services.agreement_sha256',
  'contracts.security_letter_sha256',
  'contracts.signed_copy_sha256',
  'contracts.user_undertaking_sha256',
  'intake_inspection_photos.file_sha256',
  'kyc_documents.file_sha256',
  'notice_deliveries.proof_file',
  'notices.document_sha256',
  'provider_profiles.seal_file',
  'ticket_attachments.sha256',
  // issue 19 §3 (doc-versions): the frozen copies of contract documents
  'contract_documents.file_sha256',
  // issue 22 §4: the authority's order and the sealed receipt
  'takedown_orders.scan_sha256',
  'takedown_orders.receipt_sha256',
] as const;

export interface FileReference {
  sha256: string;
  /** table.column naming it, and how many rows do */
  column: string;
  rows: number;
}

export function makeFilesRepository(db: Db) {
  return {
    /** Whether any column still names this file (before a file is deleted). */
    async isReferenced(sha256: string): Promise<boolean> {
      const selects = FILE_COLUMNS.map((qualified) => {
        const [table, column] = qualified.split('.');
        return sql`SELECT 1 FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${sha256}`;
      });
      const result = await db.execute(sql`SELECT EXISTS (${sql.join(selects, sql` UNION ALL `)}) AS used`);
      const rows = (Array.isArray(result) ? result : (result as unknown as { rows: { used: boolean }[] }).rows) as { used: boolean }[];
      return Boolean(rows[0]?.used);
    },

    /** Every file the database refers to, once per column (a system-wide read for the operator's check). */
    async references(): Promise<FileReference[]> {
      const selects = FILE_COLUMNS.map((qualified) => {
        const [table, column] = qualified.split('.');
        return sql`SELECT ${sql.identifier(column)} AS sha256, ${qualified}::text AS "column", count(*)::int AS rows
          FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} IS NOT NULL GROUP BY 1`;
      });
      const result = await db.execute(sql`${sql.join(selects, sql` UNION ALL `)} ORDER BY 1, 2`);
      const rows = (result as unknown as { rows: { sha256: string; column: string; rows: number }[] }).rows;
      return rows.map((r) => ({ sha256: r.sha256, column: r.column, rows: Number(r.rows) }));
    },
  };
}

export type FilesRepository = ReturnType<typeof makeFilesRepository>;
