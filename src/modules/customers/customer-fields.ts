import type { FieldError } from '../../core/errors.js';
import { validatePhone, validateUscc } from '../../rules/index.js';

/**
 * Field checks shared by create, update and change requests: each failure names the field and
 * carries the rules core's reason code (its message is in both languages).
 */
export function checkUscc(value: string | null | undefined, path = 'uscc', fields: FieldError[] = []): string | null | undefined {
  if (value === null || value === undefined || value === '') return value === '' ? null : value;
  const v = validateUscc(value);
  if (!v.valid) fields.push({ path, key: v.reason });
  return v.valid ? v.normalized : value;
}

export function checkPhone(value: string | null | undefined, path: string, fields: FieldError[], kind?: 'mobile' | 'landline'): string | null | undefined {
  if (value === null || value === undefined || value === '') return value === '' ? null : value;
  const v = validatePhone(value);
  if (!v.valid) fields.push({ path, key: v.reason });
  else if (kind && v.kind !== kind) fields.push({ path, key: kind === 'mobile' ? 'PHONE_MOBILE_FORMAT' : 'PHONE_LANDLINE_FORMAT' });
  return v.valid ? v.normalized : value;
}
