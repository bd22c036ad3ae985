-- 0014: de-identified statistics facts (case management, issue 4 item 10):
-- one plaintext row per presumed victim in a case, written at the time of
-- each change, so statistics aggregate without opening sealed records.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Nothing here identifies a person: categories (GLOSSARY.md), codes of the
-- case type, forms, police region and county, step and clock words with
-- their dates, the outcome. No names, dates of birth, free text or
-- municipality. A person with protected identity has no country, police
-- region or county here. docs/security.md says what a row reveals.

CREATE TABLE statistics_facts (
  case_id             TEXT   NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  person_id           TEXT   NOT NULL REFERENCES persons (id),
  organisation_id     TEXT   NOT NULL REFERENCES organisations (id),
  organisation_kind   TEXT   NOT NULL,
  case_type           TEXT   NOT NULL,
  recorded_on         TEXT   NOT NULL,  -- the day the person was added (Stockholm)
  gender              TEXT   NOT NULL,
  age_group           TEXT   NOT NULL,
  citizenship_group   TEXT   NOT NULL,
  citizenship_country TEXT   NOT NULL DEFAULT '',
  protected           INTEGER NOT NULL DEFAULT 0,
  forms               TEXT   NOT NULL DEFAULT '',  -- comma-separated, sorted
  sectors             TEXT   NOT NULL DEFAULT '',  -- labour sectors, comma-separated, sorted
  police_region       TEXT   NOT NULL DEFAULT '',
  county              TEXT   NOT NULL DEFAULT '',
  steps               TEXT   NOT NULL DEFAULT '[]',  -- JSON: [[track, step, date], ...] in order
  clocks              TEXT   NOT NULL DEFAULT '[]',  -- JSON: [[rule, status, starts_on, ends_on], ...]
  status              TEXT   NOT NULL DEFAULT 'open',
  outcome             TEXT   NOT NULL DEFAULT '',   -- the closure reason once closed
  closed_on           TEXT   NOT NULL DEFAULT '',
  updated_at_us       BIGINT NOT NULL,
  PRIMARY KEY (case_id, person_id)
);
CREATE INDEX statistics_facts_recorded ON statistics_facts (recorded_on, organisation_id);
