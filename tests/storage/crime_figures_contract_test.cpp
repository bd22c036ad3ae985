// The crime figures' storage contract (migration 0019), on SQLite and PostgreSQL.
#include "storage_fixture.hpp"

namespace opennrm::testing {
namespace {

ports::CrimeFigureRow Figure(int year, std::string offence, std::string measure,
                             std::optional<long long> value, std::string breakdown = "total",
                             std::string category = "total") {
  ports::CrimeFigureRow f;
  f.year = year;
  f.offence = std::move(offence);
  f.measure = std::move(measure);
  f.breakdown = std::move(breakdown);
  f.category = std::move(category);
  f.value = value;
  f.source = "Brå, kriminalstatistik (syntetisk)";
  return f;
}

ports::CrimeFigureImportRow Import(std::string id, std::vector<int> years, long long at_us,
                                   int figures) {
  ports::CrimeFigureImportRow i;
  i.id = std::move(id);
  i.organisation_id = "nmt";
  i.user_id = "u-stat";
  i.imported_at_us = at_us;
  i.years = std::move(years);
  i.sources = {"Brå, kriminalstatistik (syntetisk)", "Polisen, \"lägesrapport\""};
  i.figures = figures;
  return i;
}

class CrimeFiguresContract : public StorageTest {
 protected:
  Status Replace(const ports::CrimeFigureImportRow& import,
                 const std::vector<ports::CrimeFigureRow>& figures) {
    auto uow = db_->Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->crime_figures().ReplaceYears(import, figures); !st) return st;
    return (*uow)->Commit();
  }
  std::vector<ports::CrimeFigureRow> InYears(int from, int to) {
    auto uow = db_->Begin(ports::Access::kRead);
    EXPECT_TRUE(uow.has_value());
    auto rows = (*uow)->crime_figures().InYears(from, to);
    EXPECT_TRUE(rows.has_value()) << rows.error().message;
    return rows ? *rows : std::vector<ports::CrimeFigureRow>{};
  }
};

TEST_F(CrimeFiguresContract, StoresFiguresKeepingUnknownApartFromNone) {
  ASSERT_TRUE(Replace(Import("i1", {2023, 2024}, 100, 3),
                      {Figure(2024, "trafficking", "reported_offences", 185),
                       Figure(2024, "trafficking", "convicted_persons", 0),
                       Figure(2023, "procuring", "suspected_persons", std::nullopt, "sex", "male")})
                  .has_value());
  auto all = InYears(1990, 2030);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].year, 2023);  // by year, then the words
  EXPECT_EQ(all[0].value, std::nullopt);
  EXPECT_EQ(all[0].breakdown, "sex");
  EXPECT_EQ(all[0].category, "male");
  EXPECT_EQ(all[1].measure, "convicted_persons");
  EXPECT_EQ(all[1].value, 0);
  EXPECT_EQ(all[2].value, 185);
  EXPECT_EQ(all[2].source, "Brå, kriminalstatistik (syntetisk)");
  EXPECT_EQ(all[2].import_id, "i1");
  EXPECT_EQ(InYears(2024, 2024).size(), 2u);
  EXPECT_TRUE(InYears(2025, 2030).empty());
}

TEST_F(CrimeFiguresContract, AnImportReplacesItsYearsOnlyAndIsLogged) {
  ASSERT_TRUE(Replace(Import("i1", {2023, 2024}, 100, 2),
                      {Figure(2023, "trafficking", "reported_offences", 150),
                       Figure(2024, "trafficking", "reported_offences", 185)})
                  .has_value());
  ASSERT_TRUE(
      Replace(Import("i2", {2024}, 200, 1), {Figure(2024, "procuring", "reported_offences", 90)})
          .has_value());
  auto all = InYears(2000, 2030);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].value, 150);            // 2023 kept
  EXPECT_EQ(all[1].offence, "procuring");  // 2024 replaced whole
  EXPECT_EQ(all[1].import_id, "i2");
  auto uow = db_->Begin(ports::Access::kRead);
  ASSERT_TRUE(uow.has_value());
  auto imports = (*uow)->crime_figures().Imports(10);
  ASSERT_TRUE(imports.has_value());
  ASSERT_EQ(imports->size(), 2u);
  EXPECT_EQ((*imports)[0].id, "i2");  // newest first
  EXPECT_EQ((*imports)[0].years, (std::vector<int>{2024}));
  EXPECT_EQ((*imports)[1].years, (std::vector<int>{2023, 2024}));
  EXPECT_EQ((*imports)[1].user_id, "u-stat");
  EXPECT_EQ((*imports)[1].organisation_id, "nmt");
  EXPECT_EQ((*imports)[1].imported_at_us, 100);
  EXPECT_EQ((*imports)[1].figures, 2);
  EXPECT_EQ((*imports)[1].sources.size(), 2u);
  EXPECT_EQ((*imports)[1].sources[1], "Polisen, \"lägesrapport\"");
}

TEST_F(CrimeFiguresContract, ALargeImportIsStoredWhole) {
  std::vector<ports::CrimeFigureRow> figures;
  std::vector<int> years;
  for (int y = 1995; y <= 2024; ++y) {
    years.push_back(y);
    for (const char* o : {"trafficking", "human_exploitation", "procuring",
                          "purchase_of_sexual_act", "child_sexual_act_purchase"}) {
      for (const char* m : {"suspected_persons", "prosecuted_persons", "convicted_persons"}) {
        for (const char* c : {"male", "female", "unknown"}) {
          figures.push_back(Figure(y, o, m, y % 7, "sex", c));
        }
      }
    }
  }
  ASSERT_TRUE(
      Replace(Import("big", years, 5, static_cast<int>(figures.size())), figures).has_value());
  EXPECT_EQ(InYears(1990, 2030).size(), figures.size());
}

TEST_F(CrimeFiguresContract, AFailedImportLeavesTheEarlierFiguresAsTheyWere) {
  ASSERT_TRUE(
      Replace(Import("i1", {2024}, 100, 1), {Figure(2024, "trafficking", "reported_offences", 185)})
          .has_value());
  // Two figures with one key: the second insert fails, the unit of work rolls back.
  auto st =
      Replace(Import("i2", {2024}, 200, 2), {Figure(2024, "procuring", "reported_offences", 1),
                                             Figure(2024, "procuring", "reported_offences", 2)});
  EXPECT_FALSE(st.has_value());
  auto all = InYears(2024, 2024);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].value, 185);
  // A figure outside the import's years is refused before anything is written.
  EXPECT_FALSE(
      Replace(Import("i3", {2023}, 300, 1), {Figure(2024, "procuring", "reported_offences", 1)})
          .has_value());
  EXPECT_EQ(InYears(2024, 2024)[0].import_id, "i1");
}

}  // namespace
}  // namespace opennrm::testing
