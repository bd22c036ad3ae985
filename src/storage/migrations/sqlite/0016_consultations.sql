-- 0016: the hotline's consultations, their code counter, follow-ups and
-- immediate-danger steps, and the consent ledger extended so that a consent
-- can be recorded on a consultation (SQLite; issue 6).
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- In the clear: ids, codes, stable words (channel, topic, forms, age group,
-- gender, citizenship, urgency, identity basis, status, steps), indicator ids,
-- municipality and country codes, ISO 639-3 language codes, civil dates
-- (YYYY-MM-DD) and times, so the queue and statistics can filter. What a
-- person said (the caller's details, the situation, identity details, the
-- advice, the overrides; a follow-up's text) is sealed (base64) under the
-- national unit's data key. Lists of words are comma-separated in the order
-- given; optional numbers and flags are NULL when unknown. Times are
-- microseconds since the epoch (UTC).

-- One contact with the hotline, kept by the national unit (organisation_id).
CREATE TABLE consultations (
  id                             TEXT PRIMARY KEY,
  code                           TEXT    NOT NULL UNIQUE,
  organisation_id                TEXT    NOT NULL REFERENCES organisations (id),
  channel                        TEXT    NOT NULL,
  received_at_us                 BIGINT  NOT NULL,
  duration_seconds               INTEGER NOT NULL DEFAULT 0,
  time_spent_minutes             INTEGER NOT NULL DEFAULT 0,
  caller_organisation_id         TEXT    REFERENCES organisations (id),  -- NULL: not in the directory
  language                       TEXT    NOT NULL,
  interpreter                    INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  topic                          TEXT    NOT NULL,
  forms                          TEXT    NOT NULL DEFAULT '',  -- form words, comma-separated
  municipality_code              TEXT    NOT NULL DEFAULT '',
  abroad_country                 TEXT    NOT NULL DEFAULT '',
  age_group                      TEXT    NOT NULL,
  approximate_age                INTEGER,
  gender                         TEXT    NOT NULL,
  citizenship                    TEXT    NOT NULL,
  holds_residence_permit         INTEGER CHECK (holds_residence_permit IN (0, 1)),
  indicators                     TEXT    NOT NULL DEFAULT '',  -- indicator ids, comma-separated
  wants_to_report_to_police      INTEGER NOT NULL DEFAULT 0
                                 CHECK (wants_to_report_to_police IN (0, 1)),
  wish_to_return                 INTEGER NOT NULL DEFAULT 0 CHECK (wish_to_return IN (0, 1)),
  needs_shelter                  INTEGER NOT NULL DEFAULT 0 CHECK (needs_shelter IN (0, 1)),
  social_services_involve_police INTEGER CHECK (social_services_involve_police IN (0, 1)),
  immediate_danger               INTEGER NOT NULL DEFAULT 0 CHECK (immediate_danger IN (0, 1)),
  urgency                        TEXT    NOT NULL,
  identity_basis                 TEXT    NOT NULL,
  body_sealed                    TEXT    NOT NULL,  -- base64
  status                         TEXT    NOT NULL CHECK (status IN ('new', 'assigned',
                                                                    'waiting_follow_up', 'closed')),
  assigned_to                    TEXT    NOT NULL DEFAULT '',  -- user id; '' when nobody
  respond_by_us                  BIGINT  NOT NULL,
  first_response_at_us           BIGINT,
  closed_at_us                   BIGINT,
  created_by                     TEXT    NOT NULL DEFAULT '',  -- user id; '' for a call-back request
  created_at_us                  BIGINT  NOT NULL,
  updated_at_us                  BIGINT  NOT NULL,
  version                        BIGINT  NOT NULL
);
CREATE INDEX consultations_queue ON consultations (organisation_id, status, respond_by_us);
CREATE INDEX consultations_assigned ON consultations (organisation_id, assigned_to, status);
CREATE INDEX consultations_received ON consultations (organisation_id, received_at_us);

CREATE TABLE consultation_code_counters (
  year        INTEGER PRIMARY KEY,
  last_number BIGINT  NOT NULL
);

-- What the operator promised to do after the contact.
CREATE TABLE consultation_follow_ups (
  id              TEXT PRIMARY KEY,
  consultation_id TEXT   NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  due_on          TEXT,
  text_sealed     TEXT   NOT NULL,  -- base64
  created_by      TEXT   NOT NULL,
  created_at_us   BIGINT NOT NULL,
  done_at_us      BIGINT,
  done_by         TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX consultation_follow_ups_of ON consultation_follow_ups (consultation_id, done_at_us);

-- The immediate-danger steps, numbered in the order recorded.
CREATE TABLE consultation_danger_steps (
  consultation_id TEXT    NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  n               INTEGER NOT NULL,
  step            TEXT    NOT NULL,
  done_at_us      BIGINT  NOT NULL,
  recorded_by     TEXT    NOT NULL,  -- user id; 'system' for the automatic notification
  recorded_at_us  BIGINT  NOT NULL,
  PRIMARY KEY (consultation_id, n)
);

-- The consent ledger: a consent is recorded on a case (and its person) or on
-- a consultation, never both. SQLite cannot change a column's constraints,
-- so the table is rebuilt here, inside this migration's transaction: its
-- rows are copied aside, the table dropped and created anew, the rows copied
-- back, and its indexes created again. referrals.consent_id refers to the
-- table by name and still does; its check is deferred to the commit, when
-- every consent is back.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE consents_0016 AS SELECT * FROM consents;
DROP TABLE consents;
CREATE TABLE consents (
  id                        TEXT PRIMARY KEY,
  organisation_id           TEXT   NOT NULL REFERENCES organisations (id),
  case_id                   TEXT   REFERENCES cases (id),
  person_id                 TEXT   REFERENCES persons (id),
  consultation_id           TEXT   REFERENCES consultations (id),
  recipient_organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  purpose                   TEXT   NOT NULL,
  sections                  TEXT   NOT NULL,  -- section words, comma-separated
  given_on                  TEXT   NOT NULL,
  form                      TEXT   NOT NULL,
  language                  TEXT   NOT NULL,
  body_sealed               TEXT   NOT NULL DEFAULT '',  -- base64
  taken_by                  TEXT   NOT NULL,
  revoked_on                TEXT,
  revoked_by                TEXT   NOT NULL DEFAULT '',
  revocation_sealed         TEXT   NOT NULL DEFAULT '',  -- base64
  created_at_us             BIGINT NOT NULL,
  version                   BIGINT NOT NULL,
  -- A case's consent names its person; a consultation's names nobody.
  CONSTRAINT consents_one_source CHECK (
    (case_id IS NOT NULL AND person_id IS NOT NULL AND consultation_id IS NULL) OR
    (case_id IS NULL AND person_id IS NULL AND consultation_id IS NOT NULL))
);
INSERT INTO consents (id, organisation_id, case_id, person_id, consultation_id,
                      recipient_organisation_id, purpose, sections, given_on, form, language,
                      body_sealed, taken_by, revoked_on, revoked_by, revocation_sealed,
                      created_at_us, version)
  SELECT id, organisation_id, case_id, person_id, NULL, recipient_organisation_id, purpose,
         sections, given_on, form, language, body_sealed, taken_by, revoked_on, revoked_by,
         revocation_sealed, created_at_us, version
  FROM consents_0016;
DROP TABLE consents_0016;
CREATE INDEX consents_case ON consents (case_id, given_on);
CREATE INDEX consents_person ON consents (organisation_id, person_id, given_on);
CREATE INDEX consents_consultation ON consents (consultation_id, given_on);
