// One axis of an aggregation (aggregate.hpp): the category keys of a
// dimension for a dictionary and period, and where one fact falls on it,
// precomputed as lookup tables so that the counting loop does no string
// work and no allocation per fact. Internal to the aggregation engine.
// A value type; const access is thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "domain/stats/dimension.hpp"
#include "domain/stats/fact.hpp"

namespace opennrm::stats::internal {

class Axis {
 public:
  // The axis of `dimension` (none: one category "total") for facts recorded
  // from `first_day` to `last_day` (DayNumbers, inclusive).
  Axis(std::optional<Dimension> dimension, const FactDictionary& dictionary, int32_t first_day,
       int32_t last_day);

  const std::vector<std::string>& keys() const { return keys_; }
  bool multi_valued() const { return multi_; }
  std::optional<Dimension> dimension() const { return dimension_; }

  // The category of a fact on a single-valued axis.
  uint32_t IndexOf(const Fact& fact) const {
    uint32_t code = 0;
    switch (source_) {
      case Source::kNone:
        return 0;
      case Source::kDay:
        return lut_[static_cast<uint32_t>(fact.recorded_on - first_day_)];
      case Source::kPoliceRegion:
        code = fact.police_region;
        break;
      case Source::kCounty:
        code = fact.county;
        break;
      case Source::kCaseType:
        code = fact.case_type;
        break;
      case Source::kGender:
        code = static_cast<uint32_t>(fact.gender);
        break;
      case Source::kAge:
        code = static_cast<uint32_t>(fact.age);
        break;
      case Source::kCitizenship:
        code = static_cast<uint32_t>(fact.citizenship);
        break;
      case Source::kCountry:
        code = fact.country;
        break;
      case Source::kOutcome:
        code = fact.outcome;
        break;
      case Source::kOrganisationKind:
        code = fact.organisation_kind;
        break;
      default:
        return unknown_;
    }
    return code < lut_.size() ? lut_[code] : unknown_;
  }

  // The categories of a fact on a multi-valued axis: bit i = category i.
  uint64_t BitsOf(const Fact& fact) const {
    switch (source_) {
      case Source::kForms:
        return fact.forms & mask_;
      case Source::kSectors:
        return fact.sectors & mask_;
      case Source::kSteps:
        return fact.steps & mask_;
      default:
        return 0;
    }
  }

 private:
  enum class Source {
    kNone,
    kDay,
    kPoliceRegion,
    kCounty,
    kCaseType,
    kGender,
    kAge,
    kCitizenship,
    kCountry,
    kOutcome,
    kOrganisationKind,
    kForms,
    kSectors,
    kSteps,
  };
  void CodedWithUnknownLast(const std::vector<std::string>& words, bool sorted);
  void Periods(Dimension dimension, int32_t first_day, int32_t last_day);
  void BitSet(const std::vector<std::string>& words, size_t width);

  std::optional<Dimension> dimension_;
  Source source_ = Source::kNone;
  bool multi_ = false;
  std::vector<std::string> keys_;
  std::vector<uint32_t> lut_;  // code (or day - first_day_) -> category
  uint32_t unknown_ = 0;       // the category of a code outside the dictionary
  int32_t first_day_ = 0;
  uint64_t mask_ = 0;
};

}  // namespace opennrm::stats::internal
