// The demo generator's distribution tables: who the synthetic presumed
// victims are (citizenship, languages, names, the forms of exploitation and
// labour sectors typical of each group) and how cases spread over kinds of
// organisation. Shaped after the Swedish national coordination's recent
// figures (../shared/reference/sweden-nrm.md: in 2023 Thailand, Romania,
// Ukraine, Nigeria and Sweden first, labour exploitation more frequent than
// sexual exploitation; Bulgaria high in earlier years), for plausibility, not
// as statistics. Immutable; thread-safe.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "cli/demo/names.hpp"
#include "domain/cases/exploitation.hpp"

namespace opennrm::cli::demo {

template <typename T>
using WeightedList = std::vector<std::pair<T, double>>;

// A group of presumed victims by citizenship.
struct CitizenshipProfile {
  std::string_view country;  // ISO 3166-1 alpha-2; "" unknown; "--" stateless
  double weight = 0;         // share among presumed victims
  NameOrigin names = NameOrigin::kSwedish;
  bool eu = false;                      // an EU/EEA citizenship (no reflection period needed)
  std::string_view language;            // ISO 639-3, always understood
  WeightedList<std::string_view> also;  // other languages, each with its chance
  WeightedList<cases::ExploitationForm> forms;
  WeightedList<cases::LabourSector> sectors;  // for labour exploitation
  std::vector<std::string_view> transit;      // countries of transit, one drawn when any
};

const std::vector<CitizenshipProfile>& CitizenshipProfiles();

// The chance that a presumed victim exploited in `form` is a child.
double ChildShare(cases::ExploitationForm form);
// The chance that a presumed victim exploited in `form` is a woman or girl.
double FemaleShare(cases::ExploitationForm form);

// Shares of cases by the kind of organisation that keeps them.
struct KeeperShares {
  // The regional coordinators keep the cases Sweden's annual figures count
  // (the national headline series, docs/statistics.md).
  double regional = 0.25;
  double municipal = 0.42;
  double ngo = 0.13;
  double police = 0.14;
  double iom = 0.06;
};

}  // namespace opennrm::cli::demo
