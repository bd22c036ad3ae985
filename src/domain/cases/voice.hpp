// The person's own voice: what they want at each step of their support, in
// their words, recorded as they said it. Support follows these wishes; they
// are never overwritten, only added to. Plain values; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/lookups.hpp"

namespace opennrm::cases {

struct Wish {
  std::string step;  // a step id of the versioned track definitions ("acute_protection")
  std::string wish;  // in the person's words
  CivilDate recorded_on;
  std::string recorded_by;  // user id
};

// Adds "unknown_step", "required" and "not_future" under "path[i]".
void CheckWishes(const std::vector<Wish>& wishes, const Lookups& lookups, CivilDate today,
                 const std::string& path, Problems& problems);

}  // namespace opennrm::cases
