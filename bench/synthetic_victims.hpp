// The skew of the synthetic presumed victims that the statistics benchmarks
// draw (statistics_benchmark: facts in memory; statistics_seed: statistics
// rows in a database), like Sweden's published figures
// (/work/shared/reference/sweden-figures.md): most victims in the Stockholm,
// Väst and Syd police regions; about 55 % women, a third men, a tenth
// children; sexual and labour exploitation the main forms; RO, NG, TH, UA,
// BG among the common citizenships. Synthetic only. Constants; thread-safe.
#pragma once

#include <vector>

namespace opennrm::bench {

struct SyntheticRegion {
  const char* id;  // a police region of data/sweden/police_regions.csv
  double weight;   // its relative share of presumed victims
  // Counties of the region that statistics_benchmark spreads its facts over.
  std::vector<const char*> counties;
};

inline const std::vector<SyntheticRegion> kSyntheticRegions = {
    {"nord", 6, {"25", "24", "23", "22"}},
    {"mitt", 8, {"21", "03", "19"}},
    {"stockholm", 30, {"01", "09"}},
    {"ost", 10, {"05", "04"}},
    {"vast", 20, {"14", "13"}},
    {"syd", 18, {"12", "07", "08", "10"}},
    {"bergslagen", 8, {"17", "18", "20"}},
};

// Relative weights in stats::GenderCategory order: woman, man, girl, boy,
// other, not recorded.
inline const std::vector<double> kGenderWeights = {55, 33, 6, 5, 0.5, 0.5};

// Citizenship countries (ISO alpha-2) and their weights; the last weight,
// one more than there are countries, is "unknown".
inline const std::vector<const char*> kCountries = {"RO", "NG", "TH", "UA", "BG",
                                                    "SE", "VN", "CN", "PL", "UZ"};
inline const std::vector<double> kCountryWeights = {20, 12, 12, 8, 8, 6, 4, 3, 3, 2, 22};

// How many of the two main forms (sexual, labour) a case records: none, one, two.
inline const std::vector<double> kMainFormCountWeights = {5, 80, 15};

}  // namespace opennrm::bench
