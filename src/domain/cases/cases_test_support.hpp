// Test support for the unit tests of this folder (included by *_test.cpp
// only): small reference lists and helpers to read validation results.
// Synthetic data only.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/cases/lookups.hpp"

namespace opennrm::cases::testing {

inline Lookups TestLookups() {
  static const std::set<std::string, std::less<>> kCountries{"SE", "RO", "BG", "NG",
                                                             "TH", "UA", "DE", "PL"};
  static const std::set<std::string, std::less<>> kLanguages{"swe", "ron", "bul", "eng",
                                                             "tha", "ukr", "rus", "pcm"};
  static const std::set<std::string, std::less<>> kMunicipalities{"0180", "1480", "2584", "1280"};
  static const std::set<std::string, std::less<>> kSteps{"identification", "acute_protection",
                                                         "initial_support", "long_term_support"};
  Lookups l;
  l.is_country = [](std::string_view c) { return kCountries.count(c) > 0; };
  l.is_language = [](std::string_view c) { return kLanguages.count(c) > 0; };
  l.is_municipality = [](std::string_view c) { return kMunicipalities.count(c) > 0; };
  l.is_step = [](std::string_view c) { return kSteps.count(c) > 0; };
  return l;
}

// "field/rule" for every problem, in order.
inline std::vector<std::string> Rules(const Problems& p) {
  std::vector<std::string> out;
  for (const auto& f : p.items()) out.push_back(f.field + "/" + f.rule);
  return out;
}

inline std::vector<std::string> Rules(const Status& s) {
  std::vector<std::string> out;
  if (s) return out;
  for (const auto& f : s.error().fields) out.push_back(f.field + "/" + f.rule);
  return out;
}

// Whether `rules` holds "field/rule".
inline bool HasRule(const std::vector<std::string>& rules, std::string_view field_rule) {
  return std::find(rules.begin(), rules.end(), field_rule) != rules.end();
}

}  // namespace opennrm::cases::testing
