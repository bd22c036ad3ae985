// The statistics configuration ([statistics] in opennrm.toml, read by
// cli/config): statistical disclosure control's threshold and rounding, and
// how often the facts in memory are refreshed. Checked at start; immutable
// once built: thread-safe.
#pragma once

#include "core/error.hpp"

namespace opennrm::app::statistics {

struct StatisticsSettings {
  int threshold = 11;           // cells below this are suppressed (CTDC publishes with 11)
  int minimum_threshold = 5;    // no request may ask for a lower threshold
  int rounding_base = 1;        // counts are rounded to a multiple of this (1: not rounded)
  long long refresh_ms = 1000;  // facts in memory older than this are refreshed on use
};

// threshold >= minimum_threshold >= 3, rounding_base 1..100, refresh_ms
// 0..3,600,000. Fails kInvalid naming "statistics.<key>" and the rule
// ("below_minimum", "range").
Status CheckStatisticsSettings(const StatisticsSettings& settings);

}  // namespace opennrm::app::statistics
