// Migration 0016 on a database that already holds the consent ledger: a
// case's consent and the referral relying on it, recorded at schema version
// 15, are both intact at 16 — every column, every index, and the referral's
// reference to the consent still enforced — on SQLite (which rebuilds the
// table) and PostgreSQL (which alters it) alike. Synthetic data only.
#include <memory>
#include <set>

#include "accounts_fixture.hpp"
#include "migration_fixture.hpp"
#include "storage/repo/case_repo.hpp"
#include "storage/repo/consent_repo.hpp"
#include "storage/repo/organisation_repo.hpp"
#include "storage/repo/person_repo.hpp"
#include "storage/repo/referral_repo.hpp"
#include "storage/repo/user_repo.hpp"

namespace opennrm::testing {
namespace {

constexpr long long kT0 = 1'780'000'000'000'000;

class ConsentLedgerMigration : public MigrationTest {
 protected:
  void SetUp() override {
    MigrationTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_GE(all_.size(), 16u);
    ASSERT_EQ(all_[14].version, 15);
  }

  std::set<std::string> IndexesOfConsents() {
    auto rows = conn_->Query(postgres_ ? "SELECT indexname FROM pg_indexes WHERE tablename = $1"
                                       : "SELECT name FROM sqlite_master WHERE type = 'index'"
                                         " AND tbl_name = $1",
                             {std::string("consents")});
    EXPECT_TRUE(rows) << rows.error().message;
    std::set<std::string> out;
    for (size_t r = 0; rows && r < rows->size(); ++r) out.insert(rows->Text(r, 0));
    return out;
  }
};

TEST_F(ConsentLedgerMigration, ACaseConsentAndTheReferralRelyingOnItSurvive0016) {
  auto at15 = storage::sql::Migrate(*conn_, dialect_, UpTo(15), kT0);
  ASSERT_TRUE(at15) << at15.error().message;
  ASSERT_EQ(at15->to_version, 15);

  // Recorded at version 15 with the repositories whose tables 0016 leaves alone.
  for (const char* id : {"org-1", "org-2"}) {
    orgs::Organisation o;
    o.id = id;
    o.data.name = std::string("Test organisation ") + id;
    o.data.kind = orgs::Kind::kMunicipalSocialServices;
    o.data.coverage = {orgs::CoverageScope::kNational, {}};
    o.created_at_us = o.updated_at_us = kT0;
    ASSERT_OK(storage::repo::SqlOrganisationRepository(*conn_).Insert(o));
  }
  ports::UserRecord u;
  u.id = "anna";
  u.organisation_id = "org-1";
  u.username = "anna.test";
  u.display_name = "Test user";
  u.roles = {access::Role::kSocialWorker};
  u.password_hash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
  u.created_at_us = u.updated_at_us = kT0;
  ASSERT_OK(storage::repo::SqlUserRepository(*conn_).Insert(u));
  ports::CaseRow c;
  c.id = "c1";
  c.organisation_id = "org-1";
  c.code = "NRM-2026-000001";
  c.type = "trafficking_in_human_beings";
  c.steps_version = "se-manual-2019";
  c.created_by = "anna";
  c.created_at_us = c.updated_at_us = kT0;
  ASSERT_OK(storage::repo::SqlCaseRepository(*conn_).Insert(c));
  ports::PersonRow p;
  p.id = "p1";
  p.organisation_id = "org-1";
  p.code = "P-2026-000001";
  p.identity_sealed = "i";
  p.contact_sealed = "c";
  p.created_at_us = p.updated_at_us = kT0;
  ASSERT_OK(storage::repo::SqlPersonRepository(*conn_).Insert(p));
  // Version 15's consents table has no consultation_id: written as 0015 knew it.
  ASSERT_OK(conn_->Execute(
      "INSERT INTO consents (id, organisation_id, case_id, person_id, recipient_organisation_id,"
      " purpose, sections, given_on, form, language, body_sealed, taken_by, revoked_on,"
      " revoked_by, revocation_sealed, created_at_us, version) VALUES ('k1', 'org-1', 'c1', 'p1',"
      " 'org-2', 'support', 'identity,needs_safety', '2026-03-01', 'spoken', 'ron', 'Ym9keQ==',"
      " 'anna', '2026-03-20', 'anna', 'cmVhc29u', $1, 2)",
      {kT0}));
  ports::ReferralRow x;
  x.id = "r1";
  x.code = "REF-2026-000001";
  x.sender_organisation_id = "org-1";
  x.source_kind = "case";
  x.source_id = "c1";
  x.person_id = "p1";
  x.recipient_organisation_id = "org-2";
  x.purpose = "support";
  x.sections = {"identity"};
  x.basis_code = "consent";
  x.basis_valid_from = CivilDate{2018, 5, 25};
  x.consent_id = "k1";
  x.status = "sent";
  x.sent_on = x.respond_by = CivilDate{2026, 3, 2};
  x.sent_by = "anna";
  x.delivery = "in_app";
  x.created_at_us = x.updated_at_us = kT0;
  ASSERT_OK(storage::repo::SqlReferralRepository(*conn_).Insert(x));
  const auto indexes_before = IndexesOfConsents();

  auto at16 = storage::sql::Migrate(*conn_, dialect_, UpTo(16), kT0 + 1);
  ASSERT_TRUE(at16) << at16.error().message;
  EXPECT_EQ(at16->from_version, 15);
  EXPECT_EQ(at16->to_version, 16);

  auto got = storage::repo::SqlConsentRepository(*conn_).Find("k1");
  ASSERT_TRUE(got) << got.error().message;
  ASSERT_TRUE(*got);
  const ports::ConsentRow& k = **got;
  EXPECT_EQ(k.organisation_id, "org-1");
  EXPECT_EQ(k.case_id, "c1");
  EXPECT_EQ(k.person_id, "p1");
  EXPECT_EQ(k.consultation_id, "");
  EXPECT_EQ(k.recipient_organisation_id, "org-2");
  EXPECT_EQ(k.purpose, "support");
  EXPECT_EQ(k.sections, (std::vector<std::string>{"identity", "needs_safety"}));
  EXPECT_EQ(k.given_on, (CivilDate{2026, 3, 1}));
  EXPECT_EQ(k.form, "spoken");
  EXPECT_EQ(k.language, "ron");
  EXPECT_EQ(k.body_sealed, "body");
  EXPECT_EQ(k.taken_by, "anna");
  EXPECT_EQ(k.revoked_on, (CivilDate{2026, 3, 20}));
  EXPECT_EQ(k.revoked_by, "anna");
  EXPECT_EQ(k.revocation_sealed, "reason");
  EXPECT_EQ(k.created_at_us, kT0);
  EXPECT_EQ(k.version, 2);
  auto of_case = storage::repo::SqlConsentRepository(*conn_).OfCase("c1");
  ASSERT_TRUE(of_case);
  ASSERT_EQ(of_case->size(), 1u);

  auto referral = storage::repo::SqlReferralRepository(*conn_).Find("r1");
  ASSERT_TRUE(referral && *referral);
  EXPECT_EQ((*referral)->consent_id, std::optional<std::string>("k1"));

  // Every index kept, one added; the referral's reference to the consent still holds.
  auto indexes_after = IndexesOfConsents();
  for (const auto& name : indexes_before) EXPECT_TRUE(indexes_after.count(name)) << name;
  EXPECT_TRUE(indexes_after.count("consents_consultation"));
  EXPECT_EQ(indexes_after.size(), indexes_before.size() + 1);
  if (!postgres_) {
    auto broken = conn_->Query("PRAGMA foreign_key_check", {});
    ASSERT_TRUE(broken) << broken.error().message;
    EXPECT_EQ(broken->size(), 0u);
    auto temp = conn_->Query("SELECT count(*) FROM sqlite_temp_master WHERE name = $1",
                             {std::string("consents_0016")});
    ASSERT_TRUE(temp);
    EXPECT_EQ(temp->Int(0, 0), 0);
  }
  EXPECT_FAILS_WITH(conn_->Execute("DELETE FROM consents WHERE id = $1", {std::string("k1")}),
                    ErrorCode::kConflict);
  x.id = "r2";
  x.code = "REF-2026-000002";
  x.consent_id = "k-none";
  EXPECT_FAILS_WITH(storage::repo::SqlReferralRepository(*conn_).Insert(x), ErrorCode::kConflict);
}

}  // namespace
}  // namespace opennrm::testing
