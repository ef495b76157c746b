import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Anchors of the audit chain, kept outside the database: the head (seq + hash) at a moment,
 * signed with an Ed25519 key the database never sees. Someone who can rewrite audit_log — delete
 * its last rows, or change a row and re-hash everything after it — cannot rewrite these files
 * without the key, so `audit verify` finds what the chain alone would call intact.
 * One JSON file per anchor under <DATA_DIR>/audit-anchors/: { seq, hash, at, signature }.
 */
export interface Anchor {
  seq: number;
  hash: string;
  /** ISO instant the anchor was taken */
  at: string;
  /** base64 Ed25519 signature of the three fields above */
  signature: string;
}

export interface StoredAnchor {
  file: string;
  anchor: Anchor | null;
  /** the file parses and its signature is the key's */
  valid: boolean;
}

export interface AnchorStore {
  dir: string;
  /** Signs and writes the anchor of this head (creating the key on first use). */
  write(head: { seq: number; hash: string }, at: Date): { file: string; anchor: Anchor };
  /** Every anchor file, in seq order, each with whether its signature holds. */
  readAll(): StoredAnchor[];
  /**
   * A detached Ed25519 signature of `bytes` with the anchor key (creating it on first use), and the
   * public key to check it with (issue 22 §5: the evidence pack's manifest). Verify with verifyDetached.
   */
  signDetached(bytes: Uint8Array): DetachedSignature;
}

export interface DetachedSignature {
  /** the raw 64-byte Ed25519 signature (what `openssl pkeyutl -verify -rawin -sigfile` reads) */
  signature: Buffer;
  /** the public key, SPKI PEM */
  publicKeyPem: string;
  /** SHA-256 of the public key's DER (SPKI), hex: what to compare with the key the provider publishes */
  fingerprint: string;
}

/** SHA-256 of a public key's SPKI DER, hex: the key's name when it is published or printed. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex');
}

/**
 * Checks a detached signature made by signDetached: the key must be an Ed25519 public key (PEM);
 * any malformed input answers false rather than throwing.
 */
export function verifyDetached(bytes: Uint8Array, signature: Uint8Array, publicKeyPem: string): { valid: boolean; fingerprint: string | null } {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return { valid: false, fingerprint: null };
    return { valid: verify(null, bytes, key, signature), fingerprint: keyFingerprint(key) };
  } catch {
    return { valid: false, fingerprint: null };
  }
}

const signedText = (a: Pick<Anchor, 'seq' | 'hash' | 'at'>) => Buffer.from(`rackpact-audit-anchor\n${a.seq}\n${a.hash}\n${a.at}`);

/** AUDIT_ANCHOR_KEY: a PKCS#8 PEM, or the base64 of its DER. */
function parseKey(text: string): KeyObject {
  const key = text.includes('-----BEGIN') ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('AUDIT_ANCHOR_KEY must be an Ed25519 private key');
  return key;
}

export function makeAnchorStore(opts: { dir: string; keyFile: string; key?: string }): AnchorStore {
  let privateKey: KeyObject | undefined = opts.key ? parseKey(opts.key) : undefined;

  /** The key file, made on first use (0600); a second process racing to make it reads the winner's. */
  function keyForSigning(): KeyObject {
    if (privateKey) return privateKey;
    if (!existsSync(opts.keyFile)) {
      const { privateKey: fresh } = generateKeyPairSync('ed25519');
      try {
        writeFileSync(opts.keyFile, fresh.export({ format: 'pem', type: 'pkcs8' }), { flag: 'wx', mode: 0o600 });
        chmodSync(opts.keyFile, 0o600);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    privateKey = parseKey(readFileSync(opts.keyFile, 'utf8'));
    return privateKey;
  }

  /** Verification never makes a key: without one, no anchor can be shown genuine. */
  function keyForVerifying(): KeyObject | undefined {
    if (privateKey) return createPublicKey(privateKey);
    return existsSync(opts.keyFile) ? createPublicKey(keyForSigning()) : undefined;
  }

  return {
    dir: opts.dir,
    signDetached(bytes) {
      const key = keyForSigning();
      const publicKey = createPublicKey(key);
      return { signature: sign(null, bytes, key), publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), fingerprint: keyFingerprint(publicKey) };
    },
    write(head, at) {
      const fields = { seq: head.seq, hash: head.hash, at: at.toISOString() };
      const anchor: Anchor = { ...fields, signature: sign(null, signedText(fields), keyForSigning()).toString('base64') };
      mkdirSync(opts.dir, { recursive: true, mode: 0o750 });
      const file = join(opts.dir, `${String(head.seq).padStart(12, '0')}-${fields.at.replace(/[:.]/g, '')}.json`);
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o440 });
      renameSync(tmp, file);
      return { file, anchor };
    },
    readAll() {
      if (!existsSync(opts.dir)) return [];
      const publicKey = keyForVerifying();
      const stored = readdirSync(opts.dir)
        .filter((f) => f.endsWith('.json'))
        .map((name): StoredAnchor => {
          const file = join(opts.dir, name);
          try {
            const a = JSON.parse(readFileSync(file, 'utf8')) as Anchor;
            const wellFormed = Number.isSafeInteger(a.seq) && a.seq > 0 && /^[0-9a-f]{64}$/.test(a.hash) && typeof a.at === 'string' && typeof a.signature === 'string';
            if (!wellFormed) return { file, anchor: null, valid: false };
            const valid = publicKey !== undefined && verify(null, signedText(a), publicKey, Buffer.from(a.signature, 'base64'));
            return { file, anchor: { seq: a.seq, hash: a.hash, at: a.at, signature: a.signature }, valid };
          } catch {
            return { file, anchor: null, valid: false };
          }
        });
      return stored.sort((x, y) => (x.anchor?.seq ?? 0) - (y.anchor?.seq ?? 0) || x.file.localeCompare(y.file));
    },
  };
}
