// Clock rules for the domain's unit tests, written in code so the tests do not
// depend on the shipped data file (the CLI tests load that one). Shapes follow
// data/rules/clocks.toml; the values are the tests' own.
#pragma once

#include <string>
#include <utility>

#include "domain/clocks/clock_rule.hpp"
#include "domain/clocks/rule_set.hpp"

namespace opennrm::clocks::fixtures {

inline ClockRule Rule(std::string id, int version, ClockKind kind, Duration duration) {
  ClockRule r;
  r.id = std::move(id);
  r.version = version;
  r.kind = kind;
  r.title = "Test rule " + r.id;
  r.legal_reference = "Test reference";
  r.source = "unit test";
  r.valid_from = {2000, 1, 1};
  r.duration = duration;
  return r;
}

// Reflection period: version 1 (until 31 July 2022) only the head of the
// preliminary investigation applies; version 2 also the social welfare board.
inline ClockRule ReflectionV1() {
  ClockRule r = Rule("reflection_period", 1, ClockKind::kReflectionPeriod,
                     {30, DurationUnit::kDays, Counting::kPeriod, Bound::kExact});
  r.valid_from = {2007, 7, 1};
  r.valid_to = CivilDate{2022, 7, 31};
  r.applicants = {Party::kHeadOfPreliminaryInvestigation};
  r.decided_by = Party::kMigrationAgency;
  r.reminder_days_before_end = {7, 2};
  r.conditions = {{"no_residence_permit", "Foreign national without a residence permit."}};
  r.end_task = "reflection_period_ends";
  return r;
}

inline ClockRule ReflectionV2() {
  ClockRule r = ReflectionV1();
  r.version = 2;
  r.valid_from = {2022, 8, 1};
  r.valid_to = std::nullopt;
  r.applicants = {Party::kSocialWelfareBoard, Party::kHeadOfPreliminaryInvestigation};
  return r;
}

inline ClockRule ResidencePermit() {
  ClockRule r = Rule("residence_permit_cooperation", 1, ClockKind::kResidencePermitCooperation,
                     {6, DurationUnit::kMonths, Counting::kPeriod, Bound::kAtLeast});
  r.valid_from = {2007, 7, 1};
  r.applicants = {Party::kHeadOfPreliminaryInvestigation};
  r.decided_by = Party::kMigrationAgency;
  r.reminder_days_before_end = {30, 7};
  r.conditions = {{"needed_for_proceedings", "Needed for the investigation or trial."},
                  {"wants_to_cooperate", "Clearly wants to cooperate."},
                  {"broke_contact_with_suspects", "Has broken contact with the suspects."},
                  {"public_order_allows", "Public order and security do not argue against it."}};
  r.renewable = true;
  r.revocable = true;
  r.end_task = "residence_permit_ends";
  return r;
}

inline ClockRule ProtectionAssessment() {
  ClockRule r = Rule("protection_assessment", 1, ClockKind::kProtectionAssessment,
                     {0, DurationUnit::kSameOrNextDay, Counting::kTimeLimit, Bound::kExact});
  r.reminder_days_before_end = {1, 0};
  r.end_task = "protection_assessment_due";
  return r;
}

inline ClockRule CustodyCourt() {
  ClockRule r = Rule("custody_court_submission", 1, ClockKind::kCustodyCourtSubmission,
                     {1, DurationUnit::kWeeks, Counting::kTimeLimit, Bound::kExact});
  r.reminder_days_before_end = {3, 1};
  r.end_task = "custody_to_court";
  return r;
}

inline ClockRule CustodyCare() {
  ClockRule r = Rule("custody_care_application", 1, ClockKind::kCustodyCareApplication,
                     {4, DurationUnit::kWeeks, Counting::kTimeLimit, Bound::kExact});
  r.reminder_days_before_end = {7, 2};
  r.end_task = "care_application_due";
  return r;
}

inline ClockRule Rehabilitation() {
  ClockRule r = Rule("nsp_rehabilitation", 1, ClockKind::kSupportProgrammePeriod,
                     {90, DurationUnit::kDays, Counting::kPeriod, Bound::kAtMost});
  r.basis = Basis::kProgrammeRules;
  r.valid_from = {2022, 1, 1};
  r.applicants = {Party::kCertifiedProvider};
  r.decided_by = Party::kSupportProgramme;
  r.reminder_days_before_end = {14};
  r.renewable = true;
  r.max_renewals = 3;
  return r;
}

inline const RuleSet& TestRules() {
  static const RuleSet kRules =
      *RuleSet::Build({ReflectionV1(), ReflectionV2(), ResidencePermit(), ProtectionAssessment(),
                       CustodyCourt(), CustodyCare(), Rehabilitation()});
  return kRules;
}

}  // namespace opennrm::clocks::fixtures
