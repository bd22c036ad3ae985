// The demo's official crime figures: data/demo/crime_figures_synthetic.csv
// (SYNTHETIC, marked so in every line's source), imported by `opennrm demo`
// when no crime figures are stored yet. Reads one file; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/statistics/crime_figures.hpp"
#include "core/error.hpp"

namespace opennrm::cli::demo {

// The path of the synthetic file under the reference directory.
std::string SyntheticCrimeFiguresPath(const std::string& reference_dir);

// Imports the synthetic file unless an import exists (nullopt then).
// kInvalid naming the file when it cannot be read; the import's errors.
Result<std::optional<app::statistics::CrimeFigureImported>> ImportSyntheticCrimeFigures(
    const app::Context& ctx, const std::string& reference_dir);

}  // namespace opennrm::cli::demo
