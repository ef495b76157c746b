-- Platform: tenants, accounts, sessions, API tokens, the append-only audit chain, calendar years.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- 甲方 (customer). Issue 5 extends this table with KYC, addresses and rosters.
CREATE TABLE customers (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  uscc text UNIQUE CHECK (uscc IS NULL OR uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  status text NOT NULL DEFAULT 'prospect' CHECK (status IN ('prospect', 'active', 'suspended', 'former')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  login text NOT NULL CHECK (login = lower(login) AND login ~ '^[a-z0-9][a-z0-9._@-]{1,62}$'),
  display_name text NOT NULL,
  email text,
  kind text NOT NULL CHECK (kind IN ('staff', 'customer')),
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  customer_id uuid REFERENCES customers (id),
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
  disabled_at timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT users_login_unique UNIQUE (login),
  -- a staff user never belongs to a customer; a customer user always does
  CONSTRAINT users_kind_customer CHECK ((kind = 'staff') = (customer_id IS NULL)),
  CONSTRAINT users_roles_for_kind CHECK (
    (kind = 'staff' AND roles <@ ARRAY['admin','sales','noc','compliance','finance','auditor']::text[])
    OR (kind = 'customer' AND roles <@ ARRAY['owner','technical','billing']::text[]))
);
CREATE INDEX users_customer_idx ON users (customer_id);

CREATE TABLE sessions (
  id text PRIMARY KEY, -- sha256 of the cookie value; the value itself is never stored
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed logins are counted per login *string*, whether or not such a user exists, so a lockout
-- answer never reveals which logins are real.
CREATE TABLE login_failures (
  login_key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Clause 6.4: every change and every staff read of customer data. Append-only; each row carries
-- sha256(prev_hash || canonical content), so an edit made behind the application's back is found.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_login text,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'customer', 'token', 'system')),
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  customer_id uuid,
  request_id text,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_customer_idx ON audit_log (customer_id, seq);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Official holiday schedules loaded by an admin for years the packaged calendar does not cover.
CREATE TABLE calendar_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  schedule jsonb NOT NULL,
  loaded_by uuid REFERENCES users (id),
  loaded_at timestamptz NOT NULL
);
