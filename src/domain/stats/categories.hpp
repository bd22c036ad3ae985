// The categories a de-identified statistics fact records about a person
// instead of the person's data (GLOSSARY.md): age group, gender category and
// citizenship group, each computed for one reference date (the day the fact
// describes, e.g. the day of identification). Pure functions; thread-safe.
//
// Choices, written down:
// - Age from an estimate or a partial date of birth (a range of possible
//   ages): the YOUNGEST possible age decides. Directive 2011/36/EU art. 13(2)
//   presumes a person of uncertain age to be a child where there is reason to
//   believe so, and cases::MayBeChild treats doubt the same way; a table of
//   children must not lose a 16-19 year old. Ages outside 0-120 are unknown.
// - Gender category: girl and boy are female and male persons in a child age
//   group (0-11, 12-17). A person of unknown age counts as a woman or a man
//   (adults are the rule among registered victims; the age table shows the
//   unknown ages). Other and not recorded do not split by age.
// - Citizenship with several countries: Sweden first, then any EU/EEA
//   country, then the rest (the EU/EEA list is dated: eu_eea.hpp). Codes
//   are ISO 3166-1 alpha-2; lower case is accepted, anything else ignored.
//
// Eurostat (crim_thb, see /work/shared/reference/eurostat-thb.md) splits
// citizenship as reporting country / other EU / non-EU: EurostatCitizenshipOf
// gives that split (Iceland, Liechtenstein and Norway are non-EU there, and a
// stateless person is counted as non-EU; the latter is our reading, not a
// verified Eurostat rule). Eurostat's sex is male / female / other-unknown:
// our other and not_recorded sum to it, girls and boys to female and male.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "domain/cases/date_of_birth.hpp"
#include "domain/cases/person.hpp"
#include "domain/stats/eu_eea.hpp"

namespace opennrm::stats {

enum class AgeGroup {
  k0To11,
  k12To17,
  k18To24,
  k25To34,
  k35To44,
  k45To54,
  k55To64,
  k65Plus,
  kUnknown,
};
const std::vector<AgeGroup>& AllAgeGroups();
std::string_view ToString(AgeGroup group);  // "0_11", ..., "65_plus", "unknown"
std::optional<AgeGroup> ParseAgeGroup(std::string_view text);

// Children are 0-17 (GLOSSARY.md); false for kUnknown.
bool IsChild(AgeGroup group);

// The group of an age in completed years; kUnknown for nullopt or outside 0-120.
AgeGroup AgeGroupOf(std::optional<int> age_years);
// The group of the youngest age in the span; kUnknown when the span is not
// 0 <= youngest <= oldest <= 120.
AgeGroup AgeGroupOf(const cases::AgeSpan& possible_ages);
// The group on `on` of a person with this date of birth (full, partial or
// an estimated range); kUnknown without one. REQUIRES: a valid date of birth.
AgeGroup AgeGroupOn(const std::optional<cases::DateOfBirth>& date_of_birth, CivilDate on);

enum class GenderCategory { kWoman, kMan, kGirl, kBoy, kOther, kNotRecorded };
const std::vector<GenderCategory>& AllGenderCategories();
std::string_view ToString(GenderCategory category);  // "woman", ..., "not_recorded"
std::optional<GenderCategory> ParseGenderCategory(std::string_view text);

// The category of a person of `gender` in age group `age`.
GenderCategory GenderCategoryOf(cases::Gender gender, AgeGroup age);

enum class CitizenshipGroup { kSweden, kOtherEuEea, kOutsideEuEea, kStateless, kUnknown };
const std::vector<CitizenshipGroup>& AllCitizenshipGroups();
std::string_view ToString(CitizenshipGroup group);  // "sweden", "other_eu_eea", ...
std::optional<CitizenshipGroup> ParseCitizenshipGroup(std::string_view text);

// The group of a person's citizenship on `on`. Known with no usable country
// code: kUnknown.
CitizenshipGroup CitizenshipGroupOf(const cases::Citizenship& citizenship, const CivilDate& on,
                                    const EuEeaMembership& membership);

enum class EurostatCitizenship { kReportingCountry, kOtherEu, kNonEu, kUnknown };
std::string_view ToString(EurostatCitizenship group);  // "reporting_country", "other_eu", ...

// Eurostat's split on `on`, Sweden being the reporting country.
EurostatCitizenship EurostatCitizenshipOf(const cases::Citizenship& citizenship,
                                          const CivilDate& on, const EuEeaMembership& membership);

}  // namespace opennrm::stats
