-- 0020: published statistics, frozen per release (PostgreSQL 15; issue 7 items 3 and 9).
-- Mirrors migrations/sqlite/0020 column for column (see 0001 for COLLATE "C").
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- A release of a year is written once when the national unit publishes it and
-- never changed; a revision is a new release (number 2, 3, ...) of the same
-- year. Each table of a release is stored after statistical disclosure
-- control as one JSON document (body): hidden cells are stored as suppressed,
-- without their count or the reason. Nothing here names a person. Times are
-- microseconds since the epoch (UTC); published_by_* are the publisher's
-- organisation and user ids.
CREATE TABLE statistics_releases (
  year                      INTEGER NOT NULL,
  number                    INTEGER NOT NULL CHECK (number >= 1),
  published_at_us           BIGINT NOT NULL,
  published_by_organisation TEXT COLLATE "C" NOT NULL,
  published_by_user         TEXT COLLATE "C" NOT NULL,
  tables                    INTEGER NOT NULL,
  PRIMARY KEY (year, number)
);

CREATE TABLE statistics_release_tables (
  year      INTEGER NOT NULL,
  number    INTEGER NOT NULL,
  table_id  TEXT COLLATE "C" NOT NULL,
  series    TEXT COLLATE "C" NOT NULL DEFAULT '',
  grp       TEXT COLLATE "C" NOT NULL,
  body      TEXT NOT NULL,  -- the protected table as JSON (storage/codec/published_table_codec)
  PRIMARY KEY (year, number, table_id, series),
  FOREIGN KEY (year, number) REFERENCES statistics_releases (year, number)
);
