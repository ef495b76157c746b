import { randomUUID } from 'node:crypto';

/** Id generation is injected so tests get stable, readable ids. */
export interface IdGenerator {
  uuid(): string;
}

export const randomIds: IdGenerator = { uuid: () => randomUUID() };

/** Deterministic UUID-shaped ids: 00000000-0000-4000-8000-000000000001, …002, … */
export function sequentialIds(prefix = 0): IdGenerator {
  let n = 0;
  return {
    uuid: () => {
      n += 1;
      const hex = (prefix * 1_000_000 + n).toString(16).padStart(12, '0');
      return `00000000-0000-4000-8000-${hex}`;
    },
  };
}
