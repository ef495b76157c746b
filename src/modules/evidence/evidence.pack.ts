/**
 * The evidence pack's layout (issue 22 §5) and its check: what `rackpact evidence verify <zip>` and the
 * README's openssl recipe do — every file listed in manifest.json has the SHA-256 it states, nothing is in
 * the zip that the manifest does not list, and manifest.sig is the Ed25519 signature of manifest.json's
 * exact bytes under public-key.pem (whose fingerprint is the manifest's and should be the provider's
 * published audit key).
 */
import { createHash } from 'node:crypto';
import { lazyPackage } from '../../core/lazy.js';
import { verifyDetached } from '../audit/audit.anchors.js';

/** fflate is loaded by the first pack made or checked, not by every start (issue 23 §1). */
const fflate = lazyPackage<typeof import('fflate')>('fflate');

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const PUBLIC_KEY_FILE = 'public-key.pem';

export interface EvidenceManifest {
  format: 'rackpact-evidence-1';
  customer: { id: string; name: string; uscc: string | null };
  /** ISO instant (UTC) */
  generatedAt: string;
  generatedBy: string | null;
  algorithm: 'SHA-256';
  signature: { algorithm: 'Ed25519'; file: string; publicKey: string; keyFingerprint: string };
  files: { name: string; sha256: string; bytes: number }[];
}

export interface PackCheck {
  ok: boolean;
  signatureValid: boolean;
  keyFingerprint: string | null;
  manifest: EvidenceManifest | null;
  /** files whose bytes do not hash to the manifest's value, or that are listed but absent */
  mismatched: string[];
  missing: string[];
  /** files in the zip the manifest does not list (the signature and the manifest itself aside) */
  unlisted: string[];
  problem: string | null;
}

/** The audit rows as CSV (UTF-8 with BOM, Beijing time beside the UTC instant), for a spreadsheet. */
export function auditCsv(rows: readonly { seq: number; at: Date; actorLogin: string | null; actorKind: string; action: string; entity: string; entityId: string | null; requestId: string | null; hash: string; prevHash: string; before: unknown; after: unknown }[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  const header = ['seq', 'at_utc', 'at_beijing', 'actor', 'actor_kind', 'action', 'entity', 'entity_id', 'request_id', 'before', 'after', 'prev_hash', 'hash'];
  const lines = rows.map((r) => [r.seq, r.at.toISOString(), shanghai(r.at), r.actorLogin, r.actorKind, r.action, r.entity, r.entityId, r.requestId, r.before, r.after, r.prevHash, r.hash].map(cell).join(','));
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

export function verifyPack(zip: Uint8Array): PackCheck {
  const fail = (problem: string, rest: Partial<PackCheck> = {}): PackCheck => ({ ok: false, signatureValid: false, keyFingerprint: null, manifest: null, mismatched: [], missing: [], unlisted: [], problem, ...rest });
  let entries: Record<string, Uint8Array>;
  try {
    entries = fflate().unzipSync(zip);
  } catch {
    return fail('not-a-zip');
  }
  const manifestBytes = entries[MANIFEST_FILE];
  const signature = entries[SIGNATURE_FILE];
  const publicKey = entries[PUBLIC_KEY_FILE];
  if (!manifestBytes) return fail('no-manifest');
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as EvidenceManifest;
    if (!Array.isArray(manifest.files)) return fail('bad-manifest');
  } catch {
    return fail('bad-manifest');
  }
  const sig = signature && publicKey ? verifyDetached(manifestBytes, signature, new TextDecoder().decode(publicKey)) : { valid: false, fingerprint: null };
  const mismatched: string[] = [];
  const missing: string[] = [];
  for (const f of manifest.files) {
    const bytes = entries[f.name];
    if (!bytes) missing.push(f.name);
    else if (createHash('sha256').update(bytes).digest('hex') !== f.sha256) mismatched.push(f.name);
  }
  const listed = new Set([...manifest.files.map((f) => f.name), MANIFEST_FILE, SIGNATURE_FILE]);
  const unlisted = Object.keys(entries).filter((n) => !listed.has(n) && !n.endsWith('/'));
  const fingerprintMatches = sig.fingerprint !== null && sig.fingerprint === manifest.signature?.keyFingerprint;
  const problem = !signature || !publicKey ? 'no-signature' : !sig.valid ? 'bad-signature' : !fingerprintMatches ? 'key-mismatch' : missing.length ? 'missing' : mismatched.length ? 'mismatched' : unlisted.length ? 'unlisted' : null;
  return { ok: problem === null, signatureValid: sig.valid, keyFingerprint: sig.fingerprint, manifest, mismatched, missing, unlisted, problem };
}
