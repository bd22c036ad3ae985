-- The audit log, and the leases of background work, in a file of their own beside the database
-- (<name>-audit.db, attached to every connection as `audit`): the log commits every few
-- milliseconds under load, and in the main file each commit emptied the page cache of every
-- connection that reads cases (docs/adr/0017-audit-log-file.md).
--
-- The copy into the audit file is made before this transaction, by one that writes only that
-- file (storage/sqlite/audit_file.cpp): SQLite commits attached files one after the other, the
-- main file first, so a copy made here could be lost after this migration had committed. This
-- migration drops the main file's tables, and first checks that each was copied whole: when one
-- was not, `abs` of the smallest integer stops it with "integer overflow", and nothing is dropped.
SELECT CASE WHEN (SELECT count(*) FROM audit.leases) = (SELECT count(*) FROM main.leases)
  AND (SELECT count(*) FROM audit.audit_pending) = (SELECT count(*) FROM main.audit_pending)
  AND (SELECT count(*) FROM audit.audit_entries) = (SELECT count(*) FROM main.audit_entries)
  AND (SELECT count(*) FROM audit.audit_entry_objects) = (SELECT count(*) FROM main.audit_entry_objects)
  AND (SELECT count(*) FROM audit.audit_tree) = (SELECT count(*) FROM main.audit_tree)
  AND (SELECT count(*) FROM audit.audit_checkpoints) = (SELECT count(*) FROM main.audit_checkpoints)
  AND (SELECT count(*) FROM audit.audit_keys) = (SELECT count(*) FROM main.audit_keys)
  AND (SELECT count(*) FROM audit.audit_journal_state) = (SELECT count(*) FROM main.audit_journal_state)
  AND (SELECT count(*) FROM audit.audit_object_index) = (SELECT count(*) FROM main.audit_object_index)
  AND (SELECT count(*) FROM audit.audit_object_index_state) = (SELECT count(*) FROM main.audit_object_index_state)
  THEN 0 ELSE abs(-9223372036854775808) END;

DROP TABLE main.audit_object_index_state;
DROP TABLE main.audit_object_index;
DROP TABLE main.audit_journal_state;
DROP TABLE main.audit_keys;
DROP TABLE main.audit_checkpoints;
DROP TABLE main.audit_tree;
DROP TABLE main.audit_entry_objects;
DROP TABLE main.audit_entries;
DROP TABLE main.audit_pending;
DROP TABLE main.leases;
