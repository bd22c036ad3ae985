-- 0018: what changed in the statistics facts since a moment, so that the
-- statistics engine keeps its facts in memory and reads only the changes
-- (issue 7 item 9). Shipped migrations are never edited; add a new numbered
-- file instead.
--
-- statistics_fact_removals records each statistics row that was removed (a
-- person merged into another, or a row made again after a correction), so a
-- copy in memory forgets it too. It holds ids and a time only.

CREATE INDEX statistics_facts_updated ON statistics_facts (updated_at_us, case_id, person_id);

CREATE TABLE statistics_fact_removals (
  case_id         TEXT   NOT NULL,
  person_id       TEXT   NOT NULL,
  organisation_id TEXT   NOT NULL,
  removed_at_us   BIGINT NOT NULL
);
CREATE INDEX statistics_fact_removals_at ON statistics_fact_removals (removed_at_us);
