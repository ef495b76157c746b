import { z } from 'zod';
import { IdParams, InstantString, ItemsOf, Timestamp } from '../../http/dto.js';
import { TAKEDOWN_ACTIONS, TAKEDOWN_STATUSES, TAKEDOWN_TARGET_KINDS } from './takedowns.schema.js';

export { IdParams };

export const TakedownBody = z
  .object({
    issuer: z.string().trim().min(1).max(300),
    documentNumber: z.string().trim().min(1).max(200),
    receivedAt: InstantString,
    deadlineAt: InstantString,
    actions: z.array(z.enum(TAKEDOWN_ACTIONS)).min(1).max(4),
    reason: z.string().trim().min(1).max(4000),
    domains: z.array(z.string().max(300)).max(200).optional(),
    ips: z.array(z.string().max(64)).max(200).optional(),
    serverIds: z.array(z.uuid()).max(100).optional(),
  })
  .meta({ id: 'TakedownBody' });

export const TakedownQuery = z.object({
  customerId: z.uuid().optional(),
  status: z.enum(TAKEDOWN_STATUSES).optional(),
});
export const LiftBody = z.object({ note: z.string().trim().min(1).max(2000) });

export const TakedownCheck = z
  .object({ name: z.string(), protocol: z.enum(['http', 'tls']), result: z.enum(['blocked', 'open', 'error']), detail: z.string(), at: z.string(), attempts: z.number().int() })
  .meta({ id: 'TakedownCheck' });

export const TakedownProof = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    gateApplyId: z.uuid().nullable(),
    gateFingerprint: z.string(),
    gateOutcome: z.string(),
    blockedAt: Timestamp,
    secondsToBlock: z.number().int(),
    checks: z.array(TakedownCheck),
    suspensionIds: z.array(z.uuid()),
    recordedAt: Timestamp,
  })
  .meta({ id: 'TakedownProof' });

export const Takedown = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    issuer: z.string(),
    documentNumber: z.string(),
    scanFileName: z.string().nullable(),
    scanContentType: z.string().nullable(),
    receivedAt: Timestamp,
    deadlineAt: Timestamp,
    actions: z.array(z.enum(TAKEDOWN_ACTIONS)),
    reason: z.string(),
    status: z.enum(TAKEDOWN_STATUSES),
    registeredBy: z.uuid().nullable(),
    registeredAt: Timestamp,
    executedBy: z.uuid().nullable(),
    executedAt: Timestamp,
    noticeId: z.uuid().nullable(),
    liftedAt: Timestamp,
    liftedBy: z.uuid().nullable(),
    liftNote: z.string().nullable(),
    hasScan: z.boolean(),
    hasReceipt: z.boolean(),
    targets: z.array(z.object({ kind: z.enum(TAKEDOWN_TARGET_KINDS), value: z.string(), serverId: z.uuid().nullable() })),
    proof: TakedownProof.nullable(),
  })
  .meta({ id: 'Takedown' });
export const TakedownList = ItemsOf(Takedown);
