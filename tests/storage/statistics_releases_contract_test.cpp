// Published statistics' storage contract (migration 0020), on SQLite and
// PostgreSQL: a release is stored with its tables once, the same number of a
// year twice is a conflict (two publishers at once), releases list by year
// and number, the latest of a year is found, tables read back whole.
#include "storage_fixture.hpp"

namespace opennrm::testing {
namespace {

ports::ReleaseRecord Release(int year, int number) {
  ports::ReleaseRecord r;
  r.year = year;
  r.number = number;
  r.published_at_us = 1000LL * number + year;
  r.published_by_organisation = "org-national-unit";
  r.published_by_user = "user-statistician";
  r.tables = 2;
  return r;
}

ports::PublishedTable Table(const std::string& id, const std::string& series, long long value) {
  ports::PublishedTable p;
  p.id = id;
  p.group = "victims";
  p.series = series;
  p.row_dimension = "police_region";
  p.column_dimension = "total";
  p.geography = "police_region";
  auto& t = p.table;
  t.rows = {"nord"};
  t.columns = {"total"};
  stats::ProtectedCell shown{stats::CellStatus::kShown, value, stats::HiddenBecause::kNotHidden};
  t.cells = {{shown}};
  t.row_totals = {shown};
  t.column_totals = {shown};
  t.total = shown;
  p.rates_per_100000 = {{stats::CellStatus::kShown, 1.5}};
  return p;
}

class StatisticsReleasesContract : public StorageTest {};

TEST_F(StatisticsReleasesContract, StoresReleasesAndReadsTheirTablesBack) {
  {
    auto uow = db_->Begin(ports::Access::kWrite);
    ASSERT_TRUE(uow.has_value());
    auto& repo = (*uow)->statistics_releases();
    ASSERT_TRUE(repo.Insert(Release(2025, 1), {Table("victims.police_region", "iom", 12),
                                               Table("hotline.month.channel", "", 30)})
                    .has_value());
    ASSERT_TRUE(
        repo.Insert(Release(2025, 2), {Table("victims.police_region", "iom", 14)}).has_value());
    ASSERT_TRUE(repo.Insert(Release(2024, 1), {}).has_value());
    ASSERT_TRUE((*uow)->Commit().has_value());
  }
  auto uow = db_->Begin(ports::Access::kRead);
  ASSERT_TRUE(uow.has_value());
  auto& repo = (*uow)->statistics_releases();
  auto all = repo.Releases(std::nullopt);
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].year, 2024);
  EXPECT_EQ((*all)[1].number, 1);
  EXPECT_EQ((*all)[2].number, 2);
  EXPECT_EQ((*all)[2].published_by_organisation, "org-national-unit");
  EXPECT_EQ((*all)[2].published_by_user, "user-statistician");
  EXPECT_EQ((*all)[2].published_at_us, 2000 + 2025);
  auto of_2025 = repo.Releases(2025);
  ASSERT_TRUE(of_2025.has_value());
  EXPECT_EQ(of_2025->size(), 2u);
  auto latest = repo.Latest(2025);
  ASSERT_TRUE(latest.has_value() && latest->has_value());
  EXPECT_EQ((*latest)->number, 2);
  auto none = repo.Latest(2023);
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->has_value());

  auto first = repo.Table(2025, 1, "victims.police_region", "iom");
  ASSERT_TRUE(first.has_value() && first->has_value());
  EXPECT_EQ((*first)->table.cells[0][0].value, 12);
  EXPECT_DOUBLE_EQ(*(*first)->rates_per_100000[0].value, 1.5);
  auto revised = repo.Table(2025, 2, "victims.police_region", "iom");
  ASSERT_TRUE(revised.has_value() && revised->has_value());
  EXPECT_EQ((*revised)->table.total.value, 14) << "each release keeps its own values";
  auto other_series = repo.Table(2025, 1, "victims.police_region", "ngo_shelter");
  ASSERT_TRUE(other_series.has_value());
  EXPECT_FALSE(other_series->has_value());
  auto tables = repo.Tables(2025, 1);
  ASSERT_TRUE(tables.has_value());
  ASSERT_EQ(tables->size(), 2u);
  EXPECT_EQ((*tables)[0].id, "hotline.month.channel");
  EXPECT_EQ((*tables)[0].series, "");
}

TEST_F(StatisticsReleasesContract, TheSameReleaseNumberTwiceIsAConflict) {
  {
    auto uow = db_->Begin(ports::Access::kWrite);
    ASSERT_TRUE(uow.has_value());
    ASSERT_TRUE((*uow)->statistics_releases().Insert(Release(2025, 1), {}).has_value());
    ASSERT_TRUE((*uow)->Commit().has_value());
  }
  auto uow = db_->Begin(ports::Access::kWrite);
  ASSERT_TRUE(uow.has_value());
  auto again = (*uow)->statistics_releases().Insert(Release(2025, 1), {});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace opennrm::testing
