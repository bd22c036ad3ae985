// Publishing a year of statistics through the API (issue 7 items 1, 3, 9):
// the demo's synthetic cases of last year are published by the national
// unit's statistician as a frozen release; readers see published years only
// (404 otherwise), as JSON or CSV, by area, never a count from 1 to 10;
// bad input is a 422 naming the field and rule; roles without the action get
// 403; a revision after more cases keeps what was hidden hidden and shows no
// change smaller than the threshold; publications and exports are audited.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "audit_events_support.hpp"
#include "case_fixture.hpp"
#include "raw_database.hpp"
#include "shared_server.hpp"
#include "statistics_test_support.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

constexpr int kThreshold = 11;                            // the default configuration
const std::string kSeries = "municipal_social_services";  // the demo's largest series

std::string Year() { return LastYearText(); }

class StatisticsPublicationsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new CaseServer();
    ASSERT_TRUE(server_->ok());
    // Synthetic cases over the last two years, written through the use cases.
    ASSERT_TRUE(Demo(160, 3)) << "opennrm demo failed";
    SessionClient& admin = server_->admin();
    auto units = admin.Get("/api/v1/organisations?kind=national_unit");
    ASSERT_EQ(units.status, 200) << units.body;
    const std::string unit = units.Json()["items"][0]["id"];
    const std::string soc =
        server_->NewOrganisation("Statistiktestets socialtjänst", "municipal_social_services");
    auto* unit_admin = server_->NewUser(admin, unit, "sp-admin", "organisation_administrator");
    auto* soc_admin = server_->NewUser(admin, soc, "sp-soc-admin", "organisation_administrator");
    ASSERT_TRUE(unit_admin && soc_admin);
    statistician_ = server_->NewUser(*unit_admin, unit, "sp-stat", "statistician");
    operator_ = server_->NewUser(*unit_admin, unit, "sp-hot", "hotline_operator");
    auditor_ = server_->NewUser(*unit_admin, unit, "sp-nau", "national_auditor");
    social_ = server_->NewUser(*soc_admin, soc, "sp-soc", "social_worker");
    ASSERT_TRUE(statistician_ && operator_ && auditor_ && social_);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_ && server_->ok()); }

  static bool Demo(int cases, int seed) {
    std::string out;
    const int rc = RunCli(
        {"demo", "-c", server_->server().config_path(), "--cases", std::to_string(cases), "--seed",
         std::to_string(seed), "--organisations", "2", "--threads", "2", "--consultations", "20"},
        &out);
    if (rc != 0) ADD_FAILURE() << out;
    return rc == 0;
  }

  // Publishes last year once for the tests that only read.
  static void EnsurePublished() {
    if (published_) return;
    auto r =
        statistician_->Post("/api/v1/statistics/publications", json{{"year", LastYear()}}.dump());
    ASSERT_EQ(r.status, 201) << r.body;
    published_ = true;
  }

  static HttpResponse Table(SessionClient& who, const std::string& id,
                            const std::string& query = "") {
    return who.Get("/api/v1/statistics/tables/" + id + "?year=" + Year() + "&series=" + kSeries +
                   query);
  }

  static std::vector<json> Events(const std::string& action, const std::string& needle) {
    return AuditEventsOf(*auditor_, action, needle);
  }

  static inline CaseServer* server_ = nullptr;
  static inline SessionClient* statistician_ = nullptr;
  static inline SessionClient* operator_ = nullptr;
  static inline SessionClient* auditor_ = nullptr;
  static inline SessionClient* social_ = nullptr;
  static inline bool published_ = false;
};

// Every published count of a table: cells, margins and total.
std::vector<json> AllCells(const json& t) {
  std::vector<json> out;
  for (const auto& row : t["cells"]) {
    for (const auto& c : row) out.push_back(c);
  }
  for (const auto& c : t["row_totals"]) out.push_back(c);
  for (const auto& c : t["column_totals"]) out.push_back(c);
  out.push_back(t["total"]);
  return out;
}

void ExpectNoSmallCount(const json& t) {
  for (const auto& c : AllCells(t)) {
    if (c["status"] != "shown") {
      EXPECT_FALSE(c.contains("value")) << "a hidden cell carries no value: " << t["id"];
      continue;
    }
    const long long v = c["value"];
    EXPECT_FALSE(v > 0 && v < kThreshold) << t["id"] << " shows " << v;
  }
}

TEST_F(StatisticsPublicationsApi, AYearIsInvisibleUntilPublishedAndOnlyWhenItHasEnded) {
  if (!published_) {
    auto before = Table(*statistician_, "victims.police_region.gender");
    ExpectProblem(before, 404);
    auto list = statistician_->Get("/api/v1/statistics/publications");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(list.Json()["items"].empty());
  }
  auto ongoing =
      statistician_->Post("/api/v1/statistics/publications", json{{"year", LastYear() + 1}}.dump());
  ExpectProblem(ongoing, 422, "year", "not_ended");
  ExpectProblem(statistician_->Post("/api/v1/statistics/publications", json{{"year", 1800}}.dump()),
                422, "year", "range");
  ExpectProblem(statistician_->Post("/api/v1/statistics/publications", "{}"), 422, "year");
  ExpectProblem(operator_->Post("/api/v1/statistics/publications", json{{"year", 2020}}.dump()),
                403);

  auto done =
      statistician_->Post("/api/v1/statistics/publications", json{{"year", LastYear()}}.dump());
  if (!published_) {
    ASSERT_EQ(done.status, 201) << done.body;
    published_ = true;
    EXPECT_EQ(done.Json()["release"], 1);
    EXPECT_GE(done.Json()["tables"].get<int>(), 6 * 20) << "20 victims' tables per series";
  }
  auto list = operator_->Get("/api/v1/statistics/publications");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_EQ(list.Json()["items"][0]["year"], LastYear());
  auto log = operator_->Get("/api/v1/statistics/releases?year=" + Year());
  ASSERT_EQ(log.status, 200) << log.body;
  ASSERT_FALSE(log.Json()["items"].empty());
  EXPECT_EQ(log.Json()["items"][0]["number"], 1);
  EXPECT_FALSE(Events("statistics.published", Year() + "/1").empty());

  auto earlier = statistician_->Get("/api/v1/statistics/tables/victims.police_region?year=" +
                                    std::to_string(LastYear() - 1) + "&series=" + kSeries);
  ExpectProblem(earlier, 404);
}

TEST_F(StatisticsPublicationsApi, PublishedTablesNeverShowASmallCountAndHoldTogether) {
  EnsurePublished();
  auto cat = statistician_->Get("/api/v1/statistics/catalogue");
  ASSERT_EQ(cat.status, 200) << cat.body;
  const json catalogue = cat.Json();
  EXPECT_EQ(catalogue["series"][0], "regional_coordinator");
  EXPECT_EQ(catalogue["policy"]["threshold"], kThreshold);
  long long shown_total = 0;
  std::map<std::string, json> victims;
  for (const auto& entry : catalogue["tables"]) {
    const std::string id = entry["id"];
    auto r = Table(*statistician_, id);
    ASSERT_EQ(r.status, 200) << id << " " << r.body;
    const json t = r.Json();
    EXPECT_EQ(t["id"], id);
    EXPECT_EQ(t["year"], LastYear());
    EXPECT_EQ(t["release"]["number"], 1);
    EXPECT_EQ(t["area"]["level"], "national");
    if (!t["official"].get<bool>()) ExpectNoSmallCount(t);
    if (entry["group"] == "victims") {
      victims[id] = t;
      EXPECT_EQ(t["series"], kSeries);
      ASSERT_TRUE(t.contains("rates_per_100000")) << id;
      EXPECT_EQ(t["rates_per_100000"].size(), t["rows"]["keys"].size());
    }
  }
  const json& by_gender = victims.at("victims.police_region.gender");
  EXPECT_EQ(by_gender["rows"]["dimension"], "police_region");
  EXPECT_EQ(by_gender["columns"]["dimension"], "gender");
  EXPECT_EQ(by_gender["columns"]["keys"][0], "woman");
  if (by_gender["total"]["status"] == "shown") shown_total = by_gender["total"]["value"];
  EXPECT_GT(shown_total, 0) << "the demo's cases of last year are counted";
  // The per-region margin is the same published line in every table by region.
  for (const auto& [id, t] : victims) {
    if (t["rows"]["dimension"] != "police_region") continue;
    EXPECT_EQ(t["row_totals"], by_gender["row_totals"]) << id;
    EXPECT_EQ(t["total"], by_gender["total"]) << id;
  }
  // A rate is never shown when its count is not.
  for (size_t r = 0; r < by_gender["row_totals"].size(); ++r) {
    if (by_gender["row_totals"][r]["status"] != "shown") {
      EXPECT_NE(by_gender["rates_per_100000"][r]["status"], "shown");
    }
  }
}

TEST_F(StatisticsPublicationsApi, ATableDownloadsAsCsvAndTheDownloadIsAudited) {
  EnsurePublished();
  auto j = Table(*operator_, "victims.police_region.gender");
  ASSERT_EQ(j.status, 200) << j.body;
  const json t = j.Json();
  auto csv = Table(*operator_, "victims.police_region.gender.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.Header("content-disposition").find("attachment"), std::string::npos);
  std::vector<std::string> lines;
  std::istringstream in(csv.body);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  ASSERT_EQ(lines.size(), t["rows"]["keys"].size() + 2);
  EXPECT_EQ(lines[0], "police_region,woman,man,girl,boy,other,not_recorded,total");
  auto word = [](const json& c) -> std::string {
    if (c["status"] == "suppressed") return "..";
    if (c["status"] == "unknown") return "";
    return std::to_string(c["value"].get<long long>());
  };
  for (size_t r = 0; r < t["rows"]["keys"].size(); ++r) {
    std::string expected = t["rows"]["keys"][r].get<std::string>();
    for (const auto& c : t["cells"][r]) expected += "," + word(c);
    expected += "," + word(t["row_totals"][r]);
    EXPECT_EQ(lines[r + 1], expected);
  }
  EXPECT_EQ(lines.back().rfind("total,", 0), 0u);
  EXPECT_FALSE(Events("statistics.exported", "victims.police_region.gender").empty());
  EXPECT_FALSE(Events("statistics.table_read", "victims.police_region.gender").empty());
}

TEST_F(StatisticsPublicationsApi, AnAreaIsCutFromTheNationalTable) {
  EnsurePublished();
  auto national = Table(*statistician_, "victims.county");
  ASSERT_EQ(national.status, 200) << national.body;
  const json n = national.Json();
  auto region = Table(*statistician_, "victims.county", "&area=police_region/nord");
  ASSERT_EQ(region.status, 200) << region.body;
  const json r = region.Json();
  EXPECT_EQ(r["area"], json({{"level", "police_region"}, {"code", "nord"}}));
  for (size_t i = 0; i < r["rows"]["keys"].size(); ++i) {
    const std::string key = r["rows"]["keys"][i];
    bool found = false;
    for (size_t k = 0; k < n["rows"]["keys"].size(); ++k) {
      if (n["rows"]["keys"][k] != key) continue;
      found = true;
      EXPECT_EQ(r["cells"][i], n["cells"][k]) << "the published row, unchanged: " << key;
      EXPECT_EQ(r["row_totals"][i], n["row_totals"][k]);
    }
    EXPECT_TRUE(found) << key;
  }
  EXPECT_GE(r["rows"]["keys"].size(), 1u);
  EXPECT_LT(r["rows"]["keys"].size(), n["rows"]["keys"].size());
  auto county = Table(*statistician_, "victims.county.gender", "&area=county/25");
  ASSERT_EQ(county.status, 200) << county.body;
  EXPECT_EQ(county.Json()["rows"]["keys"], json({"25"}));

  ExpectProblem(Table(*statistician_, "victims.county", "&area=municipality/2584"), 422, "area",
                "finer_than_county");
  ExpectProblem(Table(*statistician_, "victims.county", "&area=county/99"), 422, "area",
                "unknown_code");
  ExpectProblem(Table(*statistician_, "victims.county", "&area=police_region/atlantis"), 422,
                "area", "unknown_code");
  ExpectProblem(Table(*statistician_, "victims.police_region", "&area=county/25"), 422, "area",
                "not_by_area");
}

TEST_F(StatisticsPublicationsApi, BadInputIsRefusedNamingTheFieldAndRule) {
  EnsurePublished();
  ExpectProblem(Table(*statistician_, "victims.police_region", "&threshold=3"), 422, "threshold",
                "below_minimum");
  ExpectProblem(Table(*statistician_, "victims.police_region", "&threshold=20"), 422, "threshold",
                "not_configured");
  EXPECT_EQ(
      Table(*statistician_, "victims.police_region", "&threshold=" + std::to_string(kThreshold))
          .status,
      200);
  ExpectProblem(statistician_->Get("/api/v1/statistics/tables/victims.police_region"), 422, "year",
                "required");
  ExpectProblem(statistician_->Get("/api/v1/statistics/tables/victims.police_region?year=" +
                                   Year() + "&series=national_unit"),
                422, "series", "unknown_code");
  ExpectProblem(Table(*statistician_, "victims.police_region", "&rows=person"), 422, "rows");
  ExpectProblem(Table(*statistician_, "victims.municipality.gender"), 404);
  ExpectProblem(statistician_->Get("/api/v1/statistics/releases?year=abc"), 422, "year");
}

TEST_F(StatisticsPublicationsApi, RolesWithoutTheActionAreRefused) {
  EnsurePublished();
  ExpectProblem(social_->Get("/api/v1/statistics/catalogue"), 403);
  ExpectProblem(Table(*social_, "victims.police_region"), 403);
  ExpectProblem(social_->Get("/api/v1/statistics/publications"), 403);
  ExpectProblem(auditor_->Get("/api/v1/statistics/releases"), 403);
  ExpectProblem(social_->Post("/api/v1/statistics/publications", json{{"year", LastYear()}}.dump()),
                403);
}

TEST_F(StatisticsPublicationsApi, ARevisionHidesSmallChangesAndKeepsHiddenCellsHidden) {
  EnsurePublished();
  auto cat = statistician_->Get("/api/v1/statistics/catalogue");
  ASSERT_EQ(cat.status, 200);
  std::vector<std::string> ids;
  const json catalogue = cat.Json();  // kept: a temporary's member would dangle
  for (const auto& e : catalogue["tables"]) {
    if (e["group"] == "victims") ids.push_back(e["id"]);
  }
  std::map<std::string, json> first;
  for (const auto& id : ids) {
    auto r = Table(*statistician_, id, "&release=1");
    ASSERT_EQ(r.status, 200) << r.body;
    first[id] = r.Json();
  }
  // More of last year's cases, then a revision.
  ASSERT_TRUE(Demo(60, 17));
  // The demo dates its writes in the past, updated_at_us too; the facts in
  // memory read what changed since they last looked, so mark the rows as
  // changed now, as a live writer would have.
  {
    RawDatabase db(server_->server());
    ASSERT_TRUE(db.ok()) << db.error();
    const long long now_us = std::chrono::duration_cast<std::chrono::microseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    ASSERT_TRUE(db.Exec("UPDATE statistics_facts SET updated_at_us = " + std::to_string(now_us)))
        << db.error();
  }
  auto revised =
      statistician_->Post("/api/v1/statistics/publications", json{{"year", LastYear()}}.dump());
  ASSERT_EQ(revised.status, 201) << revised.body;
  const int number = revised.Json()["release"];
  EXPECT_GE(number, 2);
  bool changed = false;
  for (const auto& id : ids) {
    auto r = Table(*statistician_, id);
    ASSERT_EQ(r.status, 200) << r.body;
    const json two = r.Json();
    EXPECT_EQ(two["release"]["number"], number);
    const auto a = AllCells(first[id]);
    const auto b = AllCells(two);
    ASSERT_EQ(a.size(), b.size()) << id;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i] != b[i]) changed = true;
      if (a[i]["status"] == "suppressed") {
        EXPECT_EQ(b[i]["status"], "suppressed") << id << ": hidden once, hidden always";
      }
      if (a[i]["status"] == "shown" && b[i]["status"] == "shown") {
        const long long d =
            std::llabs(b[i]["value"].get<long long>() - a[i]["value"].get<long long>());
        EXPECT_FALSE(d > 0 && d < kThreshold) << id << " changed by " << d;
      }
    }
    // The first release is still there, unchanged.
    auto again = Table(*statistician_, id, "&release=1");
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(AllCells(again.Json()), a) << id;
  }
  ASSERT_FALSE(ids.empty());
  EXPECT_TRUE(changed) << "the new cases of last year changed the release";
  auto log = statistician_->Get("/api/v1/statistics/releases?year=" + Year());
  ASSERT_EQ(log.status, 200);
  EXPECT_EQ(log.Json()["items"].size(), static_cast<size_t>(number));
}

}  // namespace
}  // namespace opennrm::testing
