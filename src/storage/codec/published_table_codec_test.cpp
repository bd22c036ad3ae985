#include "storage/codec/published_table_codec.hpp"

#include <gtest/gtest.h>

namespace opennrm::storage {
namespace {

stats::ProtectedCell Shown(long long v) {
  return {stats::CellStatus::kShown, v, stats::HiddenBecause::kNotHidden};
}
stats::ProtectedCell Hidden(stats::HiddenBecause because) {
  return {stats::CellStatus::kSuppressed, std::nullopt, because};
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
  p.share_base = "woman";
  auto& t = p.table;
  t.rows = {"nord", "syd"};
  t.columns = {"woman", "man"};
  t.cells = {{Shown(12), Hidden(stats::HiddenBecause::kBelowThreshold)},
             {Shown(0), Hidden(stats::HiddenBecause::kComplementary)}};
  t.row_totals = {Shown(15), Unknown()};
  t.column_totals = {Shown(12), Hidden(stats::HiddenBecause::kForced)};
  t.total = Shown(40);
  t.rows_add_up = false;
  t.policy = {11, 5};
  p.rates_per_100000 = {{stats::CellStatus::kShown, 4.21}, {stats::CellStatus::kSuppressed, {}}};
  p.shares = {{"man", {{stats::CellStatus::kSuppressed, {}}, {}}}};
  return p;
}

TEST(PublishedTableCodec, RoundTripsThePublishedValues) {
  const auto p = Sample();
  auto back = DecodePublishedTable(EncodePublishedTable(p));
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(back->id, p.id);
  EXPECT_EQ(back->group, p.group);
  EXPECT_EQ(back->series, p.series);
  EXPECT_EQ(back->row_dimension, p.row_dimension);
  EXPECT_EQ(back->column_dimension, p.column_dimension);
  EXPECT_EQ(back->geography, p.geography);
  EXPECT_EQ(back->share_base, "woman");
  EXPECT_FALSE(back->official);
  const auto& t = back->table;
  EXPECT_EQ(t.rows, p.table.rows);
  EXPECT_EQ(t.columns, p.table.columns);
  EXPECT_EQ(t.policy.threshold, 11);
  EXPECT_EQ(t.policy.rounding_base, 5);
  EXPECT_FALSE(t.rows_add_up);
  EXPECT_TRUE(t.columns_add_up);
  EXPECT_EQ(t.cells[0][0].value, 12);
  EXPECT_EQ(t.cells[1][0].status, stats::CellStatus::kShown);
  EXPECT_EQ(t.cells[1][0].value, 0) << "0 is known to be none, not unknown";
  EXPECT_EQ(t.row_totals[1].status, stats::CellStatus::kUnknown);
  EXPECT_EQ(t.total.value, 40);
  ASSERT_EQ(back->rates_per_100000.size(), 2u);
  EXPECT_DOUBLE_EQ(*back->rates_per_100000[0].value, 4.21);
  EXPECT_EQ(back->rates_per_100000[1].status, stats::CellStatus::kSuppressed);
  ASSERT_EQ(back->shares.size(), 1u);
  EXPECT_EQ(back->shares[0].first, "man");
  EXPECT_EQ(back->shares[0].second[1].status, stats::CellStatus::kUnknown);
}

TEST(PublishedTableCodec, NeverStoresWhyACellIsHidden) {
  const std::string text = EncodePublishedTable(Sample());
  // Below-threshold, complementary and forced cells look the same.
  EXPECT_NE(text.find("\"x\":[[12,\"s\"],[0,\"s\"]]"), std::string::npos) << text;
  auto back = DecodePublishedTable(text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->table.cells[0][1], back->table.cells[1][1]);
  EXPECT_FALSE(back->table.cells[0][1].value.has_value());
}

TEST(PublishedTableCodec, RefusesDamagedOrOtherVersions) {
  auto text = EncodePublishedTable(Sample());
  EXPECT_FALSE(DecodePublishedTable("").has_value());
  EXPECT_FALSE(DecodePublishedTable("[]").has_value());
  std::string v2 = text;
  v2.replace(v2.find("\"v\":1"), 5, "\"v\":2");
  EXPECT_FALSE(DecodePublishedTable(v2).has_value());
  std::string short_row = text;
  short_row.replace(short_row.find("[12,\"s\"]"), 8, "[12]");
  EXPECT_FALSE(DecodePublishedTable(short_row).has_value()) << "a row without all its cells";
  std::string bad_cell = text;
  bad_cell.replace(bad_cell.find("[12,\"s\"]"), 8, "[12,\"x\"]");
  EXPECT_FALSE(DecodePublishedTable(bad_cell).has_value());
}

}  // namespace
}  // namespace opennrm::storage
