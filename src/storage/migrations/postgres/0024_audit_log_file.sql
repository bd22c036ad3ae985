-- SQLite moves the audit log and the leases to a file of their own here
-- (docs/adr/0017-audit-log-file.md). PostgreSQL keeps them where they are: its commits do not
-- empty other connections' caches, and several servers share the one database.
SELECT 1;
