#include "domain/stats/dimension.hpp"

#include <array>
#include <utility>

namespace opennrm::stats {

namespace {

constexpr std::array<std::pair<Dimension, std::string_view>, 16> kNames{{
    {Dimension::kYear, "year"},
    {Dimension::kQuarter, "quarter"},
    {Dimension::kMonth, "month"},
    {Dimension::kPoliceRegion, "police_region"},
    {Dimension::kCounty, "county"},
    {Dimension::kCaseType, "case_type"},
    {Dimension::kForm, "form"},
    {Dimension::kSector, "sector"},
    {Dimension::kGender, "gender"},
    {Dimension::kAgeGroup, "age_group"},
    {Dimension::kAgeBand, "age_band"},
    {Dimension::kCitizenshipGroup, "citizenship_group"},
    {Dimension::kCountry, "country"},
    {Dimension::kStep, "step"},
    {Dimension::kOutcome, "outcome"},
    {Dimension::kOrganisationKind, "organisation_kind"},
}};

}  // namespace

const std::vector<Dimension>& AllDimensions() {
  static const std::vector<Dimension> all = [] {
    std::vector<Dimension> out;
    for (const auto& [d, name] : kNames) out.push_back(d);
    return out;
  }();
  return all;
}

std::string_view ToString(Dimension dimension) {
  for (const auto& [d, name] : kNames) {
    if (d == dimension) return name;
  }
  return "unknown";
}

std::optional<Dimension> ParseDimension(std::string_view text) {
  for (const auto& [d, name] : kNames) {
    if (name == text) return d;
  }
  return std::nullopt;
}

bool IsMultiValued(Dimension dimension) {
  return dimension == Dimension::kForm || dimension == Dimension::kSector ||
         dimension == Dimension::kStep;
}

bool IsPeriod(Dimension dimension) {
  return dimension == Dimension::kYear || dimension == Dimension::kQuarter ||
         dimension == Dimension::kMonth;
}

bool IsFinerThanCounty(Dimension dimension) {
  switch (dimension) {
    case Dimension::kYear:
    case Dimension::kQuarter:
    case Dimension::kMonth:
    case Dimension::kPoliceRegion:
    case Dimension::kCounty:
    case Dimension::kCaseType:
    case Dimension::kForm:
    case Dimension::kSector:
    case Dimension::kGender:
    case Dimension::kAgeGroup:
    case Dimension::kAgeBand:
    case Dimension::kCitizenshipGroup:
    case Dimension::kCountry:
    case Dimension::kStep:
    case Dimension::kOutcome:
    case Dimension::kOrganisationKind:
      return false;
  }
  return true;  // a value outside the list: refuse rather than publish
}

}  // namespace opennrm::stats
