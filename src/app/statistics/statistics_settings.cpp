#include "app/statistics/statistics_settings.hpp"

namespace opennrm::app::statistics {

Status CheckStatisticsSettings(const StatisticsSettings& s) {
  if (s.minimum_threshold < 3) {
    return Invalid("statistics.minimum_threshold", "range",
                   "The minimum threshold is at least 3: smaller cells can point to a person.");
  }
  if (s.threshold < s.minimum_threshold) {
    return Invalid("statistics.threshold", "below_minimum",
                   "The threshold must not be below statistics.minimum_threshold.");
  }
  if (s.rounding_base < 1 || s.rounding_base > 100) {
    return Invalid("statistics.rounding_base", "range", "The rounding base is 1 to 100.");
  }
  if (s.refresh_ms < 0 || s.refresh_ms > 3'600'000) {
    return Invalid("statistics.refresh_ms", "range", "Refresh at most every hour.");
  }
  return Ok();
}

}  // namespace opennrm::app::statistics
