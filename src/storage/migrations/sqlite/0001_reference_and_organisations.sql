-- 0001: reference data and the organisation directory (SQLite).
-- Shipped migrations are never edited; add a new numbered file instead.

CREATE TABLE reference_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE police_regions (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  name_en TEXT NOT NULL,
  seat    TEXT NOT NULL
);

CREATE TABLE counties (
  code          TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  short_name    TEXT NOT NULL,
  letter        TEXT NOT NULL,
  police_region TEXT NOT NULL REFERENCES police_regions (id)
);

CREATE TABLE municipalities (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  county_code TEXT NOT NULL REFERENCES counties (code)
);

CREATE TABLE population (
  level      TEXT    NOT NULL CHECK (level IN ('county', 'municipality')),
  code       TEXT    NOT NULL,
  year       INTEGER NOT NULL,
  population INTEGER NOT NULL CHECK (population >= 0),
  PRIMARY KEY (level, code, year)
);

CREATE TABLE countries (
  alpha2  TEXT PRIMARY KEY,
  alpha3  TEXT NOT NULL,
  numeric TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_sv TEXT NOT NULL
);

CREATE TABLE languages (
  code    TEXT PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  scope   TEXT NOT NULL,
  type    TEXT NOT NULL
);

CREATE TABLE services (
  code       TEXT PRIMARY KEY,
  name_en    TEXT NOT NULL,
  name_sv    TEXT NOT NULL,
  group_name TEXT NOT NULL,
  position   INTEGER NOT NULL
);

CREATE TABLE organisations (
  id                    TEXT PRIMARY KEY,
  seed_key              TEXT UNIQUE,
  name                  TEXT    NOT NULL,
  name_folded           TEXT    NOT NULL,
  kind                  TEXT    NOT NULL,
  public_authority      INTEGER NOT NULL CHECK (public_authority IN (0, 1)),
  phone                 TEXT    NOT NULL DEFAULT '',
  email                 TEXT    NOT NULL DEFAULT '',
  website               TEXT    NOT NULL DEFAULT '',
  postal_address        TEXT    NOT NULL DEFAULT '',
  protected_address     TEXT,
  coverage_scope        TEXT    NOT NULL,
  occupancy_occupied    INTEGER,
  occupancy_reported_on TEXT,
  active                INTEGER NOT NULL CHECK (active IN (0, 1)),
  version               INTEGER NOT NULL,
  created_at_us         INTEGER NOT NULL,
  updated_at_us         INTEGER NOT NULL
);
CREATE INDEX organisations_kind ON organisations (kind);
CREATE INDEX organisations_name_folded ON organisations (name_folded);

CREATE TABLE organisation_coverage (
  organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  code            TEXT NOT NULL,
  PRIMARY KEY (organisation_id, code)
);
CREATE INDEX organisation_coverage_code ON organisation_coverage (code);

CREATE TABLE organisation_services (
  organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  service         TEXT NOT NULL,
  PRIMARY KEY (organisation_id, service)
);
CREATE INDEX organisation_services_service ON organisation_services (service);

CREATE TABLE organisation_languages (
  organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  language        TEXT NOT NULL,
  PRIMARY KEY (organisation_id, language)
);

CREATE TABLE organisation_capacity (
  organisation_id TEXT    NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  gender          TEXT    NOT NULL,
  age_group       TEXT    NOT NULL,
  places          INTEGER NOT NULL CHECK (places >= 0),
  PRIMARY KEY (organisation_id, gender, age_group)
);
