// The statistics views through the API (issue 7 items 4-7): after the demo's
// synthetic cases and consultations of last year are published, the
// indicators (with the trend), the hotline tables, the EU layout (JSON and
// one long CSV) and the annual report (JSON, CSV and JSON exports, captions
// in Swedish and English) are read from the stored release and never show a
// count from 1 to 10; own figures are exact, marked not for publication and
// never exported; bad input is a 422 naming the field and rule; roles
// without the action get 403.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <map>
#include <sstream>

#include "case_fixture.hpp"
#include "shared_server.hpp"
#include "statistics_test_support.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

std::string Year() { return LastYearText(); }

class StatisticsViewsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new CaseServer();
    ASSERT_TRUE(server_->ok());
    std::string out;
    ASSERT_EQ(RunCli({"demo", "-c", server_->server().config_path(), "--cases", "120", "--seed",
                      "5", "--organisations", "2", "--threads", "2", "--consultations", "60"},
                     &out),
              0)
        << out;
    SessionClient& admin = server_->admin();
    auto units = admin.Get("/api/v1/organisations?kind=national_unit");
    ASSERT_EQ(units.status, 200) << units.body;
    const std::string unit = units.Json()["items"][0]["id"];
    const std::string rc =
        server_->NewOrganisation("Vyernas regionsamordning", "regional_coordinator");
    auto* unit_admin = server_->NewUser(admin, unit, "sv-admin", "organisation_administrator");
    auto* rc_admin = server_->NewUser(admin, rc, "sv-rc-admin", "organisation_administrator");
    ASSERT_TRUE(unit_admin && rc_admin);
    statistician_ = server_->NewUser(*unit_admin, unit, "sv-stat", "statistician");
    operator_ = server_->NewUser(*unit_admin, unit, "sv-hot", "hotline_operator");
    coordinator_ = server_->NewUser(*rc_admin, rc, "sv-rc", "regional_coordinator");
    ASSERT_TRUE(statistician_ && operator_ && coordinator_);
    auto r =
        statistician_->Post("/api/v1/statistics/publications", json{{"year", LastYear()}}.dump());
    ASSERT_EQ(r.status, 201) << r.body;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_ && server_->ok()); }

  static void ExpectProblem(const HttpResponse& r, int status, const std::string& field,
                            const std::string& rule) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_NE(r.body.find("\"" + field + "\""), std::string::npos) << r.body;
    if (!rule.empty()) {
      EXPECT_NE(r.body.find("\"" + rule + "\""), std::string::npos) << r.body;
    }
  }

  static inline CaseServer* server_ = nullptr;
  static inline SessionClient* statistician_ = nullptr;
  static inline SessionClient* operator_ = nullptr;
  static inline SessionClient* coordinator_ = nullptr;
};

// No published count of a table from 1 to threshold-1 (official tables aside).
void ExpectNoSmallCount(const json& table) {
  if (table["official"].get<bool>()) return;
  auto check = [&](const json& c) {
    if (c["status"] == "shown") {
      const long long v = c["value"];
      EXPECT_TRUE(v == 0 || v >= 11) << table["id"] << " shows " << v;
    }
  };
  for (const auto& row : table["cells"]) {
    for (const auto& c : row) check(c);
  }
  for (const auto& c : table["row_totals"]) check(c);
  for (const auto& c : table["column_totals"]) check(c);
  check(table["total"]);
}

TEST_F(StatisticsViewsApi, IndicatorsWithTrendFromTheStoredRelease) {
  auto r = statistician_->Get("/api/v1/statistics/indicators?year=" + Year());
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = r.Json();
  EXPECT_EQ(body["year"], LastYear());
  const json& t = body["indicators"];
  EXPECT_EQ(t["id"], "indicators.police_region");
  EXPECT_EQ(t["columns"]["keys"][0], "victims");
  ExpectNoSmallCount(t);
  // Applications are counted from the cases' clocks (never "unknown"), and a
  // grant is an application that was granted: never more grants than
  // applications.
  EXPECT_EQ(t["columns"]["keys"][2], "reflection_period_applied");
  for (const auto& row : t["cells"]) EXPECT_NE(row[2]["status"], "unknown");
  const json& applied = t["column_totals"][2];
  const json& granted = t["column_totals"][3];
  if (applied["status"] == "shown" && granted["status"] == "shown") {
    EXPECT_GE(applied["value"].get<long long>(), granted["value"].get<long long>());
  }
  ASSERT_FALSE(body["trend"].empty());
  EXPECT_EQ(body["trend"].back()["year"], LastYear());
  // By county, cut to one county's row.
  auto county =
      statistician_->Get("/api/v1/statistics/indicators?year=" + Year() + "&area=county/25");
  ASSERT_EQ(county.status, 200) << county.body;
  EXPECT_EQ(county.Json()["indicators"]["rows"]["keys"], json::array({"25"}));
}

TEST_F(StatisticsViewsApi, HotlineAndEuTablesArePublishedTables) {
  auto h = statistician_->Get("/api/v1/statistics/hotline?year=" + Year());
  ASSERT_EQ(h.status, 200) << h.body;
  std::set<std::string> ids;
  const json hotline = h.Json();  // kept: a temporary's member would dangle
  for (const auto& t : hotline["tables"]) {
    ids.insert(t["id"].get<std::string>());
    ExpectNoSmallCount(t);
  }
  EXPECT_TRUE(ids.count("hotline.month.channel")) << h.body;
  EXPECT_TRUE(ids.count("hotline.week"));
  std::string hotline_ids;
  for (const auto& id : ids) hotline_ids += id + " ";
  EXPECT_TRUE(ids.count("hotline.police_region.referred")) << hotline_ids;
  auto eu = statistician_->Get("/api/v1/statistics/eu?year=" + Year());
  ASSERT_EQ(eu.status, 200) << eu.body;
  std::map<std::string, bool> eu_tables;  // id: official
  const json eu_body = eu.Json();
  for (const auto& t : eu_body["tables"]) {
    ExpectNoSmallCount(t);
    eu_tables[t["id"].get<std::string>()] = t["official"].get<bool>();
  }
  std::string listed;
  for (const auto& [id, _] : eu_tables) listed += id + " ";
  EXPECT_EQ(eu_tables.count("eu.victims.form.sex"), 1u) << listed;
  EXPECT_EQ(eu_tables["eu.victims.sex.age_band"], false);
  ASSERT_EQ(eu_tables.count("eu.crime.trafficking.sex"), 1u) << listed;
  EXPECT_TRUE(eu_tables["eu.crime.trafficking.sex"]);
  auto csv = statistician_->Get("/api/v1/statistics/eu.csv?year=" + Year());
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.body.rfind("table,row,column,value\r\n", 0), 0u);
  EXPECT_NE(csv.body.find("eu.victims.sex.age_band,female,child,"), std::string::npos);
  std::istringstream lines(csv.body);
  for (std::string line; std::getline(lines, line);) {
    const std::string value = line.substr(line.rfind(',') + 1);
    if (value.empty() || value == "\r" || value == "..\r" || line.rfind("eu.crime", 0) == 0 ||
        line.rfind("table,", 0) == 0) {
      continue;
    }
    const long long v = std::stoll(value);
    EXPECT_TRUE(v == 0 || v >= 11) << line;
  }
}

TEST_F(StatisticsViewsApi, AnnualReportWithCaptionsAndExports) {
  auto r = statistician_->Get("/api/v1/statistics/annual-report?year=" + Year());
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = r.Json();
  ASSERT_FALSE(body["sections"].empty());
  EXPECT_EQ(body["sections"][0]["id"], "headline");
  for (const auto& s : body["sections"]) {
    ExpectNoSmallCount(s["table"]);
    if (s["id"] != "crime_other" && s["id"] != "hotline_response") {
      EXPECT_FALSE(s["caption"]["en"].get<std::string>().empty()) << s["id"];
    }
  }
  auto csv = statistician_->Get("/api/v1/statistics/annual-report.csv?year=" + Year());
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("section,table,row,column,value\r\n", 0), 0u);
  auto file = statistician_->Get("/api/v1/statistics/annual-report.json?year=" + Year());
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(json::parse(file.body)["sections"].size(), body["sections"].size());
}

TEST_F(StatisticsViewsApi, UnpublishedYearsAndBadInput) {
  EXPECT_EQ(statistician_->Get("/api/v1/statistics/hotline?year=2001").status, 404);
  EXPECT_EQ(statistician_->Get("/api/v1/statistics/annual-report?year=2001").status, 404);
  ExpectProblem(statistician_->Get("/api/v1/statistics/eu"), 422, "year", "required");
  ExpectProblem(statistician_->Get("/api/v1/statistics/indicators?year=" + Year() +
                                   "&area=municipality/0180"),
                422, "area", "finer_than_county");
  ExpectProblem(statistician_->Get("/api/v1/statistics/eu?year=" + Year() + "&series=x"), 422,
                "series", "unknown_code");
  ExpectProblem(statistician_->Get("/api/v1/statistics/hotline?year=" + Year() + "&area=x"), 422,
                "area", "");
}

TEST_F(StatisticsViewsApi, OwnFiguresAreExactMarkedAndNeverExported) {
  auto r = coordinator_->Get("/api/v1/statistics/own?from=2020-01-01&to=2026-12-31&rows=gender");
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = r.Json();
  EXPECT_EQ(body["not_for_publication"], true);
  EXPECT_EQ(body["rows"]["dimension"], "gender");
  EXPECT_TRUE(body["total"].is_number());
  ExpectProblem(coordinator_->Get("/api/v1/statistics/own?format=csv"), 422, "format",
                "not_for_publication");
  ExpectProblem(coordinator_->Get("/api/v1/statistics/own?rows=shoe_size"), 422, "rows",
                "unknown_dimension");
  ExpectProblem(coordinator_->Get("/api/v1/statistics/own?from=2025-02-01&to=2025-01-01"), 422,
                "from", "order");
  // The statistician sees published tables only.
  EXPECT_EQ(statistician_->Get("/api/v1/statistics/own").status, 403);
  EXPECT_EQ(statistician_->Get("/api/v1/statistics/hotline/own").status, 403);
  EXPECT_EQ(coordinator_->Get("/api/v1/statistics/hotline/own").status, 403);
}

TEST_F(StatisticsViewsApi, HotlineOwnFiguresForOperators) {
  auto r = operator_->Get("/api/v1/statistics/hotline/own?from=" + Year() + "-01-01&to=" + Year() +
                          "-12-31&by=month");
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = r.Json();
  EXPECT_EQ(body["not_for_publication"], true);
  EXPECT_EQ(body["rows"]["keys"].size(), 12u);
  EXPECT_GT(body["total"].get<long long>(), 0) << r.body;
  ExpectProblem(operator_->Get("/api/v1/statistics/hotline/own?by=weather"), 422, "by",
                "unknown_dimension");
  ExpectProblem(operator_->Get("/api/v1/statistics/hotline/own?format=csv"), 422, "format",
                "not_for_publication");
}

}  // namespace
}  // namespace opennrm::testing
