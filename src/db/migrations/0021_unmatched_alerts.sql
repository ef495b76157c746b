-- Issue 15 (i15-input): an Alertmanager alert whose labels name nothing the facility knows is kept
-- here with its labels, opens nothing, and waits for the NOC to say where it bites. Mapping it opens
-- the incident then (its alert_events row is written at that moment, linking the two).
CREATE TABLE unmatched_alerts (
  id uuid PRIMARY KEY,
  fingerprint text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  alertname text NOT NULL,
  labels jsonb NOT NULL,
  annotations jsonb NOT NULL DEFAULT '{}'::jsonb,
  generator_url text,
  received_at timestamptz NOT NULL,
  mapped_at timestamptz,
  mapped_by uuid REFERENCES users (id),
  incident_id uuid REFERENCES incidents (id),
  CONSTRAINT unmatched_alerts_once UNIQUE (fingerprint, starts_at),
  -- mapped means an incident and a time (mapped_by is null when the system mapped it)
  CONSTRAINT unmatched_alerts_mapping CHECK ((mapped_at IS NULL) = (incident_id IS NULL) AND (mapped_by IS NULL OR mapped_at IS NOT NULL))
);
CREATE INDEX unmatched_alerts_waiting ON unmatched_alerts (received_at) WHERE mapped_at IS NULL;
