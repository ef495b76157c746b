-- The helpdesk as 6.1 names it: ticket types, links to a contract or domain, assignment, internal notes,
-- attachments, configurable response targets, ticket e-mail through an outbox; notice preferences of
-- the customer's roster people; proof files for post and fax deliveries (第九条).

-- 'other' becomes 'general'; 'network' stays (a network fault is neither a reboot nor hands-on work)
ALTER TABLE tickets DROP CONSTRAINT tickets_type_check;
UPDATE tickets SET type = 'general' WHERE type = 'other';
ALTER TABLE tickets ADD CONSTRAINT tickets_type_check
  CHECK (type IN ('reboot', 'hands_on', 'filing_assistance', 'abuse_reply', 'compensation_dispute', 'billing', 'network', 'general'));
ALTER TABLE tickets
  ADD COLUMN contract_id uuid REFERENCES contracts (id),
  ADD COLUMN domain text CHECK (domain IS NULL OR domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$'),
  ADD COLUMN assignee_id uuid REFERENCES users (id);
CREATE INDEX tickets_assignee_idx ON tickets (assignee_id, status) WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_type_idx ON tickets (type, opened_at);

-- an internal note is staff-only: never in the portal, never in mail to the customer
ALTER TABLE ticket_comments ADD COLUMN internal boolean NOT NULL DEFAULT false;
ALTER TABLE ticket_comments ADD CONSTRAINT ticket_comments_internal_by_staff CHECK (NOT internal OR author_kind = 'staff');

-- 6.1 response targets per type, clock time (7×24: nights and holidays count like any minute)
CREATE TABLE ticket_sla_targets (
  type text PRIMARY KEY CHECK (type IN ('reboot', 'hands_on', 'filing_assistance', 'abuse_reply', 'compensation_dispute', 'billing', 'network', 'general')),
  first_response_minutes integer NOT NULL CHECK (first_response_minutes BETWEEN 1 AND 100000),
  resolution_minutes integer CHECK (resolution_minutes IS NULL OR resolution_minutes BETWEEN 1 AND 1000000),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz -- null: the shipped default, never changed
);
INSERT INTO ticket_sla_targets (type, first_response_minutes, resolution_minutes) VALUES
  ('reboot', 30, 15),
  ('hands_on', 30, NULL),
  ('filing_assistance', 30, NULL),
  ('abuse_reply', 30, NULL),
  ('compensation_dispute', 30, NULL),
  ('billing', 30, NULL),
  ('network', 30, NULL),
  ('general', 30, NULL);

CREATE TABLE ticket_attachments (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  comment_id uuid REFERENCES ticket_comments (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  file_name text NOT NULL CHECK (length(btrim(file_name)) > 0),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size integer NOT NULL CHECK (size > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  internal boolean NOT NULL DEFAULT false,
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX ticket_attachments_ticket_idx ON ticket_attachments (ticket_id, uploaded_at);

-- one mail per recipient per public reply; a row until the SMTP server accepts it
CREATE TABLE ticket_mail_outbox (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  comment_id uuid NOT NULL REFERENCES ticket_comments (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  proof text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL,
  CONSTRAINT ticket_mail_once UNIQUE (comment_id, recipient),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX ticket_mail_outbox_due_idx ON ticket_mail_outbox (next_attempt_at) WHERE status = 'pending';

-- which of the customer's roster people get which notices by e-mail (besides the notice address);
-- the 24-hour contacts get incidents whatever is stored here
CREATE TABLE notice_preferences (
  customer_id uuid NOT NULL REFERENCES customers (id),
  member_id uuid NOT NULL, -- roster_members.member_id: the person across versions
  category text NOT NULL CHECK (category IN ('incident', 'maintenance', 'billing', 'contract', 'roster', 'tickets', 'general')),
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, member_id, category)
);

-- 第九条 proof for post and fax: the scanned postal receipt or fax report
ALTER TABLE notice_deliveries
  ADD COLUMN proof_file text CHECK (proof_file IS NULL OR proof_file ~ '^[0-9a-f]{64}$'),
  ADD COLUMN proof_content_type text,
  ADD COLUMN proof_uploaded_by uuid;
