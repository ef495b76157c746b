import { createHash } from 'node:crypto';

/** Hash of the empty chain's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  seq: number;
  id: string;
  at: Date;
  actorId: string | null;
  actorLogin: string | null;
  actorKind: string;
  action: string;
  entity: string;
  entityId: string | null;
  customerId: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted at every level, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, content: ChainedContent): string {
  const canonical = canonicalJson({ ...content, at: content.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** What a snapshot looks like after a round trip through jsonb (dates become ISO strings). */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
