-- The application role on PostgreSQL (issue 15): migrations run as the role that owns the tables
-- (MIGRATION_DATABASE_URL, or `rackpact migrate` run as the owner); the app connects as a role that
-- owns nothing (DATABASE_URL). Only an owner can ALTER TABLE … DISABLE TRIGGER, so the app role
-- cannot switch off audit_log's append-only guard; it gets INSERT and SELECT on audit_log and no
-- UPDATE, DELETE or TRUNCATE there. Called by the owner after every migration run (new tables get
-- their grants too), and by hand: SELECT rackpact_grant_app_role('rackpact_app');
CREATE FUNCTION rackpact_grant_app_role(app_role text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_log FROM %I', app_role);
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON rackpact_migrations FROM %I', app_role);
  -- the job queue's schema is installed by the owner too (pg-boss would create tables otherwise)
  IF to_regnamespace('pgboss') IS NOT NULL THEN
    EXECUTE format('GRANT USAGE ON SCHEMA pgboss TO %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO %I', app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO %I', app_role);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO %I', app_role);
  END IF;
END $$;
REVOKE EXECUTE ON FUNCTION rackpact_grant_app_role(text) FROM PUBLIC;
