import { z } from 'zod';
import { ItemsOf, Timestamp } from '../../http/dto.js';
import { RETENTION_KINDS } from '../../rules/retention.js';
import { REQUEST_KINDS, REQUEST_STATUSES } from './retention.schema.js';

export const KindParams = z.object({ kind: z.enum(RETENTION_KINDS) });
export const CustomerParams = z.object({ customerId: z.uuid() });
export const PolicyBody = z.object({ months: z.number().int().min(1).max(600), answerWorkingDays: z.number().int().min(1).max(60) }).meta({ id: 'RetentionPolicyBody' });
export const HoldBody = z.object({ reason: z.string().trim().min(1).max(2000) });
export const RequestBody = z
  .object({ customerId: z.uuid(), kind: z.enum(REQUEST_KINDS), subjectName: z.string().trim().min(1).max(200), detail: z.string().trim().min(1).max(4000) })
  .meta({ id: 'RetentionRequestBody' });
export const AnswerBody = z.object({ status: z.enum(['done', 'refused']), answer: z.string().trim().min(1).max(4000) }).meta({ id: 'RetentionAnswerBody' });
export const RequestQuery = z.object({ customerId: z.uuid().optional(), status: z.enum(REQUEST_STATUSES).optional() });

export const RetentionPolicy = z
  .object({ kind: z.enum(RETENTION_KINDS), months: z.number().int(), answerWorkingDays: z.number().int(), updatedBy: z.uuid().nullable(), updatedAt: Timestamp })
  .meta({ id: 'RetentionPolicy' });
export const RetentionHold = z
  .object({ kind: z.enum(['manual', 'complaint', 'inspection', 'takedown']), id: z.uuid(), label: z.string() })
  .meta({ id: 'RetentionHold' });
export const ManualHold = z
  .object({ id: z.uuid(), customerId: z.uuid(), reason: z.string(), placedBy: z.uuid().nullable(), placedAt: Timestamp, releasedAt: Timestamp, releasedBy: z.uuid().nullable() })
  .meta({ id: 'RetentionManualHold' });
export const RetentionRedaction = z
  .object({ id: z.uuid(), kind: z.enum(RETENTION_KINDS), customerId: z.uuid(), entityId: z.uuid(), dueOn: z.string(), redactedAt: Timestamp, requestId: z.uuid().nullable() })
  .meta({ id: 'RetentionRedaction' });
export const RetentionRequest = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    ticketId: z.uuid(),
    kind: z.enum(REQUEST_KINDS),
    subjectName: z.string(),
    detail: z.string(),
    receivedAt: Timestamp,
    answerDueOn: z.string(),
    answerDueProvisional: z.boolean(),
    status: z.enum(REQUEST_STATUSES),
    answeredAt: Timestamp,
    answeredBy: z.uuid().nullable(),
    answer: z.string().nullable(),
    overdue: z.boolean().optional(),
  })
  .meta({ id: 'RetentionRequest' });
export const PolicyList = ItemsOf(RetentionPolicy);
export const HoldList = ItemsOf(RetentionHold);
export const RedactionList = ItemsOf(RetentionRedaction);
export const RequestList = ItemsOf(RetentionRequest);
