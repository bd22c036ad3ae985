// A case's log: entries are numbered 1, 2, ... within their case in the
// order appended, keep their details in order, page oldest first; facts are
// recorded once per case, fact and person; touching a case moves its
// version and change time — on SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using ports::CaseEntryRow;

class CaseLogContract : public AccountsTest {
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
  static CaseEntryRow Entry(const std::string& id, const std::string& case_id,
                            const std::string& kind, long long at) {
    CaseEntryRow e;
    e.id = id;
    e.case_id = case_id;
    e.organisation_id = "org-1";
    e.kind = kind;
    e.section = "support";
    e.recorded_by = "anna";
    e.recorded_at_us = at;
    return e;
  }
  long long Append(CaseEntryRow e) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.case_log().Append(e)); });
    return e.seq;
  }
};

TEST_F(CaseLogContract, EntriesAreNumberedPerCaseInOrderAndRoundTrip) {
  auto first = Entry("e1", "c1", "case.created", kT0);
  first.details = {{"type", "trafficking_in_human_beings"}, {"a", "ü ş ț"}};
  EXPECT_EQ(Append(first), 1);
  auto moved = Entry("e2", "c1", "track.moved", kT0 + 1);
  moved.section = "proceedings";
  moved.person_id = "p1";
  moved.subject_id = "s1";
  moved.details = {{"track", "support"}, {"from", "identification"}, {"to", "acute_protection"}};
  EXPECT_EQ(Append(moved), 2);
  EXPECT_EQ(Append(Entry("e3", "c2", "case.created", kT0 + 2)), 1);  // its own numbering
  EXPECT_EQ(Append(Entry("e4", "c1", "note.added", kT0 + 3)), 3);

  auto page = Must(Read()->case_log().Entries("c1", 10, 0));
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].id, "e1");
  EXPECT_EQ(page.items[0].details, first.details);
  const auto& got = page.items[1];
  EXPECT_EQ(got.id, "e2");
  EXPECT_EQ(got.case_id, "c1");
  EXPECT_EQ(got.organisation_id, "org-1");
  EXPECT_EQ(got.seq, 2);
  EXPECT_EQ(got.kind, "track.moved");
  EXPECT_EQ(got.section, "proceedings");
  EXPECT_EQ(got.person_id, "p1");
  EXPECT_EQ(got.subject_id, "s1");
  EXPECT_EQ(got.details, moved.details);
  EXPECT_EQ(got.recorded_by, "anna");
  EXPECT_EQ(got.recorded_at_us, kT0 + 1);
  EXPECT_EQ(page.items[2].id, "e4");

  auto second = Must(Read()->case_log().Entries("c1", 1, 1));
  EXPECT_EQ(second.total, 3);
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].id, "e2");
  EXPECT_EQ(Must(Read()->case_log().Entries("nope", 10, 0)).total, 0);

  Append(Entry("e5", "c1", "track.moved", kT0 + 4));
  auto moves = Must(Read()->case_log().EntriesOfKind("c1", "track.moved"));
  ASSERT_EQ(moves.size(), 2u);
  EXPECT_EQ(moves[0].id, "e2");
  EXPECT_EQ(moves[0].details, moved.details);
  EXPECT_EQ(moves[1].id, "e5");
  EXPECT_TRUE(Must(Read()->case_log().EntriesOfKind("c2", "track.moved")).empty());
}

TEST_F(CaseLogContract, AnEntryOfAnUnknownCaseIsRefused) {
  auto e = Entry("e1", "no-such-case", "case.created", kT0);
  auto uow = Write();
  EXPECT_FALSE(uow->case_log().Append(e));
}

TEST_F(CaseLogContract, AFactIsRecordedOncePerCaseFactAndPerson) {
  Append(Entry("e1", "c1", "safety_plan.recorded", kT0));
  Append(Entry("e2", "c1", "fact.recorded", kT0 + 1));
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_TRUE(Must(uow.case_log().AddFact({"c1", "safety_plan", "p1", "e1", "anna", kT0})));
    EXPECT_FALSE(Must(uow.case_log().AddFact({"c1", "safety_plan", "p1", "e2", "anna", kT0 + 1})));
    EXPECT_TRUE(Must(uow.case_log().AddFact({"c1", "safety_plan", "", "e2", "anna", kT0 + 1})));
    EXPECT_TRUE(Must(uow.case_log().AddFact({"c1", "consent_recorded", "p1", "e2", "anna", 9})));
  });
  auto facts = Must(Read()->case_log().Facts("c1"));
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_EQ(facts[0].fact, "safety_plan");
  EXPECT_EQ(facts[0].person_id, "p1");
  EXPECT_EQ(facts[0].entry_id, "e1");  // the first recording is kept
  EXPECT_EQ(facts[0].recorded_at_us, kT0);
  EXPECT_EQ(facts[1].entry_id, "e2");
  EXPECT_TRUE(Must(Read()->case_log().Facts("c2")).empty());
}

TEST_F(CaseLogContract, TouchMovesVersionAndChangeTime) {
  Committed([&](ports::UnitOfWork& uow) { Must(uow.cases().Touch("c1", kT0 + 50)); });
  auto c = Must(Read()->cases().Find("c1"));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->version, 2);
  EXPECT_EQ(c->updated_at_us, kT0 + 50);
  auto uow = Write();
  auto st = uow->cases().Touch("nope", kT0);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace opennrm::testing
