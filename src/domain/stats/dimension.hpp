// The dimensions statistics are broken down by (issue 7 item 1), one closed
// list with the words the API and the docs use. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace opennrm::stats {

enum class Dimension {
  kYear,              // "year": "2025"
  kQuarter,           // "quarter": "2025-Q3"
  kMonth,             // "month": "2025-07"
  kPoliceRegion,      // "police_region": region id, or "unknown"
  kCounty,            // "county": county code, or "unknown"
  kCaseType,          // "case_type"
  kForm,              // "form": form of exploitation (multi-valued)
  kSector,            // "sector": labour sector (multi-valued)
  kGender,            // "gender": gender category (GLOSSARY.md)
  kAgeGroup,          // "age_group"
  kAgeBand,           // "age_band": "child", "adult", "unknown" (Eurostat)
  kCitizenshipGroup,  // "citizenship_group"
  kCountry,           // "country": ISO alpha-2 of citizenship, or "unknown"
  kStep,              // "step": "track.step" reached (multi-valued)
  kOutcome,           // "outcome": closure reason, or "open"
  kOrganisationKind,  // "organisation_kind": the reporting body's kind
};

const std::vector<Dimension>& AllDimensions();
std::string_view ToString(Dimension dimension);
std::optional<Dimension> ParseDimension(std::string_view text);

// One fact may fall in several categories (totals are counted once).
bool IsMultiValued(Dimension dimension);
// A period dimension (year, quarter, month).
bool IsPeriod(Dimension dimension);
// Finer than a county: never in anything published. (Today none of the
// dimensions above is; the published-table rules still ask, so a new one
// cannot slip through.)
bool IsFinerThanCounty(Dimension dimension);

}  // namespace opennrm::stats
