import { MIIT_ABBREVIATIONS, MIIT_INSTEAD_OF } from './provinces.js';
import { fail, ok, toHalfWidth, type Validation } from './result.js';

const clean = (value: string) => toHalfWidth(value).trim().replace(/\s+/g, '');

/**
 * ICP 备案号 (non-commercial filing): 京ICP备12345678号, 粤ICP备2021012345号-3 (site 3 of the
 * filing), app filings with an A: 京ICP备2023012345号-1A. The province is MIIT's abbreviation.
 */
export function validateIcpFiling(value: string): Validation<{ province: string; serial: string; site?: string }> {
  const s = clean(value);
  const m = /^(.)ICP备(\d+)号(?:-(\d{1,3}A?))?$/.exec(s);
  if (!m) return fail('ICP_FILING_FORMAT');
  const [, province, serial, site] = m;
  if (MIIT_INSTEAD_OF.has(province)) return fail('ICP_PROVINCE_ALIAS', MIIT_INSTEAD_OF.get(province));
  if (!MIIT_ABBREVIATIONS.has(province)) return fail('ICP_PROVINCE_UNKNOWN');
  // 8-digit serials (before the 2010s) or a 4-digit year 2004–2049 and 6 digits
  if (!(/^\d{8}$/.test(serial) || /^20[0-4]\d\d{6}$/.test(serial))) return fail('ICP_FILING_SERIAL');
  if (site !== undefined && /^0/.test(site)) return fail('ICP_FILING_FORMAT');
  return ok(s, { province, serial, ...(site ? { site } : {}) });
}

/**
 * ICP/ISP 经营许可证 (commercial licence): 京B2-20202418 (provincial), B1.B2-20090003 (issued by
 * MIIT itself), 合字B1.B2-20200001 (foreign-invested), and the old form 京ICP证030173号.
 */
export function validateIcpLicence(value: string): Validation<{ province: string | null; categories: string[] }> {
  const s = clean(value);
  const old = /^(.)ICP证(\d{6})号$/.exec(s);
  if (old) {
    if (MIIT_INSTEAD_OF.has(old[1])) return fail('ICP_PROVINCE_ALIAS', MIIT_INSTEAD_OF.get(old[1]));
    if (!MIIT_ABBREVIATIONS.has(old[1])) return fail('ICP_PROVINCE_UNKNOWN');
    return ok(s, { province: old[1], categories: ['ICP'] });
  }
  const m = /^(合字|.)?((?:[AB][12]\d?)(?:\.[AB][12]\d?)*)-(\d{8})$/.exec(s);
  if (!m) return fail('ICP_LICENCE_FORMAT');
  const [, prefix, categories, serial] = m;
  if (prefix && prefix !== '合字') {
    if (MIIT_INSTEAD_OF.has(prefix)) return fail('ICP_PROVINCE_ALIAS', MIIT_INSTEAD_OF.get(prefix));
    if (!MIIT_ABBREVIATIONS.has(prefix)) return fail('ICP_PROVINCE_UNKNOWN');
  }
  const year = Number(serial.slice(0, 4));
  if (year < 2000 || year > 2049) return fail('ICP_LICENCE_SERIAL');
  return ok(s, { province: prefix && prefix !== '合字' ? prefix : null, categories: categories.split('.') });
}
