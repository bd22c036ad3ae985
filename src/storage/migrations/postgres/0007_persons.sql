-- 0007: persons in cases (PostgreSQL 15): the person and its code counter, and its
-- place (role) in a case.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- Everything that identifies or describes a person is sealed (base64) under the
-- owning organisation's data key: identity (names, date of birth, gender,
-- citizenship, languages, documents) and contact details. In the clear: ids,
-- the pseudonymous code and the protection level, which lists need to leave
-- protected persons out. Times are microseconds since the epoch (UTC).

CREATE TABLE person_code_counters (
  year        INTEGER PRIMARY KEY,
  last_number BIGINT  NOT NULL
);

CREATE TABLE persons (
  id              TEXT COLLATE "C" PRIMARY KEY,
  organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id),
  code            TEXT COLLATE "C" NOT NULL UNIQUE,
  protection      TEXT COLLATE "C" NOT NULL CHECK (protection IN ('none', 'secrecy_marking',
                          'protected_registration', 'assumed_identity')),
  identity_sealed TEXT COLLATE "C" NOT NULL,  -- base64
  contact_sealed  TEXT COLLATE "C" NOT NULL,  -- base64
  merged_into     TEXT COLLATE "C" REFERENCES persons (id),
  created_at_us   BIGINT NOT NULL,
  updated_at_us   BIGINT NOT NULL,
  version         BIGINT NOT NULL
);
CREATE INDEX persons_organisation ON persons (organisation_id);

CREATE TABLE case_persons (
  case_id     TEXT COLLATE "C" NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  person_id   TEXT COLLATE "C" NOT NULL REFERENCES persons (id),
  role        TEXT COLLATE "C" NOT NULL,
  added_by    TEXT COLLATE "C" NOT NULL,
  added_at_us BIGINT NOT NULL,
  PRIMARY KEY (case_id, person_id)
);
CREATE INDEX case_persons_person ON case_persons (person_id);
