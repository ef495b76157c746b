import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Issue 19 §3 (0026): the frozen versions of a contract's documents — the copy sent for signature and each 开通确认单. */
export const CONTRACT_COPY_KINDS = ['sent', 'activation'] as const;
export type ContractCopyKind = (typeof CONTRACT_COPY_KINDS)[number];

export const contractDocuments = pgTable(
  'contract_documents',
  {
    contractId: uuid('contract_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind', { enum: CONTRACT_COPY_KINDS }).notNull(),
    part: text('part').notNull(),
    format: text('format', { enum: ['pdf', 'docx', 'html'] }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** SHA-256 of the filled text, printed in the footer */
    textFingerprint: text('text_fingerprint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.kind, t.part, t.format] })],
);

/** What a 开通确认单 says, recorded in the racking's transaction. */
export const contractActivationFacts = pgTable('contract_activation_facts', {
  id: uuid('id').primaryKey(),
  contractId: uuid('contract_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  sequence: integer('sequence').notNull(),
  serverId: uuid('server_id').notNull(),
  contractNumber: text('contract_number').notNull(),
  serverLabel: text('server_label').notNull(),
  cabinet: text('cabinet').notNull(),
  lowestU: integer('lowest_u').notNull(),
  highestU: integer('highest_u').notNull(),
  faces: text('faces').notNull(),
  addresses: text('addresses').array().notNull(),
  activationDate: date('activation_date', { mode: 'string' }).notNull() /* 开通日 */,
  termStart: date('term_start', { mode: 'string' }),
  termEnd: date('term_end', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
