/**
 * 国家网络安全事件报告管理办法 (in force 2025-11-01): a network-security event of grade 较大 or higher is
 * reported to the authority within 4 hours of being found; a critical-information-infrastructure
 * operator (关键信息基础设施运营者) reports within 1 hour. A 一般 event starts no clock. The grades follow
 * 《国家网络安全事件应急预案》: 一般 / 较大 / 重大 / 特别重大.
 */
export const SECURITY_GRADES = ['general', 'major', 'serious', 'especially_serious'] as const;
export type SecurityGrade = (typeof SECURITY_GRADES)[number];

/** The grade's name as the rules write it. */
export const SECURITY_GRADE_NAMES: Record<SecurityGrade, string> = {
  general: '一般',
  major: '较大',
  serious: '重大',
  especially_serious: '特别重大',
};

/** The items a report carries (the measures' 报告内容): unit, time, place, type, impact, measures taken. */
export const SECURITY_REPORT_ITEMS = ['unit', 'occurredAt', 'place', 'eventType', 'impact', 'measures'] as const;

/** Hours to report in, or null when the grade starts no clock. */
export function securityReportHours(grade: SecurityGrade, criticalInfrastructure: boolean): number | null {
  if (grade === 'general') return null;
  return criticalInfrastructure ? 1 : 4;
}

/**
 * When the report is due: the hours counted from the moment the event was found (clock time: nights
 * and holidays count — the measures count hours, not working days). Null for a 一般 event.
 */
export function securityReportDeadline(grade: SecurityGrade, foundAt: Date, criticalInfrastructure: boolean): Date | null {
  const hours = securityReportHours(grade, criticalInfrastructure);
  return hours === null ? null : new Date(foundAt.getTime() + hours * 3_600_000);
}

/** A report is late when it was not made by its deadline (made exactly at the deadline is in time). */
export function securityReportLate(deadline: Date | null, reportedAt: Date | null, now: Date): boolean {
  if (!deadline) return false;
  return (reportedAt ?? now).getTime() > deadline.getTime();
}

/** Which of the report's items are still missing (a report is sent only with all of them). */
export function missingReportItems(form: Partial<Record<(typeof SECURITY_REPORT_ITEMS)[number], string | Date | null>>): string[] {
  return SECURITY_REPORT_ITEMS.filter((k) => {
    const v = form[k];
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  });
}
