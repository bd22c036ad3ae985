// Which facts a proceedings record implies, and which facts are declarations:
// every proceedings fact of the shipped step definitions is implied by some
// content of the record, and no declared fact is.
#include "app/cases/track_facts.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace opennrm::app::case_internal {
namespace {

using cases::ProsecutionOutcome;

std::vector<std::string> Of(const cases::Proceedings& p) { return FactsImpliedBy(p); }

TEST(TrackFacts, AnEmptyRecordImpliesNothing) { EXPECT_TRUE(Of({}).empty()); }

TEST(TrackFacts, EachPartOfTheRecordImpliesItsFact) {
  cases::Proceedings p;
  p.police_report_numbers = {"5000-K1-26"};
  EXPECT_EQ(Of(p), std::vector<std::string>{"police_report_recorded"});
  p.investigation = cases::PreliminaryInvestigation{{2026, 1, 5}};
  EXPECT_EQ(Of(p), (std::vector<std::string>{"police_report_recorded",
                                             "preliminary_investigation_opened"}));
  p.prosecution = cases::ProsecutionDecision{ProsecutionOutcome::kIndictment, {2026, 2, 1}};
  cases::Judgment j;
  j.final = true;
  p.judgments = {j};
  p.appeals = {cases::Appeal{}};
  EXPECT_EQ(Of(p),
            (std::vector<std::string>{"police_report_recorded", "preliminary_investigation_opened",
                                      "preliminary_investigation_concluded", "indictment_filed",
                                      "judgment_delivered", "appeal_lodged", "judgment_final"}));
}

TEST(TrackFacts, NoIndictmentOrAClosedInvestigationIsADiscontinuation) {
  cases::Proceedings p;
  p.investigation = cases::PreliminaryInvestigation{{2026, 1, 5}};
  p.investigation->closed_on = CivilDate{2026, 3, 1};
  p.investigation->closing_reason = "Brott kan inte styrkas.";
  auto facts = Of(p);
  EXPECT_NE(std::find(facts.begin(), facts.end(), "discontinuation_decision_recorded"),
            facts.end());
  EXPECT_NE(std::find(facts.begin(), facts.end(), "preliminary_investigation_concluded"),
            facts.end());
  p.investigation->closing_reason.clear();
  for (auto outcome :
       {ProsecutionOutcome::kNoProsecution, ProsecutionOutcome::kProsecutionWaiver}) {
    p.prosecution = cases::ProsecutionDecision{outcome, {2026, 3, 2}};
    facts = Of(p);
    EXPECT_NE(std::find(facts.begin(), facts.end(), "discontinuation_decision_recorded"),
              facts.end());
    EXPECT_EQ(std::find(facts.begin(), facts.end(), "indictment_filed"), facts.end());
  }
  // A summary penalty order ends the case without a trial: neither.
  p.prosecution =
      cases::ProsecutionDecision{ProsecutionOutcome::kSummaryPenaltyOrder, {2026, 3, 2}};
  facts = Of(p);
  EXPECT_EQ(std::find(facts.begin(), facts.end(), "discontinuation_decision_recorded"),
            facts.end());
  EXPECT_EQ(std::find(facts.begin(), facts.end(), "indictment_filed"), facts.end());
}

TEST(TrackFacts, RecordsImplyTheirFactsAndTheRestAreDeclarations) {
  EXPECT_EQ(RecordImplying("safety_plan"), "safety_plan");
  EXPECT_EQ(RecordImplying("indicators_recorded"), "indicators");
  EXPECT_EQ(RecordImplying("consent_recorded"), "consents");
  EXPECT_EQ(RecordImplying("judgment_final"), "proceedings");
  EXPECT_EQ(RecordImplying("basic_information_given"), "");
  EXPECT_EQ(RecordImplying("iom_acceptance_recorded"), "");
  // Every fact a full record implies is one the table names as implied.
  cases::Proceedings p;
  p.police_report_numbers = {"5000-K1-26"};
  p.investigation = cases::PreliminaryInvestigation{{2026, 1, 5}};
  p.investigation->closed_on = CivilDate{2026, 3, 1};
  p.investigation->closing_reason = "x";
  p.prosecution = cases::ProsecutionDecision{ProsecutionOutcome::kIndictment, {2026, 3, 2}};
  cases::Judgment j;
  j.final = true;
  p.judgments = {j};
  p.appeals = {cases::Appeal{}};
  for (const auto& f : Of(p)) EXPECT_EQ(RecordImplying(f), "proceedings") << f;
}

TEST(TrackFacts, EachTrackChangesItsOwnSection) {
  EXPECT_EQ(SectionOf(tracks::TrackKind::kSupport), access::Section::kSupport);
  EXPECT_EQ(SectionOf(tracks::TrackKind::kProceedings), access::Section::kProceedings);
  EXPECT_EQ(SectionOf(tracks::TrackKind::kReturn), access::Section::kReturn);
}

}  // namespace
}  // namespace opennrm::app::case_internal
