-- 0010: the tracks on a case (case management): where each track of a case
-- stands now, and every saved version of the case's criminal-proceedings
-- record. Shipped migrations are never edited; add a new numbered file instead.
--
-- A track's history is the case's log (0009); a row here is only its current
-- step. Proceedings are offence data: the body (police report numbers,
-- offences, investigation, decisions, judgments, appeals, injured parties) is
-- sealed (base64) under the owning organisation's data key; a change adds a
-- version and never overwrites one. Times are microseconds since the epoch (UTC).

CREATE TABLE case_tracks (
  case_id        TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  track          TEXT   NOT NULL CHECK (track IN ('support', 'proceedings', 'return')),
  step           TEXT   NOT NULL,
  steps_version  TEXT   NOT NULL,
  entered_at_us  BIGINT NOT NULL,
  entered_by     TEXT   NOT NULL,
  PRIMARY KEY (case_id, track)
);

CREATE TABLE case_proceedings (
  id              TEXT PRIMARY KEY,
  case_id         TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  version         BIGINT NOT NULL,
  body_sealed     TEXT   NOT NULL,  -- base64
  recorded_by     TEXT   NOT NULL,
  recorded_at_us  BIGINT NOT NULL,
  UNIQUE (case_id, version)
);
