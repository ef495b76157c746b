import { z } from 'zod';
import { ItemsOf, Timestamp } from '../../http/dto.js';
import { ROSTER_ROLES } from '../customers/customers.dto.js';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTICE_CATEGORIES, NOTICE_DIRECTIONS, RECEIVED_HOW } from './notices.schema.js';

// ── requests ──────────────────────────────────────────────────────────────
/** Staff name the customer; a customer's own id is taken from its session. */
export const CustomerQuery = z.object({ customerId: z.uuid().optional() });
export const DeliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });
export const MemberParams = z.object({ memberId: z.uuid() });

export const SendNoticeBody = z.object({
  customerId: z.uuid(),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
});

export const PreferencesBody = z.object({
  customerId: z.uuid().optional(),
  categories: z.array(z.enum(NOTICE_CATEGORIES)).max(NOTICE_CATEGORIES.length),
});

// ── responses ─────────────────────────────────────────────────────────────
export const NoticeDelivery = z
  .object({
    id: z.uuid(),
    channel: z.enum(DELIVERY_CHANNELS),
    address: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: Timestamp,
    lastError: z.string().nullable(),
    /** what the proof of a post or fax delivery is, as recorded */
    proof: z.string().nullable(),
    hasProofFile: z.boolean(),
    sentAt: Timestamp,
  })
  .meta({ id: 'NoticeDelivery' });

/** A notice as registered, in both languages (the letter is bilingual, 第九条). */
const noticeFields = {
  id: z.uuid(),
  customerId: z.uuid(),
  direction: z.enum(NOTICE_DIRECTIONS),
  /** the template it was written from (e.g. generic, contract.activated); open-ended */
  type: z.string(),
  subjectZh: z.string(),
  subjectEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  recipientName: z.string(),
  relatedEntity: z.string().nullable(),
  relatedId: z.string().nullable(),
  createdAt: Timestamp,
  /** received FROM the customer and recorded by staff (no deliveries); how it came and the document that carried it */
  received: z.boolean(),
  receivedHow: z.enum(RECEIVED_HOW).nullable(),
  documentName: z.string().nullable(),
};

export const Notice = z
  .object({ ...noticeFields, hasDocument: z.boolean().describe('a scan of the document that carried it: GET /notices/:id/document'), deliveries: z.array(NoticeDelivery) })
  .meta({ id: 'Notice' });
export const NoticeList = ItemsOf(Notice);

/** What sending answers: the notice just registered (its deliveries are read with GET /notices/:id). */
export const SentNotice = z
  .object({ ...noticeFields, sourceOutboxId: z.string().nullable(), createdBy: z.string().nullable() })
  .meta({ id: 'SentNotice' });

export const NoticePreference = z
  .object({
    memberId: z.uuid(),
    name: z.string(),
    role: z.enum(ROSTER_ROLES),
    email: z.string().nullable(),
    available24h: z.boolean(),
    categories: z.array(z.enum(NOTICE_CATEGORIES)),
    /** categories this person cannot give up (a 24-hour contact always gets incidents) */
    locked: z.array(z.enum(NOTICE_CATEGORIES)),
  })
  .meta({ id: 'NoticePreference' });
export const NoticePreferenceList = ItemsOf(NoticePreference);
