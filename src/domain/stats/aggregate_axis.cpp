#include "domain/stats/aggregate_axis.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace opennrm::stats::internal {

namespace {

std::string TwoDigits(unsigned n) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02u", n % 100);
  return buf;
}

std::string PeriodKey(Dimension dimension, const CivilDate& d) {
  std::string year = std::to_string(d.year);
  if (dimension == Dimension::kYear) return year;
  if (dimension == Dimension::kQuarter) return year + "-Q" + std::to_string((d.month - 1) / 3 + 1);
  return year + "-" + TwoDigits(d.month);
}

// The position of a period in the range that starts in `first`.
uint32_t PeriodIndex(Dimension dimension, const CivilDate& first, const CivilDate& d) {
  const int years = d.year - first.year;
  if (dimension == Dimension::kYear) return static_cast<uint32_t>(years);
  if (dimension == Dimension::kQuarter) {
    return static_cast<uint32_t>(years * 4 + static_cast<int>((d.month - 1) / 3) -
                                 static_cast<int>((first.month - 1) / 3));
  }
  return static_cast<uint32_t>(years * 12 + static_cast<int>(d.month) -
                               static_cast<int>(first.month));
}

// An enum listed by All*(): its words in that order, looked up by value.
template <typename E>
void EnumAxis(const std::vector<E>& all, std::vector<std::string>& keys,
              std::vector<uint32_t>& lut) {
  size_t width = 0;
  for (E e : all) width = std::max(width, static_cast<size_t>(e) + 1);
  lut.assign(width, 0);
  for (size_t i = 0; i < all.size(); ++i) {
    keys.emplace_back(ToString(all[i]));
    lut[static_cast<size_t>(all[i])] = static_cast<uint32_t>(i);
  }
}

}  // namespace

Axis::Axis(std::optional<Dimension> dimension, const FactDictionary& dictionary, int32_t first_day,
           int32_t last_day)
    : dimension_(dimension), first_day_(first_day) {
  if (!dimension) {
    keys_ = {"total"};
    return;
  }
  switch (*dimension) {
    case Dimension::kYear:
    case Dimension::kQuarter:
    case Dimension::kMonth:
      Periods(*dimension, first_day, last_day);
      break;
    case Dimension::kPoliceRegion:
      source_ = Source::kPoliceRegion;
      CodedWithUnknownLast(dictionary.police_regions, false);
      break;
    case Dimension::kCounty:
      source_ = Source::kCounty;
      CodedWithUnknownLast(dictionary.counties, false);
      break;
    case Dimension::kCaseType:
      source_ = Source::kCaseType;
      CodedWithUnknownLast(dictionary.case_types, false);
      break;
    case Dimension::kCountry:
      source_ = Source::kCountry;
      CodedWithUnknownLast(dictionary.countries, true);
      break;
    case Dimension::kOutcome:
      source_ = Source::kOutcome;
      keys_ = dictionary.outcomes;  // "open" first, then the closure reasons
      lut_.resize(keys_.size());
      std::iota(lut_.begin(), lut_.end(), 0u);
      break;
    case Dimension::kOrganisationKind:
      source_ = Source::kOrganisationKind;
      keys_ = dictionary.organisation_kinds;
      lut_.resize(keys_.size());
      std::iota(lut_.begin(), lut_.end(), 0u);
      break;
    case Dimension::kGender:
      source_ = Source::kGender;
      EnumAxis(AllGenderCategories(), keys_, lut_);
      unknown_ = lut_[static_cast<size_t>(GenderCategory::kNotRecorded)];
      break;
    case Dimension::kAgeGroup:
      source_ = Source::kAge;
      EnumAxis(AllAgeGroups(), keys_, lut_);
      unknown_ = lut_[static_cast<size_t>(AgeGroup::kUnknown)];
      break;
    case Dimension::kAgeBand: {
      source_ = Source::kAge;
      keys_ = {"child", "adult", "unknown"};
      size_t width = 0;
      for (AgeGroup g : AllAgeGroups()) width = std::max(width, static_cast<size_t>(g) + 1);
      lut_.assign(width, 2);
      for (AgeGroup g : AllAgeGroups()) {
        if (g != AgeGroup::kUnknown) lut_[static_cast<size_t>(g)] = IsChild(g) ? 0 : 1;
      }
      unknown_ = 2;
      break;
    }
    case Dimension::kCitizenshipGroup:
      source_ = Source::kCitizenship;
      EnumAxis(AllCitizenshipGroups(), keys_, lut_);
      unknown_ = lut_[static_cast<size_t>(CitizenshipGroup::kUnknown)];
      break;
    case Dimension::kForm:
      source_ = Source::kForms;
      BitSet(dictionary.forms, 32);
      break;
    case Dimension::kSector:
      source_ = Source::kSectors;
      BitSet(dictionary.sectors, 32);
      break;
    case Dimension::kStep:
      source_ = Source::kSteps;
      BitSet(dictionary.steps, 64);
      break;
  }
}

// Index 0 of `words` is "unknown" (or "open"): it goes last on the axis, the
// known categories first, in dictionary order or sorted.
void Axis::CodedWithUnknownLast(const std::vector<std::string>& words, bool sorted) {
  std::vector<uint32_t> order;
  for (uint32_t i = 1; i < words.size(); ++i) order.push_back(i);
  if (sorted) {
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return words[a] < words[b]; });
  }
  lut_.assign(std::max<size_t>(words.size(), 1), 0);
  for (uint32_t pos = 0; pos < order.size(); ++pos) {
    keys_.push_back(words[order[pos]]);
    lut_[order[pos]] = pos;
  }
  keys_.push_back(words.empty() ? "unknown" : words[0]);
  unknown_ = static_cast<uint32_t>(keys_.size() - 1);
  lut_[0] = unknown_;
}

void Axis::Periods(Dimension dimension, int32_t first_day, int32_t last_day) {
  source_ = Source::kDay;
  const CivilDate first = DateOfDayNumber(first_day);
  lut_.resize(static_cast<size_t>(last_day - first_day + 1));
  for (int32_t day = first_day; day <= last_day; ++day) {
    const CivilDate d = DateOfDayNumber(day);
    const uint32_t index = PeriodIndex(dimension, first, d);
    if (index == keys_.size()) keys_.push_back(PeriodKey(dimension, d));
    lut_[static_cast<size_t>(day - first_day)] = index;
  }
}

void Axis::BitSet(const std::vector<std::string>& words, size_t width) {
  multi_ = true;
  const size_t n = std::min(words.size(), width);
  keys_.assign(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n));
  mask_ = n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
}

}  // namespace opennrm::stats::internal
