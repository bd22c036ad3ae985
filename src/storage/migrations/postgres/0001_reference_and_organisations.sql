-- 0001: reference data and the organisation directory (PostgreSQL 15).
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Mirrors migrations/sqlite/0001 table for table and column for column, so the
-- same repository SQL runs on both:
-- * Text columns use COLLATE "C": byte order, as SQLite's BINARY collation, so
--   ORDER BY and comparisons agree whatever locale the cluster was created with
--   (and LIKE 'prefix%' can use the btree indexes).
-- * Flags stay SMALLINT 0/1, not boolean, because repository SQL compares them
--   with 0/1 literals; counts, versions and timestamps are BIGINT.
-- No BEGIN/COMMIT here: the migrator owns the transaction (DDL is transactional).

CREATE TABLE reference_meta (
  key   TEXT COLLATE "C" PRIMARY KEY,
  value TEXT COLLATE "C" NOT NULL
);

CREATE TABLE police_regions (
  id      TEXT COLLATE "C" PRIMARY KEY,
  name    TEXT COLLATE "C" NOT NULL,
  name_en TEXT COLLATE "C" NOT NULL,
  seat    TEXT COLLATE "C" NOT NULL
);

CREATE TABLE counties (
  code          TEXT COLLATE "C" PRIMARY KEY,
  name          TEXT COLLATE "C" NOT NULL,
  short_name    TEXT COLLATE "C" NOT NULL,
  letter        TEXT COLLATE "C" NOT NULL,
  police_region TEXT COLLATE "C" NOT NULL REFERENCES police_regions (id)
);

CREATE TABLE municipalities (
  code        TEXT COLLATE "C" PRIMARY KEY,
  name        TEXT COLLATE "C" NOT NULL,
  county_code TEXT COLLATE "C" NOT NULL REFERENCES counties (code)
);

CREATE TABLE population (
  level      TEXT COLLATE "C" NOT NULL CHECK (level IN ('county', 'municipality')),
  code       TEXT COLLATE "C" NOT NULL,
  year       INTEGER          NOT NULL,
  population BIGINT           NOT NULL CHECK (population >= 0),
  PRIMARY KEY (level, code, year)
);

CREATE TABLE countries (
  alpha2  TEXT COLLATE "C" PRIMARY KEY,
  alpha3  TEXT COLLATE "C" NOT NULL,
  numeric TEXT COLLATE "C" NOT NULL,
  name_en TEXT COLLATE "C" NOT NULL,
  name_sv TEXT COLLATE "C" NOT NULL
);

CREATE TABLE languages (
  code    TEXT COLLATE "C" PRIMARY KEY,
  name_en TEXT COLLATE "C" NOT NULL,
  name_sv TEXT COLLATE "C" NOT NULL,
  scope   TEXT COLLATE "C" NOT NULL,
  type    TEXT COLLATE "C" NOT NULL
);

CREATE TABLE services (
  code       TEXT COLLATE "C" PRIMARY KEY,
  name_en    TEXT COLLATE "C" NOT NULL,
  name_sv    TEXT COLLATE "C" NOT NULL,
  group_name TEXT COLLATE "C" NOT NULL,
  position   INTEGER          NOT NULL
);

CREATE TABLE organisations (
  id                    TEXT COLLATE "C" PRIMARY KEY,
  seed_key              TEXT COLLATE "C" UNIQUE,
  name                  TEXT COLLATE "C" NOT NULL,
  name_folded           TEXT COLLATE "C" NOT NULL,
  kind                  TEXT COLLATE "C" NOT NULL,
  public_authority      SMALLINT         NOT NULL CHECK (public_authority IN (0, 1)),
  phone                 TEXT COLLATE "C" NOT NULL DEFAULT '',
  email                 TEXT COLLATE "C" NOT NULL DEFAULT '',
  website               TEXT COLLATE "C" NOT NULL DEFAULT '',
  postal_address        TEXT COLLATE "C" NOT NULL DEFAULT '',
  protected_address     TEXT COLLATE "C",
  coverage_scope        TEXT COLLATE "C" NOT NULL,
  occupancy_occupied    BIGINT,
  occupancy_reported_on TEXT COLLATE "C",
  active                SMALLINT         NOT NULL CHECK (active IN (0, 1)),
  version               BIGINT           NOT NULL,
  created_at_us         BIGINT           NOT NULL,
  updated_at_us         BIGINT           NOT NULL
);
CREATE INDEX organisations_kind ON organisations (kind);
CREATE INDEX organisations_name_folded ON organisations (name_folded);

CREATE TABLE organisation_coverage (
  organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  code            TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (organisation_id, code)
);
CREATE INDEX organisation_coverage_code ON organisation_coverage (code);

CREATE TABLE organisation_services (
  organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  service         TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (organisation_id, service)
);
CREATE INDEX organisation_services_service ON organisation_services (service);

CREATE TABLE organisation_languages (
  organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  language        TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (organisation_id, language)
);

CREATE TABLE organisation_capacity (
  organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  gender          TEXT COLLATE "C" NOT NULL,
  age_group       TEXT COLLATE "C" NOT NULL,
  places          BIGINT           NOT NULL CHECK (places >= 0),
  PRIMARY KEY (organisation_id, gender, age_group)
);
