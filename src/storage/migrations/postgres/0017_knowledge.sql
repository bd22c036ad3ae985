-- 0017: the operators' knowledge base (PostgreSQL 15; issue 6 point 7).
-- Mirrors migrations/sqlite/0017 column for column (see 0001 for COLLATE "C"
-- and SMALLINT flags).
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Short articles in Swedish and English that the national unit maintains. They
-- hold no personal data: nothing is sealed. Tags and routing reason codes are
-- stable words, comma-separated in the order given. The slug is unique so the
-- shipped articles are imported only where they are absent (INSERT ... ON
-- CONFLICT DO NOTHING), never over an edit. Times are microseconds since the
-- epoch (UTC); created_by / updated_by are user ids, '' for the shipped seed.
CREATE TABLE knowledge_articles (
  id            TEXT COLLATE "C" PRIMARY KEY,
  slug          TEXT COLLATE "C" NOT NULL UNIQUE,
  title_sv      TEXT NOT NULL,
  title_en      TEXT NOT NULL,
  body_sv       TEXT NOT NULL,
  body_en       TEXT NOT NULL,
  tags          TEXT COLLATE "C" NOT NULL DEFAULT '',  -- tag words, comma-separated
  reasons       TEXT COLLATE "C" NOT NULL DEFAULT '',  -- routing reason codes, comma-separated
  archived      SMALLINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_by    TEXT COLLATE "C" NOT NULL DEFAULT '',
  created_at_us BIGINT NOT NULL,
  updated_by    TEXT COLLATE "C" NOT NULL DEFAULT '',
  updated_at_us BIGINT NOT NULL,
  version       BIGINT NOT NULL
);
