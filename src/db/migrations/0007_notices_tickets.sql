-- 第九条 formal notices with their deliveries (proof: the SMTP acceptance id), and the helpdesk (6.1).

CREATE TABLE notices (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  direction text NOT NULL CHECK (direction IN ('provider_to_customer', 'customer_to_provider')),
  type text NOT NULL,
  subject_zh text NOT NULL,
  subject_en text NOT NULL,
  body_zh text NOT NULL,
  body_en text NOT NULL,
  recipient_name text NOT NULL,
  related_entity text,
  related_id text,
  source_outbox_id uuid UNIQUE, -- an outbox item becomes one notice, however often the drain runs
  created_by uuid,
  created_at timestamptz NOT NULL
);
CREATE INDEX notices_customer_idx ON notices (customer_id, created_at);

CREATE TABLE notice_deliveries (
  id uuid PRIMARY KEY,
  notice_id uuid NOT NULL REFERENCES notices (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  channel text NOT NULL CHECK (channel IN ('email', 'post', 'fax', 'portal')),
  address text NOT NULL,        -- the party's notice address in force when the notice was made
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  proof text,                   -- SMTP: the server's acceptance (message id and response)
  sent_at timestamptz,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX notice_deliveries_due_idx ON notice_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE tickets (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers (id),
  server_id uuid REFERENCES servers (id),
  type text NOT NULL CHECK (type IN ('reboot', 'hands_on', 'network', 'filing_assistance', 'other')),
  priority text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
  subject text NOT NULL CHECK (length(btrim(subject)) > 0),
  description text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'in_progress', 'resolved', 'closed')),
  opened_by uuid NOT NULL,
  opened_at timestamptz NOT NULL,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  CHECK (first_response_at IS NULL OR first_response_at >= opened_at),
  CHECK (resolved_at IS NULL OR resolved_at >= opened_at)
);
CREATE INDEX tickets_queue_idx ON tickets (status, priority, opened_at);
CREATE INDEX tickets_customer_idx ON tickets (customer_id, opened_at);

CREATE TABLE ticket_comments (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  author_id uuid,
  author_kind text NOT NULL CHECK (author_kind IN ('staff', 'customer', 'system')),
  body text NOT NULL CHECK (length(btrim(body)) > 0),
  created_at timestamptz NOT NULL
);
CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (ticket_id, created_at);
