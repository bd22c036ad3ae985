// The shipped reference data for the demo generator's tests (tests run from
// the repository root): the geography, and lookups that know the shipped
// countries, languages and municipalities.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "cli/reference_files.hpp"
#include "domain/cases/lookups.hpp"
#include "domain/geo/geography.hpp"

namespace opennrm::cli::demo::testing {

inline const ReferenceFiles& ShippedFiles() {
  static const ReferenceFiles files = [] {
    std::string dir = std::filesystem::exists("data/sweden/counties.csv")
                          ? "data"
                          : (std::filesystem::path(__FILE__)
                                 .parent_path()
                                 .parent_path()
                                 .parent_path()
                                 .parent_path() /
                             "data")
                                .string();
    auto read = ReadReferenceFiles(dir);
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
