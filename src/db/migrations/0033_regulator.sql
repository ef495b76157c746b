-- issue 22 §1–3: the regulator's view (ISMS basic data, YD/T 2248/2405/2406).
-- The register's records are derived from the other modules' data; only what the regulator module itself
-- knows is kept here: its settings, the change register, the exports, the reconciliation findings.

-- The licence holder's particulars the other modules do not hold (one row).
CREATE TABLE regulator_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  licence_number text NOT NULL DEFAULT '' CHECK (length(licence_number) <= 60) /* IDC/ISP 经营许可证编号 */,
  province text NOT NULL DEFAULT '110000' CHECK (province ~ '^[0-9]{6}$') /* the reporting 通信管理局, by division code */,
  house_nature text NOT NULL DEFAULT 'self_built' CHECK (house_nature IN ('self_built', 'leased', 'other')),
  house_officer text NOT NULL DEFAULT '' CHECK (length(house_officer) <= 100) /* 机房负责人 */,
  house_officer_phone text NOT NULL DEFAULT '' CHECK (length(house_officer_phone) <= 40),
  updated_at timestamptz
);
INSERT INTO regulator_settings (id) VALUES (1);

-- N working days to report a change, per province (the default, 5, when a province has no row).
CREATE TABLE regulator_province_days (
  province text PRIMARY KEY CHECK (province ~ '^[0-9]{6}$'),
  working_days integer NOT NULL CHECK (working_days BETWEEN 1 AND 60)
);

-- An export handed to the regulator: full snapshot or incremental, and what the regulator answered.
CREATE TABLE regulator_exports (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  mode text NOT NULL CHECK (mode IN ('full', 'incremental')),
  since timestamptz,
  -- the change register's rows this export covers: seq in (after_seq, through_seq]
  after_seq bigint NOT NULL CHECK (after_seq >= 0),
  through_seq bigint NOT NULL CHECK (through_seq >= after_seq),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  archive_digest text NOT NULL CHECK (archive_digest ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  record_counts jsonb NOT NULL,
  change_count integer NOT NULL CHECK (change_count >= 0),
  status text NOT NULL CHECK (status IN ('exported', 'acknowledged', 'rejected')),
  result_code text CHECK (length(result_code) BETWEEN 1 AND 60),
  reject_reason text CHECK (length(reject_reason) BETWEEN 1 AND 2000),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  decided_by text,
  decided_at timestamptz,
  CONSTRAINT regulator_exports_acknowledged CHECK (status <> 'acknowledged' OR result_code IS NOT NULL),
  CONSTRAINT regulator_exports_rejected CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
  CONSTRAINT regulator_exports_decided CHECK ((status = 'exported') = (decided_at IS NULL))
);
CREATE INDEX regulator_exports_recent ON regulator_exports (created_at DESC);

-- The change register: one row per change to a basic-data record, written in the change's own transaction.
CREATE TABLE regulator_changes (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  kind text NOT NULL CHECK (kind IN ('operator', 'house', 'gateway', 'frame', 'ip_segment', 'user', 'service', 'occupied')),
  record_key text NOT NULL CHECK (length(record_key) BETWEEN 1 AND 300),
  action text NOT NULL CHECK (action IN ('add', 'update', 'delete')),
  -- what happened, in the recording module's words ('ipam.allocated', 'kyc.verified', …)
  cause text NOT NULL CHECK (length(cause) BETWEEN 1 AND 60),
  customer_id uuid,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  occurred_at timestamptz NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'exported', 'acknowledged', 'rejected')),
  export_id uuid REFERENCES regulator_exports (id),
  result_code text,
  reject_reason text,
  CONSTRAINT regulator_changes_exported CHECK ((status = 'pending') = (export_id IS NULL)),
  CONSTRAINT regulator_changes_acknowledged CHECK (status <> 'acknowledged' OR result_code IS NOT NULL),
  CONSTRAINT regulator_changes_rejected CHECK ((status = 'rejected') = (reject_reason IS NOT NULL))
);
CREATE INDEX regulator_changes_open ON regulator_changes (due_on) WHERE status IN ('pending', 'exported', 'rejected');
CREATE INDEX regulator_changes_export ON regulator_changes (export_id);
CREATE INDEX regulator_changes_occurred ON regulator_changes (occurred_at);

-- Reconciliation (§3): one row per day reconciled (the daily job catches up day by day).
CREATE TABLE regulator_recon_runs (
  day date PRIMARY KEY,
  ran_at timestamptz NOT NULL,
  log_lines integer NOT NULL CHECK (log_lines >= 0),
  findings integer NOT NULL CHECK (findings >= 0)
);

CREATE TABLE regulator_findings (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('unfiled_host', 'unfiled_sni', 'unallocated_ip', 'allocation_no_user', 'filing_not_resolving')),
  -- what it is about: the name (with the server IP it was asked at), the address, the domain
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 400),
  server_ip inet,
  customer_id uuid,
  server_id uuid,
  hits bigint NOT NULL DEFAULT 0 CHECK (hits >= 0),
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  first_seen_on date NOT NULL,
  last_seen_on date NOT NULL CHECK (last_seen_on >= first_seen_on),
  due_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'converted', 'dismissed', 'cleared')),
  complaint_id uuid,
  closed_by text,
  closed_at timestamptz,
  CONSTRAINT regulator_findings_converted CHECK ((status = 'converted') = (complaint_id IS NOT NULL)),
  CONSTRAINT regulator_findings_closed CHECK ((status = 'open') = (closed_at IS NULL))
);
-- one open finding per kind and subject; a new day's sighting adds to it
CREATE UNIQUE INDEX regulator_findings_open_once ON regulator_findings (kind, subject) WHERE status = 'open';
CREATE INDEX regulator_findings_due ON regulator_findings (due_on) WHERE status = 'open';
