-- 0022: a counter bumped by every change that can end or alter a signed-in session (PostgreSQL):
-- the session's stage, expiry or revocation, its user, the user's roles, the user's organisation.
-- Servers cache the session check and trust a cached one while this counter has not moved, so a
-- sign-out, revocation, deactivation or role change by any server or command counts at once
-- (docs/adr/0015-session-check-cache.md). Writing last_seen_at_us (a session's touch) does not
-- move it. Shipped migrations are never edited; add a new numbered file instead.
CREATE TABLE sign_in_state (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT  NOT NULL
);
INSERT INTO sign_in_state (id, version) VALUES (1, 0);

CREATE FUNCTION sign_in_state_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER sessions_sign_in_changed
AFTER UPDATE OF user_id, organisation_id, stage, expires_at_us, revoked_at_us, token_hash
OR DELETE ON sessions
FOR EACH STATEMENT EXECUTE FUNCTION sign_in_state_bump();
CREATE TRIGGER users_sign_in_changed AFTER UPDATE OR DELETE ON users
FOR EACH STATEMENT EXECUTE FUNCTION sign_in_state_bump();
CREATE TRIGGER user_roles_sign_in_changed AFTER INSERT OR UPDATE OR DELETE ON user_roles
FOR EACH STATEMENT EXECUTE FUNCTION sign_in_state_bump();
CREATE TRIGGER organisations_sign_in_changed AFTER UPDATE OR DELETE ON organisations
FOR EACH STATEMENT EXECUTE FUNCTION sign_in_state_bump();
