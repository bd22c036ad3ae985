-- 0011: the records of a case kept as sealed versions (SQLite): the person's
-- voice and safety (wishes, safety plan, conversations, consents), the
-- assessment (indicators, presumed-victim assessment) and the exploitation
-- the case concerns; and the plaintext index of its forms and places.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Every save is a new row: a newer version of a record points the one before
-- it at itself (superseded_by), nothing else is ever updated. body_sealed is
-- sealed (base64) under the case's organisation's data key. In the clear:
-- ids, the kind of record, who and when. case_forms and case_places hold no
-- identifying content (forms, sectors, municipality and country codes) for
-- list filters and statistics; municipality codes are left out while a person
-- in the case has protected identity. Times are microseconds since the epoch
-- (UTC).

CREATE TABLE case_records (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  person_id       TEXT NOT NULL DEFAULT '',
  kind            TEXT NOT NULL,
  body_sealed     TEXT NOT NULL,  -- base64
  recorded_by     TEXT NOT NULL,
  recorded_at_us  BIGINT NOT NULL,
  superseded_by   TEXT REFERENCES case_records (id)
);
CREATE INDEX case_records_of ON case_records (case_id, person_id, kind, recorded_at_us);

CREATE TABLE case_forms (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  form    TEXT NOT NULL,
  sector  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (case_id, form, sector)
);
CREATE INDEX case_forms_form ON case_forms (form);

CREATE TABLE case_places (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind    TEXT NOT NULL CHECK (kind IN ('municipality', 'recruitment', 'transit',
                                     'exploitation')),
  code    TEXT NOT NULL,
  PRIMARY KEY (case_id, kind, code)
);
CREATE INDEX case_places_code ON case_places (kind, code);
