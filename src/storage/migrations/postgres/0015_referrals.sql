-- 0015: referrals (disclosures), their sealed packages and history, and the
-- consent ledger (PostgreSQL 15; issue 5).
-- Mirrors migrations/sqlite/0015 table for table and column for column (see
-- 0001 for COLLATE "C" and SMALLINT flags).
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- In the clear: ids, codes, stable words (purposes, sections, bases, forms,
-- statuses, steps, outcomes), ISO 639-3 language codes and civil dates
-- (YYYY-MM-DD), so the inbox and the ledger can filter. Free text (how a
-- consent was given, a revocation's reason, a justification, a reason for
-- declining) is sealed (base64) under the writing organisation's data key; a
-- package is sealed to the recipient organisation's key and deleted when the
-- referral is withdrawn or declined. Lists of words are comma-separated in
-- the order given. Times are microseconds since the epoch (UTC).

-- The consent ledger: one person's permission for one recipient, one purpose
-- and a set of sections, recorded on a case of the controller
-- (organisation_id). Only the revocation ever changes.
CREATE TABLE consents (
  id                        TEXT COLLATE "C" PRIMARY KEY,
  organisation_id           TEXT COLLATE "C" NOT NULL REFERENCES organisations (id),
  case_id                   TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
  person_id                 TEXT COLLATE "C" NOT NULL REFERENCES persons (id),
  recipient_organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id),
  purpose                   TEXT COLLATE "C" NOT NULL,
  sections                  TEXT COLLATE "C" NOT NULL,  -- section words, comma-separated
  given_on                  TEXT COLLATE "C" NOT NULL,
  form                      TEXT COLLATE "C" NOT NULL,
  language                  TEXT COLLATE "C" NOT NULL,
  body_sealed               TEXT COLLATE "C" NOT NULL DEFAULT '',  -- base64
  taken_by                  TEXT COLLATE "C" NOT NULL,
  revoked_on                TEXT COLLATE "C",
  revoked_by                TEXT COLLATE "C" NOT NULL DEFAULT '',
  revocation_sealed         TEXT COLLATE "C" NOT NULL DEFAULT '',  -- base64
  created_at_us             BIGINT NOT NULL,
  version                   BIGINT NOT NULL
);
CREATE INDEX consents_case ON consents (case_id, given_on);
CREATE INDEX consents_person ON consents (organisation_id, person_id, given_on);

CREATE TABLE referral_code_counters (
  year        INTEGER PRIMARY KEY,
  last_number BIGINT  NOT NULL
);

-- A referral: what was disclosed, to whom, for what, on which basis, and
-- where it stands. The source is a case ("case"); the hotline adds
-- consultations, so source_id refers to no table.
CREATE TABLE referrals (
  id                        TEXT COLLATE "C" PRIMARY KEY,
  code                      TEXT COLLATE "C" NOT NULL UNIQUE,
  sender_organisation_id    TEXT COLLATE "C" NOT NULL REFERENCES organisations (id),
  source_kind               TEXT COLLATE "C" NOT NULL,
  source_id                 TEXT COLLATE "C" NOT NULL,
  person_id                 TEXT COLLATE "C" NOT NULL DEFAULT '',
  recipient_organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id),
  purpose                   TEXT COLLATE "C" NOT NULL,
  sections                  TEXT COLLATE "C" NOT NULL,  -- section words, comma-separated
  withheld                  TEXT COLLATE "C" NOT NULL DEFAULT '',  -- section words, comma-separated
  strip_places              SMALLINT NOT NULL DEFAULT 0 CHECK (strip_places IN (0, 1)),
  protected_warning         SMALLINT NOT NULL DEFAULT 0 CHECK (protected_warning IN (0, 1)),
  basis_code                TEXT COLLATE "C" NOT NULL,
  basis_valid_from          TEXT COLLATE "C" NOT NULL,
  consent_id                TEXT COLLATE "C" REFERENCES consents (id),
  justification_sealed      TEXT COLLATE "C" NOT NULL DEFAULT '',  -- base64
  status                    TEXT COLLATE "C" NOT NULL CHECK (status IN ('sent', 'accepted',
                            'declined', 'withdrawn', 'completed')),
  sent_on                   TEXT COLLATE "C" NOT NULL,
  respond_by                TEXT COLLATE "C" NOT NULL,
  sent_by                   TEXT COLLATE "C" NOT NULL,
  answered_on               TEXT COLLATE "C",
  answered_by               TEXT COLLATE "C" NOT NULL DEFAULT '',
  decline_sealed            TEXT COLLATE "C" NOT NULL DEFAULT '',  -- base64
  completed_on              TEXT COLLATE "C",
  outcome                   TEXT COLLATE "C" NOT NULL DEFAULT '',
  recipient_case_id         TEXT COLLATE "C" REFERENCES cases (id),
  delivery                  TEXT COLLATE "C" NOT NULL CHECK (delivery IN ('in_app', 'other_means')),
  created_at_us             BIGINT  NOT NULL,
  updated_at_us             BIGINT  NOT NULL,
  version                   BIGINT  NOT NULL
);
CREATE INDEX referrals_inbox ON referrals (recipient_organisation_id, status, respond_by);
CREATE INDEX referrals_source ON referrals (source_kind, source_id, created_at_us);
CREATE INDEX referrals_consent ON referrals (consent_id);
CREATE INDEX referrals_open_due ON referrals (status, respond_by);

-- The sealed package of a referral (base64 of the package box's bytes):
-- written once, deleted when the referral is withdrawn or declined.
CREATE TABLE referral_packages (
  referral_id TEXT COLLATE "C" PRIMARY KEY REFERENCES referrals (id) ON DELETE CASCADE,
  sealed      TEXT COLLATE "C" NOT NULL  -- base64
);

-- The history of a referral: every step, numbered in order.
CREATE TABLE referral_steps (
  referral_id     TEXT COLLATE "C" NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  n               INTEGER NOT NULL,
  step            TEXT COLLATE "C" NOT NULL,
  at_us           BIGINT  NOT NULL,
  by_user_id      TEXT COLLATE "C" NOT NULL,
  organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (referral_id, n)
);
