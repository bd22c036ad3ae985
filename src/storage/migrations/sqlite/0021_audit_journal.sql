-- 0021: how far the log holds the audit journal (SQLite); see
-- docs/adr/0014-audit-journal-and-request-lanes.md.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- The server appends each group commit's events to a journal file (durable at once) and
-- sequences them into audit_entries later, in large batches. Each such transaction also stores
-- the journal position it has reached here, so that a restart applies exactly the batches the log
-- does not hold yet. (0, 0): nothing applied from any journal.
CREATE TABLE audit_journal_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  segment    BIGINT  NOT NULL CHECK (segment >= 0),
  end_offset BIGINT  NOT NULL CHECK (end_offset >= 0)
);
INSERT INTO audit_journal_state (id, segment, end_offset) VALUES (1, 0, 0);
