import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What an authority's order may require (违法违规网站处置). */
export const TAKEDOWN_ACTIONS = ['block_domain', 'block_ip', 'suspend_server', 'preserve_evidence'] as const;
export type TakedownAction = (typeof TAKEDOWN_ACTIONS)[number];
export const TAKEDOWN_STATUSES = ['registered', 'executed', 'lifted'] as const;
export const TAKEDOWN_TARGET_KINDS = ['domain', 'ip', 'server'] as const;
export type TakedownTargetKind = (typeof TAKEDOWN_TARGET_KINDS)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const takedownOrders = pgTable('takedown_orders', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  customerId: uuid('customer_id').notNull(),
  issuer: text('issuer').notNull() /* 发文机关 */,
  documentNumber: text('document_number').notNull() /* 文号 */,
  scanSha256: text('scan_sha256'),
  scanFileName: text('scan_file_name'),
  scanContentType: text('scan_content_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }),
  receivedAt: ts('received_at').notNull(),
  deadlineAt: ts('deadline_at').notNull(),
  actions: text('actions').array().notNull().$type<TakedownAction[]>(),
  reason: text('reason').notNull(),
  status: text('status', { enum: TAKEDOWN_STATUSES }).notNull(),
  registeredBy: uuid('registered_by'),
  registeredAt: ts('registered_at').notNull(),
  executedBy: uuid('executed_by'),
  executedAt: ts('executed_at'),
  noticeId: uuid('notice_id'),
  receiptSha256: text('receipt_sha256'),
  liftedAt: ts('lifted_at'),
  liftedBy: uuid('lifted_by'),
  liftNote: text('lift_note'),
});

export const takedownTargets = pgTable(
  'takedown_targets',
  {
    orderId: uuid('order_id').notNull(),
    kind: text('kind', { enum: TAKEDOWN_TARGET_KINDS }).notNull(),
    value: text('value').notNull(),
    serverId: uuid('server_id'),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.kind, t.value] })],
);

/** One probe of a blocked name through the gate, as recorded in the proof. */
export interface TakedownCheck {
  name: string;
  protocol: 'http' | 'tls';
  /** 'blocked': HTTP 451 / no TLS session; 'open': the name still answered */
  result: 'blocked' | 'open' | 'error';
  /** HTTP status, or the TLS outcome in words */
  detail: string;
  at: string;
  attempts: number;
}

export const takedownProofs = pgTable('takedown_proofs', {
  id: uuid('id').primaryKey(),
  orderId: uuid('order_id').notNull(),
  gateApplyId: uuid('gate_apply_id'),
  gateFingerprint: text('gate_fingerprint').notNull(),
  gateOutcome: text('gate_outcome').notNull(),
  blockedAt: ts('blocked_at').notNull(),
  secondsToBlock: integer('seconds_to_block').notNull(),
  checks: jsonb('checks').notNull().$type<TakedownCheck[]>(),
  suspensionIds: uuid('suspension_ids').array().notNull(),
  recordedAt: ts('recorded_at').notNull(),
});
