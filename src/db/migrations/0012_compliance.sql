-- Compliance (5.3–5.8, 5.11, 6.3, 6.6, 6.8): the domain list and its filings (先备案后接入), the gate's
-- apply history, declared services, log-retention attestations, complaints/violations, suspensions, inspections.

CREATE TABLE compliance_domains (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  -- the name as DNS and nginx see it: lower-case ASCII, IDN labels in punycode
  domain text NOT NULL CHECK (domain ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$' AND length(domain) <= 253 AND position('.' IN domain) > 0),
  domain_unicode text NOT NULL,
  address text NOT NULL,            -- the server's IP here that the domain resolves to
  use text NOT NULL CHECK (use IN ('commercial', 'non_commercial')),
  filing_number text NOT NULL CHECK (length(btrim(filing_number)) > 0), -- ICP/ISP licence (commercial) or ICP 备案号
  psb_number text,                  -- 公网安备 number, when the customer has one
  evidence_sha256 text,
  evidence_file_name text,
  evidence_content_type text CHECK (evidence_content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  status text NOT NULL CHECK (status IN ('submitted', 'verified', 'suspended', 'revoked')),
  status_reason text,
  verified_at timestamptz,
  verified_by uuid,                 -- the compliance user (null when the system/CLI verified)
  verifier text,                    -- who verified, by login (or the system's reason)
  verification_method text CHECK (verification_method IN ('miit_lookup', 'licence_original_seen', 'authority_confirmation')),
  verification_note text,
  reverify_due_on date,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((evidence_sha256 IS NULL) = (evidence_content_type IS NULL)),
  -- a verified domain always says who verified it, how, and when it is due again
  CHECK (status <> 'verified' OR (verified_at IS NOT NULL AND verifier IS NOT NULL AND verification_method IS NOT NULL AND reverify_due_on IS NOT NULL)),
  CHECK (status NOT IN ('suspended', 'revoked') OR length(btrim(coalesce(status_reason, ''))) > 0)
);
-- one live entry per domain across all customers; a revoked entry stays as history
CREATE UNIQUE INDEX compliance_domains_active_unique ON compliance_domains (domain) WHERE status <> 'revoked';
CREATE INDEX compliance_domains_customer_idx ON compliance_domains (customer_id, status);
CREATE INDEX compliance_domains_server_idx ON compliance_domains (server_id);

-- every attempt to put the verified state on the gate: what was written, whether nginx took it
CREATE TABLE compliance_gate_applies (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE, -- the order of attempts, whatever the clock says
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('applied', 'test_failed', 'reload_failed', 'write_failed')),
  fingerprint text NOT NULL,
  domain_count integer NOT NULL CHECK (domain_count >= 0),
  output text NOT NULL,             -- nginx's own words (nginx -t / -s reload)
  triggered_by text NOT NULL
);

-- 5.3: services declared per server; proxy, subletting, virtual hosting and disk rental cannot be declared
CREATE TABLE compliance_services (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  kind text NOT NULL CHECK (kind IN ('www', 'email', 'ftp', 'telnet', 'database')),
  description text NOT NULL DEFAULT '',
  agreement_sha256 text,            -- the signed supplementary agreement for a non-www service
  agreement_file_name text,
  agreement_content_type text CHECK (agreement_content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  agreement_uploaded_at timestamptz,
  declared_at timestamptz NOT NULL,
  declared_by uuid,
  withdrawn_at timestamptz,
  CHECK ((agreement_sha256 IS NULL) = (agreement_uploaded_at IS NULL) AND (agreement_sha256 IS NULL) = (agreement_content_type IS NULL)),
  CHECK (kind <> 'www' OR agreement_sha256 IS NULL)
);
CREATE UNIQUE INDEX compliance_services_one_live ON compliance_services (server_id, kind) WHERE withdrawn_at IS NULL;

-- 5.5: where and how long website access logs are kept (≥ 6 months, 网络安全法 art. 21), attested yearly
CREATE TABLE compliance_log_attestations (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  location text NOT NULL CHECK (length(btrim(location)) > 0),
  retention_months integer NOT NULL CHECK (retention_months >= 6 AND retention_months <= 120),
  attested_on date NOT NULL,
  valid_until date NOT NULL,
  attested_by uuid,
  reminded_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK (valid_until > attested_on)
);
CREATE INDEX compliance_log_attestations_customer_idx ON compliance_log_attestations (customer_id, valid_until DESC);

-- 5.4, 5.8: abuse complaints; a confirmed one is a violation and cites its clause
CREATE TABLE compliance_complaints (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers (id),
  server_id uuid REFERENCES servers (id),
  domain_id uuid REFERENCES compliance_domains (id),
  source text NOT NULL CHECK (length(btrim(source)) > 0),
  category text NOT NULL CHECK (category IN ('spam', 'intrusion', 'infringement', 'pornography', 'gambling', 'fraud', 'network_instability', 'unfiled_site', 'prohibited_service', 'other')),
  description text NOT NULL,
  ip text,
  domain text,
  evidence_sha256 text,
  evidence_file_name text,
  evidence_content_type text CHECK (evidence_content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  status text NOT NULL CHECK (status IN ('open', 'notified', 'confirmed', 'dismissed', 'resolved')),
  received_at timestamptz NOT NULL,
  notice_id uuid REFERENCES notices (id),
  deadline_at timestamptz,
  clause text CHECK (clause IN ('5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '6.3')),
  decided_at timestamptz,
  decided_by uuid,
  decision_note text,
  resolved_at timestamptz,
  CHECK (ip IS NOT NULL OR domain IS NOT NULL),
  CHECK (status <> 'notified' OR (notice_id IS NOT NULL AND deadline_at IS NOT NULL)),
  CHECK (status <> 'confirmed' OR clause IS NOT NULL),
  CHECK (status NOT IN ('confirmed', 'dismissed') OR decided_at IS NOT NULL)
);
CREATE INDEX compliance_complaints_status_idx ON compliance_complaints (status, received_at);
CREATE INDEX compliance_complaints_customer_idx ON compliance_complaints (customer_id);

-- 6.3 / 6.8: a server's network cut (gate closed for its domains, NOC told to shut its ports) and its restoration
CREATE TABLE compliance_suspensions (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  complaint_id uuid REFERENCES compliance_complaints (id),
  clause text NOT NULL CHECK (clause IN ('5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '6.3')),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  port_instruction text NOT NULL CHECK (length(btrim(port_instruction)) > 0),
  suspended_at timestamptz NOT NULL,
  suspended_by uuid,
  restored_at timestamptz,
  restored_by uuid,
  restore_note text,
  CHECK ((restored_at IS NULL) = (restore_note IS NULL)),
  CHECK (restored_at IS NULL OR restored_at >= suspended_at)
);
CREATE UNIQUE INDEX compliance_suspensions_one_live ON compliance_suspensions (server_id) WHERE restored_at IS NULL;

-- 6.6: inspections on an authority's authorisation
CREATE TABLE compliance_inspections (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  authority text NOT NULL CHECK (length(btrim(authority)) > 0),
  document_number text NOT NULL CHECK (length(btrim(document_number)) > 0),
  document_sha256 text NOT NULL,
  document_file_name text NOT NULL,
  document_content_type text NOT NULL CHECK (document_content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  inspected_at timestamptz NOT NULL,
  scope text NOT NULL CHECK (length(btrim(scope)) > 0),
  staff_present text NOT NULL CHECK (length(btrim(staff_present)) > 0),
  withheld boolean NOT NULL DEFAULT false,
  withheld_reason text,
  recorded_by uuid,
  created_at timestamptz NOT NULL,
  CHECK (NOT withheld OR length(btrim(coalesce(withheld_reason, ''))) > 0)
);
CREATE INDEX compliance_inspections_customer_idx ON compliance_inspections (customer_id, inspected_at DESC);
