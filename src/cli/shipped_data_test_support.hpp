// Where the tests of the shipped data files find them: the repository's
// data/ folder, relative to the working directory (the repository root under
// ctest), else found from this file's location. Test support only; pure.
#pragma once

#include <filesystem>
#include <string>

namespace opennrm::cli::testing {

// "<repository>/data" joined with `relative` (e.g. "rules/clocks.toml"; "" the folder itself).
inline std::string ShippedData(const std::string& relative = "") {
  namespace fs = std::filesystem;
  const fs::path in_root = fs::path("data") / relative;
  if (fs::exists("data/sweden/counties.csv")) return relative.empty() ? "data" : in_root.string();
  const fs::path repo = fs::path(__FILE__).parent_path().parent_path().parent_path();
  return relative.empty() ? (repo / "data").string() : (repo / "data" / relative).string();
}

}  // namespace opennrm::cli::testing
