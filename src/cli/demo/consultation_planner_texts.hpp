// The words of the demo's synthetic consultations (consultation_planner.hpp):
// who calls (kinds of professional, their organisation by seed key or a
// free-text name, a synthetic name, a fictional phone number, an example.org
// address), the situation and advice as template texts in Swedish that name
// nobody and hold no number, date or address, the follow-ups' texts, and the
// indicator ids (data/rules/indicators.toml) typical of each form. Pure;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/demo/random.hpp"
#include "domain/cases/exploitation.hpp"
#include "domain/hotline/consultation.hpp"

namespace opennrm::cli::demo {

enum class CallerKind {
  kSocialServices,  // the municipality's social services
  kPolice,          // the police region of the place
  kRegionalCoordinator,
  kMigrationAgency,
  kWorkEnvironment,  // Arbetsmiljöverket
  kTaxAgency,
  kHealthCare,  // not in the seeded directory
  kSchool,      // not in the seeded directory
  kNgo,         // not in the seeded directory
  kTradeUnion,  // not in the seeded directory
};

// Who calls about `topic` (`nowhere`: the place is abroad, no local organisation).
CallerKind DrawCaller(hotline::Topic topic, bool berry, bool nowhere, DemoRandom& random);

// The seed key of the caller's organisation ("" for kinds outside the seeded directory).
std::string CallerSeedKey(CallerKind kind, const std::string& municipality,
                          const std::string& police_region);

// The professional: role, synthetic name, fictional phone (PTS's range for
// fiction, 070-174 06 05..99), an address at example.org when they write;
// organisation_name for kinds outside the seeded directory.
hotline::Caller MakeCaller(CallerKind kind, hotline::Channel channel, DemoRandom& random);

// A description of the situation without anyone's identity (`form` may be null).
std::string SituationText(hotline::Topic topic, const cases::ExploitationForm* form, bool berry,
                          bool child, DemoRandom& random);

// The advice the operator gave.
std::string AdviceText(hotline::Topic topic, const cases::ExploitationForm* form, bool berry,
                       bool child, bool immediate_danger, DemoRandom& random);

// What an operator plans to do next.
std::string FollowUpText(hotline::Topic topic, bool berry, DemoRandom& random);

// Indicator ids of the shipped checklist typical of `form` (with the child-specific ones for a
// child).
const std::vector<std::string_view>& IndicatorsOf(cases::ExploitationForm form, bool child);

// Every template text (situations, advice, follow-ups), for tests.
std::vector<std::string_view> AllConsultationTexts();

}  // namespace opennrm::cli::demo
