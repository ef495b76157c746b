-- 甲方 and 乙方: company records, KYC documents, rosters with history, change requests, outbox.

-- 乙方 profile, versioned: a contract keeps the version it was signed under.
CREATE TABLE provider_profiles (
  version integer PRIMARY KEY CHECK (version > 0),
  legal_name text NOT NULL CHECK (length(btrim(legal_name)) > 0),
  uscc text NOT NULL CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  address text NOT NULL,
  domicile_court text NOT NULL,
  bank_name text NOT NULL,
  bank_account text NOT NULL,
  signing_place text NOT NULL,
  phone text,
  notice_email text,
  notice_fax text,
  postal_address text NOT NULL,
  seal_file text, -- sha256 of the seal image in the file store
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL
);

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE customers
  ADD COLUMN name_initials text NOT NULL DEFAULT '',
  ADD COLUMN registered_address text,
  ADD COLUMN postal_address text,
  ADD COLUMN notice_email text,
  ADD COLUMN notice_fax text,
  ADD COLUMN legal_representative text,
  ADD COLUMN contact_phone text,
  ADD CONSTRAINT customers_version_positive CHECK (version > 0);
CREATE INDEX customers_name_idx ON customers (name, id); -- the list's order: page N is an index range, not a sort
-- name fragments (寰宇网络, huanyu): trigram index, so a search is not a scan of every customer
CREATE INDEX customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_uscc_prefix_idx ON customers (uscc text_pattern_ops);
CREATE INDEX customers_initials_idx ON customers (name_initials text_pattern_ops);
CREATE INDEX customers_phone_idx ON customers (contact_phone text_pattern_ops);
CREATE INDEX customers_status_name_idx ON customers (status, name, id);

-- 5.10: the file itself lives in the content-addressed store under the data dir.
CREATE TABLE kyc_documents (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  kind text NOT NULL CHECK (kind IN ('business_licence', 'legal_representative_id', 'handler_id')),
  holder_name text NOT NULL CHECK (length(btrim(holder_name)) > 0),
  id_type text NOT NULL CHECK (id_type IN ('uscc', 'resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit')),
  id_number text NOT NULL,
  issued_on date,
  expires_on date, -- NULL: 长期 (no expiry)
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected', 'superseded')),
  reject_reason text,
  reviewed_by uuid REFERENCES users (id), -- who verified or rejected it
  reviewed_at timestamptz,
  uploaded_by uuid,
  created_at timestamptz NOT NULL,
  CHECK (expires_on IS NULL OR issued_on IS NULL OR expires_on > issued_on),
  CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
  CHECK (status NOT IN ('verified', 'rejected') OR reviewed_at IS NOT NULL)
);
CREATE INDEX kyc_documents_customer_idx ON kyc_documents (customer_id, kind);
CREATE INDEX kyc_documents_queue_idx ON kyc_documents (status, created_at);
CREATE INDEX kyc_documents_expiry_idx ON kyc_documents (expires_on) WHERE status = 'verified';

-- 5.10 / 6.5: who manages networks, devices and servers on each side. A change closes a row
-- (valid_to) and opens a new one, so "who was on the roster on a date" is always answerable.
CREATE TABLE roster_members (
  id uuid PRIMARY KEY,
  member_id uuid NOT NULL, -- the person across versions
  customer_id uuid NOT NULL REFERENCES customers (id),
  side text NOT NULL CHECK (side IN ('customer', 'provider')),
  role text NOT NULL CHECK (role IN ('legal_representative', 'technical_lead', 'network_admin', 'device_admin', 'server_admin', 'contract_contact')),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  mobile text,
  landline text,
  email text,
  available_24h boolean NOT NULL DEFAULT false,
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  changed_by uuid,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (NOT available_24h OR mobile IS NOT NULL),
  -- one current version per person; versions of one person never overlap in time
  CONSTRAINT roster_member_versions_disjoint EXCLUDE USING gist (member_id WITH =, tstzrange(valid_from, valid_to) WITH &&)
);
CREATE INDEX roster_members_customer_idx ON roster_members (customer_id, side, valid_from);

-- Contact changes a customer proposes from the portal; staff decide.
CREATE TABLE customer_change_requests (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  proposed jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX customer_change_requests_customer_idx ON customer_change_requests (customer_id, status);

-- Formal notices owed to the other side (roster and contact changes, 第九条); drained by the notices module.
CREATE TABLE notice_outbox (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  customer_id uuid NOT NULL REFERENCES customers (id),
  direction text NOT NULL CHECK (direction IN ('provider_to_customer', 'customer_to_provider')),
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  drained_at timestamptz
);
CREATE INDEX notice_outbox_pending_idx ON notice_outbox (created_at) WHERE drained_at IS NULL;

-- Reminders and tasks for staff (a KYC licence or ID expiring within 30 days, …). One per subject and kind.
CREATE TABLE staff_tasks (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'sales', 'noc', 'compliance', 'finance')),
  customer_id uuid REFERENCES customers (id),
  subject_id uuid NOT NULL,
  due_on date NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  done_at timestamptz,
  done_by uuid,
  CONSTRAINT staff_tasks_once UNIQUE (kind, subject_id, due_on)
);
CREATE INDEX staff_tasks_open_idx ON staff_tasks (role, due_on) WHERE done_at IS NULL;
