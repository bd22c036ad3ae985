// The audit events of one action whose text contains `needle` (an id, or a
// quoted id), as `auditor` reads them — waiting for the log to catch up (up
// to ten seconds). Shared by the API tests that check what was audited.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "session_client.hpp"

namespace opennrm::testing {

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

}  // namespace opennrm::testing
