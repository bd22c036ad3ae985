// Cases, their teams and break-glass openings: rows round-trip, versions
// guard updates, code numbers are never handed out twice, and a list shows
// exactly the cases of the viewer's organisation that the viewer is on the
// team of or has opened by break-glass — on SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using ports::CaseRow;

class CasesContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertOrganisation("org-2", orgs::Kind::kNgoShelter);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertUser(NewUser("bertil", "org-1", "bertil.test"));
    InsertUser(NewUser("cecilia", "org-2", "cecilia.test"));
  }

  static CaseRow Case(const std::string& id, const std::string& org, const std::string& creator,
                      long long updated) {
    CaseRow c;
    c.id = id;
    c.organisation_id = org;
    c.code = "NRM-2026-" + id;
    c.type = "trafficking_in_human_beings";
    c.steps_version = "manual-2019";
    c.created_by = creator;
    c.created_at_us = updated;
    c.updated_at_us = updated;
    return c;
  }
  void Insert(const CaseRow& c) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.cases().Insert(c)); });
  }
  void AddMember(const std::string& case_id, const std::string& user) {
    Committed([&](ports::UnitOfWork& uow) {
      EXPECT_TRUE(Must(uow.cases().AddTeamMember({case_id, user, "anna", kT0})));
    });
  }
  std::vector<std::string> Listed(const std::string& org, const std::string& viewer,
                                  long long now = kT0, std::optional<std::string> status = {},
                                  std::vector<std::string> types = {}) {
    ports::CaseListFilter f;
    f.organisation_id = org;
    f.viewer_user_id = viewer;
    f.viewer_session_id = "session-1";
    f.now_us = now;
    f.status = std::move(status);
    f.types = std::move(types);
    auto page = Must(Read()->cases().List(f));
    std::vector<std::string> ids;
    for (const auto& c : page.items) ids.push_back(c.id);
    EXPECT_EQ(page.total, static_cast<long long>(ids.size()));
    return ids;
  }
  static ports::BreakGlassRow Opening(const std::string& id, const std::string& case_id,
                                      const std::string& user, long long expires) {
    return {id, case_id, "org-1", user, "session-1", AllBytes(), kT0, expires};
  }
};

TEST_F(CasesContract, EveryFieldRoundTrips) {
  auto c = Case("c1", "org-1", "anna", kT0);
  c.closed_at_us = kT0 + 5;
  c.status = "closed";
  c.closure_reason = "integrated";
  c.version = 3;
  Insert(c);
  auto got = Must(Read()->cases().Find("c1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, "c1");
  EXPECT_EQ(got->organisation_id, "org-1");
  EXPECT_EQ(got->code, "NRM-2026-c1");
  EXPECT_EQ(got->type, "trafficking_in_human_beings");
  EXPECT_EQ(got->status, "closed");
  EXPECT_EQ(got->closure_reason, "integrated");
  EXPECT_EQ(got->steps_version, "manual-2019");
  EXPECT_EQ(got->created_by, "anna");
  EXPECT_EQ(got->created_at_us, kT0);
  EXPECT_EQ(got->updated_at_us, kT0);
  EXPECT_EQ(got->closed_at_us, kT0 + 5);
  EXPECT_EQ(got->version, 3);
  EXPECT_FALSE(Must(Read()->cases().Find("missing")));
}

TEST_F(CasesContract, ADuplicateCodeIsAConflictAndChangesNothing) {
  Insert(Case("c1", "org-1", "anna", kT0));
  auto dup = Case("c2", "org-1", "anna", kT0);
  dup.code = "NRM-2026-c1";
  auto uow = Write();
  auto st = uow->cases().Insert(dup);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kConflict);
  uow.reset();
  EXPECT_FALSE(Must(Read()->cases().Find("c2")));
}

TEST_F(CasesContract, AnUpdateNeedsTheVersionItWasReadAt) {
  Insert(Case("c1", "org-1", "anna", kT0));
  auto c = *Must(Read()->cases().Find("c1"));
  c.status = "closed";
  c.closure_reason = "lost_contact";
  c.closed_at_us = kT0 + 10;
  c.updated_at_us = kT0 + 10;
  c.version = 2;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.cases().Update(c, 1)); });
  auto stale = c;
  stale.status = "open";
  stale.version = 3;
  auto uow = Write();
  auto st = uow->cases().Update(stale, 1);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kConflict);
  uow.reset();
  auto got = *Must(Read()->cases().Find("c1"));
  EXPECT_EQ(got.status, "closed");
  EXPECT_EQ(got.closure_reason, "lost_contact");
  EXPECT_EQ(got.version, 2);
}

TEST_F(CasesContract, CodeNumbersCountPerYearAndAreNeverReused) {
  auto next = [&](int year) {
    return Committed(
        [&](ports::UnitOfWork& uow) { return Must(uow.cases().NextCodeNumber(year)); });
  };
  EXPECT_EQ(next(2026), 1);
  EXPECT_EQ(next(2026), 2);
  EXPECT_EQ(next(2027), 1);
  // A number taken in a transaction that rolls back may be taken again: the
  // counter moves with the case it numbers.
  {
    auto uow = Write();
    EXPECT_EQ(Must(uow->cases().NextCodeNumber(2026)), 3);
  }
  EXPECT_EQ(next(2026), 3);
  EXPECT_EQ(next(2026), 4);
}

TEST_F(CasesContract, TheTeamIsKeptOnceEachAndOldestFirst) {
  Insert(Case("c1", "org-1", "anna", kT0));
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_TRUE(Must(uow.cases().AddTeamMember({"c1", "bertil", "anna", kT0 + 2})));
    EXPECT_TRUE(Must(uow.cases().AddTeamMember({"c1", "anna", "anna", kT0 + 1})));
    EXPECT_FALSE(Must(uow.cases().AddTeamMember({"c1", "anna", "bertil", kT0 + 3})));
  });
  auto team = Must(Read()->cases().Team("c1"));
  ASSERT_EQ(team.size(), 2u);
  EXPECT_EQ(team[0].user_id, "anna");
  EXPECT_EQ(team[0].added_by, "anna");
  EXPECT_EQ(team[0].added_at_us, kT0 + 1);
  EXPECT_EQ(team[0].display_name, "Test user anna.test") << "read with the team";
  EXPECT_EQ(team[1].user_id, "bertil");
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_TRUE(Must(uow.cases().RemoveTeamMember("c1", "bertil")));
    EXPECT_FALSE(Must(uow.cases().RemoveTeamMember("c1", "bertil")));
  });
  EXPECT_EQ(Must(Read()->cases().Team("c1")).size(), 1u);
}

TEST_F(CasesContract, ABreakGlassOpeningIsInForceUntilItExpires) {
  Insert(Case("c1", "org-1", "anna", kT0));
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.cases().InsertBreakGlass(Opening("b1", "c1", "bertil", kT0 + 100)));
  });
  auto open = Must(Read()->cases().ActiveBreakGlass("c1", "bertil", "session-1", kT0 + 99));
  ASSERT_TRUE(open);
  EXPECT_EQ(open->id, "b1");
  EXPECT_EQ(open->organisation_id, "org-1");
  EXPECT_EQ(open->session_id, "session-1");
  EXPECT_EQ(open->reason_sealed, AllBytes());
  EXPECT_EQ(open->opened_at_us, kT0);
  EXPECT_EQ(open->expires_at_us, kT0 + 100);
  EXPECT_FALSE(Must(Read()->cases().ActiveBreakGlass("c1", "bertil", "session-1", kT0 + 100)));
  EXPECT_FALSE(Must(Read()->cases().ActiveBreakGlass("c1", "anna", "session-1", kT0)));
  // Only in the session it was opened in.
  EXPECT_FALSE(Must(Read()->cases().ActiveBreakGlass("c1", "bertil", "session-2", kT0)));
}

TEST_F(CasesContract, AListShowsTeamCasesAndBreakGlassCasesOfTheOrganisationOnly) {
  Insert(Case("mine", "org-1", "anna", kT0 + 3));
  Insert(Case("colleague", "org-1", "bertil", kT0 + 2));
  Insert(Case("opened", "org-1", "bertil", kT0 + 1));
  Insert(Case("expired", "org-1", "bertil", kT0));
  Insert(Case("other-org", "org-2", "cecilia", kT0 + 4));
  AddMember("mine", "anna");
  AddMember("colleague", "bertil");
  AddMember("opened", "bertil");
  AddMember("expired", "bertil");
  AddMember("other-org", "cecilia");
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.cases().InsertBreakGlass(Opening("b1", "opened", "anna", kT0 + 100)));
    Must(uow.cases().InsertBreakGlass(Opening("b2", "expired", "anna", kT0 + 10)));
  });
  EXPECT_EQ(Listed("org-1", "anna", kT0 + 50), (std::vector<std::string>{"mine", "opened"}));
  EXPECT_EQ(Listed("org-1", "anna", kT0 + 5),
            (std::vector<std::string>{"mine", "opened", "expired"}));
  EXPECT_EQ(Listed("org-1", "bertil", kT0 + 50),
            (std::vector<std::string>{"colleague", "opened", "expired"}));
  // Another organisation's case never shows, even to someone on its team
  // listing as a member of another organisation.
  EXPECT_EQ(Listed("org-1", "cecilia", kT0), std::vector<std::string>{});
  {
    ports::CaseListFilter other_session;
    other_session.organisation_id = "org-1";
    other_session.viewer_user_id = "anna";
    other_session.viewer_session_id = "session-2";
    other_session.now_us = kT0 + 50;
    auto page = Must(Read()->cases().List(other_session));
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].id, "mine");
  }
  EXPECT_EQ(Listed("org-2", "anna", kT0), std::vector<std::string>{});
}

TEST_F(CasesContract, AListFiltersByStatusAndTypeAndPages) {
  for (int i = 0; i < 5; ++i) {
    auto c = Case("c" + std::to_string(i), "org-1", "anna", kT0 + i);
    if (i % 2) c.type = "human_exploitation";
    if (i == 4) c.status = "closed";
    Insert(c);
    AddMember(c.id, "anna");
  }
  EXPECT_EQ(Listed("org-1", "anna", kT0, std::string("open")),
            (std::vector<std::string>{"c3", "c2", "c1", "c0"}));
  EXPECT_EQ(Listed("org-1", "anna", kT0, std::nullopt, {"human_exploitation"}),
            (std::vector<std::string>{"c3", "c1"}));
  EXPECT_EQ(Listed("org-1", "anna", kT0, std::nullopt,
                   {"human_exploitation", "trafficking_in_human_beings"})
                .size(),
            5u);
  ports::CaseListFilter f;
  f.organisation_id = "org-1";
  f.viewer_user_id = "anna";
  f.limit = 2;
  f.offset = 2;
  auto page = Must(Read()->cases().List(f));
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, "c2");
  EXPECT_EQ(page.items[1].id, "c1");
}

}  // namespace
}  // namespace opennrm::testing

namespace opennrm::testing {
namespace {

class PersonsContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    ports::CaseRow c;
    c.id = "c1";
    c.organisation_id = "org-1";
    c.code = "NRM-2026-000001";
    c.type = "trafficking_in_human_beings";
    c.steps_version = "se-manual-2019";
    c.created_by = "anna";
    Committed([&](ports::UnitOfWork& uow) { Must(uow.cases().Insert(c)); });
  }
  static ports::PersonRow Person(const std::string& id, const std::string& code) {
    ports::PersonRow p;
    p.id = id;
    p.organisation_id = "org-1";
    p.code = code;
    p.identity_sealed = AllBytes();
    p.contact_sealed = std::string("\0contact\xff", 9);
    p.created_at_us = p.updated_at_us = kT0;
    return p;
  }
};

TEST_F(PersonsContract, APersonRoundTripsWithItsSealedPartsExact) {
  auto p = Person("p1", "P-2026-000001");
  p.protection = "protected_registration";
  Committed([&](ports::UnitOfWork& uow) { Must(uow.persons().Insert(p)); });
  auto got = Must(Read()->persons().Find("p1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->organisation_id, "org-1");
  EXPECT_EQ(got->code, "P-2026-000001");
  EXPECT_EQ(got->protection, "protected_registration");
  EXPECT_EQ(got->identity_sealed, AllBytes());
  EXPECT_EQ(got->contact_sealed, std::string("\0contact\xff", 9));
  EXPECT_FALSE(got->merged_into);
  EXPECT_EQ(got->version, 1);
  EXPECT_FALSE(Must(Read()->persons().Find("p2")));
}

TEST_F(PersonsContract, AnUpdateNeedsTheVersionItWasReadAtAndAMergeKeepsItsTarget) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.persons().Insert(Person("p1", "P-2026-000001")));
    Must(uow.persons().Insert(Person("p2", "P-2026-000002")));
  });
  auto p = *Must(Read()->persons().Find("p2"));
  p.merged_into = "p1";
  p.identity_sealed = "new";
  p.version = 2;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.persons().Update(p, 1)); });
  auto uow = Write();
  auto stale = uow->persons().Update(p, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  uow.reset();
  auto got = *Must(Read()->persons().Find("p2"));
  EXPECT_EQ(got.merged_into, "p1");
  EXPECT_EQ(got.identity_sealed, "new");
  EXPECT_EQ(got.version, 2);
}

TEST_F(PersonsContract, APersonIsInACaseOnceWithItsRoleInTheOrderAdded) {
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_EQ(Must(uow.persons().NextCodeNumber(2026)), 1);
    EXPECT_EQ(Must(uow.persons().NextCodeNumber(2026)), 2);
    Must(uow.persons().Insert(Person("p1", "P-2026-000001")));
    Must(uow.persons().Insert(Person("p2", "P-2026-000002")));
    Must(uow.persons().AddToCase({"c1", "p2", "witness", "anna", kT0 + 2}));
    Must(uow.persons().AddToCase({"c1", "p1", "presumed_victim", "anna", kT0 + 1}));
  });
  auto uow = Write();
  auto twice = uow->persons().AddToCase({"c1", "p1", "witness", "anna", kT0 + 3});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  uow.reset();
  auto in = Must(Read()->persons().OfCase("c1"));
  ASSERT_EQ(in.size(), 2u);
  EXPECT_EQ(in[0].person.id, "p1");
  EXPECT_EQ(in[0].link.role, "presumed_victim");
  EXPECT_EQ(in[0].link.added_by, "anna");
  EXPECT_EQ(in[0].person.identity_sealed, AllBytes());
  EXPECT_EQ(in[1].person.id, "p2");
  EXPECT_EQ(in[1].link.role, "witness");
  EXPECT_TRUE(Must(Read()->persons().OfCase("no-case")).empty());
}

TEST_F(PersonsContract, ANameSearchFindsPersonsWithEveryTermExactOnesFirstAndOnlyWhereAllowed) {
  InsertUser(NewUser("bertil", "org-1", "bertil.test"));
  auto protect = [](ports::PersonRow p) {
    p.protection = "protected_registration";
    return p;
  };
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.cases().AddTeamMember({"c1", "anna", "anna", kT0}));
    Must(uow.persons().Insert(Person("p1", "P-2026-000001")));  // ivan (sound) + yordanov
    Must(uow.persons().Insert(Person("p2", "P-2026-000002")));  // ivan + yordanov, exact
    Must(uow.persons().Insert(Person("p3", "P-2026-000003")));  // yordanov only
    Must(uow.persons().Insert(Person("p4", "P-2026-000004")));  // a suspect named the same
    Must(uow.persons().Insert(protect(Person("p5", "P-2026-000005"))));
    for (auto [id, role] : {std::pair{"p1", "presumed_victim"},
                            {"p2", "witness"},
                            {"p3", "presumed_victim"},
                            {"p4", "suspect"},
                            {"p5", "presumed_victim"}}) {
      Must(uow.persons().AddToCase({"c1", id, role, "anna", kT0}));
    }
    Must(uow.persons().IndexNames("org-1", "p1", {"e-yordanov", "p-ivan"}));
    Must(uow.persons().IndexNames("org-1", "p2", {"e-ivan", "p-ivan", "e-yordanov"}));
    Must(uow.persons().IndexNames("org-1", "p3", {"e-yordanov"}));
    Must(uow.persons().IndexNames("org-1", "p4", {"e-ivan", "e-yordanov"}));
    Must(uow.persons().IndexNames("org-1", "p5", {"e-ivan", "e-yordanov"}));
  });
  auto search = [&](const std::string& viewer, std::vector<std::string> hidden = {}) {
    ports::NameSearch s;
    s.organisation_id = "org-1";
    s.terms = {{{"e-ivan"}, {"p-ivan"}}, {{"e-yordanov"}, {}}};
    s.hidden_roles = std::move(hidden);
    s.viewer_user_id = viewer;
    s.viewer_session_id = "session-1";
    s.now_us = kT0;
    s.limit = 10;
    std::vector<std::string> out;
    for (const auto& f : Must(Read()->persons().FindByName(s))) {
      out.push_back(f.in_case.person.id + (f.exact ? ":exact" : ":sound"));
      EXPECT_EQ(f.in_case.link.case_id, "c1");
      EXPECT_TRUE(f.viewer_on_team);
    }
    return out;
  };
  EXPECT_EQ(search("anna"),
            (std::vector<std::string>{"p2:exact", "p4:exact", "p5:exact", "p1:sound"}));
  // Offence roles left out for those who may not see them; a protected person only for the team.
  EXPECT_EQ(search("anna", {"suspect", "buyer_of_sexual_services"}),
            (std::vector<std::string>{"p2:exact", "p5:exact", "p1:sound"}));
  EXPECT_TRUE(search("bertil").empty());  // not on the team, no break-glass
}

}  // namespace
}  // namespace opennrm::testing
