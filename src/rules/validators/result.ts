export type Validation<Extra = object> =
  | ({ valid: true; normalized: string } & Extra)
  | { valid: false; reason: string; expected?: string };

export const ok = <E extends object>(normalized: string, extra?: E): Validation<E> => ({ valid: true, normalized, ...(extra as E) });
export const fail = (reason: string, expected?: string): { valid: false; reason: string; expected?: string } =>
  expected ? { valid: false, reason, expected } : { valid: false, reason };

/** Full-width digits, letters and punctuation as people paste them from Chinese documents → ASCII. */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[－—–]/g, '-');
}
