#include "domain/cases/person_residence.hpp"

#include <algorithm>

#include "domain/cases/enum_names.hpp"
#include "domain/cases/person.hpp"

namespace opennrm::cases {

namespace {

using N = std::string_view;

constexpr auto kPermits =
    detail::MakeNames<ResidencePermit>(std::pair{ResidencePermit::kUnknown, N("unknown")},
                                       std::pair{ResidencePermit::kNone, N("none")},
                                       std::pair{ResidencePermit::kHasPermit, N("has_permit")});

}  // namespace

std::vector<ResidencePermit> AllResidencePermits() { return kPermits.All(); }
std::string_view ToString(ResidencePermit permit) { return kPermits.Name(permit); }
std::optional<ResidencePermit> ParseResidencePermit(std::string_view text) {
  return kPermits.Parse(text);
}

bool IsSwedishCitizen(const Person& person) {
  const auto& c = person.citizenship;
  return c.status == CitizenshipStatus::kKnown &&
         std::find(c.countries.begin(), c.countries.end(), "SE") != c.countries.end();
}

Status CheckReflectionPeriodFor(const Person& person, const std::string& field) {
  if (IsSwedishCitizen(person)) {
    return Invalid(field, "swedish_citizen",
                   "The reflection period is a residence permit for a foreign national without "
                   "a residence permit; this person is recorded as a Swedish citizen.");
  }
  if (person.residence_permit == ResidencePermit::kHasPermit) {
    return Invalid(field, "has_residence_permit",
                   "The reflection period is for a foreign national without a residence permit; "
                   "this person is recorded as having one. Correct the person's record if that "
                   "is wrong.");
  }
  return Ok();
}

}  // namespace opennrm::cases
