// The shipped synthetic crime figures: they parse, are marked synthetic in
// every line and have plausible magnitudes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/demo/crime_figures_demo.hpp"
#include "domain/stats/crime_figures_csv.hpp"

namespace opennrm::cli::demo {
namespace {

TEST(SyntheticCrimeFigures, ParseAndSayTheyAreSynthetic) {
  std::ifstream in(SyntheticCrimeFiguresPath("data"), std::ios::binary);
  ASSERT_TRUE(in) << "run from the repository root";
  std::ostringstream text;
  text << in.rdbuf();
  auto figures = stats::ParseCrimeFigures(text.str(), 2024);
  ASSERT_TRUE(figures) << figures.error().message << " "
                       << (figures.error().fields.empty() ? ""
                                                          : figures.error().fields[0].field + " " +
                                                                figures.error().fields[0].rule);
  ASSERT_GT(figures->size(), 500u);
  int reported_trafficking = 0;
  for (const auto& f : *figures) {
    EXPECT_NE(f.source.find("SYNTHETIC"), std::string::npos) << f.year;
    if (f.offence == stats::Offence::kTrafficking &&
        f.measure == stats::CrimeMeasure::kReportedOffences) {
      ASSERT_TRUE(f.value.has_value());
      EXPECT_GE(*f.value, 50);
      EXPECT_LE(*f.value, 400);
      ++reported_trafficking;
    }
  }
  EXPECT_EQ(reported_trafficking, 11);  // 2014-2024
}

}  // namespace
}  // namespace opennrm::cli::demo
