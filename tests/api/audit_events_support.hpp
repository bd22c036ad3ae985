// Reading the audit log as an auditor, waiting for it to catch up (up to ten seconds: the log
// trails the answers, ADR 14). Shared by the API tests that check what was audited.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "session_client.hpp"

namespace opennrm::testing {

// The events of one action whose text contains `needle` (an id, or a quoted id).
inline std::vector<nlohmann::json> AuditEventsOf(SessionClient& auditor, const std::string& action,
                                                 const std::string& needle) {
  std::vector<nlohmann::json> out;
  for (int i = 0; i < 50 && out.empty(); ++i) {
    auto r = auditor.Get("/api/v1/audit/events?action=" + action + "&limit=100");
    EXPECT_EQ(r.status, 200) << r.body;
    const nlohmann::json items = r.Json()["items"];  // kept: a temporary's member would dangle
    for (const auto& e : items) {
      if (e.dump().find(needle) != std::string::npos) out.push_back(e);
    }
    if (out.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return out;
}

// The events naming `object_id` (up to 100), once one of them has action `want` and, unless
// empty, outcome `outcome`. Wait for the last-recorded event an assertion needs: the log applies
// events in order, so the earlier ones are there too.
inline std::vector<nlohmann::json> AuditEventsOnObject(SessionClient& auditor,
                                                       const std::string& object_id,
                                                       const std::string& want,
                                                       const std::string& outcome = "") {
  std::vector<nlohmann::json> out;
  for (int i = 0; i < 50; ++i) {
    auto r = auditor.Get("/api/v1/audit/events?object_id=" + object_id + "&limit=100");
    EXPECT_EQ(r.status, 200) << r.body;
    out.clear();
    bool found = false;
    const nlohmann::json items = r.Json()["items"];  // kept: a temporary's member would dangle
    for (const auto& e : items) {
      out.push_back(e);
      found = found || (e["action"] == want && (outcome.empty() || e["outcome"] == outcome));
    }
    if (found) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return out;
}

}  // namespace opennrm::testing
