// Shared by the statistics API tests and the authorization matrix: the year
// that ended last (by UTC; in Sweden it has ended too, Stockholm being ahead
// of UTC), the year a test publishes.
#pragma once

#include <chrono>
#include <ctime>
#include <string>

namespace opennrm::testing {

inline int LastYear() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900 - 1;
}

inline std::string LastYearText() { return std::to_string(LastYear()); }

}  // namespace opennrm::testing
