-- 0012: legal clocks, tasks, reminders and the child track (SQLite).
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- In the clear: ids, stable words (rule ids, kinds, statuses, parties,
-- outcomes), municipality codes and civil dates (YYYY-MM-DD), which identify
-- no one. Free text (a task's title, a child-track record's note) is sealed
-- (base64) under the owning organisation's data key. Times are microseconds
-- since the epoch (UTC).

-- A clock on a case: an application and its decision, or a duty to act,
-- under one version of a clock rule (data/rules/clocks.toml).
CREATE TABLE case_clocks (
  id                TEXT PRIMARY KEY,
  case_id           TEXT    NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id   TEXT    NOT NULL REFERENCES organisations (id),
  person_id         TEXT    NOT NULL DEFAULT '',
  rule_id           TEXT    NOT NULL,
  rule_version      INTEGER NOT NULL,
  rule_valid_from   TEXT    NOT NULL,
  kind              TEXT    NOT NULL,
  section           TEXT    NOT NULL,
  status            TEXT    NOT NULL CHECK (status IN ('applied', 'running', 'ended', 'refused',
                                                      'revoked', 'withdrawn')),
  applicant         TEXT    NOT NULL DEFAULT '',
  applied_on        TEXT,
  decided_on        TEXT,
  starts_on         TEXT,
  ends_on           TEXT,
  end_from_decision INTEGER NOT NULL DEFAULT 0,
  conditions        TEXT    NOT NULL DEFAULT '',  -- condition ids, comma-separated
  stopped_on        TEXT,
  stop_reason       TEXT    NOT NULL DEFAULT '',
  recorded_by       TEXT    NOT NULL,
  recorded_at_us    BIGINT  NOT NULL,
  updated_at_us     BIGINT  NOT NULL,
  version           BIGINT  NOT NULL
);
CREATE INDEX case_clocks_case ON case_clocks (case_id, recorded_at_us);
CREATE INDEX case_clocks_status ON case_clocks (status, ends_on);

CREATE TABLE case_clock_renewals (
  clock_id     TEXT    NOT NULL REFERENCES case_clocks (id) ON DELETE CASCADE,
  n            INTEGER NOT NULL,
  applicant    TEXT    NOT NULL DEFAULT '',
  applied_on   TEXT,
  decided_on   TEXT    NOT NULL,
  previous_end TEXT    NOT NULL,
  ends_on      TEXT    NOT NULL,
  recorded_by  TEXT    NOT NULL,
  recorded_at_us BIGINT NOT NULL,
  PRIMARY KEY (clock_id, n)
);

-- Tasks: by hand, or created by a running clock (clock_id, rule_task).
CREATE TABLE case_tasks (
  id               TEXT PRIMARY KEY,
  case_id          TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id  TEXT   NOT NULL REFERENCES organisations (id),
  person_id        TEXT   NOT NULL DEFAULT '',
  section          TEXT   NOT NULL,
  title_sealed     TEXT   NOT NULL DEFAULT '',  -- base64; empty for a clock's task
  rule_task        TEXT   NOT NULL DEFAULT '',  -- the clock rule's end_task word
  clock_id         TEXT   REFERENCES case_clocks (id),
  assignee_user_id TEXT   NOT NULL REFERENCES users (id),
  due_on           TEXT   NOT NULL,
  status           TEXT   NOT NULL CHECK (status IN ('open', 'done')),
  created_by       TEXT   NOT NULL,
  created_at_us    BIGINT NOT NULL,
  done_by          TEXT   NOT NULL DEFAULT '',
  done_at_us       BIGINT,
  version          BIGINT NOT NULL
);
CREATE INDEX case_tasks_case ON case_tasks (case_id, due_on);
CREATE INDEX case_tasks_assignee ON case_tasks (assignee_user_id, status, due_on);
CREATE INDEX case_tasks_open ON case_tasks (status, due_on);

-- Reminders sent: one row per subject (clock or task), reminder and day, so
-- that a reminder goes out once across restarts and servers.
CREATE TABLE case_reminders_sent (
  subject_id  TEXT   NOT NULL,
  reminder    TEXT   NOT NULL,  -- e.g. "before_end:7", "overdue"
  on_date     TEXT   NOT NULL,
  sent_at_us  BIGINT NOT NULL,
  PRIMARY KEY (subject_id, reminder, on_date)
);

-- The child track's records: report of concern (orosanmälan), immediate
-- custody (LVU §6), guardian (god man) appointment, age assessment.
CREATE TABLE child_track_records (
  id              TEXT PRIMARY KEY,
  case_id         TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  person_id       TEXT   NOT NULL REFERENCES persons (id),
  kind            TEXT   NOT NULL,
  on_date         TEXT   NOT NULL,
  municipality    TEXT   NOT NULL DEFAULT '',
  recipient_organisation_id TEXT NOT NULL DEFAULT '',
  outcome         TEXT   NOT NULL DEFAULT '',
  note_sealed     TEXT   NOT NULL DEFAULT '',  -- base64
  recorded_by     TEXT   NOT NULL,
  recorded_at_us  BIGINT NOT NULL
);
CREATE INDEX child_track_records_case ON child_track_records (case_id, recorded_at_us);

-- Missing-child alerts: open until resolved; an open one puts its case at
-- the top of case lists.
CREATE TABLE missing_child_alerts (
  id              TEXT PRIMARY KEY,
  case_id         TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  person_id       TEXT   NOT NULL REFERENCES persons (id),
  opened_by       TEXT   NOT NULL,
  opened_at_us    BIGINT NOT NULL,
  resolved_by     TEXT   NOT NULL DEFAULT '',
  resolved_at_us  BIGINT
);
CREATE UNIQUE INDEX missing_child_alerts_open ON missing_child_alerts (person_id, case_id)
  WHERE resolved_at_us IS NULL;
CREATE INDEX missing_child_alerts_case ON missing_child_alerts (case_id, resolved_at_us);
