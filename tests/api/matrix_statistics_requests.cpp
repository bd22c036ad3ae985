// PrepareStatisticsPublication (matrix_statistics_requests.hpp).
#include "matrix_statistics_requests.hpp"

#include <chrono>
#include <ctime>

#include "matrix_case_requests.hpp"
#include "statistics_test_support.hpp"

namespace opennrm::testing::matrix {

namespace {

bool IsStatisticsViewRoute(const std::string& key) {
  for (const char* path : {"indicators", "hotline", "eu", "eu.csv", "annual-report",
                           "annual-report.csv", "annual-report.json"}) {
    if (key == std::string("GET /api/v1/statistics/") + path) return true;
  }
  return false;
}

}  // namespace

bool IsStatisticsPublicationRoute(const std::string& key) {
  return key == "POST /api/v1/statistics/publications" ||
         key == "GET /api/v1/statistics/publications" ||
         key == "GET /api/v1/statistics/catalogue" || key == "GET /api/v1/statistics/tables/{id}" ||
         key == "GET /api/v1/statistics/releases" || key == "GET /api/v1/statistics/own" ||
         key == "GET /api/v1/statistics/hotline/own" || IsStatisticsViewRoute(key);
}

void PrepareStatisticsPublication(const std::string& key, Prepared& p) {
  const std::string year = std::to_string(LastYear());
  if (key == "POST /api/v1/statistics/publications") {
    p.body = "{\"year\": " + year + "}";
  } else if (key == "GET /api/v1/statistics/tables/{id}") {
    FillParameter(p, "{id}", "victims.police_region.gender");
    p.path += "?year=" + year;
  } else if (key == "GET /api/v1/statistics/own") {
    p.path += "?from=" + year + "-01-01&to=" + year + "-12-31&rows=gender";
  } else if (key == "GET /api/v1/statistics/hotline/own") {
    p.path += "?from=" + year + "-01-01&to=" + year + "-12-31&by=month";
  } else if (key == "GET /api/v1/statistics/releases" || IsStatisticsViewRoute(key)) {
    p.path += "?year=" + year;  // the release log and the published views
  }
}

}  // namespace opennrm::testing::matrix
