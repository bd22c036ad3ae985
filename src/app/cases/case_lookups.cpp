#include "app/cases/case_lookups.hpp"

namespace opennrm::app::case_internal {

cases::Lookups LookupsOf(const Context& ctx, const std::string& steps_version) {
  cases::Lookups l;
  auto ref = ctx.reference;
  l.is_country = [ref](std::string_view code) {
    // Two upper-case letters only: the catalogue also knows alpha-3 codes.
    return ref && code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
           code[1] <= 'Z' && ref->catalogs.FindCountry(code) != nullptr;
  };
  l.is_language = [ref](std::string_view code) {
    return ref && code.size() == 3 && ref->catalogs.FindLanguage(code) != nullptr;
  };
  l.is_municipality = [ref](std::string_view code) {
    return ref && ref->geography.FindMunicipality(code) != nullptr;
  };
  auto rules = ctx.case_rules;
  if (rules && !steps_version.empty()) {
    l.is_step = [rules, steps_version](std::string_view step) {
      for (const auto& set : rules->steps) {
        if (set.version != steps_version) continue;
        for (const auto& track : set.tracks) {
          if (track.FindStep(step)) return true;
        }
      }
      return false;
    };
  }
  if (rules && rules->indicators) l.indicators = &*rules->indicators;
  return l;
}

}  // namespace opennrm::app::case_internal
