-- Contracts and money (第二条–第四条, 5.1, 7.1, 第十三条): numbers continuous per year, activation by
-- racking, the commissioning deadline, the annual invoice, renewals.

CREATE TABLE contract_number_counters (
  year integer PRIMARY KEY,
  last_number integer NOT NULL CHECK (last_number >= 0)
);

CREATE TABLE contracts (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,                 -- RP-2026-0001: continuous per year, never reused
  year integer NOT NULL,
  sequence integer NOT NULL CHECK (sequence > 0),
  customer_id uuid NOT NULL REFERENCES customers (id),
  site_id uuid NOT NULL REFERENCES sites (id),
  provider_version integer NOT NULL REFERENCES provider_profiles (version),
  template_version text NOT NULL,
  terms jsonb NOT NULL,                        -- the named readings the contract was made with
  term_months integer NOT NULL CHECK (term_months BETWEEN 1 AND 120),
  annual_fee_fen bigint NOT NULL CHECK (annual_fee_fen > 0),
  signing_place text NOT NULL,
  signing_date date,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'signed', 'active', 'ended', 'terminated_for_cause', 'terminated_by_agreement')),
  signed_copy_sha256 text CHECK (signed_copy_sha256 IS NULL OR signed_copy_sha256 ~ '^[0-9a-f]{64}$'),
  security_letter_signed boolean NOT NULL DEFAULT false,   -- 附件一《入网安全责任书》
  user_undertaking_signed boolean NOT NULL DEFAULT false,  -- 附件二《IDC用户承诺书》
  activation_date date,                        -- 开通日 (7.1)
  term_start date,
  term_end date,
  compensation_hours integer NOT NULL DEFAULT 0 CHECK (compensation_hours >= 0),
  non_renewal_noticed_at timestamptz,          -- 第十三条: an objection on file stops the auto-renewal
  renewal_count integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (year, sequence),
  CHECK (status IN ('draft', 'sent') OR signing_date IS NOT NULL),
  CHECK ((activation_date IS NULL) = (term_start IS NULL) AND (term_start IS NULL) = (term_end IS NULL)),
  CHECK (term_end IS NULL OR term_end >= term_start)
);
CREATE INDEX contracts_customer_idx ON contracts (customer_id, status);
CREATE INDEX contracts_term_end_idx ON contracts (term_end) WHERE status = 'active';

CREATE TABLE contract_servers (
  contract_id uuid NOT NULL REFERENCES contracts (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  PRIMARY KEY (contract_id, server_id),
  CONSTRAINT contract_servers_one_contract UNIQUE (server_id)
);

-- 第四条: the annual fee, invoiced at activation (and at each renewal), due one week later (art. 203).
CREATE TABLE invoices (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  contract_id uuid NOT NULL REFERENCES contracts (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  period_start date NOT NULL,
  period_end date NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  issued_on date NOT NULL,
  due_on date NOT NULL,
  paid_on date,
  status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'paid', 'void')),
  created_at timestamptz NOT NULL,
  CHECK (due_on >= issued_on),
  CHECK ((status = 'paid') = (paid_on IS NOT NULL)),
  CONSTRAINT invoices_one_per_period UNIQUE (contract_id, period_start)
);
CREATE INDEX invoices_customer_idx ON invoices (customer_id, status);

-- 5.1: installation and commissioning within 2 working days of racking; a miss is a provider breach.
CREATE TABLE commissioning_orders (
  id uuid PRIMARY KEY,
  contract_id uuid NOT NULL REFERENCES contracts (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  racked_on date NOT NULL,
  due_on date NOT NULL,                         -- 24:00 Asia/Shanghai of this day
  completed_at timestamptz,
  breached_at timestamptz,                      -- set when the deadline passed unfinished
  created_at timestamptz NOT NULL,
  CHECK (due_on > racked_on),
  UNIQUE (server_id, racked_on)
);
CREATE INDEX commissioning_orders_open_idx ON commissioning_orders (due_on) WHERE completed_at IS NULL AND breached_at IS NULL;
