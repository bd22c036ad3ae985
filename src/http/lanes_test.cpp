#include "http/lanes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace opennrm::http {
namespace {

Response Nothing(const Request&) { return {}; }

TEST(Lanes, EveryRouteIsQuickUntilTheListPutsItOnTheSlowLane) {
  Router router;
  router.Add({"POST", "/api/v1/session", Nothing});
  router.Add({"GET", "/api/v1/cases/{id}", Nothing});
  router.Add({"GET", "/api/v1/cases/{id}/export", Nothing});
  for (const auto& r : router.routes()) EXPECT_EQ(r.lane, Lane::kQuick) << r.pattern;
  auto missing = AssignLanes(router);
  EXPECT_EQ(router.Find("POST", "/api/v1/session").route->lane, Lane::kSlow);
  EXPECT_EQ(router.Find("GET", "/api/v1/cases/c-1/export").route->lane, Lane::kSlow);
  EXPECT_EQ(router.Find("GET", "/api/v1/cases/c-1").route->lane, Lane::kQuick)
      << "a case read is bounded work";
  // This router lacks the other listed routes: each is named, so a renamed route cannot
  // silently fall back to the quick lane.
  EXPECT_EQ(missing.size(), SlowRoutes().size() - 2);
  EXPECT_NE(std::find(missing.begin(), missing.end(), "GET /api/v1/statistics/eu.csv"),
            missing.end());
}

TEST(Lanes, TheListNamesEachRouteOnceWithAReason) {
  std::set<std::string> seen;
  for (const auto& r : SlowRoutes()) {
    EXPECT_TRUE(seen.insert(std::string(r.method) + " " + r.pattern).second) << r.pattern;
    EXPECT_NE(std::string(r.why), "") << r.pattern;
  }
  // Password hashing and documents are the reason the slow lane exists.
  EXPECT_TRUE(seen.count("POST /api/v1/session"));
  EXPECT_TRUE(seen.count("POST /api/v1/session/password"));
  EXPECT_TRUE(seen.count("GET /api/v1/referrals/{id}/summary.pdf"));
}

TEST(Lanes, SetLaneNeedsTheExactMethodAndPattern) {
  Router router;
  router.Add({"GET", "/api/v1/things/{id}", Nothing});
  EXPECT_FALSE(router.SetLane("POST", "/api/v1/things/{id}", Lane::kSlow));
  EXPECT_FALSE(router.SetLane("GET", "/api/v1/things/1", Lane::kSlow));
  EXPECT_TRUE(router.SetLane("GET", "/api/v1/things/{id}", Lane::kSlow));
  EXPECT_EQ(router.routes()[0].lane, Lane::kSlow);
}

}  // namespace
}  // namespace opennrm::http
