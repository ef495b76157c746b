import { z } from 'zod';
import { InstantString, Timestamp } from '../../http/dto.js';
import { SECURITY_GRADES } from '../../rules/security-report.js';

export const ClassifyBody = z.object({ grade: z.enum(SECURITY_GRADES) }).meta({ id: 'SecurityClassifyBody' });
export const ReportFormBody = z
  .object({
    unit: z.string().max(300).nullable().optional(),
    occurredAt: InstantString.nullable().optional(),
    place: z.string().max(500).nullable().optional(),
    eventType: z.string().max(300).nullable().optional(),
    impact: z.string().max(4000).nullable().optional(),
    measures: z.string().max(4000).nullable().optional(),
  })
  .meta({ id: 'SecurityReportForm' });
export const ReportedBody = z.object({ reportedTo: z.string().trim().min(1).max(300), reportedAt: InstantString.nullable().optional() }).meta({ id: 'SecurityReportedBody' });
export const SecuritySettings = z.object({ criticalInfrastructure: z.boolean() }).meta({ id: 'SecurityReportSettings' });

export const SecurityReport = z
  .object({
    incidentId: z.uuid(),
    grade: z.enum(SECURITY_GRADES),
    classifiedAt: Timestamp,
    classifiedBy: z.uuid().nullable(),
    criticalInfrastructure: z.boolean(),
    reportDueAt: Timestamp,
    unit: z.string().nullable(),
    occurredAt: Timestamp,
    place: z.string().nullable(),
    eventType: z.string().nullable(),
    impact: z.string().nullable(),
    measures: z.string().nullable(),
    reportedAt: Timestamp,
    reportedBy: z.uuid().nullable(),
    reportedTo: z.string().nullable(),
    updatedAt: Timestamp,
    missing: z.array(z.string()),
    late: z.boolean(),
  })
  .meta({ id: 'SecurityReport' });
export const MaybeSecurityReport = z.object({ report: SecurityReport.nullable() });
