// Plans one synthetic person of a demo case: names in their original script
// with a Latin spelling (sometimes an alias, rarely none), a date of birth
// known in full, in part or only as an estimated age range (sometimes not at
// all), citizenship and languages of the person's group, sometimes a passport
// and a phone number from the range Sweden's telecom regulator keeps for
// fiction, and rarely protected identity. Pure; thread-safe.
#pragma once

#include "cli/demo/case_plan.hpp"
#include "cli/demo/random.hpp"
#include "cli/demo/tables.hpp"

namespace opennrm::cli::demo {

struct PersonDraw {
  cases::PersonRole role = cases::PersonRole::kPresumedVictim;
  bool female = true;
  int age = 30;  // on `on`
  CivilDate on;  // the case's opening day
};

PersonPlan PlanPerson(const CitizenshipProfile& profile, const PersonDraw& draw,
                      DemoRandom& random);

// An adult's age, most often in the twenties and thirties; a child's, most often 13-17.
int DrawAge(bool child, DemoRandom& random);

}  // namespace opennrm::cli::demo
