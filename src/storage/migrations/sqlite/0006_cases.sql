-- 0006: cases for case management (SQLite): the case and its code counter,
-- its team, and the break-glass openings of it.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Nothing here names a person: cases are identified by opaque ids and codes;
-- a break-glass reason is free text and is sealed (base64) under the owning
-- organisation's data key. Times are microseconds since the epoch (UTC).

CREATE TABLE case_code_counters (
  year        INTEGER PRIMARY KEY,
  last_number BIGINT  NOT NULL
);

CREATE TABLE cases (
  id              TEXT PRIMARY KEY,
  organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  code            TEXT   NOT NULL UNIQUE,
  case_type       TEXT   NOT NULL,
  status          TEXT   NOT NULL CHECK (status IN ('open', 'closed')),
  closure_reason  TEXT   NOT NULL DEFAULT '',
  steps_version   TEXT   NOT NULL,
  created_by      TEXT   NOT NULL REFERENCES users (id),
  created_at_us   BIGINT NOT NULL,
  updated_at_us   BIGINT NOT NULL,
  closed_at_us    BIGINT,
  version         BIGINT NOT NULL
);
CREATE INDEX cases_organisation ON cases (organisation_id, status, updated_at_us);

CREATE TABLE case_team (
  case_id     TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  user_id     TEXT   NOT NULL REFERENCES users (id),
  added_by    TEXT   NOT NULL,
  added_at_us BIGINT NOT NULL,
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_team_user ON case_team (user_id, case_id);

CREATE TABLE break_glass (
  id              TEXT PRIMARY KEY,
  case_id         TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  user_id         TEXT   NOT NULL REFERENCES users (id),
  session_id      TEXT   NOT NULL,
  reason_sealed   TEXT   NOT NULL,  -- base64
  opened_at_us    BIGINT NOT NULL,
  expires_at_us   BIGINT NOT NULL
);
CREATE INDEX break_glass_user ON break_glass (user_id, case_id, expires_at_us);
