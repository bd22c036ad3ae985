// The records of a case as stored: every version kept, a new version
// pointing the one before it at itself and touching nothing else, lists
// only added to, and the plaintext forms and places index replaced as a
// whole — on SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using ports::CaseRecordRow;

class RecordsContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    for (const char* id : {"c1", "c2"}) {
      ports::CaseRow c;
      c.id = id;
      c.organisation_id = "org-1";
      c.code = std::string("NRM-2026-") + id;
      c.type = "trafficking_in_human_beings";
      c.steps_version = "se-manual-2019";
      c.created_by = "anna";
      c.created_at_us = c.updated_at_us = kT0;
      Committed([&](ports::UnitOfWork& uow) { Must(uow.cases().Insert(c)); });
    }
  }

  static CaseRecordRow Row(const std::string& id, const std::string& case_id,
                           const std::string& person, const std::string& kind, long long at) {
    CaseRecordRow r;
    r.id = id;
    r.case_id = case_id;
    r.organisation_id = "org-1";
    r.person_id = person;
    r.kind = kind;
    r.body_sealed = AllBytes() + id;
    r.recorded_by = "anna";
    r.recorded_at_us = at;
    return r;
  }
  std::vector<CaseRecordRow> Versions(const std::string& case_id, const std::string& person,
                                      const std::string& kind) {
    return Must(Read()->case_records().Versions(case_id, person, kind));
  }
};

TEST_F(RecordsContract, EveryFieldRoundTripsWithBinaryBodies) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_records().Add(Row("r1", "c1", "p1", "wish", kT0)));
  });
  auto got = Versions("c1", "p1", "wish");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].id, "r1");
  EXPECT_EQ(got[0].case_id, "c1");
  EXPECT_EQ(got[0].organisation_id, "org-1");
  EXPECT_EQ(got[0].person_id, "p1");
  EXPECT_EQ(got[0].kind, "wish");
  EXPECT_EQ(got[0].body_sealed, AllBytes() + "r1");
  EXPECT_EQ(got[0].recorded_by, "anna");
  EXPECT_EQ(got[0].recorded_at_us, kT0);
  EXPECT_FALSE(got[0].superseded_by);
}

TEST_F(RecordsContract, ANewVersionSupersedesOnlyTheCurrentOneOfItsKindAndPerson) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_records().Supersede(Row("v1", "c1", "p1", "safety_plan", kT0)));
    Must(uow.case_records().Supersede(Row("o1", "c1", "p2", "safety_plan", kT0)));
    Must(uow.case_records().Supersede(Row("o2", "c1", "p1", "assessment", kT0)));
    Must(uow.case_records().Supersede(Row("o3", "c2", "p1", "safety_plan", kT0)));
  });
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_records().Supersede(Row("v2", "c1", "p1", "safety_plan", kT0 + 1)));
  });
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_records().Supersede(Row("v3", "c1", "p1", "safety_plan", kT0 + 2)));
  });
  auto got = Versions("c1", "p1", "safety_plan");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].id, "v1");
  EXPECT_EQ(got[0].superseded_by, "v2");
  EXPECT_EQ(got[0].body_sealed, AllBytes() + "v1");  // kept as it was
  EXPECT_EQ(got[1].superseded_by, "v3");
  EXPECT_FALSE(got[2].superseded_by);
  for (auto [c, p, k] :
       {std::tuple{"c1", "p2", "safety_plan"}, std::tuple{"c1", "p1", "assessment"},
        std::tuple{"c2", "p1", "safety_plan"}}) {
    auto other = Versions(c, p, k);
    ASSERT_EQ(other.size(), 1u) << c << p << k;
    EXPECT_FALSE(other[0].superseded_by) << c << p << k;
  }
}

TEST_F(RecordsContract, AListIsOnlyAddedToAndCaseWideRecordsHaveNoPerson) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_records().Add(Row("w1", "c1", "p1", "wish", kT0)));
    Must(uow.case_records().Add(Row("w2", "c1", "p1", "wish", kT0 + 1)));
    Must(uow.case_records().Supersede(Row("e1", "c1", "", "exploitation", kT0)));
  });
  auto wishes = Versions("c1", "p1", "wish");
  ASSERT_EQ(wishes.size(), 2u);
  EXPECT_FALSE(wishes[0].superseded_by);
  EXPECT_FALSE(wishes[1].superseded_by);
  EXPECT_EQ(Versions("c1", "", "exploitation").size(), 1u);
  EXPECT_TRUE(Versions("c1", "p1", "exploitation").empty());
}

TEST_F(RecordsContract, AFailedTransactionLeavesTheCurrentVersionCurrent) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_records().Supersede(Row("v1", "c1", "p1", "indicators", kT0)));
  });
  {
    auto uow = Write();
    Must(uow->case_records().Supersede(Row("v2", "c1", "p1", "indicators", kT0 + 1)));
  }  // rolled back
  auto got = Versions("c1", "p1", "indicators");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_FALSE(got[0].superseded_by);
  // A repeated id is refused.
  auto uow = Write();
  EXPECT_FALSE(uow->case_records().Add(Row("v1", "c1", "p1", "indicators", kT0 + 2)));
}

TEST_F(RecordsContract, TheIndexIsReplacedAsAWholeAndMunicipalitiesCanBeForgotten) {
  using F = ports::CaseFormRow;
  using P = ports::CasePlaceRow;
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_records().IndexExploitation(
        "c1", {{"labour", "berry_picking"}, {"sexual", ""}},
        {{"municipality", "2584"}, {"recruitment", "TH"}, {"exploitation", "SE"}}));
    Must(uow.case_records().IndexExploitation("c2", {{"forced_begging", ""}},
                                              {{"municipality", "0180"}}));
  });
  EXPECT_EQ(Must(Read()->case_records().Forms("c1")),
            (std::vector<F>{{"labour", "berry_picking"}, {"sexual", ""}}));
  EXPECT_EQ(
      Must(Read()->case_records().Places("c1")),
      (std::vector<P>{{"exploitation", "SE"}, {"municipality", "2584"}, {"recruitment", "TH"}}));
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.case_records().IndexExploitation("c1", {{"labour", "construction"}},
                                              {{"municipality", "1480"}, {"transit", "DE"}}));
  });
  EXPECT_EQ(Must(Read()->case_records().Forms("c1")), (std::vector<F>{{"labour", "construction"}}));
  Committed([&](ports::UnitOfWork& uow) { Must(uow.case_records().ForgetMunicipalities("c1")); });
  EXPECT_EQ(Must(Read()->case_records().Places("c1")), (std::vector<P>{{"transit", "DE"}}));
  // The other case is untouched.
  EXPECT_EQ(Must(Read()->case_records().Forms("c2")), (std::vector<F>{{"forced_begging", ""}}));
  EXPECT_EQ(Must(Read()->case_records().Places("c2")), (std::vector<P>{{"municipality", "0180"}}));
}

}  // namespace
}  // namespace opennrm::testing
