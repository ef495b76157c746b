-- Issue 22 §4–7: takedown orders (违法违规网站处置) executed through the gate and proven; network-security
-- event reports on incidents (国家网络安全事件报告管理办法); personal-data retention with legal holds and
-- the data subject's requests (个人信息保护法 art. 19, 47, 50).

-- ── §4 takedown orders ──
CREATE TABLE takedown_orders (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers (id),
  issuer text NOT NULL CHECK (length(btrim(issuer)) > 0),
  document_number text NOT NULL CHECK (length(btrim(document_number)) > 0),
  scan_sha256 text CHECK (scan_sha256 IS NULL OR scan_sha256 ~ '^[0-9a-f]{64}$'),
  scan_file_name text,
  scan_content_type text CHECK (scan_content_type IS NULL OR scan_content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  received_at timestamptz NOT NULL,
  deadline_at timestamptz NOT NULL,
  actions text[] NOT NULL CHECK (cardinality(actions) > 0
    AND actions <@ ARRAY['block_domain', 'block_ip', 'suspend_server', 'preserve_evidence']::text[]),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  status text NOT NULL CHECK (status IN ('registered', 'executed', 'lifted')),
  registered_by uuid,
  registered_at timestamptz NOT NULL,
  executed_by uuid,
  executed_at timestamptz,
  notice_id uuid,
  receipt_sha256 text CHECK (receipt_sha256 IS NULL OR receipt_sha256 ~ '^[0-9a-f]{64}$'),
  lifted_at timestamptz,
  lifted_by uuid,
  lift_note text,
  CHECK (deadline_at >= received_at),
  CHECK (registered_at >= received_at),
  CHECK ((status = 'registered') = (executed_at IS NULL)),
  CHECK ((status = 'lifted') = (lifted_at IS NOT NULL)),
  CHECK (lifted_at IS NULL OR lift_note IS NOT NULL),
  CHECK ((scan_sha256 IS NULL) = (scan_file_name IS NULL) AND (scan_sha256 IS NULL) = (scan_content_type IS NULL))
);
CREATE INDEX takedown_orders_customer_idx ON takedown_orders (customer_id, registered_at);
CREATE INDEX takedown_orders_open_idx ON takedown_orders (deadline_at) WHERE status = 'registered';

-- what an order names: a domain (as the gate matches it, ASCII), an address, or a server
CREATE TABLE takedown_targets (
  order_id uuid NOT NULL REFERENCES takedown_orders (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('domain', 'ip', 'server')),
  value text NOT NULL CHECK (length(value) > 0),
  server_id uuid REFERENCES servers (id),
  PRIMARY KEY (order_id, kind, value),
  CHECK (kind <> 'server' OR server_id IS NOT NULL)
);
CREATE INDEX takedown_targets_value_idx ON takedown_targets (kind, value);

-- the proof of one execution: when the gate took effect, which gate, what a probe of each name saw
CREATE TABLE takedown_proofs (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES takedown_orders (id),
  gate_apply_id uuid,
  gate_fingerprint text NOT NULL CHECK (gate_fingerprint ~ '^[0-9a-f]{64}$'),
  gate_outcome text NOT NULL,
  blocked_at timestamptz NOT NULL,
  seconds_to_block integer NOT NULL CHECK (seconds_to_block >= 0),
  checks jsonb NOT NULL,
  suspension_ids uuid[] NOT NULL DEFAULT '{}',
  recorded_at timestamptz NOT NULL,
  CONSTRAINT takedown_proofs_one UNIQUE (order_id)
);

-- ── §6 network-security event reports (kept with the incident) ──
CREATE TABLE incident_security_reports (
  incident_id uuid PRIMARY KEY REFERENCES incidents (id),
  grade text NOT NULL CHECK (grade IN ('general', 'major', 'serious', 'especially_serious')),
  classified_at timestamptz NOT NULL,
  classified_by uuid,
  critical_infrastructure boolean NOT NULL,
  -- null: a 一般 event has no report clock
  report_due_at timestamptz,
  unit text,
  occurred_at timestamptz,
  place text,
  event_type text,
  impact text,
  measures text,
  reported_at timestamptz,
  reported_by uuid,
  reported_to text,
  updated_at timestamptz NOT NULL,
  CHECK ((grade = 'general') = (report_due_at IS NULL)),
  CHECK (report_due_at IS NULL OR report_due_at > classified_at),
  CHECK (reported_at IS NULL OR (unit IS NOT NULL AND occurred_at IS NOT NULL AND place IS NOT NULL AND event_type IS NOT NULL AND impact IS NOT NULL AND measures IS NOT NULL AND reported_to IS NOT NULL))
);
CREATE INDEX incident_security_reports_due_idx ON incident_security_reports (report_due_at) WHERE reported_at IS NULL AND report_due_at IS NOT NULL;

-- the provider's standing as a critical-infrastructure operator (关键信息基础设施运营者): 1 h instead of 4 h
CREATE TABLE security_report_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  critical_infrastructure boolean NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL
);

-- ── §7 personal-data retention ──
CREATE TABLE retention_policies (
  kind text PRIMARY KEY CHECK (kind IN ('kyc_copies', 'roster_history')),
  -- months after the contract relationship ended (kyc) or after the roster version was replaced
  months integer NOT NULL CHECK (months BETWEEN 1 AND 600),
  answer_working_days integer NOT NULL DEFAULT 15 CHECK (answer_working_days BETWEEN 1 AND 60),
  updated_by uuid,
  updated_at timestamptz
);
INSERT INTO retention_policies (kind, months) VALUES ('kyc_copies', 36), ('roster_history', 36);

-- one row per thing redacted: what, when, under which policy; the facts stay in their own tables
CREATE TABLE retention_redactions (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('kyc_copies', 'roster_history')),
  customer_id uuid NOT NULL REFERENCES customers (id),
  entity_id uuid NOT NULL,
  due_on date NOT NULL,
  redacted_at timestamptz NOT NULL,
  request_id uuid,
  CONSTRAINT retention_redactions_once UNIQUE (kind, entity_id)
);
CREATE INDEX retention_redactions_customer_idx ON retention_redactions (customer_id, redacted_at);

-- a hold placed by hand (the automatic ones come from open complaints, inspections and takedowns)
CREATE TABLE retention_holds (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  placed_by uuid,
  placed_at timestamptz NOT NULL,
  released_at timestamptz,
  released_by uuid,
  CHECK (released_at IS NULL OR released_at >= placed_at)
);
CREATE INDEX retention_holds_live_idx ON retention_holds (customer_id) WHERE released_at IS NULL;

-- a person's request to delete or correct their data (PIPL art. 46, 47), answered within the statutory period
CREATE TABLE retention_requests (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  kind text NOT NULL CHECK (kind IN ('deletion', 'correction')),
  subject_name text NOT NULL CHECK (length(btrim(subject_name)) > 0),
  detail text NOT NULL,
  received_at timestamptz NOT NULL,
  answer_due_on date NOT NULL,
  answer_due_provisional boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'done', 'refused')),
  answered_at timestamptz,
  answered_by uuid,
  answer text,
  CHECK ((status = 'open') = (answered_at IS NULL)),
  CHECK (status = 'open' OR answer IS NOT NULL)
);
CREATE INDEX retention_requests_open_idx ON retention_requests (answer_due_on) WHERE status = 'open';

-- the request is a ticket of its own type (routed to compliance)
ALTER TABLE tickets DROP CONSTRAINT tickets_type_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_type_check
  CHECK (type IN ('reboot', 'hands_on', 'filing_assistance', 'abuse_reply', 'compensation_dispute', 'billing', 'network', 'general', 'personal_data'));
ALTER TABLE ticket_sla_targets DROP CONSTRAINT ticket_sla_targets_type_check;
ALTER TABLE ticket_sla_targets ADD CONSTRAINT ticket_sla_targets_type_check
  CHECK (type IN ('reboot', 'hands_on', 'filing_assistance', 'abuse_reply', 'compensation_dispute', 'billing', 'network', 'general', 'personal_data'));
INSERT INTO ticket_sla_targets (type, first_response_minutes, resolution_minutes) VALUES ('personal_data', 1440, NULL);

-- a redacted KYC copy: the file is gone, the number masked; that it was verified, when and by whom stays
ALTER TABLE kyc_documents ADD COLUMN redacted_at timestamptz;
ALTER TABLE kyc_documents ALTER COLUMN file_sha256 DROP NOT NULL;
ALTER TABLE kyc_documents ADD CONSTRAINT kyc_documents_file_or_redacted CHECK (file_sha256 IS NOT NULL OR redacted_at IS NOT NULL);
ALTER TABLE roster_members ADD COLUMN redacted_at timestamptz;
