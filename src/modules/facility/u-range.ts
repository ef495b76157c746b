/** A server's U range as PostgreSQL stores it: int4range, lower bound inclusive, upper exclusive. */
export const uRange = (lowest: number, heightU: number) => `[${lowest},${lowest + heightU})`;

/** '[3,5)' → { lowest: 3, highest: 4 } */
export function parseURange(range: string): { lowest: number; highest: number } {
  const m = /^\[(\d+),(\d+)\)$/.exec(range);
  if (!m) throw new Error(`unexpected int4range ${range}`);
  return { lowest: Number(m[1]), highest: Number(m[2]) - 1 };
}

/** An Alertmanager label carries either an id or a natural key (serial, cabinet code, switch name). */
export const looksLikeUuid = (key: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
