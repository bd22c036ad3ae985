-- 0008: the blind index of persons' names (SQLite).
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- One row per keyed digest (HMAC under the organisation's blind-index key) of
-- a normalised name token or its phonetic skeleton. No name, token or
-- skeleton is stored; a digest means nothing without the organisation's key.

CREATE TABLE person_name_index (
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  digest          TEXT NOT NULL,  -- lower-case hex
  person_id       TEXT NOT NULL REFERENCES persons (id),
  PRIMARY KEY (organisation_id, digest, person_id)
);
CREATE INDEX person_name_index_person ON person_name_index (person_id);
