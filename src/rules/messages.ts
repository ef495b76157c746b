import type { RuleErrorCode } from './errors.js';

type Messages = { 'zh-CN': string; en: string };

/** Messages of the rule errors, with {param} placeholders. */
export const RULE_MESSAGES: Record<RuleErrorCode, Messages> = {
  MONEY_INVALID: { 'zh-CN': '金额格式无效：{value}', en: 'Invalid amount: {value}' },
  MONEY_TOO_MANY_DECIMALS: { 'zh-CN': '金额最多两位小数（元、角、分）：{value}', en: 'An amount has at most two decimals: {value}' },
  MONEY_NEGATIVE: { 'zh-CN': '金额不能为负数：{value}', en: 'The amount cannot be negative: {value}' },
  MONEY_OUT_OF_RANGE: { 'zh-CN': '金额超出范围：{value}', en: 'Amount out of range: {value}' },
  DATE_INVALID: { 'zh-CN': '日期无效（应为 YYYY-MM-DD）：{value}', en: 'Invalid date (expected YYYY-MM-DD): {value}' },
  CALENDAR_NOT_COVERED: {
    'zh-CN': '工作日历不覆盖 {year} 年：可计算 {firstYear}–{lastYear} 年（国务院尚未公布安排的年份按《全国年节及纪念日放假办法》暂定）；其他年份请先导入国务院公布的该年安排',
    en: 'The working-day calendar does not cover {year}: it answers for {firstYear}–{lastYear} (a year the State Council has not published yet is derived provisionally from the holiday law); for any other year load the State Council schedule first',
  },
  CALENDAR_SCHEDULE_INVALID: { 'zh-CN': '节假日安排文件无效：{field} {reason}', en: 'Invalid holiday schedule: {field} {reason}' },
  TERM_MONTHS_INVALID: { 'zh-CN': '期限月数应为 1–120 的整数：{value}', en: 'Term months must be an integer from 1 to 120: {value}' },
  DAYS_INVALID: { 'zh-CN': '天数无效：{value}', en: 'Invalid number of days: {value}' },
  INTERRUPTION_INVALID: { 'zh-CN': '第 {index} 条中断记录无效（结束须晚于开始）', en: 'Interruption {index} is invalid (its end must be after its start)' },
  INSTANT_INVALID: { 'zh-CN': '时间无效（应为带时区的 ISO 8601）：{value}', en: 'Invalid time (expected ISO 8601 with an offset): {value}' },
};

/** Validator reason codes, for showing a failed check to a person. */
export const REASON_MESSAGES: Record<string, Messages> = {
  USCC_LENGTH: { 'zh-CN': '统一社会信用代码应为 18 位', en: 'A unified social credit code has 18 characters' },
  USCC_CHARSET: { 'zh-CN': '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）', en: 'The code contains characters not allowed (I, O, Z, S, V are never used)' },
  USCC_AUTHORITY: { 'zh-CN': '统一社会信用代码第 1 位（登记管理部门）无效', en: 'The first character (registering authority) is invalid' },
  USCC_DIVISION: { 'zh-CN': '统一社会信用代码第 3–8 位应为行政区划码', en: 'Characters 3–8 must be an administrative division code' },
  USCC_CHECKSUM: { 'zh-CN': '统一社会信用代码校验位不符', en: 'The check character does not match' },
  ID_LENGTH: { 'zh-CN': '身份证号码应为 18 位', en: 'A resident ID number has 18 characters' },
  ID_FORMAT: { 'zh-CN': '身份证号码格式无效', en: 'Invalid resident ID number format' },
  ID_REGION: { 'zh-CN': '身份证号码地址码无效', en: 'Invalid address code in the ID number' },
  ID_BIRTHDATE: { 'zh-CN': '身份证号码中的出生日期无效', en: 'The birth date in the ID number is not a real past date' },
  ID_CHECKSUM: { 'zh-CN': '身份证号码校验位不符', en: 'The ID number check character does not match' },
  ICP_FILING_FORMAT: { 'zh-CN': 'ICP 备案号格式应如 京ICP备12345678号 或 粤ICP备2021012345号-3', en: 'An ICP filing number looks like 京ICP备12345678号 or 粤ICP备2021012345号-3' },
  ICP_FILING_SERIAL: { 'zh-CN': 'ICP 备案号序号位数无效', en: 'Invalid ICP filing serial' },
  ICP_PROVINCE_ALIAS: { 'zh-CN': '省份简称应按工信部写法（如 蜀、滇、黔、陇）', en: 'Use the MIIT province abbreviation (e.g. 蜀, 滇, 黔, 陇)' },
  ICP_PROVINCE_UNKNOWN: { 'zh-CN': '未知的省份简称', en: 'Unknown province abbreviation' },
  ICP_LICENCE_FORMAT: { 'zh-CN': '经营许可证号格式应如 京B2-20202418 或 京ICP证030173号', en: 'A licence number looks like 京B2-20202418 or 京ICP证030173号' },
  ICP_LICENCE_SERIAL: { 'zh-CN': '经营许可证号年份无效', en: 'Invalid licence serial year' },
  PSB_FORMAT: { 'zh-CN': '公安备案号格式应如 京公网安备11010502030143号', en: 'A PSB filing number looks like 京公网安备11010502030143号' },
  PSB_LENGTH: { 'zh-CN': '公安备案号应为 14 位数字', en: 'A PSB filing number has 14 digits' },
  PSB_PROVINCE_CODE: { 'zh-CN': '公安备案号前两位不是省级代码', en: 'The first two digits are not a province code' },
  PSB_PROVINCE_MISMATCH: { 'zh-CN': '公安备案号的省份简称与编号不符', en: 'The province abbreviation does not match the number' },
  DOMAIN_EMPTY: { 'zh-CN': '域名为空', en: 'The domain is empty' },
  DOMAIN_CHARACTERS: { 'zh-CN': '域名含有不允许的字符', en: 'The domain contains characters not allowed' },
  DOMAIN_SINGLE_LABEL: { 'zh-CN': '域名至少需要两级', en: 'A domain needs at least two labels' },
  DOMAIN_EMPTY_LABEL: { 'zh-CN': '域名中有空的一级', en: 'The domain has an empty label' },
  DOMAIN_LABEL_TOO_LONG: { 'zh-CN': '域名每一级最多 63 个字符', en: 'A label has at most 63 characters' },
  DOMAIN_HYPHEN: { 'zh-CN': '域名各级不能以连字符开头或结尾', en: 'A label cannot start or end with a hyphen' },
  DOMAIN_TOO_LONG: { 'zh-CN': '域名最长 253 个字符', en: 'A domain has at most 253 characters' },
  DOMAIN_NUMERIC_TLD: { 'zh-CN': '顶级域不能全为数字', en: 'The top-level domain cannot be numeric' },
  // DNS records (issue 15: zone-file injection)
  DNS_CONTROL_CHARACTER: { 'zh-CN': '不能含有换行、制表符等控制字符', en: 'Line breaks, tabs and other control characters are not allowed' },
  DNS_NAME_OUTSIDE_ZONE: { 'zh-CN': '以点结尾的名称是完整域名，必须在本区域（{expected}）之内', en: 'A name ending in a dot is a full name and must lie inside this zone ({expected})' },
  DNS_NAME_CHARACTERS: { 'zh-CN': '记录名称只能含字母、数字、连字符和下划线（通配符 * 只能在最左边）', en: 'A record name has letters, digits, hyphens and underscores only (a wildcard * only leftmost)' },
  DOMAIN_INVISIBLE: { 'zh-CN': '域名含有不可见字符（如零宽空格），请重新输入', en: 'The domain contains invisible characters (such as a zero-width space); please type it again' },
  DOMAIN_DISALLOWED: { 'zh-CN': '域名含有国际化域名标准（IDNA 2008 / UTS-46）不允许的字符', en: 'The domain contains characters that internationalised domain names (IDNA 2008 / UTS-46) do not allow' },
  PHONE_CHARACTERS: { 'zh-CN': '电话号码含有不允许的字符', en: 'The phone number contains characters not allowed' },
  PHONE_MOBILE_FORMAT: { 'zh-CN': '手机号码应为 1 开头的 11 位数字', en: 'A mobile number has 11 digits starting with 1' },
  PHONE_LANDLINE_FORMAT: { 'zh-CN': '固定电话应为 区号-号码，如 010-12345678', en: 'A landline is area code and number, e.g. 010-12345678' },
  IP_FORMAT: { 'zh-CN': 'IP 地址格式无效', en: 'Invalid IP address' },
  CIDR_FORMAT: { 'zh-CN': '网段格式应如 203.0.113.0/24', en: 'A prefix looks like 203.0.113.0/24' },
  CIDR_PREFIX: { 'zh-CN': '前缀长度无效', en: 'Invalid prefix length' },
  CIDR_HOST_BITS: { 'zh-CN': '网段地址的主机位必须为 0', en: 'The host bits of a prefix must be zero' },
};
