// The tracks on a case and its proceedings record: a track starts once and
// then moves only from the step it stands at (a stale move is a conflict,
// never a lost update); every saved version of the proceedings is kept with
// its sealed bytes intact, and two saves of one version conflict — on
// SQLite and PostgreSQL alike.
#include <map>

#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using ports::CaseTrackRow;
using ports::ProceedingsRow;

class TracksContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kPoliceRegion);
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
  static CaseTrackRow At(const std::string& case_id, const std::string& track,
                         const std::string& step, long long at) {
    return {case_id, track, step, "se-manual-2019", at, "anna"};
  }
  Status Move(const CaseTrackRow& row, std::optional<std::string> expected) {
    auto uow = Write();
    auto st = uow->case_tracks().Move(row, expected);
    if (st) Must(uow->Commit(), "commit");
    return st;
  }
  static ProceedingsRow Version(const std::string& id, long long version) {
    return {id,     "c1",         "org-1", version, AllBytes() + std::to_string(version),
            "anna", kT0 + version};
  }
};

TEST_F(TracksContract, ATrackStartsOnceAndMovesFromWhereItStands) {
  EXPECT_TRUE(Must(Read()->case_tracks().OfCase("c1")).empty());
  Must(Move(At("c1", "support", "identification", kT0), std::nullopt));
  // Starting again is a conflict: someone started it meanwhile.
  auto again = Move(At("c1", "support", "acute_protection", kT0 + 1), std::nullopt);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  // From the step it stands at, and only from there.
  Must(Move(At("c1", "support", "acute_protection", kT0 + 2), "identification"));
  auto stale = Move(At("c1", "support", "initial_support", kT0 + 3), "identification");
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  // Another track of the same case, and the same track of another case.
  Must(Move(At("c1", "return", "considered", kT0 + 4), std::nullopt));
  Must(Move(At("c2", "support", "identification", kT0 + 5), std::nullopt));

  auto rows = Must(Read()->case_tracks().OfCase("c1"));
  ASSERT_EQ(rows.size(), 2u);
  std::map<std::string, CaseTrackRow> by_track;
  for (const auto& r : rows) by_track[r.track] = r;
  EXPECT_EQ(by_track["support"].step, "acute_protection");
  EXPECT_EQ(by_track["support"].entered_at_us, kT0 + 2);
  EXPECT_EQ(by_track["support"].entered_by, "anna");
  EXPECT_EQ(by_track["support"].steps_version, "se-manual-2019");
  EXPECT_EQ(by_track["return"].step, "considered");
  ASSERT_EQ(Must(Read()->case_tracks().OfCase("c2")).size(), 1u);
}

TEST_F(TracksContract, AnUnknownTrackIsRefusedByTheSchema) {
  auto st = Move(At("c1", "closed", "x", kT0), std::nullopt);
  EXPECT_FALSE(st);
}

TEST_F(TracksContract, EveryProceedingsVersionIsKeptIntact) {
  EXPECT_FALSE(Must(Read()->case_tracks().LatestProceedings("c1")));
  EXPECT_TRUE(Must(Read()->case_tracks().ProceedingsVersions("c1")).empty());
  Committed(
      [&](ports::UnitOfWork& uow) { Must(uow.case_tracks().InsertProceedings(Version("p1", 1))); });
  Committed(
      [&](ports::UnitOfWork& uow) { Must(uow.case_tracks().InsertProceedings(Version("p2", 2))); });
  // A second save of version 2 (a race between two editors) conflicts.
  {
    auto uow = Write();
    auto st = uow->case_tracks().InsertProceedings(Version("p3", 2));
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, ErrorCode::kConflict);
  }
  auto latest = Must(Read()->case_tracks().LatestProceedings("c1"));
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->id, "p2");
  EXPECT_EQ(latest->version, 2);
  EXPECT_EQ(latest->organisation_id, "org-1");
  EXPECT_EQ(latest->body_sealed, AllBytes() + "2");  // every byte value survives
  EXPECT_EQ(latest->recorded_by, "anna");
  EXPECT_EQ(latest->recorded_at_us, kT0 + 2);
  auto all = Must(Read()->case_tracks().ProceedingsVersions("c1"));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].version, 1);
  EXPECT_EQ(all[0].body_sealed, AllBytes() + "1");
  EXPECT_EQ(all[1].version, 2);
  EXPECT_FALSE(Must(Read()->case_tracks().LatestProceedings("c2")));
}

}  // namespace
}  // namespace opennrm::testing
