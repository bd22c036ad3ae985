// A case list's bounded count: with a count limit, total is exact up to the
// limit and otherwise the limit itself with total_capped set; the filters
// and the viewer's visibility still narrow what is counted, and the page is
// read as without a limit — on SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

class CaseListCount : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertUser(NewUser("bertil", "org-1", "bertil.test"));
  }
  // A case of org-1, changed at kT0 + `n`, with `member` on its team.
  void Insert(const std::string& id, int n, const std::string& member,
              const std::string& type = "trafficking_in_human_beings",
              const std::string& status = "open") {
    ports::CaseRow c;
    c.id = id;
    c.organisation_id = "org-1";
    c.code = "NRM-2026-" + id;
    c.type = type;
    c.status = status;
    c.steps_version = "se-manual-2019";
    c.created_by = member;
    c.created_at_us = c.updated_at_us = kT0 + n;
    Committed([&](ports::UnitOfWork& uow) {
      Must(uow.cases().Insert(c));
      Must(uow.cases().AddTeamMember({id, member, member, kT0}));
    });
  }
  ports::CasePage List(long long count_limit,
                       const std::function<void(ports::CaseListFilter&)>& narrow = {}) {
    ports::CaseListFilter f;
    f.organisation_id = "org-1";
    f.viewer_user_id = "anna";
    f.viewer_session_id = "s";
    f.now_us = kT0;
    f.count_limit = count_limit;
    if (narrow) narrow(f);
    return Must(Read()->cases().List(f));
  }
  static std::vector<std::string> Ids(const ports::CasePage& page) {
    std::vector<std::string> ids;
    for (const auto& c : page.items) ids.push_back(c.id);
    return ids;
  }
  // Five cases anna sees (two closed, two of human exploitation) and two
  // she does not (bertil's).
  void InsertSeven() {
    Insert("c1", 1, "anna");
    Insert("c2", 2, "anna", "human_exploitation");
    Insert("c3", 3, "anna", "trafficking_in_human_beings", "closed");
    Insert("c4", 4, "anna", "human_exploitation", "closed");
    Insert("c5", 5, "anna");
    Insert("b1", 6, "bertil");
    Insert("b2", 7, "bertil");
  }
};

TEST_F(CaseListCount, AboveTheLimitTotalIsTheLimitAndCapped) {
  InsertSeven();
  auto page = List(3);
  EXPECT_EQ(page.total, 3);
  EXPECT_TRUE(page.total_capped);
  // The page itself is not bounded by the count.
  EXPECT_EQ(Ids(page), (std::vector<std::string>{"c5", "c4", "c3", "c2", "c1"}));
  auto past = List(3, [](ports::CaseListFilter& f) {
    f.limit = 2;
    f.offset = 4;
  });
  EXPECT_EQ(past.total, 3);
  EXPECT_TRUE(past.total_capped);
  EXPECT_EQ(Ids(past), (std::vector<std::string>{"c1"}));
}

TEST_F(CaseListCount, UpToTheLimitTotalIsExact) {
  Insert("c1", 1, "anna");
  Insert("c2", 2, "anna");
  Insert("b1", 3, "bertil");
  auto two = List(3);
  EXPECT_EQ(two.total, 2);
  EXPECT_FALSE(two.total_capped);
  EXPECT_EQ(Ids(two), (std::vector<std::string>{"c2", "c1"}));
  Insert("c3", 4, "anna");
  auto three = List(3);  // exactly the limit: still exact
  EXPECT_EQ(three.total, 3);
  EXPECT_FALSE(three.total_capped);
}

TEST_F(CaseListCount, FiltersNarrowWhatIsCounted) {
  InsertSeven();
  auto open = List(3, [](ports::CaseListFilter& f) { f.status = "open"; });
  EXPECT_EQ(open.total, 3);
  EXPECT_FALSE(open.total_capped);
  auto exploitation = List(3, [](ports::CaseListFilter& f) { f.types = {"human_exploitation"}; });
  EXPECT_EQ(exploitation.total, 2);
  EXPECT_FALSE(exploitation.total_capped);
  EXPECT_EQ(Ids(exploitation), (std::vector<std::string>{"c4", "c2"}));
  auto open_exploitation = List(1, [](ports::CaseListFilter& f) {
    f.status = "open";
    f.types = {"human_exploitation"};
  });
  EXPECT_EQ(open_exploitation.total, 1);
  EXPECT_FALSE(open_exploitation.total_capped);
  auto none = List(3, [](ports::CaseListFilter& f) { f.types = {"return_only"}; });
  EXPECT_EQ(none.total, 0);
  EXPECT_FALSE(none.total_capped);
  EXPECT_TRUE(none.items.empty());
}

TEST_F(CaseListCount, WithoutALimitEveryCaseIsCounted) {
  InsertSeven();
  ports::CaseListFilter f;
  f.organisation_id = "org-1";
  f.viewer_user_id = "anna";
  f.viewer_session_id = "s";
  f.now_us = kT0;
  f.limit = 1;
  auto page = Must(Read()->cases().List(f));
  EXPECT_EQ(page.total, 5);
  EXPECT_FALSE(page.total_capped);
  EXPECT_EQ(Ids(page), (std::vector<std::string>{"c5"}));
}

}  // namespace
}  // namespace opennrm::testing
