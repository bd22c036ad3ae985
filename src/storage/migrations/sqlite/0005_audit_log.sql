-- 0005: the tamper-evident audit log (SQLite); see docs/adr/0008-audit-log-sequencing.md.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Events hold opaque ids only, never names or content. Hashes and keys are lower-case hex;
-- times are microseconds since the epoch (UTC).

-- Appended by any server, durable at once; moved into audit_entries by the sequencer.
CREATE TABLE audit_pending (
  id             INTEGER PRIMARY KEY,
  appended_at_us BIGINT NOT NULL,
  body           TEXT   NOT NULL  -- the canonical event
);

-- The log: leaf `seq` of the RFC 6962 tree. Only `leaf` is authoritative; the other columns are
-- derived from it by the sequencer (and checked against it by `opennrm audit verify`).
CREATE TABLE audit_entries (
  seq             BIGINT PRIMARY KEY CHECK (seq >= 0),
  leaf            TEXT   NOT NULL,  -- the canonical event
  leaf_hash       TEXT   NOT NULL,  -- SHA-256(0x00 || leaf)
  root            TEXT   NOT NULL,  -- the root of the tree of entries 0..seq
  at_us           BIGINT NOT NULL,
  actor_user_id   TEXT   NOT NULL,
  actor_token_id  TEXT   NOT NULL,
  organisation_id TEXT   NOT NULL,
  action          TEXT   NOT NULL,
  outcome         TEXT   NOT NULL
);
CREATE INDEX audit_entries_at ON audit_entries (at_us);
CREATE INDEX audit_entries_actor_user ON audit_entries (actor_user_id, seq);
CREATE INDEX audit_entries_actor_token ON audit_entries (actor_token_id, seq);
CREATE INDEX audit_entries_organisation ON audit_entries (organisation_id, seq);
CREATE INDEX audit_entries_action ON audit_entries (action, seq);

-- The records each entry touched, for the object and organisation filters.
CREATE TABLE audit_entry_objects (
  seq             BIGINT  NOT NULL REFERENCES audit_entries (seq),
  position        INTEGER NOT NULL,
  object_type     TEXT    NOT NULL,
  object_id       TEXT    NOT NULL,
  organisation_id TEXT    NOT NULL,
  PRIMARY KEY (seq, position)
);
CREATE INDEX audit_entry_objects_object ON audit_entry_objects (object_type, object_id, seq);
CREATE INDEX audit_entry_objects_organisation ON audit_entry_objects (organisation_id, seq);

-- The sequencer's state: one row.
CREATE TABLE audit_tree (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  size          BIGINT  NOT NULL CHECK (size >= 0),
  root          TEXT    NOT NULL,
  subtree_roots TEXT    NOT NULL,  -- the right edge (compact range), comma-separated, largest first
  updated_at_us BIGINT  NOT NULL
);
INSERT INTO audit_tree (id, size, root, subtree_roots, updated_at_us)
VALUES (1, 0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '', 0);

-- Signed tree heads.
CREATE TABLE audit_checkpoints (
  size      BIGINT PRIMARY KEY CHECK (size >= 0),
  root      TEXT   NOT NULL,
  time_us   BIGINT NOT NULL,
  key_id    TEXT   NOT NULL,
  signature TEXT   NOT NULL  -- Ed25519, 128 hex digits
);

-- The public keys that signed checkpoints.
CREATE TABLE audit_keys (
  key_id           TEXT   PRIMARY KEY,
  public_key       TEXT   NOT NULL,  -- 64 hex digits
  first_used_at_us BIGINT NOT NULL
);
