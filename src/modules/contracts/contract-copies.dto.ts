import { z } from 'zod';
import { ContractStatus } from './contracts.dto.js';
import { DOCUMENT_FORMATS } from './contract-document.js';
import { CONTRACT_COPY_KINDS } from './contract-copies.schema.js';

/** Issue 19 §3: the versions of a contract's documents. */
export const ContractCopyKind = z.enum(CONTRACT_COPY_KINDS).meta({ id: 'ContractCopyKind' });

export const ContractDocumentVersion = z
  .object({
    kind: ContractCopyKind,
    /** contract | security-letter | user-undertaking (sent copy); confirmation-<n> (the nth racking's 开通确认单) */
    part: z.string(),
    format: z.enum(DOCUMENT_FORMATS),
    /** SHA-256 of the stored bytes; null for a PDF not printed yet (printed from the frozen HTML at its first download) */
    sha256: z.string().nullable(),
    /** SHA-256 of the filled text, printed in the footer */
    fingerprint: z.string(),
    sizeBytes: z.number().int().nullable(),
    createdAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'ContractDocumentVersion' });

export const ContractDocumentVersions = z
  .object({
    status: ContractStatus,
    /** a draft is downloadable (watermarked 草稿) until the contract is sent; then only the frozen copy is */
    draftDownloadable: z.boolean(),
    items: z.array(ContractDocumentVersion),
    /** the signed scans on file (the contract, 附件一, 附件二), by SHA-256 */
    signedScans: z.array(z.object({ part: z.string(), sha256: z.string() })),
  })
  .meta({ id: 'ContractDocumentVersions' });

export const ContractCopyParams = z.object({ id: z.uuid(), kind: ContractCopyKind, part: z.string().regex(/^[a-z0-9-]{1,40}$/) });
export const ContractCopyQuery = z.object({ format: z.enum(DOCUMENT_FORMATS).default('pdf') });
