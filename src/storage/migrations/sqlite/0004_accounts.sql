-- 0004: accounts for the security core (SQLite): users and their roles and
-- recovery codes, failed logins, sessions, API tokens, organisations' data
-- keys and in-app notifications.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Binary values (sealed fields, wrapped keys) are stored as standard base64
-- text with padding: the connection carries text only, and PostgreSQL text
-- holds neither NUL nor invalid UTF-8. Digests and keys are lower-case hex.
-- Flags are INTEGER 0/1; times are microseconds since the epoch (UTC).

CREATE TABLE users (
  id                   TEXT PRIMARY KEY,
  organisation_id      TEXT    NOT NULL REFERENCES organisations (id),
  username             TEXT    NOT NULL UNIQUE,
  display_name         TEXT    NOT NULL,
  display_name_folded  TEXT    NOT NULL,
  password_hash        TEXT    NOT NULL,
  must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
  totp_secret_sealed   TEXT    NOT NULL DEFAULT '',  -- base64
  totp_pending_sealed  TEXT    NOT NULL DEFAULT '',  -- base64
  totp_last_step       BIGINT,
  active               INTEGER NOT NULL CHECK (active IN (0, 1)),
  version              BIGINT  NOT NULL,
  created_at_us        BIGINT  NOT NULL,
  updated_at_us        BIGINT  NOT NULL
);
CREATE INDEX users_organisation ON users (organisation_id, username);

CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role    TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role ON user_roles (role);

CREATE TABLE recovery_codes (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  hash    TEXT NOT NULL,
  PRIMARY KEY (user_id, hash)
);

-- Keys are keyed digests: neither login names nor addresses in the clear.
CREATE TABLE login_failures (
  id          INTEGER PRIMARY KEY,
  account_key TEXT   NOT NULL,
  address_key TEXT   NOT NULL,
  at_us       BIGINT NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account_key, at_us);
CREATE INDEX login_failures_address ON login_failures (address_key, at_us);

CREATE TABLE sessions (
  id              TEXT PRIMARY KEY,
  token_hash      TEXT   NOT NULL UNIQUE,
  user_id         TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  stage           TEXT   NOT NULL
                  CHECK (stage IN ('totp', 'enrol_totp', 'change_password', 'active')),
  csrf_token      TEXT   NOT NULL,
  created_at_us   BIGINT NOT NULL,
  last_seen_at_us BIGINT NOT NULL,
  expires_at_us   BIGINT NOT NULL,
  revoked_at_us   BIGINT,
  client_label    TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- actions: the access::Action names separated by single spaces.
CREATE TABLE api_tokens (
  id              TEXT PRIMARY KEY,
  organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  created_by      TEXT   NOT NULL REFERENCES users (id),
  name            TEXT   NOT NULL,
  token_hash      TEXT   NOT NULL UNIQUE,
  actions         TEXT   NOT NULL,
  created_at_us   BIGINT NOT NULL,
  expires_at_us   BIGINT NOT NULL,
  revoked_at_us   BIGINT,
  last_used_at_us BIGINT
);
CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id);

CREATE TABLE data_keys (
  -- an organisation id, or "platform" for the platform's own secret
  organisation_id    TEXT    NOT NULL,
  version            INTEGER NOT NULL CHECK (version >= 1),
  wrapped            TEXT    NOT NULL,  -- base64
  master_fingerprint TEXT    NOT NULL,
  created_at_us      BIGINT  NOT NULL,
  PRIMARY KEY (organisation_id, version)
);

CREATE TABLE notifications (
  id              TEXT PRIMARY KEY,
  user_id         TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  kind            TEXT   NOT NULL,
  subject_type    TEXT   NOT NULL DEFAULT '',
  subject_id      TEXT   NOT NULL DEFAULT '',
  actor_user_id   TEXT   NOT NULL DEFAULT '',
  detail_sealed   TEXT   NOT NULL DEFAULT '',  -- base64
  created_at_us   BIGINT NOT NULL,
  read_at_us      BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, created_at_us);
