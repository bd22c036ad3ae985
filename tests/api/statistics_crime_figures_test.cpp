// Official crime figures through the API (issue 7 item 2): the national
// unit's statistician imports a CSV file per year, a later file replaces the
// years it holds, readers list them by year range; a malformed file is
// refused naming every broken line and column and stores nothing; other
// roles 403; the wrong media type 415; a file above the limit 413; from
// after to 422.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "audit_events_support.hpp"
#include "case_fixture.hpp"
#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

const std::string kPath = "/api/v1/statistics/crime-figures";
const std::string kHeader = "year,offence,measure,breakdown,category,value,source\n";

class CrimeFiguresApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new CaseServer();
    ASSERT_TRUE(server_->ok());
    SessionClient& admin = server_->admin();
    auto units = admin.Get("/api/v1/organisations?kind=national_unit");
    ASSERT_EQ(units.status, 200) << units.body;
    const std::string unit = units.Json()["items"][0]["id"];
    const std::string board =
        server_->NewOrganisation("Brottsstatistikens länsstyrelse", "county_board");
    const std::string soc =
        server_->NewOrganisation("Brottsstatistikens socialtjänst", "municipal_social_services");
    auto user = [&](const std::string& org, const std::string& name, const std::string& role) {
      auto* org_admin = server_->NewUser(admin, org, name + "-admin", "organisation_administrator");
      return org_admin ? server_->NewUser(*org_admin, org, name, role) : nullptr;
    };
    statistician_ = user(unit, "cf-sta", "statistician");
    auditor_ = user(unit, "cf-aud", "auditor");
    operator_ = user(unit, "cf-hot", "hotline_operator");
    board_statistician_ = user(board, "cf-sta-lan", "statistician");
    social_ = user(soc, "cf-soc", "social_worker");
    ASSERT_TRUE(statistician_ && auditor_ && operator_ && board_statistician_ && social_);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_ && server_->ok()); }

  static HttpResponse Import(SessionClient& by, const std::string& csv,
                             const std::string& type = "text/csv; charset=utf-8") {
    return by.Call("POST", kPath, csv, {}, type);
  }

  static json Items(SessionClient& by, const std::string& query) {
    auto r = by.Get(kPath + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json()["items"] : json::array();
  }

  // The audit events with `action` naming `needle`, waiting for the log.
  static std::vector<json> Events(const std::string& action, const std::string& needle) {
    return AuditEventsOf(*auditor_, action, needle);
  }

  static inline CaseServer* server_ = nullptr;
  static inline SessionClient* statistician_ = nullptr;
  static inline SessionClient* auditor_ = nullptr;
  static inline SessionClient* operator_ = nullptr;
  static inline SessionClient* board_statistician_ = nullptr;
  static inline SessionClient* social_ = nullptr;
};

TEST_F(CrimeFiguresApi, TheStatisticianImportsAndReadersListByYear) {
  const std::string csv =
      kHeader +
      "2019,trafficking,reported_offences,total,total,160,\"Brå, kriminalstatistik (syntetisk)\"\n"
      "2019,trafficking,convicted_persons,total,total,0,Brå (syntetisk)\n"
      "2019,trafficking,suspected_persons,sex,female,,Brå (syntetisk)\n"
      "2020,procuring,reported_offences,total,total,95,Brå (syntetisk)\n";
  auto r = Import(*statistician_, csv);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["imported"], 4);
  EXPECT_EQ(r.Json()["years"], json::array({2019, 2020}));

  json items = Items(*operator_, "?from=2019&to=2019");
  ASSERT_EQ(items.size(), 3u) << items.dump();
  EXPECT_EQ(items[0]["measure"], "reported_offences");  // the lists' order
  EXPECT_EQ(items[0]["value"], 160);
  EXPECT_EQ(items[0]["source"], "Brå, kriminalstatistik (syntetisk)");
  EXPECT_EQ(items[1]["measure"], "suspected_persons");
  EXPECT_TRUE(items[1]["value"].is_null());  // not known
  EXPECT_EQ(items[2]["measure"], "convicted_persons");
  EXPECT_EQ(items[2]["value"], 0);  // known to be none
  EXPECT_EQ(Items(*statistician_, "?from=2019&to=2020").size(), 4u);
  EXPECT_EQ(Items(*board_statistician_, "?from=2020&to=2020").size(), 1u);
  EXPECT_FALSE(Events("statistics.crime_figures_imported", "crime_figure_import").empty());
  EXPECT_FALSE(Events("statistics.crime_figures_read", "2019-2019").empty());
}

TEST_F(CrimeFiguresApi, AnImportReplacesTheYearsItHoldsAndKeepsTheOthers) {
  ASSERT_EQ(Import(*statistician_,
                   kHeader + "2015,trafficking,reported_offences,total,total,180,Brå (syntetisk)\n"
                             "2015,procuring,reported_offences,total,total,70,Brå (syntetisk)\n"
                             "2016,procuring,reported_offences,total,total,71,Brå (syntetisk)\n")
                .status,
            200);
  auto r = Import(*statistician_,
                  kHeader + "2015,trafficking,reported_offences,total,total,181,Brå (rättad)\n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["years"], json::array({2015}));
  json items = Items(*statistician_, "?from=2015&to=2016");
  ASSERT_EQ(items.size(), 2u) << items.dump();
  EXPECT_EQ(items[0]["year"], 2015);
  EXPECT_EQ(items[0]["value"], 181);
  EXPECT_EQ(items[0]["source"], "Brå (rättad)");
  EXPECT_EQ(items[1]["year"], 2016);
}

TEST_F(CrimeFiguresApi, AMalformedFileNamesEveryBrokenLineAndStoresNothing) {
  const std::string csv = kHeader +
                          "2012,trafficking,reported_offences,total,total,12,Brå\n"
                          "2012,traficking,reported_offences,total,total,1,Brå\n"
                          "2012,procuring,reported_offences,sex,male,3,Brå\n"
                          "2012,procuring,convicted_persons,total,total,-2,Brå\n";
  auto r = Import(*statistician_, csv);
  ExpectProblem(r, 422);
  auto problems = ProblemsOf(r);
  std::vector<std::pair<std::string, std::string>> want{
      {"line 3.offence", "unknown_code"},
      {"line 4.breakdown", "not_for_measure"},
      {"line 5.value", "format"},
  };
  EXPECT_EQ(problems, want);
  EXPECT_TRUE(Items(*statistician_, "?from=2012&to=2012").empty());
  ExpectProblem(Import(*statistician_, ""), 422, "body", "header");
  ExpectProblem(Import(*statistician_, "year,offence\n2012,procuring\n"), 422, "line 1.measure",
                "column_missing");
}

TEST_F(CrimeFiguresApi, OnlyTheNationalUnitsStatisticianImports) {
  const std::string csv = kHeader + "2011,procuring,reported_offences,total,total,5,Brå\n";
  for (SessionClient* other : {board_statistician_, operator_, social_, &server_->admin()}) {
    ExpectProblem(Import(*other, csv), 403);
  }
  ExpectProblem(social_->Get(kPath + "?from=2011&to=2011"), 403);
  EXPECT_TRUE(Items(*statistician_, "?from=2011&to=2011").empty());
  EXPECT_FALSE(Events("statistics.crime_figures_imported", "denied").empty());
}

TEST_F(CrimeFiguresApi, WrongMediaTypeTooLargeAndBadRangesAreRefused) {
  const std::string csv = kHeader + "2010,procuring,reported_offences,total,total,5,Brå\n";
  ExpectProblem(Import(*statistician_, csv, "application/json"), 415, "Content-Type", "media_type");
  ExpectProblem(Import(*statistician_, csv, "text/csv; charset=iso-8859-1"), 415);
  std::string big = kHeader;
  const std::string line = "2010,procuring,reported_offences,total,total,5,Brå\n";
  while (big.size() <= 2 * 1024 * 1024) big += line;
  EXPECT_EQ(Import(*statistician_, big).status, 413);
  EXPECT_TRUE(Items(*statistician_, "?from=2010&to=2010").empty());
  ExpectProblem(statistician_->Get(kPath + "?from=2020&to=2019"), 422, "from", "order");
  ExpectProblem(statistician_->Get(kPath + "?from=1980&to=2019"), 422, "to", "range");
  ExpectProblem(statistician_->Get(kPath + "?from=twenty"), 422, "from", "type");
  ExpectProblem(statistician_->Get(kPath + "?year=2019"), 422, "year", "unknown_parameter");
}

}  // namespace
}  // namespace opennrm::testing
