-- Issue 20 §2: the daily digest of each staff member's to-do list (待办), sent at 08:00 Asia/Shanghai
-- through a durable outbox like the ticket mail (claimed, retried with backoff, sent at least once),
-- one per person and day; and the people who asked not to get it.
CREATE TABLE desk_digest_outbox (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  day date NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  item_count integer NOT NULL CHECK (item_count > 0),
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  claimed_until timestamptz,
  last_error text,
  proof text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL,
  CONSTRAINT desk_digest_once UNIQUE (user_id, day),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  CHECK (claimed_until IS NULL OR status = 'pending')
);
CREATE INDEX desk_digest_outbox_due_idx ON desk_digest_outbox (next_attempt_at) WHERE status = 'pending';

CREATE TABLE desk_digest_optouts (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  opted_out_at timestamptz NOT NULL
);
