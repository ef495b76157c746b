-- Issue 24: accounts and self-service — second factors (TOTP, recovery codes, passkeys), the
-- two-step sign-in, devices that have signed in before, customer users invited by their owner,
-- customer API tokens with scopes, the account e-mail outbox.

-- A customer's owner may require a second factor of every user of the customer.
CREATE TABLE customer_account_policies (
  customer_id uuid PRIMARY KEY REFERENCES customers (id),
  require_2fa boolean NOT NULL,
  changed_by uuid NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL
);

-- TOTP (RFC 6238): one secret per user; confirmed once a code from it was shown. last_step is the
-- 30-second step of the last code accepted: a code of that step or an earlier one is refused (replay).
CREATE TABLE user_totp (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  secret text NOT NULL CHECK (length(secret) BETWEEN 16 AND 128),
  confirmed_at timestamptz,
  last_step bigint CHECK (last_step >= 0),
  created_at timestamptz NOT NULL
);

-- Ten one-time recovery codes per enrolment, argon2id-hashed; a used code stays with its use time.
CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  code_hash text NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id) WHERE used_at IS NULL;

-- Passkeys (WebAuthn): the credential's id (base64url), its COSE public key, the signature counter.
CREATE TABLE webauthn_credentials (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 1400),
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  public_key text NOT NULL, -- base64url
  counter bigint NOT NULL CHECK (counter >= 0),
  transports text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX webauthn_credentials_user_idx ON webauthn_credentials (user_id);

-- A sign-in between its password and its second factor (or a passkey ceremony): keyed by the hash
-- of a random secret held in a cookie; single use, short-lived.
CREATE TABLE login_challenges (
  id text PRIMARY KEY,
  -- null: a passkey sign-in that has not yet said who it is
  user_id uuid REFERENCES users (id),
  purpose text NOT NULL CHECK (purpose IN ('second_factor', 'passkey_login', 'passkey_register')),
  webauthn_challenge text,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX login_challenges_expires_idx ON login_challenges (expires_at);

-- Browsers a user has signed in from before (hash of a long-lived device cookie): a sign-in from
-- any other sends "new sign-in from a new device".
CREATE TABLE user_devices (
  user_id uuid NOT NULL REFERENCES users (id),
  device_hash text NOT NULL,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, device_hash)
);

-- Invitations of a customer's owner: a single-use link that expires.
CREATE TABLE customer_invitations (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  roles text[] NOT NULL CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['owner', 'technical', 'billing']::text[]),
  locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
  token_hash text NOT NULL CONSTRAINT customer_invitations_token_unique UNIQUE,
  invited_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_user_id uuid REFERENCES users (id),
  revoked_at timestamptz,
  CHECK (expires_at > created_at),
  CHECK ((accepted_at IS NULL) = (accepted_user_id IS NULL)),
  CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
CREATE INDEX customer_invitations_customer_idx ON customer_invitations (customer_id, created_at DESC);
-- one open invitation per address and customer
CREATE UNIQUE INDEX customer_invitations_open_unique ON customer_invitations (customer_id, lower(email))
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- A session signed in while its user still owes an enrolment (REQUIRE_2FA_STAFF, or the customer's
-- policy) may only reach the account's own routes until a factor is enrolled.
ALTER TABLE sessions ADD COLUMN needs_enrolment boolean NOT NULL DEFAULT false;

-- API tokens of a customer (made by its owner) are limited to the company; the address last used from.
ALTER TABLE api_tokens ADD COLUMN customer_id uuid REFERENCES customers (id);
ALTER TABLE api_tokens ADD COLUMN last_used_ip text;
CREATE INDEX api_tokens_customer_idx ON api_tokens (customer_id) WHERE customer_id IS NOT NULL;

-- Account e-mails (invitation, factor reset, new sign-in from a new device), drained like the desk digest.
CREATE TABLE account_mail_outbox (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('invitation', 'factor_reset', 'new_device')),
  user_id uuid REFERENCES users (id),
  customer_id uuid REFERENCES customers (id),
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  claimed_until timestamptz,
  last_error text,
  proof text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX account_mail_outbox_due_idx ON account_mail_outbox (next_attempt_at) WHERE status = 'pending';
