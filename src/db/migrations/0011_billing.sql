-- Billing (第四条, 第十三条): invoice numbers continuous per year across all contracts, payments by
-- bank transfer (partial, overpayment kept as the customer's credit), 发票 requests, dunning with a
-- suspension proposal staff must confirm, expiry reminders, and the daily sweep's ledger of days.

-- INV-2026-000123: one counter row per year, taken with the row lock of INSERT … ON CONFLICT DO UPDATE
CREATE TABLE invoice_number_counters (
  year integer PRIMARY KEY,
  last_number integer NOT NULL CHECK (last_number >= 0)
);

ALTER TABLE invoices DROP CONSTRAINT invoices_status_check;
ALTER TABLE invoices DROP CONSTRAINT invoices_check1;
UPDATE invoices SET status = 'unpaid' WHERE status = 'issued';
ALTER TABLE invoices ALTER COLUMN status SET DEFAULT 'unpaid';
ALTER TABLE invoices
  ADD COLUMN year integer,
  ADD COLUMN sequence integer CHECK (sequence > 0),
  ADD COLUMN paid_fen bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),          -- from bank transfers
  ADD COLUMN credit_applied_fen bigint NOT NULL DEFAULT 0 CHECK (credit_applied_fen >= 0), -- from the customer's credit
  ADD COLUMN overdue_since date,                                                 -- the first day past the due date
  ADD COLUMN fapiao_title text CHECK (fapiao_title IS NULL OR length(fapiao_title) BETWEEN 1 AND 100),
  ADD COLUMN fapiao_tax_number text CHECK (fapiao_tax_number IS NULL OR fapiao_tax_number ~ '^[0-9A-Z]{15,20}$'),
  ADD COLUMN fapiao_type text CHECK (fapiao_type IS NULL OR fapiao_type IN ('ordinary', 'special')), -- 普票 / 专票
  ADD COLUMN fapiao_requested_at timestamptz,
  ADD COLUMN fapiao_number text CHECK (fapiao_number IS NULL OR fapiao_number ~ '^([0-9]{8}|[0-9]{20})$'),
  ADD COLUMN fapiao_issued_on date;
UPDATE invoices SET paid_fen = amount_fen WHERE status = 'paid';
ALTER TABLE invoices
  ADD CONSTRAINT invoices_status_check CHECK (status IN ('unpaid', 'partially_paid', 'paid', 'overdue', 'void')),
  ADD CONSTRAINT invoices_paid_when_settled CHECK ((status = 'paid') = (paid_on IS NOT NULL) AND (status <> 'paid' OR paid_fen + credit_applied_fen >= amount_fen)),
  ADD CONSTRAINT invoices_never_overpaid CHECK (paid_fen + credit_applied_fen <= amount_fen),
  ADD CONSTRAINT invoices_overdue_dated CHECK (status <> 'overdue' OR overdue_since IS NOT NULL),
  ADD CONSTRAINT invoices_fapiao_requested CHECK ((fapiao_type IS NULL) = (fapiao_title IS NULL) AND (fapiao_number IS NULL OR fapiao_type IS NOT NULL)),
  ADD CONSTRAINT invoices_year_sequence_unique UNIQUE (year, sequence);
CREATE INDEX invoices_open_due_idx ON invoices (due_on) WHERE status IN ('unpaid', 'partially_paid');
CREATE INDEX invoices_overdue_idx ON invoices (overdue_since) WHERE status = 'overdue';

-- a bank transfer received by finance; the part above what the invoice still owed becomes credit
CREATE TABLE payments (
  id uuid PRIMARY KEY,
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  applied_fen bigint NOT NULL CHECK (applied_fen >= 0),
  credited_fen bigint NOT NULL CHECK (credited_fen >= 0),
  received_on date NOT NULL,
  bank_reference text CHECK (bank_reference IS NULL OR length(bank_reference) BETWEEN 1 AND 64),
  recorded_by uuid,
  created_at timestamptz NOT NULL,
  CHECK (applied_fen + credited_fen = amount_fen),
  CONSTRAINT payments_bank_reference_once UNIQUE (customer_id, bank_reference)
);
CREATE INDEX payments_invoice_idx ON payments (invoice_id);

-- the customer's credit: a balance that never goes negative, and its ledger
CREATE TABLE customer_credits (
  customer_id uuid PRIMARY KEY REFERENCES customers (id),
  balance_fen bigint NOT NULL CHECK (balance_fen >= 0)
);
CREATE TABLE credit_entries (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  amount_fen bigint NOT NULL CHECK (amount_fen <> 0),   -- + overpayment kept, − applied to an invoice
  payment_id uuid REFERENCES payments (id),
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  created_at timestamptz NOT NULL,
  CHECK ((amount_fen > 0) = (payment_id IS NOT NULL))
);
CREATE INDEX credit_entries_customer_idx ON credit_entries (customer_id, created_at);

-- the dunning policy: one row, edited by admins/finance
CREATE TABLE dunning_policy (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  reminder_days integer[] NOT NULL CHECK (cardinality(reminder_days) BETWEEN 1 AND 10 AND 0 < ALL (reminder_days)),
  suspension_proposal_days integer NOT NULL CHECK (suspension_proposal_days > 0),
  updated_at timestamptz NOT NULL
);
INSERT INTO dunning_policy (id, reminder_days, suspension_proposal_days, updated_at) VALUES (true, '{1,7,15}', 30, now());

-- each dunning step happens once per invoice (step = index in the policy; the proposal is step 0)
CREATE TABLE dunning_actions (
  id uuid PRIMARY KEY,
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  kind text NOT NULL CHECK (kind IN ('reminder', 'suspension_proposal')),
  step integer NOT NULL CHECK (step >= 0),
  due_on date NOT NULL,                          -- the day the step fell due (not the day the sweep ran)
  notice_id uuid,
  decision text CHECK (decision IS NULL OR decision IN ('proposed', 'confirmed', 'dismissed')),
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK ((kind = 'suspension_proposal') = (decision IS NOT NULL)),
  CONSTRAINT dunning_actions_once UNIQUE (invoice_id, kind, step)
);
CREATE INDEX dunning_actions_open_idx ON dunning_actions (created_at) WHERE decision = 'proposed';

-- 第十三条: reminders 60, 30 and 7 days before a term ends, once per term
CREATE TABLE expiry_reminders (
  contract_id uuid NOT NULL REFERENCES contracts (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  term_end date NOT NULL,
  days_ahead integer NOT NULL CHECK (days_ahead > 0),
  due_on date NOT NULL,
  notice_id uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (contract_id, term_end, days_ahead)
);

-- the daily sweep: each day is swept once, in order; a missed day is swept on the next run
CREATE TABLE daily_sweeps (
  day date PRIMARY KEY,
  ran_at timestamptz NOT NULL,
  result jsonb NOT NULL
);

-- Contract templates: the shipped wording (colocation-v1) lives in code; admins add later versions
-- here. A contract keeps the version it was drafted from (contracts.template_version).
CREATE TABLE contract_templates (
  version text PRIMARY KEY CHECK (version ~ '^colocation-v[0-9]+$'),
  sequence integer NOT NULL UNIQUE CHECK (sequence > 1),
  blocks jsonb NOT NULL,
  note text,
  warnings jsonb NOT NULL,                   -- repealed laws cited when it was saved
  created_by uuid,
  created_at timestamptz NOT NULL
);

-- 附件一《入网安全责任书》 and 附件二《IDC用户承诺书》: each attachment's own signed scan
ALTER TABLE contracts
  ADD COLUMN security_letter_sha256 text CHECK (security_letter_sha256 IS NULL OR security_letter_sha256 ~ '^[0-9a-f]{64}$'),
  ADD COLUMN user_undertaking_sha256 text CHECK (user_undertaking_sha256 IS NULL OR user_undertaking_sha256 ~ '^[0-9a-f]{64}$');
