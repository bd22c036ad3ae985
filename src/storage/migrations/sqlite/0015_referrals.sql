-- 0015: referrals (disclosures), their sealed packages and history, and the
-- consent ledger (SQLite; issue 5).
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
  id                        TEXT PRIMARY KEY,
  organisation_id           TEXT   NOT NULL REFERENCES organisations (id),
  case_id                   TEXT   NOT NULL REFERENCES cases (id),
  person_id                 TEXT   NOT NULL REFERENCES persons (id),
  recipient_organisation_id TEXT   NOT NULL REFERENCES organisations (id),
  purpose                   TEXT   NOT NULL,
  sections                  TEXT   NOT NULL,  -- section words, comma-separated
  given_on                  TEXT   NOT NULL,
  form                      TEXT   NOT NULL,
  language                  TEXT   NOT NULL,
  body_sealed               TEXT   NOT NULL DEFAULT '',  -- base64
  taken_by                  TEXT   NOT NULL,
  revoked_on                TEXT,
  revoked_by                TEXT   NOT NULL DEFAULT '',
  revocation_sealed         TEXT   NOT NULL DEFAULT '',  -- base64
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
  id                        TEXT PRIMARY KEY,
  code                      TEXT    NOT NULL UNIQUE,
  sender_organisation_id    TEXT    NOT NULL REFERENCES organisations (id),
  source_kind               TEXT    NOT NULL,
  source_id                 TEXT    NOT NULL,
  person_id                 TEXT    NOT NULL DEFAULT '',
  recipient_organisation_id TEXT    NOT NULL REFERENCES organisations (id),
  purpose                   TEXT    NOT NULL,
  sections                  TEXT    NOT NULL,             -- section words, comma-separated
  withheld                  TEXT    NOT NULL DEFAULT '',  -- section words, comma-separated
  strip_places              INTEGER NOT NULL DEFAULT 0 CHECK (strip_places IN (0, 1)),
  protected_warning         INTEGER NOT NULL DEFAULT 0 CHECK (protected_warning IN (0, 1)),
  basis_code                TEXT    NOT NULL,
  basis_valid_from          TEXT    NOT NULL,
  consent_id                TEXT    REFERENCES consents (id),
  justification_sealed      TEXT    NOT NULL DEFAULT '',  -- base64
  status                    TEXT    NOT NULL CHECK (status IN ('sent', 'accepted', 'declined',
                                                               'withdrawn', 'completed')),
  sent_on                   TEXT    NOT NULL,
  respond_by                TEXT    NOT NULL,
  sent_by                   TEXT    NOT NULL,
  answered_on               TEXT,
  answered_by               TEXT    NOT NULL DEFAULT '',
  decline_sealed            TEXT    NOT NULL DEFAULT '',  -- base64
  completed_on              TEXT,
  outcome                   TEXT    NOT NULL DEFAULT '',
  recipient_case_id         TEXT    REFERENCES cases (id),
  delivery                  TEXT    NOT NULL CHECK (delivery IN ('in_app', 'other_means')),
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
  referral_id TEXT PRIMARY KEY REFERENCES referrals (id) ON DELETE CASCADE,
  sealed      TEXT NOT NULL  -- base64
);

-- The history of a referral: every step, numbered in order.
CREATE TABLE referral_steps (
  referral_id     TEXT    NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  n               INTEGER NOT NULL,
  step            TEXT    NOT NULL,
  at_us           BIGINT  NOT NULL,
  by_user_id      TEXT    NOT NULL,
  organisation_id TEXT    NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (referral_id, n)
);
