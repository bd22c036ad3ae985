// A person's date of birth as far as it is known: a full or partial date
// ("2008", "2008-05", "2008-05-17") or an age range someone estimated on a
// given day ("16-19 on 2026-03-15"). MayBeChild decides whether the child
// track applies: in doubt, the person is treated as a child. Pure; thread-safe.
#pragma once

#include <optional>
#include <variant>

#include "core/date.hpp"
#include "domain/cases/partial_date.hpp"

namespace opennrm::cases {

constexpr int kAdultAge = 18;
constexpr int kMaxAge = 120;

// An age estimated by someone (the person, a social worker, an age
// assessment) on a day: the person was min_years to max_years old then.
struct AgeRange {
  int min_years = 0;
  int max_years = 0;
  CivilDate estimated_on;
  bool operator==(const AgeRange&) const = default;
};

using DateOfBirth = std::variant<PartialDate, AgeRange>;

// Completed years of age on `on` for someone born on `birth` (0 before birth).
// A person born on 29 February has a birthday on 1 March in other years.
int AgeOn(CivilDate birth, CivilDate on);
// The day a person born on `birth` turns 18 (29 February -> 1 March).
CivilDate EighteenthBirthday(CivilDate birth);

// The earliest and latest day the person can have been born.
// REQUIRES: the partial date is valid, or 0 <= min_years <= max_years <= 120.
CivilDate EarliestBirth(const DateOfBirth& dob);
CivilDate LatestBirth(const DateOfBirth& dob);

// The youngest and oldest the person can be on a day.
struct AgeSpan {
  int youngest = 0;
  int oldest = 0;
};
AgeSpan PossibleAgesOn(const DateOfBirth& dob, CivilDate on);

// Whether the person follows the child track on `on`: they claim to be a
// minor, or any birth day the record allows makes them under 18 that day.
// Without a date of birth only the claim counts.
bool MayBeChild(const std::optional<DateOfBirth>& dob, bool claimed_minor, CivilDate on);

}  // namespace opennrm::cases
