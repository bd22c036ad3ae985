#include "cli/demo/crime_figures_demo.hpp"

#include <fstream>
#include <sstream>

namespace opennrm::cli::demo {

std::string SyntheticCrimeFiguresPath(const std::string& reference_dir) {
  return reference_dir + "/demo/crime_figures_synthetic.csv";
}

Result<std::optional<app::statistics::CrimeFigureImported>> ImportSyntheticCrimeFigures(
    const app::Context& ctx, const std::string& reference_dir) {
  const std::string path = SyntheticCrimeFiguresPath(reference_dir);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Invalid(path, "readable", "Cannot read the demo's crime figures " + path + ".");
  std::ostringstream text;
  text << in.rdbuf();
  return app::statistics::ImportDemoCrimeFigures(ctx, text.str());
}

}  // namespace opennrm::cli::demo
