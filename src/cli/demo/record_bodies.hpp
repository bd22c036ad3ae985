// The bodies of the records a demo case's actions write: the indicators
// checklist answered (yes with evidence, no, not known) from the checklist
// in use, the presumed-victim assessment, a safety plan, a wish, a consent
// taken in the person's language (through a professional interpreter unless
// the person speaks Swedish). Free text is short, synthetic, in Swedish and
// names no one. Pure; thread-safe.
#pragma once

#include <string>

#include "cli/demo/case_plan.hpp"
#include "cli/demo/random.hpp"
#include "domain/cases/assessment.hpp"
#include "domain/cases/indicators.hpp"
#include "domain/cases/safety_plan.hpp"
#include "domain/cases/voice.hpp"
#include "ports/case_record_repository.hpp"

namespace opennrm::cli::demo {

// Answers to `catalog` (child-specific ones only for a child) on `on`.
cases::IndicatorsAssessment IndicatorsFor(const cases::IndicatorCatalog& catalog,
                                          const PersonPlan& person, CivilDate on,
                                          DemoRandom& random);

// A conclusion that the person is a presumed victim, made on `on` by the caller.
cases::PresumedVictimAssessment AssessmentOn(const CasePlan& plan, CivilDate on);

cases::SafetyPlan SafetyPlanOn(CivilDate on, DemoRandom& random);

// The person's wish about `step`.
cases::Wish WishAbout(const std::string& step, CivilDate on, DemoRandom& random);

// Consent to involve the regional coordinator, given on `on`.
ports::ConsentBody ConsentOf(const PersonPlan& person, CivilDate on);

}  // namespace opennrm::cli::demo
