// The shipped reference data for the demo generator's tests (tests run from
// the repository root): the geography, the case rules (steps, clocks,
// offences, indicators), and lookups that know the shipped countries,
// languages and municipalities.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "app/case_rules.hpp"
#include "cli/case_rules_files.hpp"
#include "cli/clock_rules_file.hpp"
#include "cli/reference_files.hpp"
#include "cli/step_rules_file.hpp"
#include "domain/cases/lookups.hpp"
#include "domain/geo/geography.hpp"

namespace opennrm::cli::demo::testing {

inline std::string ShippedDataDir() {
  return std::filesystem::exists("data/sweden/counties.csv") ? "data"
                                                             : (std::filesystem::path(__FILE__)
                                                                    .parent_path()
                                                                    .parent_path()
                                                                    .parent_path()
                                                                    .parent_path() /
                                                                "data")
                                                                   .string();
}

inline const ReferenceFiles& ShippedFiles() {
  static const ReferenceFiles files = [] {
    auto read = ReadReferenceFiles(ShippedDataDir());
    EXPECT_TRUE(read) << (read ? "" : read.error().message);
    return read ? std::move(*read) : ReferenceFiles{};
  }();
  return files;
}

inline const geo::Geography& ShippedGeography() {
  static const geo::Geography g = [] {
    auto built = geo::Geography::Build(ShippedFiles().data.geography);
    EXPECT_TRUE(built) << (built ? "" : built.error().message);
    return built ? std::move(*built) : geo::Geography{};
  }();
  return g;
}

inline const app::CaseRules& ShippedRules() {
  static const app::CaseRules rules = [] {
    app::CaseRules r;
    const std::string dir = ShippedDataDir() + "/rules/";
    auto steps = ReadStepRulesFile(dir + "steps.toml");
    EXPECT_TRUE(steps) << (steps ? "" : steps.error().message);
    if (steps) r.steps = std::move(*steps);
    auto clocks = ReadClockRules(dir + "clocks.toml");
    EXPECT_TRUE(clocks) << (clocks ? "" : clocks.error().message);
    if (clocks) r.clocks = std::move(*clocks);
    auto offences = ReadOffenceRules(dir + "offences.toml");
    EXPECT_TRUE(offences) << (offences ? "" : offences.error().message);
    if (offences) r.offences = std::move(*offences);
    auto indicators = ReadIndicatorRules(dir + "indicators.toml");
    EXPECT_TRUE(indicators) << (indicators ? "" : indicators.error().message);
    if (indicators) r.indicators = std::move(*indicators);
    return r;
  }();
  return rules;
}

inline cases::Lookups ShippedLookups() {
  static const std::set<std::string, std::less<>> countries = [] {
    std::set<std::string, std::less<>> s;
    for (const auto& c : ShippedFiles().data.countries) s.insert(c.alpha2);
    return s;
  }();
  static const std::set<std::string, std::less<>> languages = [] {
    std::set<std::string, std::less<>> s;
    for (const auto& l : ShippedFiles().data.languages) s.insert(l.code);
    return s;
  }();
  cases::Lookups l;
  l.is_country = [](std::string_view c) { return countries.count(c) > 0; };
  l.is_language = [](std::string_view c) { return languages.count(c) > 0; };
  l.is_municipality = [](std::string_view c) {
    return ShippedGeography().FindMunicipality(c) != nullptr;
  };
  return l;
}

}  // namespace opennrm::cli::demo::testing
