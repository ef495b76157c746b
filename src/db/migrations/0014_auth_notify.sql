-- Processes that keep resolved sessions in memory (src/modules/auth/session-cache.ts) hear of every
-- change that could end or alter one, whoever makes it (another app process, the CLI, psql):
-- any update or deletion of a user, any deleted session. The payload is the user's id, or '*' for
-- "forget everything" (a large statement, a TRUNCATE). NOTIFY is delivered at commit.
CREATE FUNCTION auth_notify_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM changed) > 100 THEN
    PERFORM pg_notify('rackpact_auth', '*');
  ELSE
    PERFORM pg_notify('rackpact_auth', id::text) FROM changed;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION auth_notify_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(DISTINCT user_id) FROM changed) > 100 THEN
    PERFORM pg_notify('rackpact_auth', '*');
  ELSE
    PERFORM pg_notify('rackpact_auth', user_id::text) FROM (SELECT DISTINCT user_id FROM changed) u;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION auth_notify_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rackpact_auth', '*');
  RETURN NULL;
END $$;

CREATE TRIGGER users_auth_update AFTER UPDATE ON users REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION auth_notify_users();
CREATE TRIGGER users_auth_delete AFTER DELETE ON users REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION auth_notify_users();
CREATE TRIGGER users_auth_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION auth_notify_all();
-- touching a session (last_seen_at, expires_at) only ever extends it: a cached copy stays safe
CREATE TRIGGER sessions_auth_delete AFTER DELETE ON sessions REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION auth_notify_sessions();
CREATE TRIGGER sessions_auth_truncate AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION auth_notify_all();
