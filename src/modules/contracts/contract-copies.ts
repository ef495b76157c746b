import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { PdfRenderer } from '../../documents/pdf.js';
import type { Executor } from '../../db/client.js';
import type { FileStore } from '../../files/file-store.js';
import { activationDocx, activationHtml, activationLines, textFingerprint, type ActivationFacts } from './activation-confirmation.js';
import type { ContractCopyKind } from './contract-copies.schema.js';
import type { ContractCopiesRepository, ContractDocumentRow } from './contract-copies.repository.js';
import type { DocumentFormat } from './contract-document.js';

/** One rendered file of a copy, before it is stored. */
export interface RenderedCopy {
  part: string;
  format: Exclude<DocumentFormat, 'pdf'>;
  bytes: Buffer;
  fingerprint: string;
}

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

export const ACTIVATION_PART = (sequence: number) => `confirmation-${sequence}`;

/**
 * Issue 19 §3: the copies of a contract's documents that, once made, are only ever served: the copy sent
 * for signature (HTML and .docx rendered when it is sent) and each 开通确认单. The PDF of a copy is printed
 * once from its frozen HTML at the first request and stored; every later request gets those bytes.
 */
export function makeContractCopies(deps: { repo: ContractCopiesRepository; files: FileStore; pdf: PdfRenderer; clock: Clock }) {
  const { repo, files, clock } = deps;

  /** Stores the files and records them; a copy already recorded is kept as it was (the first writer wins). */
  /**
   * Stores the files and records them — in `tx` when given (the sending's or signing's transaction, so a
   * copy is recorded only if the contract moved), else in a transaction of its own. Returns what was stored.
   */
  async function save(contract: { id: string; customerId: string }, kind: ContractCopyKind, rendered: (Omit<RenderedCopy, 'format'> & { format: DocumentFormat })[], tx?: Executor) {
    const stored = rendered.map((r) => ({ r, file: files.put(r.bytes) }));
    const now = clock.now();
    const write = async (ex: Executor) => {
      for (const { r, file } of stored) {
        await repo.insertDocument(ex, { contractId: contract.id, customerId: contract.customerId, kind, part: r.part, format: r.format, fileSha256: file.sha256, sizeBytes: file.size, textFingerprint: r.fingerprint, createdAt: now });
      }
    };
    if (tx) await write(tx);
    else await repo.db.transaction(write);
    return stored.map(({ r, file }) => ({ part: r.part, format: r.format, sha256: file.sha256, fingerprint: r.fingerprint }));
  }

  async function bytesOf(row: ContractDocumentRow) {
    return files.get(row.fileSha256);
  }

  return {
    save,
    list: (contractId: string) => repo.documents(contractId),
    has: async (contractId: string, kind: ContractCopyKind, part: string) => !!(await repo.document(contractId, kind, part, 'html')),

    /**
     * The stored bytes of one copy. A PDF not yet printed is printed from the frozen HTML (its footer
     * naming the contract and the fingerprint) and stored; a concurrent first request keeps whichever was
     * recorded first, so both answers are the stored bytes.
     */
    async serve(contract: { id: string; customerId: string; number: string }, kind: ContractCopyKind, part: string, format: DocumentFormat): Promise<{ bytes: Buffer; row: ContractDocumentRow }> {
      const found = await repo.document(contract.id, kind, part, format);
      if (found) return { bytes: await bytesOf(found), row: found };
      if (format !== 'pdf') throw new AppError('NOT_FOUND', { entity: 'contract_document' });
      const html = await repo.document(contract.id, kind, part, 'html');
      if (!html) throw new AppError('NOT_FOUND', { entity: 'contract_document' });
      const printed = await deps.pdf.render((await bytesOf(html)).toString('utf8'), { footerLabel: `${contract.number} 文本指纹 ${html.textFingerprint.slice(0, 16)}` });
      await save(contract, kind, [{ part, format: 'pdf', bytes: printed, fingerprint: html.textFingerprint }]);
      const row = (await repo.document(contract.id, kind, part, 'pdf'))!;
      return { bytes: await bytesOf(row), row };
    },

    /** Records what a 开通确认单 will say, in the racking's transaction (rendered after it, by `renderActivations`). */
    recordActivation: repo.insertActivationFacts,
    nextActivationSequence: repo.nextActivationSequence,

    /**
     * Renders every 开通确认单 whose facts were recorded but which is not stored yet (racking records the
     * facts in its transaction; the document is made from them after it, once, and sealed).
     */
    async renderActivations(contract: { id: string; customerId: string }, names: { customerName: string; providerName: string }, seal: { dataUri: string | null; png: Buffer | null }) {
      for (const f of await repo.activationFacts(contract.id)) {
        const part = ACTIVATION_PART(f.sequence);
        if (await repo.document(contract.id, 'activation', part, 'html')) continue;
        const facts: ActivationFacts = { ...f, ...names, addresses: f.addresses };
        const fingerprint = textFingerprint(activationLines(facts));
        await save(contract, 'activation', [
          { part, format: 'html', bytes: Buffer.from(activationHtml(facts, { sealDataUri: seal.dataUri, fingerprint })), fingerprint },
          { part, format: 'docx', bytes: await activationDocx(facts, { fingerprint, sealPng: seal.png }), fingerprint },
        ]);
      }
    },
    /** Whether a racking's facts wait to be rendered. */
    async activationsPending(contractId: string) {
      for (const f of await repo.activationFacts(contractId)) if (!(await repo.document(contractId, 'activation', ACTIVATION_PART(f.sequence), 'html'))) return true;
      return false;
    },
  };
}

export type ContractCopies = ReturnType<typeof makeContractCopies>;
