-- 0016: the hotline's consultations, their code counter, follow-ups and
-- immediate-danger steps, and the consent ledger extended so that a consent
-- can be recorded on a consultation (PostgreSQL 15; issue 6).
-- Mirrors migrations/sqlite/0016 table for table and column for column (see
-- 0001 for COLLATE "C" and SMALLINT flags).
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
  id                             TEXT COLLATE "C" PRIMARY KEY,
  code                           TEXT COLLATE "C" NOT NULL UNIQUE,
  organisation_id                TEXT COLLATE "C" NOT NULL REFERENCES organisations (id),
  channel                        TEXT COLLATE "C" NOT NULL,
  received_at_us                 BIGINT  NOT NULL,
  duration_seconds               INTEGER NOT NULL DEFAULT 0,
  time_spent_minutes             INTEGER NOT NULL DEFAULT 0,
  -- NULL: not in the directory
  caller_organisation_id         TEXT COLLATE "C" REFERENCES organisations (id),
  language                       TEXT COLLATE "C" NOT NULL,
  interpreter                    SMALLINT NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  topic                          TEXT COLLATE "C" NOT NULL,
  forms                          TEXT COLLATE "C" NOT NULL DEFAULT '',  -- form words
  municipality_code              TEXT COLLATE "C" NOT NULL DEFAULT '',
  abroad_country                 TEXT COLLATE "C" NOT NULL DEFAULT '',
  age_group                      TEXT COLLATE "C" NOT NULL,
  approximate_age                INTEGER,
  gender                         TEXT COLLATE "C" NOT NULL,
  citizenship                    TEXT COLLATE "C" NOT NULL,
  holds_residence_permit         SMALLINT CHECK (holds_residence_permit IN (0, 1)),
  indicators                     TEXT COLLATE "C" NOT NULL DEFAULT '',  -- indicator ids
  wants_to_report_to_police      SMALLINT NOT NULL DEFAULT 0
                                 CHECK (wants_to_report_to_police IN (0, 1)),
  wish_to_return                 SMALLINT NOT NULL DEFAULT 0 CHECK (wish_to_return IN (0, 1)),
  needs_shelter                  SMALLINT NOT NULL DEFAULT 0 CHECK (needs_shelter IN (0, 1)),
  social_services_involve_police SMALLINT CHECK (social_services_involve_police IN (0, 1)),
  immediate_danger               SMALLINT NOT NULL DEFAULT 0 CHECK (immediate_danger IN (0, 1)),
  urgency                        TEXT COLLATE "C" NOT NULL,
  identity_basis                 TEXT COLLATE "C" NOT NULL,
  body_sealed                    TEXT COLLATE "C" NOT NULL,  -- base64
  status                         TEXT COLLATE "C" NOT NULL CHECK (status IN ('new',
                                 'assigned', 'waiting_follow_up', 'closed')),
  assigned_to                    TEXT COLLATE "C" NOT NULL DEFAULT '',  -- user id; '' when nobody
  respond_by_us                  BIGINT  NOT NULL,
  first_response_at_us           BIGINT,
  closed_at_us                   BIGINT,
  -- user id; '' for a call-back request
  created_by                     TEXT COLLATE "C" NOT NULL DEFAULT '',
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
  id              TEXT COLLATE "C" PRIMARY KEY,
  consultation_id TEXT COLLATE "C" NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  due_on          TEXT COLLATE "C",
  text_sealed     TEXT COLLATE "C" NOT NULL,  -- base64
  created_by      TEXT COLLATE "C" NOT NULL,
  created_at_us   BIGINT NOT NULL,
  done_at_us      BIGINT,
  done_by         TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX consultation_follow_ups_of ON consultation_follow_ups (consultation_id, done_at_us);

-- The immediate-danger steps, numbered in the order recorded.
CREATE TABLE consultation_danger_steps (
  consultation_id TEXT COLLATE "C" NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  n               INTEGER NOT NULL,
  step            TEXT COLLATE "C" NOT NULL,
  done_at_us      BIGINT  NOT NULL,
  recorded_by     TEXT COLLATE "C" NOT NULL,  -- user id; 'system' for the automatic notification
  recorded_at_us  BIGINT  NOT NULL,
  PRIMARY KEY (consultation_id, n)
);

-- The consent ledger: a consent is recorded on a case (and its person) or on
-- a consultation, never both.
ALTER TABLE consents
  ALTER COLUMN case_id DROP NOT NULL,
  ALTER COLUMN person_id DROP NOT NULL,
  ADD COLUMN consultation_id TEXT COLLATE "C" REFERENCES consultations (id),
  -- A case's consent names its person; a consultation's names nobody.
  ADD CONSTRAINT consents_one_source CHECK (
    (case_id IS NOT NULL AND person_id IS NOT NULL AND consultation_id IS NULL) OR
    (case_id IS NULL AND person_id IS NULL AND consultation_id IS NOT NULL));
CREATE INDEX consents_consultation ON consents (consultation_id, given_on);
