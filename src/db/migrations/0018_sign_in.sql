-- Issue 15, sign-in. Failed sign-ins were counted per login alone (anyone could lock anyone out)
-- by a read-then-write that raced; the per-address limit lived in one process's memory. Both
-- counters now live here, keyed by (login, client address) and by client address, and an attempt
-- is reserved by one INSERT … ON CONFLICT DO UPDATE … RETURNING before its password is checked,
-- so the limit holds across concurrent requests and processes.
DROP TABLE login_failures;

CREATE TABLE login_throttle (
  -- 'pair:<login>|<address>' or 'address:<address>' (an IPv6 client is its /64)
  key text PRIMARY KEY CHECK (length(key) <= 200),
  failures integer NOT NULL CHECK (failures >= 0),
  -- the next attempt is refused before this instant (the growing wait)
  next_attempt_at timestamptz NOT NULL,
  -- the row is forgotten (and its count starts again) after a quiet spell; purged daily
  expires_at timestamptz NOT NULL
);
CREATE INDEX login_throttle_expires_idx ON login_throttle (expires_at);

-- A token with the `read` scope reads as its user: the staff member who made it, or the
-- customer user an admin issued it for.
ALTER TABLE api_tokens ADD COLUMN user_id uuid REFERENCES users (id);
UPDATE api_tokens SET user_id = created_by;
ALTER TABLE api_tokens ALTER COLUMN user_id SET NOT NULL;
