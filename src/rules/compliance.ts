/**
 * The compliance rules of the agreement, pure: 5.3 (what a server may be used for), 5.5 (log
 * retention), 5.6/5.7 (filing before access, re-verification), 6.8 (which breaches allow
 * termination for cause). No I/O.
 */
import { daysBetween, lastDayOfMonthMonthsLater, sameDayMonthsLater, type CalendarDate } from './dates.js';
import { validateIcpFiling, validateIcpLicence, validatePsbFiling } from './validators/index.js';

type Messages = { 'zh-CN': string; en: string };

// ── 5.3 declared services ─────────────────────────────────────────────
/** What the customer may run: www by default; the rest only with a supplementary agreement on file. */
export const DECLARABLE_SERVICES = ['www', 'email', 'ftp', 'telnet', 'database'] as const;
/** 5.3 forbids these outright: a proxy, subletting (层层转包), virtual hosting, disk-space rental. */
export const PROHIBITED_SERVICES = ['proxy', 'subletting', 'virtual_hosting', 'disk_rental'] as const;
export type DeclarableService = (typeof DECLARABLE_SERVICES)[number];

export type ServiceCheck =
  | { allowed: false; reason: 'SERVICE_PROHIBITED' | 'SERVICE_UNKNOWN' }
  | { allowed: true; violation: null | 'SERVICE_AGREEMENT_MISSING' };

/** A declaration of a prohibited use is refused; a non-www service without its agreement is a standing violation. */
export function checkDeclaredService(kind: string, hasAgreement: boolean): ServiceCheck {
  if ((PROHIBITED_SERVICES as readonly string[]).includes(kind)) return { allowed: false, reason: 'SERVICE_PROHIBITED' };
  if (!(DECLARABLE_SERVICES as readonly string[]).includes(kind)) return { allowed: false, reason: 'SERVICE_UNKNOWN' };
  return { allowed: true, violation: kind === 'www' || hasAgreement ? null : 'SERVICE_AGREEMENT_MISSING' };
}

// ── 5.6 filing or licence ─────────────────────────────────────────────
export const DOMAIN_USES = ['commercial', 'non_commercial'] as const;
export type DomainUse = (typeof DOMAIN_USES)[number];
/** How compliance verified a filing (5.6): the MIIT lookup, the licence original seen, or the authority's word. */
export const VERIFICATION_METHODS = ['miit_lookup', 'licence_original_seen', 'authority_confirmation'] as const;

export type FilingCheck =
  | { valid: true; filingNumber: string; psbNumber: string | null }
  | { valid: false; fields: { path: 'filingNumber' | 'psbNumber'; reason: string }[] };

/**
 * Commercial sites need an ICP/ISP 经营许可证 number, non-commercial ones an ICP 备案号; an ICP
 * filing number given for commercial use (or a licence for non-commercial use) is the wrong document.
 * The 公网安备 number is optional but, when given, must be well-formed.
 */
export function checkFiling(use: DomainUse, filingNumber: string, psbNumber?: string | null): FilingCheck {
  const fields: { path: 'filingNumber' | 'psbNumber'; reason: string }[] = [];
  let filing = filingNumber;
  if (use === 'commercial') {
    const v = validateIcpLicence(filingNumber);
    if (v.valid) filing = v.normalized;
    else fields.push({ path: 'filingNumber', reason: validateIcpFiling(filingNumber).valid ? 'FILING_NOT_A_LICENCE' : v.reason });
  } else {
    const v = validateIcpFiling(filingNumber);
    if (v.valid) filing = v.normalized;
    else fields.push({ path: 'filingNumber', reason: validateIcpLicence(filingNumber).valid ? 'FILING_LICENCE_FOR_NON_COMMERCIAL' : v.reason });
  }
  let psb: string | null = null;
  if (psbNumber !== undefined && psbNumber !== null && psbNumber.trim() !== '') {
    const v = validatePsbFiling(psbNumber);
    if (v.valid) psb = v.normalized;
    else fields.push({ path: 'psbNumber', reason: v.reason });
  }
  return fields.length ? { valid: false, fields } : { valid: true, filingNumber: filing, psbNumber: psb };
}

/** One year on; 29 February falls back to 28 February. */
export function oneYearAfter(date: CalendarDate): CalendarDate {
  return sameDayMonthsLater(date, 12) ?? lastDayOfMonthMonthsLater(date, 12);
}

/** 5.7: a verified filing is looked at again a year after its verification (and after every customer edit). */
export const reverificationDue = (verifiedOn: CalendarDate): CalendarDate => oneYearAfter(verifiedOn);

/** Which domain states a change may lead to; revoked is final (a new entry starts over). */
export const DOMAIN_TRANSITIONS: Record<'submitted' | 'verified' | 'suspended' | 'revoked', readonly ('submitted' | 'verified' | 'suspended' | 'revoked')[]> = {
  submitted: ['verified', 'revoked'],
  verified: ['verified', 'submitted', 'suspended', 'revoked'],
  suspended: ['verified', 'submitted', 'revoked'],
  revoked: [],
};

// ── 5.5 log retention ─────────────────────────────────────────────────
/** 网络安全法 art. 21: at least six months (the 60 days of 互联网信息服务管理办法 art. 14 is the weaker rule). */
export const LOG_RETENTION_MIN_MONTHS = 6;
/** Reminders start this many days before an attestation lapses. */
export const ATTESTATION_REMINDER_DAYS = 30;

export function checkLogRetention(months: number): null | 'LOG_RETENTION_TOO_SHORT' | 'LOG_RETENTION_INVALID' {
  if (!Number.isInteger(months) || months <= 0 || months > 120) return 'LOG_RETENTION_INVALID';
  return months < LOG_RETENTION_MIN_MONTHS ? 'LOG_RETENTION_TOO_SHORT' : null;
}

export const ATTESTATION_STATES = ['missing', 'expired', 'due_soon', 'valid'] as const;
export type AttestationState = (typeof ATTESTATION_STATES)[number];

/** Where a customer's latest attestation stands today; 'valid' and 'due_soon' still count for activation. */
export function attestationState(validUntil: CalendarDate | null, today: CalendarDate, reminderDays = ATTESTATION_REMINDER_DAYS): AttestationState {
  if (!validUntil) return 'missing';
  if (validUntil <= today) return 'expired';
  return daysBetween(today, validUntil) <= reminderDays ? 'due_soon' : 'valid';
}

// ── 5.4, 5.8, 6.3, 6.8 violations ─────────────────────────────────────
/** What a complaint is about, as compliance files it; suggestedClause maps each to the clause it most likely breaches. */
export const COMPLAINT_CATEGORIES = ['spam', 'intrusion', 'infringement', 'pornography', 'gambling', 'fraud', 'network_instability', 'unfiled_site', 'prohibited_service', 'other'] as const;
export const VIOLATION_CLAUSE_LIST = ['5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '6.3'] as const;
export type ViolationClause = (typeof VIOLATION_CLAUSE_LIST)[number];

/** 6.8: only breaches of 5.3–5.7 let the provider stop the server for good, without refund. */
export const TERMINATION_CLAUSES: readonly ViolationClause[] = ['5.3', '5.4', '5.5', '5.6', '5.7'];
export const mayTerminateForCause = (clause: string): boolean => (TERMINATION_CLAUSES as readonly string[]).includes(clause);

/** The clause a complaint most likely cites; staff confirm or pick another. */
export function suggestedClause(category: string): ViolationClause {
  switch (category) {
    case 'unfiled_site':
      return '5.6';
    case 'prohibited_service':
      return '5.3';
    case 'network_instability':
      return '6.3';
    case 'spam':
    case 'intrusion':
    case 'infringement':
    case 'pornography':
    case 'gambling':
    case 'fraud':
      return '5.8';
    default:
      return '5.4';
  }
}

/** The customer's deadline to answer a complaint: 1 hour to 15 days. */
export function checkResponseHours(hours: number): boolean {
  return Number.isInteger(hours) && hours >= 1 && hours <= 360;
}

export const COMPLIANCE_REASON_MESSAGES: Record<string, Messages> = {
  SERVICE_PROHIBITED: { 'zh-CN': '第 5.3 条禁止将服务器用作代理服务器、转包、虚拟主机或磁盘空间出租', en: 'Clause 5.3 forbids proxies, subletting, virtual hosting and disk rental' },
  SERVICE_UNKNOWN: { 'zh-CN': '未知的服务类型', en: 'Unknown service type' },
  SERVICE_AGREEMENT_MISSING: { 'zh-CN': '非 WWW 服务须事先签署补充协议（第 5.3 条）', en: 'A non-WWW service needs a signed supplementary agreement (clause 5.3)' },
  FILING_NOT_A_LICENCE: { 'zh-CN': '经营性网站须填写 ICP/ISP 经营许可证号，而不是备案号', en: 'A commercial site needs its ICP/ISP licence number, not a filing number' },
  FILING_LICENCE_FOR_NON_COMMERCIAL: { 'zh-CN': '非经营性网站应填写 ICP 备案号', en: 'A non-commercial site gives its ICP filing number' },
  LOG_RETENTION_TOO_SHORT: { 'zh-CN': '网站访问日志至少保存 6 个月（网络安全法第二十一条）', en: 'Access logs must be kept at least 6 months (Cybersecurity Law art. 21)' },
  LOG_RETENTION_INVALID: { 'zh-CN': '保存期限应为 1–120 个月的整数', en: 'Retention is a whole number of months from 1 to 120' },
};
