-- issue 23 §3–§5.
--
-- §3 The gate version: one number that moves in the same transaction as anything the gate is
-- rendered from (a domain's status, name, address or server; a suspension; an IP allocation; the
-- provider's name on the 451 page). The gate job and the status page compare it with the version
-- the last check covered and render only when it moved. NOTIFY (delivered at commit) wakes the
-- apply in every app process at once; the per-minute job is the safety net.
CREATE TABLE compliance_gate_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- the version the last render (applied, failed or found unchanged) was taken at
  checked_version bigint NOT NULL DEFAULT 0 CHECK (checked_version >= 0 AND checked_version <= version)
);
INSERT INTO compliance_gate_state DEFAULT VALUES;

ALTER TABLE compliance_gate_applies ADD COLUMN gate_version bigint CHECK (gate_version >= 0);

-- Also called by modules whose changes the triggers below do not see (a takedown): bumpGateVersion(tx).
CREATE FUNCTION compliance_gate_bump() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE v bigint;
BEGIN
  UPDATE compliance_gate_state SET version = version + 1 WHERE id RETURNING version INTO v;
  PERFORM pg_notify('rackpact_gate', v::text);
  RETURN v;
END $$;

CREATE FUNCTION compliance_gate_bump_always() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM compliance_gate_bump();
  RETURN NULL;
END $$;

CREATE FUNCTION compliance_gate_bump_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN PERFORM compliance_gate_bump(); END IF;
  RETURN NULL;
END $$;

-- only the columns the gate is rendered from: a note or a reminder date does not move it
CREATE FUNCTION compliance_gate_bump_domains() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n USING (id)
             WHERE (o.status, o.domain, o.address, o.server_id) IS DISTINCT FROM (n.status, n.domain, n.address, n.server_id)) THEN
    PERFORM compliance_gate_bump();
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION compliance_gate_bump_allocations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n USING (id)
             WHERE (o.address, o.server_id, o.released_at IS NULL) IS DISTINCT FROM (n.address, n.server_id, n.released_at IS NULL)) THEN
    PERFORM compliance_gate_bump();
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER compliance_domains_gate_insert AFTER INSERT ON compliance_domains REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_rows();
CREATE TRIGGER compliance_domains_gate_update AFTER UPDATE ON compliance_domains REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_domains();
CREATE TRIGGER compliance_domains_gate_delete AFTER DELETE ON compliance_domains REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_rows();
CREATE TRIGGER compliance_domains_gate_truncate AFTER TRUNCATE ON compliance_domains
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_always();

CREATE TRIGGER compliance_suspensions_gate_insert AFTER INSERT ON compliance_suspensions REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_rows();
CREATE TRIGGER compliance_suspensions_gate_update AFTER UPDATE ON compliance_suspensions REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_rows();
CREATE TRIGGER compliance_suspensions_gate_delete AFTER DELETE ON compliance_suspensions REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_rows();

CREATE TRIGGER ip_allocations_gate_insert AFTER INSERT ON ip_allocations REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_rows();
CREATE TRIGGER ip_allocations_gate_update AFTER UPDATE ON ip_allocations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_allocations();
CREATE TRIGGER ip_allocations_gate_delete AFTER DELETE ON ip_allocations REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_rows();

CREATE TRIGGER provider_profiles_gate_insert AFTER INSERT ON provider_profiles REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_gate_bump_rows();

-- §5 Idempotency keys: a creating POST sent again with the same Idempotency-Key (the UI's retry,
-- or the load balancer's after a process died) gets the stored response instead of a second write.
-- A key belongs to one principal; the same key with another route or body is refused.
CREATE TABLE idempotency_keys (
  principal text NOT NULL CHECK (length(principal) > 0),
  key text NOT NULL CHECK (length(key) BETWEEN 8 AND 200 AND key ~ '^[\x21-\x7e]+$'),
  route text NOT NULL,
  request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
  -- null while the first request is running; its lease lets a retry take over from a process that died
  status_code integer CHECK (status_code BETWEEN 100 AND 599),
  content_type text,
  response_body text,
  created_at timestamptz NOT NULL,
  lease_until timestamptz NOT NULL,
  -- set in the same transaction as the request's write: a retry after its process died knows it happened
  write_committed boolean NOT NULL DEFAULT false,
  completed_at timestamptz,
  PRIMARY KEY (principal, key),
  CHECK ((status_code IS NULL) = (completed_at IS NULL)),
  CHECK (status_code IS NULL OR response_body IS NOT NULL)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
