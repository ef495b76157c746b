-- Incidents, planned work and the compensation ledger (6.2, 6.3, 7.2, 7.3, 第十条).

-- Planned work (6.3 / 7.3): a window with its scope, announced by notice.
CREATE TABLE maintenance_windows (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  kind text NOT NULL CHECK (kind IN ('expansion', 'relocation', 'network_cutover', 'circuit_debugging', 'provider_work')),
  description text NOT NULL DEFAULT '',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  noticed_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('scheduled', 'performed', 'cancelled')),
  performed_incident_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL,
  version integer NOT NULL,
  CHECK (ends_at > starts_at),
  -- 6.3: expansion, relocation and cut-over need 48 hours between notice and start
  CONSTRAINT maintenance_windows_48h_notice CHECK (kind NOT IN ('expansion', 'relocation', 'network_cutover') OR starts_at >= noticed_at + interval '48 hours')
);
CREATE INDEX maintenance_windows_upcoming_idx ON maintenance_windows (starts_at) WHERE status = 'scheduled';

CREATE TABLE maintenance_scope (
  window_id uuid NOT NULL REFERENCES maintenance_windows (id),
  kind text NOT NULL CHECK (kind IN ('site', 'room', 'cabinet', 'switch', 'port', 'server', 'ip')),
  target text NOT NULL,
  PRIMARY KEY (window_id, kind, target)
);

-- Each affected customer of a window, and its say on it (7.3: circuit debugging and provider work need consent).
CREATE TABLE maintenance_consents (
  id uuid PRIMARY KEY,
  window_id uuid NOT NULL REFERENCES maintenance_windows (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  -- not_required: notice-bound work (6.3) informs the customer; consent is for 7.3 work only
  decision text NOT NULL CHECK (decision IN ('not_required', 'pending', 'accepted', 'declined')),
  decided_at timestamptz,
  decided_by uuid,
  CONSTRAINT maintenance_consents_one_per_customer UNIQUE (window_id, customer_id),
  CHECK ((decision IN ('not_required', 'pending')) = (decided_at IS NULL))
);
CREATE INDEX maintenance_consents_customer_idx ON maintenance_consents (customer_id);

CREATE TABLE incidents (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  cause text NOT NULL CHECK (cause IN ('provider_fault', 'customer_fault', 'force_majeure', 'third_party_circuit', 'network_cutover', 'relocation', 'provider_planned')),
  cause_evidence text,
  line_fault boolean NOT NULL,
  source text NOT NULL CHECK (source IN ('noc', 'alertmanager', 'suspension', 'maintenance')),
  fingerprint text,
  status text NOT NULL CHECK (status IN ('open', 'resolved')),
  reported_at timestamptz NOT NULL,
  started_at timestamptz NOT NULL,
  resolved_at timestamptz,
  line_fault_breached_at timestamptz,
  maintenance_id uuid REFERENCES maintenance_windows (id),
  notice_given_at timestamptz,
  opened_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL,
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL)),
  CHECK (resolved_at IS NULL OR resolved_at >= started_at),
  -- 第十条: force majeure (and a third party's circuit) is claimed with its evidence
  CONSTRAINT incidents_force_majeure_evidence CHECK (cause NOT IN ('force_majeure', 'third_party_circuit') OR length(btrim(coalesce(cause_evidence, ''))) > 0),
  CHECK (line_fault_breached_at IS NULL OR line_fault)
);
CREATE INDEX incidents_open_idx ON incidents (reported_at) WHERE status = 'open';
-- one open incident per alert fingerprint: a second firing joins it
CREATE UNIQUE INDEX incidents_open_fingerprint ON incidents (fingerprint) WHERE status = 'open' AND fingerprint IS NOT NULL;
ALTER TABLE maintenance_windows ADD FOREIGN KEY (performed_incident_id) REFERENCES incidents (id);

CREATE TABLE incident_scope (
  incident_id uuid NOT NULL REFERENCES incidents (id),
  kind text NOT NULL CHECK (kind IN ('site', 'room', 'cabinet', 'switch', 'port', 'server', 'ip')),
  target text NOT NULL,
  PRIMARY KEY (incident_id, kind, target)
);

CREATE TABLE incident_updates (
  id uuid PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents (id),
  kind text NOT NULL CHECK (kind IN ('opened', 'note', 'reclassified', 'resolved', 'reopened', 'alert', 'suspended', 'restored', 'line_fault_breach', 'edited')),
  body text NOT NULL,
  author_id uuid,
  created_at timestamptz NOT NULL
);
CREATE INDEX incident_updates_incident_idx ON incident_updates (incident_id, created_at);

-- The interruption of one server by one incident: what the compensation ledger reads.
CREATE TABLE interruptions (
  id uuid PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  contract_id uuid REFERENCES contracts (id),
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  consent_at timestamptz,
  CONSTRAINT interruptions_once UNIQUE (incident_id, server_id, started_at),
  CHECK (ended_at IS NULL OR ended_at > started_at)
);
CREATE INDEX interruptions_contract_idx ON interruptions (contract_id, started_at);
CREATE INDEX interruptions_customer_idx ON interruptions (customer_id);
CREATE INDEX interruptions_open_idx ON interruptions (incident_id) WHERE ended_at IS NULL;

-- Alertmanager's alerts as received: one row per alert firing; retries and duplicates land on it.
CREATE TABLE alert_events (
  id uuid PRIMARY KEY,
  fingerprint text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  incident_id uuid NOT NULL REFERENCES incidents (id),
  alertname text NOT NULL,
  labels jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  resolved_received_at timestamptz,
  CONSTRAINT alert_events_once UNIQUE (fingerprint, starts_at)
);

-- 7.2: the current ledger of a contract — one line per merged interruption, or the reason it earns nothing.
CREATE TABLE compensation_lines (
  id uuid PRIMARY KEY,
  contract_id uuid NOT NULL REFERENCES contracts (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  kind text NOT NULL CHECK (kind IN ('credited', 'excluded')),
  from_at timestamptz NOT NULL,
  to_at timestamptz NOT NULL,
  minutes integer NOT NULL CHECK (minutes >= 0),
  hours integer NOT NULL CHECK (hours >= 0),
  reasons text[] NOT NULL,
  incident_ids uuid[] NOT NULL,
  breach boolean NOT NULL,
  computed_at timestamptz NOT NULL,
  CHECK (to_at > from_at),
  CHECK (kind = 'credited' OR hours = 0)
);
CREATE INDEX compensation_lines_contract_idx ON compensation_lines (contract_id, from_at);
CREATE INDEX compensation_lines_customer_idx ON compensation_lines (customer_id);

-- The ledger's header per contract: its credited hours and a digest of its lines, so a full
-- recomputation compares one row per contract instead of re-reading every line.
CREATE TABLE compensation_ledgers (
  contract_id uuid PRIMARY KEY REFERENCES contracts (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  hours integer NOT NULL CHECK (hours >= 0),
  line_count integer NOT NULL CHECK (line_count >= 0),
  digest text NOT NULL,
  computed_at timestamptz NOT NULL
);

-- A customer's calendar feed secret (only its hash), for calendar apps that cannot log in.
CREATE TABLE calendar_feed_tokens (
  customer_id uuid PRIMARY KEY REFERENCES customers (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);
