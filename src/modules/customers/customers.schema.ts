import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 甲方 — a customer company; the tenant every customer-owned row points to. */
export const customers = pgTable('customers', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** pinyin initials of the name, for search (北京寰宇 → bjhy) */
  nameInitials: text('name_initials').notNull(),
  uscc: text('uscc') /* 统一社会信用代码 */,
  status: text('status', { enum: ['prospect', 'active', 'suspended', 'former'] }).notNull(),
  registeredAddress: text('registered_address') /* 注册地址 */,
  postalAddress: text('postal_address') /* 通讯地址 (第九条) */,
  noticeEmail: text('notice_email'),
  noticeFax: text('notice_fax'),
  legalRepresentative: text('legal_representative') /* 法定代表人 */,
  contactPhone: text('contact_phone'),
  version: integer('version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** 5.10: copies of the business licence and of the legal representative's and handler's IDs. */
export const kycDocuments = pgTable('kyc_documents', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  kind: text('kind', { enum: ['business_licence', 'legal_representative_id', 'handler_id'] }).notNull(),
  holderName: text('holder_name').notNull(),
  idType: text('id_type', { enum: ['uscc', 'resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit'] }).notNull(),
  idNumber: text('id_number').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }),
  expiresOn: date('expires_on', { mode: 'string' }),
  fileSha256: text('file_sha256').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  status: text('status', { enum: ['pending', 'verified', 'rejected', 'superseded'] }).notNull(),
  rejectReason: text('reject_reason'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  uploadedBy: uuid('uploaded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** 人员名单 (5.10, 6.5): one row per version of a person on a side's roster. */
export const rosterMembers = pgTable('roster_members', {
  id: uuid('id').primaryKey(),
  memberId: uuid('member_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  side: text('side', { enum: ['customer', 'provider'] }).notNull(),
  role: text('role', { enum: ['legal_representative', 'technical_lead', 'network_admin', 'device_admin', 'server_admin', 'contract_contact'] }).notNull(),
  name: text('name').notNull(),
  mobile: text('mobile'),
  landline: text('landline'),
  email: text('email'),
  available24h: boolean('available_24h').notNull(),
  validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
  validTo: timestamp('valid_to', { withTimezone: true }),
  changedBy: uuid('changed_by'),
});

export const customerChangeRequests = pgTable('customer_change_requests', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  proposed: jsonb('proposed').notNull(),
  status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionNote: text('decision_note'),
});

/** Notices owed to the other side (第九条), drained by the notices module. */
export const noticeOutbox = pgTable('notice_outbox', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  customerId: uuid('customer_id').notNull(),
  direction: text('direction', { enum: ['provider_to_customer', 'customer_to_provider'] }).notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  drainedAt: timestamp('drained_at', { withTimezone: true }),
});

export const staffTasks = pgTable('staff_tasks', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  role: text('role', { enum: ['admin', 'sales', 'noc', 'compliance', 'finance'] }).notNull(),
  customerId: uuid('customer_id'),
  subjectId: uuid('subject_id').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  doneAt: timestamp('done_at', { withTimezone: true }),
  doneBy: uuid('done_by'),
});
