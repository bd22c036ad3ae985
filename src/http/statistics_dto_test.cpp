#include "http/statistics_dto.hpp"

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

using stats::CellStatus;

stats::ProtectedCell Shown(long long v) { return {CellStatus::kShown, v}; }
stats::ProtectedCell Hidden() {
  return {CellStatus::kSuppressed, std::nullopt, stats::HiddenBecause::kBelowThreshold};
}
stats::ProtectedCell Unknown() { return {}; }

ports::PublishedTable Sample() {
  ports::PublishedTable p;
  p.id = "victims.police_region.gender";
  p.group = "victims";
  p.series = "regional_coordinator";
  p.row_dimension = "police_region";
  p.column_dimension = "gender";
  p.geography = "police_region";
  auto& t = p.table;
  t.rows = {"nord", "syd"};
  t.columns = {"woman", "man"};
  t.cells = {{Shown(12), Hidden()}, {Shown(0), Unknown()}};
  t.row_totals = {Hidden(), Shown(0)};
  t.column_totals = {Shown(12), Hidden()};
  t.total = Shown(40);
  p.rates_per_100000 = {{CellStatus::kSuppressed, {}}, {CellStatus::kShown, 0.0}};
  return p;
}

ports::ReleaseRecord Release() {
  ports::ReleaseRecord r;
  r.year = 2025;
  r.number = 2;
  r.published_at_us = 1769940000LL * 1000000;  // 2026-02-01T10:00:00Z
  return r;
}

TEST(StatisticsDto, CellsSayShownSuppressedOrUnknownAndNeverWhy) {
  EXPECT_EQ(StatisticsCellJson(Shown(0)), Json({{"status", "shown"}, {"value", 0}}));
  EXPECT_EQ(StatisticsCellJson(Hidden()), Json({{"status", "suppressed"}}));
  EXPECT_EQ(StatisticsCellJson(Unknown()), Json({{"status", "unknown"}}));
  const std::string text = PublishedTableJson(Release(), {}, Sample()).dump();
  EXPECT_EQ(text.find("because"), std::string::npos);
  EXPECT_EQ(text.find("below"), std::string::npos);
}

TEST(StatisticsDto, APublishedTableAsTheContractShowsIt) {
  const Json j = PublishedTableJson(Release(), {"police_region", "nord"}, Sample());
  EXPECT_EQ(j["id"], "victims.police_region.gender");
  EXPECT_EQ(j["year"], 2025);
  EXPECT_EQ(j["release"], Json({{"number", 2}, {"published_at", "2026-02-01T10:00:00Z"}}));
  EXPECT_EQ(j["area"], Json({{"level", "police_region"}, {"code", "nord"}}));
  EXPECT_EQ(j["policy"], Json({{"threshold", 11}, {"rounding_base", 1}}));
  EXPECT_EQ(j["rows"], Json({{"dimension", "police_region"}, {"keys", {"nord", "syd"}}}));
  EXPECT_EQ(j["cells"][0][1], Json({{"status", "suppressed"}}));
  EXPECT_EQ(j["total"]["value"], 40);
  EXPECT_EQ(j["rates_per_100000"][1], Json({{"status", "shown"}, {"value", 0.0}}));
  EXPECT_FALSE(j.contains("shares")) << "only where a share base is defined";
  EXPECT_FALSE(j["official"].get<bool>());
}

TEST(StatisticsDto, CsvMarksSuppressedWithDotsAndUnknownEmpty) {
  EXPECT_EQ(PublishedTableCsv(Sample()),
            "police_region,woman,man,total\r\n"
            "nord,12,..,..\r\n"
            "syd,0,,0\r\n"
            "total,12,..,40\r\n");
}

TEST(StatisticsDto, FileNamesAreAsciiWithoutSlashes) {
  EXPECT_EQ(PublishedTableFileName(Release(), {"police_region", "nord"}, Sample()),
            "victims.police_region.gender-2025-regional_coordinator-police_region-nord.csv");
  auto hotline = Sample();
  hotline.id = "hotline.month.channel";
  hotline.series = "";
  EXPECT_EQ(PublishedTableFileName(Release(), {}, hotline),
            "hotline.month.channel-2025-national.csv");
}

}  // namespace
}  // namespace opennrm::http
