import { PROVINCE_BY_CODE } from './provinces.js';
import { fail, ok, toHalfWidth, type Validation } from './result.js';

/**
 * 公网安备 numbers: 14 digits whose first two are the province code; written in full as
 * 京公网安备11010502030143号, where the abbreviation must name the same province (川 or 蜀 for 51).
 */
export function validatePsbFiling(value: string): Validation<{ provinceCode: number }> {
  const s = toHalfWidth(value).trim().replace(/\s+/g, '');
  const m = /^(?:(.)公网安备)?(\d+)(号)?$/.exec(s);
  if (!m || (m[1] !== undefined) !== (m[3] !== undefined)) return fail('PSB_FORMAT');
  const [, abbreviation, digits] = m;
  if (digits.length !== 14) return fail('PSB_LENGTH');
  const code = Number(digits.slice(0, 2));
  const province = PROVINCE_BY_CODE.get(code);
  if (!province) return fail('PSB_PROVINCE_CODE');
  if (abbreviation !== undefined && abbreviation !== province.common && abbreviation !== province.miit) {
    return fail('PSB_PROVINCE_MISMATCH', province.common);
  }
  return ok(abbreviation ? `${abbreviation}公网安备${digits}号` : digits, { provinceCode: code });
}
