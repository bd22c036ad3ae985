#include "domain/cases/proceedings.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"
#include "domain/cases/offences.hpp"

namespace opennrm::cases {
namespace {

using testing::HasRule;
using testing::Rules;

constexpr CivilDate kToday{2026, 3, 15};

OffenceVersion V(std::string id, CivilDate from, std::optional<CivilDate> to,
                 bool description = false) {
  OffenceVersion v;
  v.id = std::move(id);
  v.name_en = v.id;
  v.name_sv = v.id;
  v.legal_reference = description ? "" : "BrB";
  v.valid_from = from;
  v.valid_to = to;
  v.sources = {"synthetic"};
  v.grades = {{"standard", "Standard", "Normalgraden"}, {"gross", "Gross", "Grovt"}};
  v.needs_description = description;
  return v;
}

const OffenceCatalog& Catalog() {
  static const OffenceCatalog c = *OffenceCatalog::Build(
      {"test",
       {{"purchase",
         {V("purchase_2005", {2005, 4, 1}, CivilDate{2025, 6, 30}),
          V("purchase_2025", {2025, 7, 1}, std::nullopt)}},
        {"exploitation", {V("exploitation_2018", {2018, 7, 1}, std::nullopt)}},
        {"other", {V("other", {1900, 1, 1}, std::nullopt, true)}}}});
  return c;
}

Lookups WithOffences() {
  Lookups l = testing::TestLookups();
  l.offences = &Catalog();
  return l;
}

std::optional<PersonRole> RoleOf(std::string_view id) {
  if (id == "victim") return PersonRole::kPresumedVictim;
  if (id == "suspect") return PersonRole::kSuspect;
  return std::nullopt;
}

Proceedings Good() {
  Proceedings pr;
  pr.police_report_numbers = {"5000-K123456-25"};
  pr.offences = {{"purchase", "purchase_2025", "standard", *ParsePartialDate("2025-09"), ""},
                 {"exploitation", "exploitation_2018", "gross", std::nullopt, ""}};
  pr.investigation =
      PreliminaryInvestigation{{2025, 10, 1}, InvestigationLeader::kProsecutor, std::nullopt, ""};
  pr.prosecution = ProsecutionDecision{ProsecutionOutcome::kIndictment, {2026, 1, 20}};
  pr.judgments = {{CourtLevel::kDistrictCourt,
                   "Stockholms tingsrätt",
                   "B 1234-26",
                   {2026, 2, 20},
                   Verdict::kConvicted,
                   Sentence{SentenceKind::kPrison, 30, ""},
                   false}};
  pr.appeals = {{CourtLevel::kDistrictCourt, AppealedBy::kDefendant, {2026, 3, 5}}};
  pr.injured_parties = {{"victim", InjuredPartyStatus::kInjuredParty, CivilDate{2025, 10, 2}}};
  return pr;
}

std::vector<std::string> Check(const Proceedings& pr,
                               orgs::Kind owner = orgs::Kind::kPoliceRegion) {
  Problems p;
  CheckProceedings(pr, owner, RoleOf, WithOffences(), kToday, "proceedings", p);
  return Rules(p);
}

TEST(Proceedings, AcceptsAFullRecord) { EXPECT_TRUE(Check(Good()).empty()); }

TEST(Proceedings, OnlyInCasesAnAuthorityOwns) {
  for (auto kind : orgs::AllKinds()) {
    auto rules = Check(Good(), kind);
    if (orgs::IsPublicAuthority(kind)) {
      EXPECT_TRUE(rules.empty()) << orgs::ToString(kind);
    } else {
      EXPECT_EQ(rules, std::vector<std::string>{"proceedings/proceedings_need_authority"})
          << orgs::ToString(kind);
    }
  }
}

TEST(Proceedings, PoliceReportNumbersAreChecked) {
  auto pr = Good();
  pr.police_report_numbers = {"5000-K123456-25", "garbage", "5000 - k123456 - 2025"};
  EXPECT_EQ(Check(pr),
            (std::vector<std::string>{"proceedings.police_report_numbers[1]/format",
                                      "proceedings.police_report_numbers[2]/duplicate"}));
}

TEST(Proceedings, TheOffenceVersionMustBeInForceWhenCommitted) {
  auto pr = Good();
  // Committed in June 2025: the 2005 wording applied, not the 2025 one.
  pr.offences[0].committed = *ParsePartialDate("2025-06-15");
  EXPECT_EQ(Check(pr),
            std::vector<std::string>{"proceedings.offences[0].version_id/offence_not_in_force"});
  pr.offences[0].version_id = "purchase_2005";
  EXPECT_TRUE(Check(pr).empty());
  // A year straddling the change fits either version.
  pr.offences[0].committed = *ParsePartialDate("2025");
  EXPECT_TRUE(Check(pr).empty());
  // Human exploitation did not exist before 1 July 2018.
  pr.offences[1].committed = *ParsePartialDate("2018-06");
  EXPECT_EQ(Check(pr),
            std::vector<std::string>{"proceedings.offences[1].version_id/offence_not_in_force"});
}

TEST(Proceedings, UnknownOffencesVersionsAndGrades) {
  auto pr = Good();
  pr.offences = {{"made_up", "x", "standard", std::nullopt, ""},
                 {"purchase", "exploitation_2018", "standard", std::nullopt, ""},
                 {"purchase", "purchase_2025", "less_serious", std::nullopt, ""},
                 {"other", "other", "standard", std::nullopt, " "}};
  EXPECT_EQ(Check(pr),
            (std::vector<std::string>{"proceedings.offences[0].offence_id/unknown_offence",
                                      "proceedings.offences[1].version_id/unknown_version",
                                      "proceedings.offences[2].grade/unknown_grade",
                                      "proceedings.offences[3].description/description_required"}));
}

TEST(Proceedings, DecisionsFollowInOrder) {
  auto pr = Good();
  pr.investigation->closed_on = CivilDate{2025, 9, 1};
  pr.prosecution->decided_on = {2025, 9, 30};
  pr.judgments[0].delivered_on = {2025, 9, 29};
  auto rules = Check(pr);
  EXPECT_TRUE(HasRule(rules, "proceedings.investigation.closed_on/end_before_start"));
  EXPECT_TRUE(HasRule(rules, "proceedings.prosecution.decided_on/before_investigation"));
  EXPECT_TRUE(HasRule(rules, "proceedings.judgments[0].delivered_on/before_prosecution"));

  pr = Good();
  pr.investigation.reset();
  EXPECT_TRUE(HasRule(Check(pr), "proceedings.prosecution/investigation_required"));

  pr = Good();
  pr.prosecution->outcome = ProsecutionOutcome::kProsecutionWaiver;
  EXPECT_TRUE(HasRule(Check(pr), "proceedings.judgments[0]/judgment_without_indictment"));
}

TEST(Proceedings, SentencesMatchTheVerdict) {
  auto pr = Good();
  pr.judgments[0].sentence.reset();
  EXPECT_EQ(Check(pr), std::vector<std::string>{"proceedings.judgments[0].sentence/"
                                                "sentence_required"});
  pr = Good();
  pr.judgments[0].verdict = Verdict::kAcquitted;
  EXPECT_EQ(Check(pr), std::vector<std::string>{"proceedings.judgments[0].sentence/"
                                                "sentence_without_conviction"});
  pr = Good();
  pr.judgments[0].sentence->months = 0;
  EXPECT_EQ(Check(pr), std::vector<std::string>{"proceedings.judgments[0].sentence.months/range"});
  pr.judgments[0].sentence = Sentence{SentenceKind::kFine, 0, "120 day-fines"};
  EXPECT_TRUE(Check(pr).empty());
}

TEST(Proceedings, AppealsFollowAJudgment) {
  auto pr = Good();
  pr.appeals[0].lodged_on = {2026, 2, 19};
  EXPECT_EQ(Check(pr), std::vector<std::string>{"proceedings.appeals[0]/appeal_without_judgment"});
  pr = Good();
  pr.appeals[0].from_level = CourtLevel::kCourtOfAppeal;
  EXPECT_EQ(Check(pr), std::vector<std::string>{"proceedings.appeals[0]/appeal_without_judgment"});
  pr.appeals[0].from_level = CourtLevel::kSupremeCourt;
  EXPECT_EQ(Check(pr), std::vector<std::string>{"proceedings.appeals[0].from_level/"
                                                "no_higher_court"});
}

TEST(Proceedings, InjuredPartiesArePersonsOfTheCase) {
  auto pr = Good();
  pr.injured_parties = {{"victim", InjuredPartyStatus::kInjuredParty, std::nullopt},
                        {"stranger", InjuredPartyStatus::kNotDecided, std::nullopt},
                        {"suspect", InjuredPartyStatus::kInjuredParty, std::nullopt},
                        {"victim", InjuredPartyStatus::kNotInjuredParty, std::nullopt}};
  EXPECT_EQ(Check(pr),
            (std::vector<std::string>{"proceedings.injured_parties[1].person_id/unknown_person",
                                      "proceedings.injured_parties[2].person_id/injured_party_role",
                                      "proceedings.injured_parties[3].person_id/duplicate"}));
}

TEST(Proceedings, NamesRoundTrip) {
  for (auto v : {SentenceKind::kPrison, SentenceKind::kConditionalSentence,
                 SentenceKind::kProbation, SentenceKind::kFine, SentenceKind::kYouthService,
                 SentenceKind::kYouthCare, SentenceKind::kForensicCare, SentenceKind::kOther}) {
    EXPECT_EQ(ParseSentenceKind(ToString(v)), v);
  }
  EXPECT_EQ(ParseInvestigationLeader("prosecutor"), InvestigationLeader::kProsecutor);
  EXPECT_EQ(ParseProsecutionOutcome("summary_penalty_order"),
            ProsecutionOutcome::kSummaryPenaltyOrder);
  EXPECT_EQ(ParseCourtLevel("court_of_appeal"), CourtLevel::kCourtOfAppeal);
  EXPECT_EQ(ParseVerdict("partly_convicted"), Verdict::kPartlyConvicted);
  EXPECT_EQ(ParseAppealedBy("injured_party"), AppealedBy::kInjuredParty);
  EXPECT_EQ(ParseInjuredPartyStatus("injured_party"), InjuredPartyStatus::kInjuredParty);
  EXPECT_FALSE(ParseVerdict("guilty"));
}

}  // namespace
}  // namespace opennrm::cases
