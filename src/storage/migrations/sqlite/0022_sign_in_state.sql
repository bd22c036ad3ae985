-- 0022: a counter bumped by every change that can end or alter a signed-in session (SQLite): the
-- session's stage, expiry or revocation, its user, the user's roles, the user's organisation.
-- Servers cache the session check and trust a cached one while this counter has not moved, so a
-- sign-out, revocation, deactivation or role change by any server or command counts at once
-- (docs/adr/0015-session-check-cache.md). Writing last_seen_at_us (a session's touch) does not
-- move it. Shipped migrations are never edited; add a new numbered file instead.
CREATE TABLE sign_in_state (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT  NOT NULL
);
INSERT INTO sign_in_state (id, version) VALUES (1, 0);

CREATE TRIGGER sessions_sign_in_changed
AFTER UPDATE OF user_id, organisation_id, stage, expires_at_us, revoked_at_us, token_hash
ON sessions
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER sessions_sign_in_deleted AFTER DELETE ON sessions
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER users_sign_in_changed AFTER UPDATE ON users
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER users_sign_in_deleted AFTER DELETE ON users
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER user_roles_sign_in_added AFTER INSERT ON user_roles
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER user_roles_sign_in_changed AFTER UPDATE ON user_roles
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER user_roles_sign_in_removed AFTER DELETE ON user_roles
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER organisations_sign_in_changed AFTER UPDATE ON organisations
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER organisations_sign_in_deleted AFTER DELETE ON organisations
BEGIN
  UPDATE sign_in_state SET version = version + 1 WHERE id = 1;
END;
