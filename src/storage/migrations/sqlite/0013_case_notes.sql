-- 0013: notes and attachments of a case (SQLite), section "notes".
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- A note is never edited: a correction is a new note naming the note it
-- corrects (corrects_id). The note's text, an attachment's file name and its
-- content are sealed (base64) under the case's organisation's data key. In
-- the clear: ids, who and when, an attachment's media type (found from its
-- content) and size. Times are microseconds since the epoch (UTC).

CREATE TABLE case_notes (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  person_id       TEXT REFERENCES persons (id),
  corrects_id     TEXT REFERENCES case_notes (id),
  body_sealed     TEXT NOT NULL,  -- base64
  created_by      TEXT NOT NULL,
  created_at_us   BIGINT NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, created_at_us, id);
CREATE INDEX case_notes_corrects ON case_notes (corrects_id);

CREATE TABLE case_attachments (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  name_sealed     TEXT NOT NULL,  -- base64
  media_type      TEXT NOT NULL,
  size_bytes      BIGINT NOT NULL CHECK (size_bytes > 0),
  content_sealed  TEXT NOT NULL,  -- base64
  created_by      TEXT NOT NULL,
  created_at_us   BIGINT NOT NULL
);
CREATE INDEX case_attachments_case ON case_attachments (case_id, created_at_us, id);
