// Case lists narrowed by track and step, places, forms of exploitation, an
// overdue clock and assignment — each filter in SQL, on SQLite and
// PostgreSQL alike, and always within the viewer's own visible cases.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

class CaseListFilters : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertUser(NewUser("bertil", "org-1", "bertil.test"));
    for (const char* id : {"a", "b", "c", "d"}) {
      ports::CaseRow c;
      c.id = id;
      c.organisation_id = "org-1";
      c.code = std::string("NRM-2026-") + id;
      c.type = "trafficking_in_human_beings";
      c.steps_version = "se-manual-2019";
      c.created_by = "anna";
      c.created_at_us = c.updated_at_us = kT0;
      Committed([&](ports::UnitOfWork& uow) {
        Must(uow.cases().Insert(c));
        if (std::string(id) != "d") Must(uow.cases().AddTeamMember({id, "anna", "anna", kT0}));
      });
    }
    Committed([&](ports::UnitOfWork& uow) {
      Must(uow.case_tracks().Move(
          {"a", "support", "acute_protection", "se-manual-2019", kT0, "anna"}, std::nullopt));
      Must(uow.case_tracks().Move({"b", "support", "identification", "se-manual-2019", kT0, "anna"},
                                  std::nullopt));
      Must(uow.case_tracks().Move({"b", "proceedings", "reported", "se-manual-2019", kT0, "anna"},
                                  std::nullopt));
      Must(uow.case_records().IndexExploitation("a", {{"labour", "berry_picking"}},
                                                {{"municipality", "2584"}, {"recruitment", "TH"}}));
      Must(uow.case_records().IndexExploitation("b", {{"sexual", ""}, {"forced_begging", ""}},
                                                {{"municipality", "0180"}}));
      Must(uow.case_records().IndexExploitation("d", {{"labour", "cleaning"}},
                                                {{"municipality", "2584"}}));
      Must(uow.case_clocks().Insert(Clock("k1", "a", "running", CivilDate{2026, 3, 1})));
      Must(uow.case_clocks().Insert(Clock("k2", "b", "running", CivilDate{2026, 3, 20})));
      Must(uow.case_clocks().Insert(Clock("k3", "c", "ended", CivilDate{2026, 1, 1})));
    });
  }
  static ports::ClockRow Clock(const std::string& id, const std::string& case_id,
                               const std::string& status, CivilDate ends) {
    ports::ClockRow k;
    k.id = id;
    k.case_id = case_id;
    k.organisation_id = "org-1";
    k.rule_id = "reflection_period";
    k.rule_version = 2;
    k.rule_valid_from = CivilDate{2022, 8, 1};
    k.kind = "reflection_period";
    k.section = "support";
    k.status = status;
    k.starts_on = CivilDate{2026, 1, 1};
    k.ends_on = ends;
    k.recorded_by = "anna";
    k.recorded_at_us = k.updated_at_us = kT0;
    return k;
  }
  std::vector<std::string> Listed(const std::function<void(ports::CaseListFilter&)>& narrow,
                                  const std::string& viewer = "anna") {
    ports::CaseListFilter f;
    f.organisation_id = "org-1";
    f.viewer_user_id = viewer;
    f.viewer_session_id = "s";
    f.now_us = kT0;
    narrow(f);
    auto page = Must(Read()->cases().List(f));
    std::vector<std::string> ids;
    for (const auto& c : page.items) ids.push_back(c.id);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(page.total, static_cast<long long>(ids.size()));
    return ids;
  }
  using Ids = std::vector<std::string>;
};

TEST_F(CaseListFilters, TrackAndStep) {
  EXPECT_EQ(Listed([](auto& f) { f.track = "support"; }), (Ids{"a", "b"}));
  EXPECT_EQ(Listed([](auto& f) {
              f.track = "support";
              f.step = "acute_protection";
            }),
            Ids{"a"});
  EXPECT_EQ(Listed([](auto& f) { f.track = "proceedings"; }), Ids{"b"});
  EXPECT_EQ(Listed([](auto& f) { f.track = "return"; }), Ids{});
}

TEST_F(CaseListFilters, PlacesAndFormsWithinTheViewersCases) {
  // "d" is in Kiruna too, but anna is not on its team.
  EXPECT_EQ(Listed([](auto& f) { f.municipalities = {"2584"}; }), Ids{"a"});
  EXPECT_EQ(Listed([](auto& f) { f.municipalities = {"2584", "0180"}; }), (Ids{"a", "b"}));
  EXPECT_EQ(Listed([](auto& f) { f.municipalities = {"TH"}; }), Ids{})
      << "countries are not municipalities";
  EXPECT_EQ(Listed([](auto& f) { f.forms = {"labour"}; }), Ids{"a"});
  EXPECT_EQ(Listed([](auto& f) { f.forms = {"forced_begging", "labour"}; }), (Ids{"a", "b"}));
  EXPECT_EQ(Listed([](auto& f) {
              f.forms = {"labour"};
              f.municipalities = {"0180"};
            }),
            Ids{});
}

TEST_F(CaseListFilters, OverdueMeansARunningClockEndedBeforeTheDay) {
  EXPECT_EQ(Listed([](auto& f) { f.overdue_before = "2026-03-01"; }), Ids{});
  EXPECT_EQ(Listed([](auto& f) { f.overdue_before = "2026-03-02"; }), Ids{"a"});
  EXPECT_EQ(Listed([](auto& f) { f.overdue_before = "2026-12-31"; }), (Ids{"a", "b"}))
      << "an ended clock is never overdue";
}

TEST_F(CaseListFilters, AssignedOnlyLeavesOutBreakGlassOpenings) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.cases().InsertBreakGlass({"bg", "d", "org-1", "anna", "s", "x", kT0, kT0 + 100}));
  });
  EXPECT_EQ(Listed([](auto&) {}), (Ids{"a", "b", "c", "d"}));
  EXPECT_EQ(Listed([](auto& f) { f.assigned_only = true; }), (Ids{"a", "b", "c"}));
  EXPECT_EQ(Listed([](auto& f) { f.assigned_only = true; }, "bertil"), Ids{});
}

}  // namespace
}  // namespace opennrm::testing
