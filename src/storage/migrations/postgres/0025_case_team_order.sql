-- 0025: the team of a case in the order it is shown, from one index (PostgreSQL 15).
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Mirrors migrations/sqlite/0025: every case request reads the case's team ordered by when each
-- member was added; this index holds the whole answer in its order.
CREATE INDEX case_team_order ON case_team (case_id, added_at_us, user_id, added_by);
