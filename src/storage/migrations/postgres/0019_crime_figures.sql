-- 0019: official crime figures (PostgreSQL 15; issue 7 item 2).
-- Mirrors migrations/sqlite/0019 column for column (see 0001 for COLLATE "C").
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Reported offences and persons suspected, prosecuted and convicted per
-- offence and year, as the official crime statistics publish them, imported
-- by the national unit (never derived from case records). They name no
-- person. An import replaces every figure of the years it holds: the figures
-- of those years are deleted and written again in one transaction, and the
-- import is logged. value NULL = not known, 0 = known to be none. Words are
-- those of domain/stats/crime_figures.hpp. Times are microseconds since the
-- epoch (UTC).
CREATE TABLE crime_figure_imports (
  id              TEXT COLLATE "C" PRIMARY KEY,
  organisation_id TEXT COLLATE "C" NOT NULL,
  user_id         TEXT COLLATE "C" NOT NULL,
  imported_at_us  BIGINT  NOT NULL,
  years           TEXT COLLATE "C" NOT NULL,  -- comma-separated, ascending
  sources         TEXT    NOT NULL,           -- JSON array of the distinct sources, sorted
  figures         INTEGER NOT NULL
);
CREATE INDEX crime_figure_imports_at ON crime_figure_imports (imported_at_us);

CREATE TABLE crime_figures (
  year      INTEGER NOT NULL,
  offence   TEXT COLLATE "C" NOT NULL,
  measure   TEXT COLLATE "C" NOT NULL,
  breakdown TEXT COLLATE "C" NOT NULL,
  category  TEXT COLLATE "C" NOT NULL,
  value     BIGINT  CHECK (value IS NULL OR value >= 0),
  source    TEXT    NOT NULL,
  import_id TEXT COLLATE "C" NOT NULL REFERENCES crime_figure_imports (id),
  PRIMARY KEY (year, offence, measure, breakdown, category)
);
