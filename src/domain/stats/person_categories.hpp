// The categories a de-identified statistics row records about a presumed
// victim instead of the person (issue 4 item 10; GLOSSARY.md): gender
// category, age group, citizenship group and the one country that decided
// the group. Computed when the person's identity is at hand (it is sealed
// at rest), for a reference date. Pure; thread-safe.
#pragma once

#include <string>

#include "core/date.hpp"
#include "domain/cases/person.hpp"
#include "domain/stats/categories.hpp"
#include "domain/stats/eu_eea.hpp"

namespace opennrm::stats {

struct PersonCategories {
  GenderCategory gender = GenderCategory::kNotRecorded;
  AgeGroup age = AgeGroup::kUnknown;
  CitizenshipGroup citizenship = CitizenshipGroup::kUnknown;
  // ISO 3166-1 alpha-2 of the citizenship that decided the group (Sweden,
  // then an EU/EEA country, then the first given); "" when unknown,
  // stateless, or the person has protected identity (a rare country in a
  // small table could point to a protected person).
  std::string country;
};

// The categories of `person` on `on`.
PersonCategories CategoriesOf(const cases::Person& person, CivilDate on,
                              const EuEeaMembership& membership);

}  // namespace opennrm::stats
