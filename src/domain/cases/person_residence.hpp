// A person's right to stay in Sweden as the case records it, and the rule it
// decides: the 30-day reflection period (Aliens Act 2005:716 ch. 5 §15 second
// paragraph) is a temporary residence permit for a foreign national without a
// residence permit, so it is not for a person recorded with a permit nor for a
// Swedish citizen. Whether a child is unaccompanied (no parent or other adult
// in the parent's place in Sweden; such a child gets a guardian, god man) is a
// plain flag on the person. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::cases {

struct Person;

enum class ResidencePermit {
  kUnknown,    // not known (yet): the default
  kNone,       // a foreign national without a Swedish residence permit or right of residence
  kHasPermit,  // holds a Swedish residence permit or right of residence
};

// Every value, kUnknown first.
std::vector<ResidencePermit> AllResidencePermits();
// "unknown", "none", "has_permit".
std::string_view ToString(ResidencePermit permit);
std::optional<ResidencePermit> ParseResidencePermit(std::string_view text);

// Whether the person's citizenships include Sweden ("SE").
bool IsSwedishCitizen(const Person& person);

// Whether a reflection period may be started (or applied for) for `person`:
// kInvalid naming `field` with "swedish_citizen" for a Swedish citizen, or
// "has_residence_permit" for a person recorded with a permit; Ok for a
// recorded "none" or "unknown" (the Migration Agency decides).
Status CheckReflectionPeriodFor(const Person& person, const std::string& field);

}  // namespace opennrm::cases
