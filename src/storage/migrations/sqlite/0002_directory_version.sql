-- 0002: a counter bumped by every write to the organisation directory, so
-- servers can cache the directory and notice changes made by others.
CREATE TABLE directory_state (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO directory_state (id, version) VALUES (1, 0);
