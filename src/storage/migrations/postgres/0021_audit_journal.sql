-- 0021: how far the log holds the audit journal (PostgreSQL 15); see
-- docs/adr/0014-audit-journal-and-request-lanes.md.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Mirrors migrations/sqlite/0021. The journal is used on SQLite, where one server writes the log;
-- on PostgreSQL several servers append pending events (ADR 8) and this row stays (0, 0).
CREATE TABLE audit_journal_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  segment    BIGINT  NOT NULL CHECK (segment >= 0),
  end_offset BIGINT  NOT NULL CHECK (end_offset >= 0)
);
INSERT INTO audit_journal_state (id, segment, end_offset) VALUES (1, 0, 0);
