/**
 * Province-level abbreviations as MIIT writes them in ICP filing and licence numbers: 蜀 (not 川)
 * for Sichuan, 滇 (not 云) for Yunnan, 黔 (not 贵) for Guizhou, 陇 (not 甘) for Gansu. The number
 * is the GB/T 2260 code that 公网安备 numbers start with.
 */
export const PROVINCES: readonly { code: number; miit: string; common: string; name: string }[] = [
  { code: 11, miit: '京', common: '京', name: '北京' },
  { code: 12, miit: '津', common: '津', name: '天津' },
  { code: 13, miit: '冀', common: '冀', name: '河北' },
  { code: 14, miit: '晋', common: '晋', name: '山西' },
  { code: 15, miit: '蒙', common: '蒙', name: '内蒙古' },
  { code: 21, miit: '辽', common: '辽', name: '辽宁' },
  { code: 22, miit: '吉', common: '吉', name: '吉林' },
  { code: 23, miit: '黑', common: '黑', name: '黑龙江' },
  { code: 31, miit: '沪', common: '沪', name: '上海' },
  { code: 32, miit: '苏', common: '苏', name: '江苏' },
  { code: 33, miit: '浙', common: '浙', name: '浙江' },
  { code: 34, miit: '皖', common: '皖', name: '安徽' },
  { code: 35, miit: '闽', common: '闽', name: '福建' },
  { code: 36, miit: '赣', common: '赣', name: '江西' },
  { code: 37, miit: '鲁', common: '鲁', name: '山东' },
  { code: 41, miit: '豫', common: '豫', name: '河南' },
  { code: 42, miit: '鄂', common: '鄂', name: '湖北' },
  { code: 43, miit: '湘', common: '湘', name: '湖南' },
  { code: 44, miit: '粤', common: '粤', name: '广东' },
  { code: 45, miit: '桂', common: '桂', name: '广西' },
  { code: 46, miit: '琼', common: '琼', name: '海南' },
  { code: 50, miit: '渝', common: '渝', name: '重庆' },
  { code: 51, miit: '蜀', common: '川', name: '四川' },
  { code: 52, miit: '黔', common: '贵', name: '贵州' },
  { code: 53, miit: '滇', common: '云', name: '云南' },
  { code: 54, miit: '藏', common: '藏', name: '西藏' },
  { code: 61, miit: '陕', common: '陕', name: '陕西' },
  { code: 62, miit: '陇', common: '甘', name: '甘肃' },
  { code: 63, miit: '青', common: '青', name: '青海' },
  { code: 64, miit: '宁', common: '宁', name: '宁夏' },
  { code: 65, miit: '新', common: '新', name: '新疆' },
];

export const MIIT_ABBREVIATIONS = new Set(PROVINCES.map((p) => p.miit));
/** a common abbreviation MIIT does not use → the one it does (川 → 蜀) */
export const MIIT_INSTEAD_OF = new Map(PROVINCES.filter((p) => p.common !== p.miit).map((p) => [p.common, p.miit]));
export const PROVINCE_BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));
