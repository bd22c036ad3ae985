// Referrals (disclosures) and the consent ledger as stored: every field
// round-trips, versions guard updates and what was disclosed or consented to
// never changes, codes are numbered per year, the inbox filters, pages and
// counts, a package holds any byte and is gone once deleted, the history
// keeps its order, and the lookups for revocation and reminders find what
// they must — on SQLite and PostgreSQL alike. Synthetic data only.
#include <cstdio>

#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

CivilDate D(const char* iso) { return *ParseIsoDate(iso); }

std::vector<std::string> IdsOf(const std::vector<ports::ReferralRow>& rows) {
  std::vector<std::string> ids;
  for (const auto& r : rows) ids.push_back(r.id);
  return ids;
}

std::vector<std::string> IdsOf(const std::vector<ports::ConsentRow>& rows) {
  std::vector<std::string> ids;
  for (const auto& r : rows) ids.push_back(r.id);
  return ids;
}

using Ids = std::vector<std::string>;

class ReferralsContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertOrganisation("org-2", orgs::Kind::kRegionalCoordinator);
    InsertOrganisation("org-3", orgs::Kind::kNgoShelter);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertUser(NewUser("cecilia", "org-2", "cecilia.test"));
    InsertCase("c1", "org-1", "anna");
    InsertCase("c2", "org-1", "anna");
    InsertCase("rc", "org-2", "cecilia");
    InsertPerson("p1", "org-1");
    InsertPerson("p2", "org-1");
  }

  void InsertCase(const std::string& id, const std::string& org, const std::string& by) {
    InsertBareCase(id, org, by, kT0);
  }

  void InsertPerson(const std::string& id, const std::string& org) {
    InsertBarePerson(id, org, kT0);
  }

  static ports::ConsentRow Consent(const std::string& id, const std::string& case_id,
                                   const std::string& person_id, const char* given_on,
                                   long long created_at_us = kT0) {
    ports::ConsentRow c;
    c.id = id;
    c.organisation_id = "org-1";
    c.case_id = case_id;
    c.person_id = person_id;
    c.recipient_organisation_id = "org-2";
    c.purpose = "support";
    c.sections = {"needs_safety", "identity", "support"};
    c.given_on = D(given_on);
    c.form = "spoken";
    c.language = "ron";
    c.body_sealed = AllBytes();
    c.taken_by = "anna";
    c.created_at_us = created_at_us;
    return c;
  }

  static std::string Code(int year, long long n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "REF-%04d-%06lld", year, n);
    return buf;
  }

  // A referral of case c1 from org-1 to `recipient`, sent on 2026-03-02.
  static ports::ReferralRow Referral(const std::string& id, const std::string& recipient,
                                     const char* respond_by, long long created_at_us) {
    ports::ReferralRow x;
    x.id = id;
    x.code = "REF-2026-" + id;
    x.sender_organisation_id = "org-1";
    x.source_kind = "case";
    x.source_id = "c1";
    x.person_id = "p1";
    x.recipient_organisation_id = recipient;
    x.purpose = "support";
    x.sections = {"identity", "needs_safety"};
    x.basis_code = "own_task_necessity";
    x.basis_valid_from = D("2009-06-30");
    x.justification_sealed = "justified";
    x.status = "sent";
    x.sent_on = D("2026-03-02");
    x.respond_by = D(respond_by);
    x.sent_by = "anna";
    x.delivery = "in_app";
    x.created_at_us = x.updated_at_us = created_at_us;
    return x;
  }

  void Insert(const ports::ReferralRow& x) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.referrals().Insert(x)); });
  }
};

TEST_F(ReferralsContract, AConsentRoundTripsAndOnlyItsRevocationChangesUnderItsVersion) {
  ports::ConsentRow c = Consent("k1", "c1", "p1", "2026-03-01");
  Committed([&](ports::UnitOfWork& uow) { Must(uow.consents().Insert(c)); });
  EXPECT_FALSE(Must(Read()->consents().Find("k-none")));
  auto got = Must(Read()->consents().Find("k1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->organisation_id, "org-1");
  EXPECT_EQ(got->case_id, "c1");
  EXPECT_EQ(got->person_id, "p1");
  EXPECT_EQ(got->recipient_organisation_id, "org-2");
  EXPECT_EQ(got->purpose, "support");
  EXPECT_EQ(got->sections, (Ids{"needs_safety", "identity", "support"}));  // as given
  EXPECT_EQ(got->given_on, D("2026-03-01"));
  EXPECT_EQ(got->form, "spoken");
  EXPECT_EQ(got->language, "ron");
  EXPECT_EQ(got->body_sealed, AllBytes());
  EXPECT_EQ(got->taken_by, "anna");
  EXPECT_FALSE(got->revoked_on);
  EXPECT_EQ(got->revoked_by, "");
  EXPECT_EQ(got->revocation_sealed, "");
  EXPECT_EQ(got->created_at_us, kT0);
  EXPECT_EQ(got->version, 1);

  ports::ConsentRow revoked = *got;
  revoked.revoked_on = D("2026-03-20");
  revoked.revoked_by = "anna";
  revoked.revocation_sealed = AllBytes();
  revoked.version = 2;
  revoked.purpose = "shelter";  // not a revocation: never stored
  revoked.sections = {"identity"};
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->consents().Update(revoked, 5), ErrorCode::kConflict);
  }
  Committed([&](ports::UnitOfWork& uow) { Must(uow.consents().Update(revoked, 1)); });
  got = Must(Read()->consents().Find("k1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->revoked_on, D("2026-03-20"));
  EXPECT_EQ(got->revoked_by, "anna");
  EXPECT_EQ(got->revocation_sealed, AllBytes());
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->purpose, "support");
  EXPECT_EQ(got->sections, (Ids{"needs_safety", "identity", "support"}));
  {
    auto uow = Write();  // the version it was read at is stale now
    EXPECT_FAILS_WITH(uow->consents().Update(revoked, 1), ErrorCode::kConflict);
  }
}

TEST_F(ReferralsContract, AConsentNeedsItsCaseAndPerson) {
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->consents().Insert(Consent("k1", "c-none", "p1", "2026-03-01")),
                      ErrorCode::kConflict);
  }
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->consents().Insert(Consent("k1", "c1", "p-none", "2026-03-01")),
                      ErrorCode::kConflict);
  }
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.consents().Insert(Consent("k1", "c1", "p1", "2026-03-01")));
  });
  auto uow = Write();
  EXPECT_FAILS_WITH(uow->consents().Insert(Consent("k1", "c2", "p2", "2026-03-01")),
                    ErrorCode::kConflict);
}

TEST_F(ReferralsContract, ConsentsAreListedByCaseAndByPersonNewestFirst) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.consents().Insert(Consent("k-old", "c1", "p1", "2026-01-15")));
    Must(uow.consents().Insert(Consent("k-new", "c1", "p1", "2026-03-01", kT0)));
    Must(uow.consents().Insert(Consent("k-new-later", "c1", "p1", "2026-03-01", kT0 + 5)));
    Must(uow.consents().Insert(Consent("k-p2", "c1", "p2", "2026-02-01")));
    Must(uow.consents().Insert(Consent("k-c2", "c2", "p1", "2026-02-10")));
  });
  EXPECT_EQ(IdsOf(Must(Read()->consents().OfCase("c1"))),
            (Ids{"k-new-later", "k-new", "k-p2", "k-old"}));
  EXPECT_EQ(IdsOf(Must(Read()->consents().OfCase("c2"))), (Ids{"k-c2"}));
  EXPECT_TRUE(Must(Read()->consents().OfCase("rc")).empty());
  EXPECT_EQ(IdsOf(Must(Read()->consents().OfPerson("org-1", "p1"))),
            (Ids{"k-new-later", "k-new", "k-c2", "k-old"}));
  EXPECT_EQ(IdsOf(Must(Read()->consents().OfPerson("org-1", "p2"))), (Ids{"k-p2"}));
  EXPECT_TRUE(Must(Read()->consents().OfPerson("org-2", "p1")).empty());
  auto listed = Must(Read()->consents().OfPerson("org-1", "p2"));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].body_sealed, AllBytes());  // lists carry whole rows
}

TEST_F(ReferralsContract, AReferralRoundTripsEveryFieldAndAStepNeedsItsVersion) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.consents().Insert(Consent("k1", "c1", "p1", "2026-03-01")));
  });
  ports::ReferralRow x = Referral("r1", "org-2", "2026-03-09", kT0);
  x.code = Code(2026, 12);
  x.purpose = "shelter";
  x.sections = {"needs_safety", "identity", "assessment"};
  x.withheld = {"contact"};
  x.strip_places = true;
  x.protected_warning = true;
  x.basis_code = "consent";
  x.basis_valid_from = D("2024-01-01");
  x.consent_id = "k1";
  x.justification_sealed = AllBytes();
  Insert(x);
  EXPECT_FALSE(Must(Read()->referrals().Find("r-none")));
  auto got = Must(Read()->referrals().Find("r1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->code, "REF-2026-000012");
  EXPECT_EQ(got->sender_organisation_id, "org-1");
  EXPECT_EQ(got->source_kind, "case");
  EXPECT_EQ(got->source_id, "c1");
  EXPECT_EQ(got->person_id, "p1");
  EXPECT_EQ(got->recipient_organisation_id, "org-2");
  EXPECT_EQ(got->purpose, "shelter");
  EXPECT_EQ(got->sections, (Ids{"needs_safety", "identity", "assessment"}));
  EXPECT_EQ(got->withheld, (Ids{"contact"}));
  EXPECT_TRUE(got->strip_places);
  EXPECT_TRUE(got->protected_warning);
  EXPECT_EQ(got->basis_code, "consent");
  EXPECT_EQ(got->basis_valid_from, D("2024-01-01"));
  EXPECT_EQ(got->consent_id, "k1");
  EXPECT_EQ(got->justification_sealed, AllBytes());
  EXPECT_EQ(got->status, "sent");
  EXPECT_EQ(got->sent_on, D("2026-03-02"));
  EXPECT_EQ(got->respond_by, D("2026-03-09"));
  EXPECT_EQ(got->sent_by, "anna");
  EXPECT_FALSE(got->answered_on);
  EXPECT_EQ(got->answered_by, "");
  EXPECT_EQ(got->decline_sealed, "");
  EXPECT_FALSE(got->completed_on);
  EXPECT_EQ(got->outcome, "");
  EXPECT_FALSE(got->recipient_case_id);
  EXPECT_EQ(got->delivery, "in_app");
  EXPECT_EQ(got->created_at_us, kT0);
  EXPECT_EQ(got->updated_at_us, kT0);
  EXPECT_EQ(got->version, 1);

  ports::ReferralRow accepted = *got;
  accepted.status = "accepted";
  accepted.answered_on = D("2026-03-04");
  accepted.answered_by = "cecilia";
  accepted.recipient_case_id = "rc";
  accepted.updated_at_us = kT0 + 10;
  accepted.version = 2;
  accepted.sections = {"identity"};  // what was disclosed never changes
  accepted.recipient_organisation_id = "org-3";
  accepted.consent_id.reset();
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->referrals().Update(accepted, 3), ErrorCode::kConflict);
  }
  Committed([&](ports::UnitOfWork& uow) { Must(uow.referrals().Update(accepted, 1)); });
  got = Must(Read()->referrals().Find("r1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, "accepted");
  EXPECT_EQ(got->answered_on, D("2026-03-04"));
  EXPECT_EQ(got->answered_by, "cecilia");
  EXPECT_EQ(got->recipient_case_id, "rc");
  EXPECT_EQ(got->updated_at_us, kT0 + 10);
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->sections, (Ids{"needs_safety", "identity", "assessment"}));
  EXPECT_EQ(got->recipient_organisation_id, "org-2");
  EXPECT_EQ(got->consent_id, "k1");

  ports::ReferralRow completed = *got;
  completed.status = "completed";
  completed.completed_on = D("2026-03-15");
  completed.outcome = "place_given";
  completed.updated_at_us = kT0 + 20;
  completed.version = 3;
  {
    auto uow = Write();  // read at version 1: stale
    EXPECT_FAILS_WITH(uow->referrals().Update(completed, 1), ErrorCode::kConflict);
  }
  Committed([&](ports::UnitOfWork& uow) { Must(uow.referrals().Update(completed, 2)); });
  got = Must(Read()->referrals().Find("r1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, "completed");
  EXPECT_EQ(got->completed_on, D("2026-03-15"));
  EXPECT_EQ(got->outcome, "place_given");
  EXPECT_EQ(got->version, 3);
}

TEST_F(ReferralsContract, AReferralWithoutOptionsRoundTripsAndADeclineKeepsItsSealedReason) {
  ports::ReferralRow x = Referral("r1", "org-3", "2026-03-09", kT0);
  x.justification_sealed = "";
  x.delivery = "other_means";
  x.person_id = "";
  Insert(x);
  auto got = Must(Read()->referrals().Find("r1"));
  ASSERT_TRUE(got);
  EXPECT_FALSE(got->consent_id);
  EXPECT_TRUE(got->withheld.empty());
  EXPECT_FALSE(got->strip_places);
  EXPECT_FALSE(got->protected_warning);
  EXPECT_EQ(got->justification_sealed, "");
  EXPECT_EQ(got->person_id, "");
  EXPECT_EQ(got->delivery, "other_means");

  ports::ReferralRow declined = *got;
  declined.status = "declined";
  declined.answered_on = D("2026-03-03");
  declined.answered_by = "cecilia";
  declined.decline_sealed = AllBytes();
  declined.version = 2;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.referrals().Update(declined, 1)); });
  got = Must(Read()->referrals().Find("r1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, "declined");
  EXPECT_EQ(got->decline_sealed, AllBytes());
  EXPECT_FALSE(got->recipient_case_id);
}

TEST_F(ReferralsContract, AReferralNeedsKnownOrganisationsConsentAndCaseAndAFreshCode) {
  auto refused = [&](ports::ReferralRow x) {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->referrals().Insert(x), ErrorCode::kConflict);
  };
  ports::ReferralRow x = Referral("r1", "org-2", "2026-03-09", kT0);
  auto bad = x;
  bad.recipient_organisation_id = "org-none";
  refused(bad);
  bad = x;
  bad.consent_id = "k-none";
  refused(bad);
  bad = x;
  bad.recipient_case_id = "c-none";
  refused(bad);
  bad = x;
  bad.status = "opened";  // not a status
  refused(bad);
  Insert(x);
  bad = Referral("r2", "org-2", "2026-03-09", kT0);
  bad.code = x.code;
  refused(bad);
}

TEST_F(ReferralsContract, CodesAreNumberedPerYearWithoutReuse) {
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_EQ(Must(uow.referrals().NextCodeNumber(2026)), 1);
    EXPECT_EQ(Must(uow.referrals().NextCodeNumber(2026)), 2);
    EXPECT_EQ(Must(uow.referrals().NextCodeNumber(2027)), 1);
  });
  {
    auto uow = Write();  // rolled back: its number is given again
    EXPECT_EQ(Must(uow->referrals().NextCodeNumber(2026)), 3);
  }
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_EQ(Must(uow.referrals().NextCodeNumber(2026)), 3);
    // Case codes count on their own.
    EXPECT_EQ(Must(uow.cases().NextCodeNumber(2026)), 1);
  });
}

TEST_F(ReferralsContract, TheInboxFiltersPagesAndCountsAwaitingAnswersFirst) {
  auto with = [](ports::ReferralRow x, const char* status, const char* purpose,
                 const char* sender) {
    x.status = status;
    x.purpose = purpose;
    x.sender_organisation_id = sender;
    return x;
  };
  Insert(with(Referral("s-late", "org-2", "2026-03-20", kT0), "sent", "support", "org-1"));
  Insert(with(Referral("s-early", "org-2", "2026-03-05", kT0 + 1), "sent", "support", "org-1"));
  Insert(with(Referral("s-shelter", "org-2", "2026-03-10", kT0 + 2), "sent", "shelter", "org-3"));
  Insert(with(Referral("a-1", "org-2", "2026-03-01", kT0 + 3), "accepted", "support", "org-1"));
  Insert(with(Referral("d-1", "org-2", "2026-03-03", kT0 + 4), "declined", "return", "org-3"));
  Insert(with(Referral("w-1", "org-2", "2026-03-03", kT0 + 5), "withdrawn", "support", "org-1"));
  Insert(with(Referral("other", "org-3", "2026-03-02", kT0 + 6), "sent", "support", "org-1"));

  auto inbox = [&](ports::InboxFilter f) { return Must(Read()->referrals().Inbox(f)); };
  ports::InboxFilter all;
  all.recipient_organisation_id = "org-2";
  auto page = inbox(all);
  EXPECT_EQ(page.total, 6);
  EXPECT_EQ(IdsOf(page.items), (Ids{"s-early", "s-shelter", "s-late", "a-1", "d-1", "w-1"}));

  ports::InboxFilter f = all;
  f.statuses = {"sent"};
  page = inbox(f);
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(IdsOf(page.items), (Ids{"s-early", "s-shelter", "s-late"}));
  f.statuses = {"declined", "withdrawn"};
  EXPECT_EQ(IdsOf(inbox(f).items), (Ids{"d-1", "w-1"}));

  f = all;
  f.purpose = "support";
  page = inbox(f);
  EXPECT_EQ(page.total, 4);
  EXPECT_EQ(IdsOf(page.items), (Ids{"s-early", "s-late", "a-1", "w-1"}));

  f = all;
  f.sender_organisation_id = "org-3";
  EXPECT_EQ(IdsOf(inbox(f).items), (Ids{"s-shelter", "d-1"}));

  f = all;
  f.respond_by_on_or_before = D("2026-03-05");  // inclusive
  EXPECT_EQ(IdsOf(inbox(f).items), (Ids{"s-early", "a-1", "d-1", "w-1"}));

  f = all;  // every filter at once
  f.statuses = {"sent", "accepted"};
  f.purpose = "support";
  f.sender_organisation_id = "org-1";
  f.respond_by_on_or_before = D("2026-03-10");
  page = inbox(f);
  EXPECT_EQ(page.total, 2);
  EXPECT_EQ(IdsOf(page.items), (Ids{"s-early", "a-1"}));

  f = all;
  f.purpose = "report_to_police";
  page = inbox(f);
  EXPECT_EQ(page.total, 0);
  EXPECT_TRUE(page.items.empty());

  // Pages of 4: the total stays, the pages join up to the whole list.
  f = all;
  f.limit = 4;
  page = inbox(f);
  EXPECT_EQ(page.total, 6);
  EXPECT_EQ(IdsOf(page.items), (Ids{"s-early", "s-shelter", "s-late", "a-1"}));
  f.offset = 4;
  page = inbox(f);
  EXPECT_EQ(page.total, 6);
  EXPECT_EQ(IdsOf(page.items), (Ids{"d-1", "w-1"}));
  f.offset = 6;
  page = inbox(f);
  EXPECT_EQ(page.total, 6);
  EXPECT_TRUE(page.items.empty());

  // Another organisation sees only its own.
  f = all;
  f.recipient_organisation_id = "org-3";
  page = inbox(f);
  EXPECT_EQ(page.total, 1);
  EXPECT_EQ(IdsOf(page.items), (Ids{"other"}));
  f.recipient_organisation_id = "org-1";
  EXPECT_EQ(inbox(f).total, 0);
}

TEST_F(ReferralsContract, ACaseShowsItsReferralsNewestFirstAndRevocationFindsThoseRelyingOnIt) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.consents().Insert(Consent("k1", "c1", "p1", "2026-03-01")));
    Must(uow.consents().Insert(Consent("k2", "c1", "p1", "2026-03-01")));
  });
  auto on_consent = [](ports::ReferralRow x, const std::string& consent_id) {
    x.basis_code = "consent";
    x.consent_id = consent_id;
    return x;
  };
  Insert(on_consent(Referral("r-first", "org-2", "2026-03-09", kT0), "k1"));
  Insert(Referral("r-second", "org-3", "2026-03-09", kT0 + 1));
  Insert(on_consent(Referral("r-third", "org-2", "2026-03-09", kT0 + 2), "k1"));
  auto other_case = on_consent(Referral("r-c2", "org-2", "2026-03-09", kT0 + 3), "k2");
  other_case.source_id = "c2";
  Insert(other_case);
  auto consultation = Referral("r-consultation", "org-2", "2026-03-09", kT0 + 4);
  consultation.source_kind = "consultation";  // the same id, another kind of source
  Insert(consultation);

  EXPECT_EQ(IdsOf(Must(Read()->referrals().SentFromCase("case", "c1"))),
            (Ids{"r-third", "r-second", "r-first"}));
  EXPECT_EQ(IdsOf(Must(Read()->referrals().SentFromCase("case", "c2"))), (Ids{"r-c2"}));
  EXPECT_EQ(IdsOf(Must(Read()->referrals().SentFromCase("consultation", "c1"))),
            (Ids{"r-consultation"}));
  EXPECT_TRUE(Must(Read()->referrals().SentFromCase("case", "rc")).empty());

  EXPECT_EQ(IdsOf(Must(Read()->referrals().RelyingOnConsent("k1"))), (Ids{"r-first", "r-third"}));
  EXPECT_EQ(IdsOf(Must(Read()->referrals().RelyingOnConsent("k2"))), (Ids{"r-c2"}));
  EXPECT_TRUE(Must(Read()->referrals().RelyingOnConsent("k-none")).empty());
}

TEST_F(ReferralsContract, RemindersFindReferralsAwaitingAnAnswerByTheirDeadline) {
  Insert(Referral("due-early", "org-2", "2026-03-05", kT0));
  Insert(Referral("due-on-day", "org-3", "2026-03-09", kT0 + 1));
  Insert(Referral("due-later", "org-2", "2026-03-10", kT0 + 2));
  auto answered = Referral("answered", "org-2", "2026-03-04", kT0 + 3);
  answered.status = "accepted";
  answered.answered_on = D("2026-03-03");
  answered.answered_by = "cecilia";
  Insert(answered);
  auto withdrawn = Referral("withdrawn", "org-2", "2026-03-04", kT0 + 4);
  withdrawn.status = "withdrawn";
  withdrawn.answered_on = D("2026-03-03");
  withdrawn.answered_by = "anna";
  Insert(withdrawn);

  EXPECT_EQ(IdsOf(Must(Read()->referrals().OpenDueBy(D("2026-03-09")))),
            (Ids{"due-early", "due-on-day"}));
  EXPECT_EQ(IdsOf(Must(Read()->referrals().OpenDueBy(D("2026-03-31")))),
            (Ids{"due-early", "due-on-day", "due-later"}));
  EXPECT_TRUE(Must(Read()->referrals().OpenDueBy(D("2026-03-04"))).empty());
}

TEST_F(ReferralsContract, APackageHoldsEveryByteIsWrittenOnceAndIsGoneAfterDelete) {
  Insert(Referral("r1", "org-2", "2026-03-09", kT0));
  Insert(Referral("r2", "org-2", "2026-03-09", kT0 + 1));
  std::string sealed;
  for (int i = 0; i < 300; ++i) sealed += AllBytes();  // 76,800 bytes, NUL and invalid UTF-8
  EXPECT_FALSE(Must(Read()->referrals().GetPackage("r1")));
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.referrals().PutPackage("r1", sealed));
    Must(uow.referrals().PutPackage("r2", AllBytes()));
  });
  auto got = Must(Read()->referrals().GetPackage("r1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->size(), sealed.size());
  EXPECT_EQ(*got, sealed);
  {
    auto uow = Write();  // a disclosed package is never replaced
    EXPECT_FAILS_WITH(uow->referrals().PutPackage("r1", "other"), ErrorCode::kConflict);
  }
  {
    auto uow = Write();  // nor stored for a referral that does not exist
    EXPECT_FAILS_WITH(uow->referrals().PutPackage("r-none", "x"), ErrorCode::kConflict);
  }
  EXPECT_EQ(*Must(Read()->referrals().GetPackage("r1")), sealed);

  Committed(
      [&](ports::UnitOfWork& uow) { EXPECT_TRUE(Must(uow.referrals().DeletePackage("r1"))); });
  EXPECT_FALSE(Must(Read()->referrals().GetPackage("r1")));
  Committed(
      [&](ports::UnitOfWork& uow) { EXPECT_FALSE(Must(uow.referrals().DeletePackage("r1"))); });
  auto other = Must(Read()->referrals().GetPackage("r2"));
  ASSERT_TRUE(other);
  EXPECT_EQ(*other, AllBytes());
  EXPECT_TRUE(Must(Read()->referrals().Find("r1")));  // the record of the disclosure stays
}

TEST_F(ReferralsContract, TheHistoryKeepsTheOrderStepsWereAppendedIn) {
  Insert(Referral("r1", "org-2", "2026-03-09", kT0));
  Insert(Referral("r2", "org-2", "2026-03-09", kT0));
  EXPECT_TRUE(Must(Read()->referrals().Steps("r1")).empty());
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.referrals().AppendStep("r1", "sent", kT0, "anna", "org-1"));
    Must(uow.referrals().AppendStep("r2", "sent", kT0, "anna", "org-1"));
  });
  Committed([&](ports::UnitOfWork& uow) {
    // The same instant, and an earlier one: order is the order appended.
    Must(uow.referrals().AppendStep("r1", "accept", kT0 + 50, "cecilia", "org-2"));
    Must(uow.referrals().AppendStep("r1", "complete", kT0 + 50, "cecilia", "org-2"));
    Must(uow.referrals().AppendStep("r1", "reminder", kT0 + 10, "", "org-2"));
  });
  auto steps = Must(Read()->referrals().Steps("r1"));
  ASSERT_EQ(steps.size(), 4u);
  const char* words[] = {"sent", "accept", "complete", "reminder"};
  for (size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i].referral_id, "r1");
    EXPECT_EQ(steps[i].n, static_cast<int>(i) + 1);
    EXPECT_EQ(steps[i].step, words[i]);
  }
  EXPECT_EQ(steps[0].at_us, kT0);
  EXPECT_EQ(steps[0].by_user_id, "anna");
  EXPECT_EQ(steps[0].organisation_id, "org-1");
  EXPECT_EQ(steps[1].at_us, kT0 + 50);
  EXPECT_EQ(steps[1].by_user_id, "cecilia");
  EXPECT_EQ(steps[1].organisation_id, "org-2");
  EXPECT_EQ(steps[3].at_us, kT0 + 10);
  EXPECT_EQ(steps[3].by_user_id, "");
  auto r2 = Must(Read()->referrals().Steps("r2"));
  ASSERT_EQ(r2.size(), 1u);
  EXPECT_EQ(r2[0].n, 1);
  {
    auto uow = Write();  // no history for a referral that does not exist
    EXPECT_FAILS_WITH(uow->referrals().AppendStep("r-none", "sent", kT0, "anna", "org-1"),
                      ErrorCode::kConflict);
  }
}

}  // namespace
}  // namespace opennrm::testing
