-- 0003: named leases, so that exactly one of several servers on one database
-- runs a singleton job (the scheduler, audit sequencing and signing).
CREATE TABLE leases (
  name          TEXT PRIMARY KEY,
  holder        TEXT   NOT NULL,
  expires_at_us BIGINT NOT NULL
);
