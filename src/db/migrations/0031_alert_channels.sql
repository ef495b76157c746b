-- Issue 20 §5: alert channels besides e-mail — 企业微信 and 钉钉 group robots and a generic webhook —,
-- which event kinds reach which channel per staff role, and the deliveries' outbox (claimed with a lease
-- and retried with backoff like the notice e-mails; one row per event and channel, so each is sent once).
CREATE TABLE alert_channels (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'webhook')),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  url text NOT NULL CHECK (url ~ '^https?://[^\s]+$' AND length(url) <= 2000),
  -- the robot's 加签 secret (钉钉) or the webhook's HMAC key; never answered in full by the API
  secret text CHECK (secret IS NULL OR length(secret) BETWEEN 1 AND 500),
  enabled boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT alert_channels_name_unique UNIQUE (name),
  -- a generic webhook is always signed: the receiver has nothing else to trust the body by
  CONSTRAINT alert_channels_webhook_signed CHECK (kind <> 'webhook' OR secret IS NOT NULL),
  -- 企业微信's robot has no signing; its key is in the URL
  CONSTRAINT alert_channels_wecom_unsigned CHECK (kind <> 'wecom' OR secret IS NULL)
);

CREATE TABLE alert_subscriptions (
  event_kind text NOT NULL CHECK (event_kind IN ('ticket.urgentReboot', 'incident.opened', 'commissioning.atRisk', 'payment.received', 'gate.applyFailed')),
  role text NOT NULL CHECK (role IN ('admin', 'sales', 'noc', 'compliance', 'finance', 'auditor')),
  channel_id uuid NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
  PRIMARY KEY (event_kind, role, channel_id)
);
CREATE INDEX alert_subscriptions_channel ON alert_subscriptions (channel_id);

CREATE TABLE alert_deliveries (
  -- also the delivery id receivers dedupe by (X-Rackpact-Delivery)
  id uuid PRIMARY KEY,
  event_kind text NOT NULL CHECK (event_kind IN ('ticket.urgentReboot', 'incident.opened', 'commissioning.atRisk', 'payment.received', 'gate.applyFailed', 'test')),
  -- what the alert is about (e.g. the ticket's id): an event raised again reaches a channel once
  event_key text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 200),
  channel_id uuid NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  link text,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz,
  claimed_until timestamptz,
  last_error text,
  response text,
  sent_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL,
  CONSTRAINT alert_deliveries_once UNIQUE (event_kind, event_key, channel_id),
  CONSTRAINT alert_deliveries_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  CONSTRAINT alert_deliveries_pending_due CHECK (status <> 'pending' OR next_attempt_at IS NOT NULL)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_recent ON alert_deliveries (created_at DESC);
CREATE INDEX alert_deliveries_channel ON alert_deliveries (channel_id, created_at DESC);
