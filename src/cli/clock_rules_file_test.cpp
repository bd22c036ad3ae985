// The clock rules the product ships (data/rules/clocks.toml), read the way the
// server reads them. Every rule in the file is listed here and exercised: a
// rule added to the file without a test here fails ShippedClockRules.ListsEveryRule.
#include "cli/clock_rules_file.hpp"
#include "cli/shipped_data_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "core/stockholm_date_math.hpp"
#include "domain/clocks/clock.hpp"

namespace opennrm::cli {
namespace {

namespace fs = std::filesystem;
using namespace opennrm::clocks;
using clocks::Clock;  // not opennrm::Clock, the time source

std::string ClockRulesPath() { return testing::ShippedData("rules/clocks.toml"); }

const RuleSet& Shipped() {
  static const RuleSet rules = [] {
    auto r = ReadClockRules(ClockRulesPath());
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? std::move(*r) : RuleSet{};
  }();
  return rules;
}

const ClockRule& Rule(const std::string& id, int version) {
  const ClockRule* r = Shipped().Find(id, version);
  EXPECT_NE(r, nullptr) << id << " v" << version;
  static const ClockRule kNone;
  return r ? *r : kNone;
}

std::vector<std::string> ConditionIds(const ClockRule& r) {
  std::vector<std::string> ids;
  for (const auto& c : r.conditions) ids.push_back(c.id);
  return ids;
}

bool HasProblem(const Error& e, const std::string& field, const std::string& rule) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldProblem& p) { return p.field == field && p.rule == rule; });
}

// A clock under rule `id` opened on `day`, with whatever that rule version
// requires (its first allowed applicant, a decision date, all conditions).
Result<Clock> OpenWithEverything(const std::string& id, CivilDate day) {
  auto rule = Shipped().InForce(id, day);
  if (!rule) return tl::unexpected(rule.error());
  ClockOpening o;
  o.rule_id = id;
  o.start = day;
  if (!(*rule)->applicants.empty()) o.application = Application{(*rule)->applicants[0], day};
  if ((*rule)->decided_by) o.decided_on = day;
  o.conditions = ConditionIds(**rule);
  return Clock::Open(Shipped(), o);
}

TEST(ShippedClockRules, ListsEveryRule) {
  std::set<std::pair<std::string, int>> versions;
  for (const auto& r : Shipped().rules()) versions.insert({r.id, r.version});
  const std::set<std::pair<std::string, int>> expected{{"reflection_period", 1},
                                                       {"reflection_period", 2},
                                                       {"residence_permit_cooperation", 1},
                                                       {"protection_assessment", 1},
                                                       {"custody_court_submission", 1},
                                                       {"custody_care_application", 1},
                                                       {"nsp_initial_rest", 1},
                                                       {"nsp_rehabilitation", 1},
                                                       {"nsp_integration", 1}};
  EXPECT_EQ(versions, expected);
}

TEST(ShippedClockRules, EveryRuleNamesItsReferenceAndSource) {
  for (const auto& r : Shipped().rules()) {
    EXPECT_FALSE(r.legal_reference.empty()) << r.id;
    EXPECT_FALSE(r.source.empty()) << r.id;
    EXPECT_FALSE(r.end_task.empty()) << r.id;
    // Programme rules are not law, and say so.
    EXPECT_EQ(r.basis == Basis::kProgrammeRules, r.kind == ClockKind::kSupportProgrammePeriod)
        << r.id;
  }
}

TEST(ShippedClockRules, EveryRuleOpensAClockWithRemindersBeforeItsEnd) {
  for (const auto& r : Shipped().rules()) {
    const CivilDate day = r.valid_from;
    auto c = OpenWithEverything(r.id, day);
    ASSERT_TRUE(c) << r.id << " v" << r.version << ": " << c.error().message;
    EXPECT_EQ(c->record().rule_version, r.version) << r.id;
    EXPECT_EQ(c->end(), DefaultEnd(r.duration, day)) << r.id;
    EXPECT_EQ(c->Reminders().size(), r.reminder_days_before_end.size()) << r.id;
    for (const auto& reminder : c->Reminders()) {
      EXPECT_LE(reminder.on, c->end()) << r.id;
      EXPECT_EQ(DaysBetween(reminder.on, c->end()), reminder.days_before_end) << r.id;
    }
    ASSERT_TRUE(c->Task()) << r.id;
    EXPECT_EQ(c->Task()->due, c->end()) << r.id;
    EXPECT_EQ(c->StatusOn(c->end()).state, ClockState::kDueToday) << r.id;
    EXPECT_EQ(c->StatusOn(AddDays(c->end(), 1)).state, ClockState::kOverdue) << r.id;
  }
}

TEST(ShippedClockRules, ReflectionPeriodIs30DaysAndTheApplicantsChangedOn1August2022) {
  const ClockRule& v1 = Rule("reflection_period", 1);
  const ClockRule& v2 = Rule("reflection_period", 2);
  for (const ClockRule* r : {&v1, &v2}) {
    EXPECT_EQ(r->kind, ClockKind::kReflectionPeriod);
    EXPECT_EQ(r->basis, Basis::kLaw);
    EXPECT_NE(r->legal_reference.find("ch. 5 §15 second paragraph"), std::string::npos);
    EXPECT_EQ(r->decided_by, Party::kMigrationAgency);
    EXPECT_EQ(r->duration.count, 30);
    EXPECT_EQ(r->duration.unit, DurationUnit::kDays);
    EXPECT_EQ(DefaultEnd(r->duration, {2026, 3, 2}), (CivilDate{2026, 3, 31}));
    EXPECT_EQ(r->reminder_days_before_end, (std::vector<int>{7, 2}));
    EXPECT_EQ(ConditionIds(*r),
              (std::vector<std::string>{"foreign_national_without_residence_permit",
                                        "reason_to_believe_victim"}));
    EXPECT_FALSE(r->renewable);
    EXPECT_EQ(r->end_task, "reflection_period_ends");
  }
  EXPECT_EQ(v1.valid_to, (CivilDate{2022, 7, 31}));
  EXPECT_EQ(v1.applicants, std::vector<Party>{Party::kHeadOfPreliminaryInvestigation});
  EXPECT_EQ(v2.valid_from, (CivilDate{2022, 8, 1}));
  EXPECT_FALSE(v2.valid_to);
  EXPECT_EQ(v2.applicants, (std::vector<Party>{Party::kSocialWelfareBoard,
                                               Party::kHeadOfPreliminaryInvestigation}));

  ClockOpening o;
  o.rule_id = "reflection_period";
  o.conditions = ConditionIds(v2);
  for (CivilDate day : {CivilDate{2022, 7, 31}, CivilDate{2022, 8, 1}}) {
    o.start = day;
    o.decided_on = day;
    o.application = Application{Party::kSocialWelfareBoard, day};
    auto board = Clock::Open(Shipped(), o);
    o.application = Application{Party::kHeadOfPreliminaryInvestigation, day};
    auto police = Clock::Open(Shipped(), o);
    EXPECT_TRUE(police) << FormatIsoDate(day);
    if (day < CivilDate{2022, 8, 1}) {
      ASSERT_FALSE(board);
      EXPECT_TRUE(HasProblem(board.error(), "application.applicant", "applicant_not_allowed"));
    } else {
      EXPECT_TRUE(board);
    }
  }
  // The person (or the Migration Agency, which decides) never applies.
  o.application = Application{Party::kMigrationAgency, {2026, 1, 5}};
  o.start = {2026, 1, 5};
  o.decided_on = o.start;
  EXPECT_FALSE(Clock::Open(Shipped(), o));
}

TEST(ShippedClockRules, ResidencePermitForCooperationHasFourConditions) {
  const ClockRule& r = Rule("residence_permit_cooperation", 1);
  EXPECT_NE(r.legal_reference.find("ch. 5 §15 first paragraph"), std::string::npos);
  EXPECT_EQ(r.valid_from, (CivilDate{2007, 7, 1}));
  EXPECT_EQ(r.applicants, std::vector<Party>{Party::kHeadOfPreliminaryInvestigation});
  EXPECT_EQ(r.decided_by, Party::kMigrationAgency);
  EXPECT_EQ(r.duration.count, 6);
  EXPECT_EQ(r.duration.unit, DurationUnit::kMonths);
  EXPECT_EQ(r.duration.bound, Bound::kAtLeast);
  EXPECT_EQ(DefaultEnd(r.duration, {2027, 8, 31}), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(r.reminder_days_before_end, (std::vector<int>{30, 14, 7}));
  EXPECT_EQ(
      ConditionIds(r),
      (std::vector<std::string>{"needed_for_proceedings", "clearly_wants_to_cooperate",
                                "broke_contact_with_suspects", "public_order_and_security_allow"}));
  EXPECT_TRUE(r.renewable);
  EXPECT_FALSE(r.max_renewals);
  EXPECT_TRUE(r.revocable);

  auto c = OpenWithEverything("residence_permit_cooperation", {2026, 5, 4});
  ASSERT_TRUE(c);
  RenewalRequest renewal;
  renewal.application = Application{Party::kHeadOfPreliminaryInvestigation, {2026, 10, 1}};
  renewal.decided_on = {2026, 10, 20};
  renewal.conditions = ConditionIds(r);
  ASSERT_TRUE(c->Renew(renewal));
  EXPECT_EQ(c->end(), (CivilDate{2027, 5, 3}));
  EXPECT_TRUE(c->Stop({2026, 12, 1}, StopReason::kRevoked));

  ClockOpening missing;
  missing.rule_id = "residence_permit_cooperation";
  missing.start = {2026, 5, 4};
  missing.decided_on = missing.start;
  missing.application = Application{Party::kSocialWelfareBoard, missing.start};
  missing.conditions = {"clearly_wants_to_cooperate"};
  auto refused = Clock::Open(Shipped(), missing);
  ASSERT_FALSE(refused);
  EXPECT_TRUE(HasProblem(refused.error(), "application.applicant", "applicant_not_allowed"));
  EXPECT_TRUE(HasProblem(refused.error(), "conditions", "missing_condition"));
}

TEST(ShippedClockRules, ChildTrackClocks) {
  const ClockRule& assess = Rule("protection_assessment", 1);
  EXPECT_EQ(assess.duration.unit, DurationUnit::kSameOrNextDay);
  EXPECT_TRUE(assess.applicants.empty());
  EXPECT_FALSE(assess.decided_by);
  EXPECT_EQ(DefaultEnd(assess.duration, {2028, 2, 28}), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(assess.reminder_days_before_end, (std::vector<int>{1, 0}));

  const ClockRule& court = Rule("custody_court_submission", 1);
  EXPECT_NE(court.legal_reference.find("LVU 1990:52) §7"), std::string::npos);
  EXPECT_EQ(court.duration.counting, Counting::kTimeLimit);
  EXPECT_EQ(DefaultEnd(court.duration, {2028, 2, 22}), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(court.reminder_days_before_end, (std::vector<int>{3, 1}));

  const ClockRule& care = Rule("custody_care_application", 1);
  EXPECT_NE(care.legal_reference.find("LVU 1990:52) §8"), std::string::npos);
  EXPECT_EQ(DefaultEnd(care.duration, {2028, 2, 22}), (CivilDate{2028, 3, 21}));
  EXPECT_EQ(care.reminder_days_before_end, (std::vector<int>{7, 2}));

  for (const ClockRule* r : {&assess, &court, &care}) {
    EXPECT_TRUE(r->needs_check) << r->id;  // ref marks these for checking
    EXPECT_TRUE(r->conditions.empty()) << r->id;
    EXPECT_FALSE(r->renewable) << r->id;
    // The social services act on their own duty: no application.
    ClockOpening o;
    o.rule_id = r->id;
    o.start = {2026, 10, 25};
    o.application = Application{Party::kSocialWelfareBoard, o.start};
    auto c = Clock::Open(Shipped(), o);
    ASSERT_FALSE(c) << r->id;
    EXPECT_TRUE(HasProblem(c.error(), "application.applicant", "applicant_not_allowed"));
  }
}

TEST(ShippedClockRules, SupportProgrammePeriodsAreProgrammeRulesWithCeilings) {
  const std::map<std::string, std::pair<int, std::vector<int>>> expected{
      {"nsp_initial_rest", {30, {7, 2}}},
      {"nsp_rehabilitation", {90, {14, 7}}},
      {"nsp_integration", {45, {7, 2}}}};
  for (const auto& [id, want] : expected) {
    const ClockRule& r = Rule(id, 1);
    EXPECT_EQ(r.kind, ClockKind::kSupportProgrammePeriod) << id;
    EXPECT_EQ(r.basis, Basis::kProgrammeRules) << id;
    EXPECT_EQ(r.valid_from, (CivilDate{2022, 1, 1})) << id;
    EXPECT_EQ(r.applicants, std::vector<Party>{Party::kCertifiedProvider}) << id;
    EXPECT_EQ(r.decided_by, Party::kSupportProgramme) << id;
    EXPECT_EQ(r.duration.count, want.first) << id;
    EXPECT_EQ(r.duration.bound, Bound::kAtMost) << id;
    EXPECT_EQ(r.reminder_days_before_end, want.second) << id;
    EXPECT_TRUE(r.needs_check) << id;

    // "Up to" N days: a longer decision is refused.
    ClockOpening o;
    o.rule_id = id;
    o.start = {2026, 1, 1};
    o.application = Application{Party::kCertifiedProvider, o.start};
    o.decided_on = o.start;
    o.end = AddDays(o.start, want.first);
    auto c = Clock::Open(Shipped(), o);
    ASSERT_FALSE(c) << id;
    EXPECT_TRUE(HasProblem(c.error(), "end", "longer_than_rule")) << id;
  }
  EXPECT_FALSE(Rule("nsp_initial_rest", 1).renewable);
  EXPECT_FALSE(Rule("nsp_integration", 1).renewable);
  const ClockRule& rehab = Rule("nsp_rehabilitation", 1);
  EXPECT_TRUE(rehab.renewable);
  EXPECT_EQ(rehab.max_renewals, 3);

  auto c = OpenWithEverything("nsp_rehabilitation", {2026, 1, 1});
  ASSERT_TRUE(c);
  RenewalRequest renewal;
  renewal.application = Application{Party::kCertifiedProvider, {2026, 3, 1}};
  renewal.decided_on = {2026, 3, 1};
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(c->Renew(renewal)) << i;
  EXPECT_FALSE(c->Renew(renewal));
  // Before the programme's 2022 rules there is no rule in force.
  EXPECT_FALSE(OpenWithEverything("nsp_rehabilitation", {2021, 12, 31}));
}

// A small valid file, for the failure tests below to break one thing at a time.
std::string MinimalFile(const std::string& extra = "",
                        const std::string& valid_from = "2022-08-01") {
  return "format = 1\n"
         "[[rules]]\n"
         "id = \"custody_court_submission\"\n"
         "version = 1\n"
         "kind = \"custody_court_submission\"\n"
         "title = \"Test\"\n"
         "basis = \"law\"\n"
         "legal_reference = \"LVU §7\"\n"
         "source = \"test\"\n"
         "needs_check = true\n"
         "valid_from = " +
         valid_from +
         "\n"
         "applicants = []\n"
         "duration = { count = 1, unit = \"weeks\", counting = \"time_limit\", bound = \"exact\" "
         "}\n"
         "reminder_days_before_end = [3, 1]\n"
         "renewable = false\n"
         "revocable = false\n" +
         extra;
}

TEST(ClockRulesFile, ReadsAMinimalFile) {
  auto r = ParseClockRules(MinimalFile(), "test.toml");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->rules().size(), 1u);
  EXPECT_TRUE(r->rules()[0].end_task.empty());
  EXPECT_FALSE(r->rules()[0].valid_to);
}

TEST(ClockRulesFile, NamesTheFileLineAndKeyOfTheFirstProblem) {
  struct Case {
    std::string text;
    std::string field;
    std::string rule;
    std::string line;
  };
  const std::vector<Case> cases{
      {MinimalFile("valid_form = 2023-01-01\n"), "rules[0].valid_form", "unknown_key", ":17:"},
      {MinimalFile("", "\"2022-08-01\""), "rules[0].valid_from", "type", ":11:"},
      {MinimalFile("decided_by = \"the_person\"\n"), "rules[0].decided_by", "unknown_value",
       ":17:"},
      {MinimalFile("max_renewals = \"3\"\n"), "rules[0].max_renewals", "type", ":17:"},
      {MinimalFile("[[rules.conditions]]\nid = \"x\"\n"), "rules[0].conditions[0].text", "required",
       ":17:"},
      {MinimalFile("end_task = \"Ends!\"\n"), "rules[0].end_task", "format", ":17:"},
      {"format = 2\n", "format", "unsupported", ":1:"},
      {"format = 1\n", "rules", "required", ""},
  };
  for (const auto& c : cases) {
    auto r = ParseClockRules(c.text, "rules/test.toml");
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    ASSERT_EQ(r.error().fields.size(), 1u) << c.field;
    EXPECT_EQ(r.error().fields[0].field, c.field);
    EXPECT_EQ(r.error().fields[0].rule, c.rule) << c.field;
    EXPECT_NE(r.error().message.find("rules/test.toml" + c.line), std::string::npos)
        << r.error().message;
  }
}

TEST(ClockRulesFile, DurationWithoutCountOnlyForSameOrNextDay) {
  std::string text = MinimalFile();
  text.replace(text.find("count = 1, "), 11, "");
  auto r = ParseClockRules(text, "t.toml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields[0].field, "rules[0].duration.count");
  EXPECT_EQ(r.error().fields[0].rule, "required");
}

TEST(ClockRulesFile, InconsistentVersionsAreLocated) {
  // Version 2 starts while version 1 (open-ended) is still in force.
  std::string second = MinimalFile();
  second = second.substr(second.find("[[rules]]"));
  second.replace(second.find("version = 1"), 11, "version = 2");
  auto r = ParseClockRules(MinimalFile() + second, "t.toml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields[0].field, "rules[0].valid_to");
  EXPECT_EQ(r.error().fields[0].rule, "required_before_next_version");
  EXPECT_NE(r.error().message.find("t.toml:2:"), std::string::npos) << r.error().message;
}

TEST(ClockRulesFile, SyntaxErrorsAndMissingFiles) {
  auto bad = ParseClockRules("format = = 1\n", "t.toml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields[0].rule, "toml");
  EXPECT_NE(bad.error().message.find("t.toml:1:"), std::string::npos);
  EXPECT_FALSE(ReadClockRules("no/such/clocks.toml"));
}

}  // namespace
}  // namespace opennrm::cli
