-- 0025: the team of a case in the order it is shown, from one index (SQLite).
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Every case request reads the case's team (to decide access, and for the case page) ordered by
-- when each member was added. The primary key (case_id, user_id) found the rows, then each row's
-- table entry, then sorted them; this index holds the whole answer in its order.
CREATE INDEX case_team_order ON case_team (case_id, added_at_us, user_id, added_by);
