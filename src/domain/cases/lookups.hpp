// What case validation needs from reference data that lives elsewhere
// (countries and languages in domain/ref, municipalities in domain/geo, steps
// in domain/tracks, offences and indicators in data/rules): predicates and
// catalogs the caller passes in. Plain values; safe to share between threads
// when the predicates are.
#pragma once

#include <functional>
#include <string_view>

namespace opennrm::cases {

class OffenceCatalog;
class IndicatorCatalog;

// True when `code` is a known code of its list. An empty predicate knows no
// code: validation refuses by default rather than accept unchecked codes.
using CodePredicate = std::function<bool(std::string_view code)>;

struct Lookups {
  CodePredicate is_country;                      // ISO 3166-1 alpha-2, upper case ("SE")
  CodePredicate is_language;                     // ISO 639-3, lower case ("swe")
  CodePredicate is_municipality;                 // four-digit SCB municipality code ("2584")
  CodePredicate is_step;                         // a step id of the versioned track definitions
  const OffenceCatalog* offences = nullptr;      // nullptr: every offence unknown
  const IndicatorCatalog* indicators = nullptr;  // nullptr: every indicator unknown
};

// Whether `predicate` exists and knows `code`.
inline bool Knows(const CodePredicate& predicate, std::string_view code) {
  return predicate && predicate(code);
}

}  // namespace opennrm::cases
