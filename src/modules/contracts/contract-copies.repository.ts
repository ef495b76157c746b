import { and, asc, eq, max } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { contractActivationFacts, contractDocuments, type ContractCopyKind } from './contract-copies.schema.js';

export type ContractDocumentRow = typeof contractDocuments.$inferSelect;
export type ActivationFactsRow = typeof contractActivationFacts.$inferSelect;

/** Issue 19 §3: the frozen copies of a contract's documents and the facts each 开通确认单 was made from. */
export function makeContractCopiesRepository(db: Db) {
  return {
    db,
    /** A copy is written once: a second writer of the same (contract, kind, part, format) keeps the first. */
    insertDocument: (tx: Executor, row: ContractDocumentRow) => tx.insert(contractDocuments).values(row).onConflictDoNothing(),
    async document(contractId: string, kind: ContractCopyKind, part: string, format: ContractDocumentRow['format'], tx: Executor = db): Promise<ContractDocumentRow | undefined> {
      const [row] = await tx
        .select()
        .from(contractDocuments)
        .where(and(eq(contractDocuments.contractId, contractId), eq(contractDocuments.kind, kind), eq(contractDocuments.part, part), eq(contractDocuments.format, format)));
      return row;
    },
    documents: (contractId: string) =>
      db.select().from(contractDocuments).where(eq(contractDocuments.contractId, contractId)).orderBy(asc(contractDocuments.createdAt), asc(contractDocuments.kind), asc(contractDocuments.part), asc(contractDocuments.format)),
    async nextActivationSequence(tx: Executor, contractId: string): Promise<number> {
      const [row] = await tx.select({ n: max(contractActivationFacts.sequence) }).from(contractActivationFacts).where(eq(contractActivationFacts.contractId, contractId));
      return (row?.n ?? 0) + 1;
    },
    insertActivationFacts: (tx: Executor, row: ActivationFactsRow) => tx.insert(contractActivationFacts).values(row).onConflictDoNothing(),
    activationFacts: (contractId: string) => db.select().from(contractActivationFacts).where(eq(contractActivationFacts.contractId, contractId)).orderBy(asc(contractActivationFacts.sequence)),
  };
}

export type ContractCopiesRepository = ReturnType<typeof makeContractCopiesRepository>;
