import { z } from 'zod';
import { InstantOrDate, Page, PageOf, Timestamp } from '../../http/dto.js';
import { ACTOR_KINDS } from './audit.schema.js';
import { CHAIN_PROBLEMS } from './audit.service.js';

export const AuditActorKind = z.enum(ACTOR_KINDS).meta({ id: 'AuditActorKind' });

/** One audit record as the log shows it (its hash links stay on the server; /audit/verify checks them). */
export const AuditEntry = z
  .object({
    id: z.uuid(),
    seq: z.number(),
    at: Timestamp,
    actorId: z.string().nullable(),
    actorLogin: z.string().nullable(),
    /** The actor's display name, when the actor is a user (the log shows people by name). */
    actorName: z.string().nullable(),
    actorKind: AuditActorKind,
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    customerId: z.string().nullable(),
    requestId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export const AuditPage = PageOf(AuditEntry).meta({ id: 'AuditPage' });

export const AuditQuery = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  customerId: z.uuid().optional(),
  from: InstantOrDate.optional(),
  to: InstantOrDate.optional(),
  ...Page,
});

export const ChainProblem = z
  .object({
    kind: z.enum(CHAIN_PROBLEMS),
    seq: z.number().nullable(),
    fromSeq: z.number().nullable(),
    anchorFile: z.string().nullable(),
    anchorAt: z.string().nullable(),
  })
  .meta({ id: 'AuditChainProblem', description: 'what verification found first, in chain order' });
export const ChainVerification = z
  .object({
    ok: z.boolean(),
    checked: z.number(),
    firstBrokenSeq: z.number().nullable(),
    anchors: z.number().describe('anchor files (outside the database) the chain was checked against'),
    problem: ChainProblem.nullable(),
  })
  .meta({ id: 'AuditChainVerification' });

export const AnchorTaken = z
  .object({
    written: z.boolean().describe('false: nothing new since the last anchor, which is returned'),
    anchor: z.object({ seq: z.number(), at: z.string(), file: z.string() }).nullable().describe('null: the chain is empty'),
  })
  .meta({ id: 'AuditAnchorTaken' });
