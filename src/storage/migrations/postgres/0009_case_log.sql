-- 0009: a case's log (case management): the timeline of every change made
-- to a case, and the facts recorded on it that the step definitions ask for.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Append-only. Nothing here names a person or holds free text: kinds,
-- sections, step and rule ids, dates and opaque ids only (details is a JSON
-- object of such words). Times are microseconds since the epoch (UTC).

CREATE TABLE case_entries (
  id              TEXT PRIMARY KEY,
  case_id         TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  seq             BIGINT NOT NULL,
  kind            TEXT   NOT NULL,
  section         TEXT   NOT NULL,
  person_id       TEXT   NOT NULL DEFAULT '',
  subject_id      TEXT   NOT NULL DEFAULT '',
  details         TEXT   NOT NULL DEFAULT '{}',
  recorded_by     TEXT   NOT NULL,
  recorded_at_us  BIGINT NOT NULL,
  UNIQUE (case_id, seq)
);

CREATE TABLE case_facts (
  case_id        TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  fact           TEXT   NOT NULL,
  person_id      TEXT   NOT NULL DEFAULT '',
  entry_id       TEXT   NOT NULL REFERENCES case_entries (id),
  recorded_by    TEXT   NOT NULL,
  recorded_at_us BIGINT NOT NULL,
  PRIMARY KEY (case_id, fact, person_id)
);
