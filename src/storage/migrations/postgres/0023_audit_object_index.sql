-- 0023: the audit log's object index, built in sorted runs (PostgreSQL 15); see
-- docs/adr/0016-audit-object-index-in-sorted-runs.md.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Mirrors migrations/sqlite/0023: the sequencer fills audit_object_index in large runs, sorted by
-- key, for the entries below `indexed_below`; the objects of later entries are found by their seq
-- in audit_entry_objects itself.
-- Keyed by the object's id first: the viewer's usual question is "what touched this record",
-- often asked with the id alone.
CREATE TABLE audit_object_index (
  object_id   TEXT   NOT NULL,
  object_type TEXT   NOT NULL,
  seq         BIGINT NOT NULL,
  PRIMARY KEY (object_id, object_type, seq)
);
INSERT INTO audit_object_index (object_id, object_type, seq)
SELECT DISTINCT object_id, object_type, seq FROM audit_entry_objects
ORDER BY object_id, object_type, seq;

CREATE TABLE audit_object_index_state (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_below BIGINT  NOT NULL CHECK (indexed_below >= 0)
);
INSERT INTO audit_object_index_state (id, indexed_below)
SELECT 1, COALESCE(MAX(seq) + 1, 0) FROM audit_entries;

DROP INDEX IF EXISTS audit_entry_objects_object;
