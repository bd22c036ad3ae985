// The routing rules holder (app/hotline/routing_rules_holder.hpp): a reader
// keeps the version it took while a reload swaps in the next, and readers on
// many threads always see one whole version.
#include "app/hotline/routing_rules_holder.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace opennrm::app {
namespace {

// `n` rules recommending IOM, ids "r0".."r<n-1>".
hotline::RoutingRules Rules(int n) {
  std::vector<hotline::RoutingRule> v;
  for (int i = 0; i < n; ++i) {
    hotline::RoutingRule r;
    r.id = "r" + std::to_string(i);
    r.recommends = orgs::Kind::kIom;
    r.reason = r.reason_sv = r.reason_en = "return";
    r.valid_from = {2018, 1, 1};
    v.push_back(std::move(r));
  }
  return *hotline::RoutingRules::Build(std::move(v));
}

TEST(RoutingRulesHolder, ReplaceSwapsWholeAndOldSnapshotsStay) {
  RoutingRulesHolder holder(Rules(2), 100, "rules/routing.toml",
                            [] { return Result<hotline::RoutingRules>(Rules(5)); });
  EXPECT_EQ(holder.path(), "rules/routing.toml");
  const auto before = holder.Current();
  EXPECT_EQ(before.loaded_at_us, 100);
  ASSERT_EQ(before.rules->rules().size(), 2u);
  auto read = holder.reader()();
  ASSERT_TRUE(read);
  holder.Replace(std::move(*read), 200);
  const auto after = holder.Current();
  EXPECT_EQ(after.loaded_at_us, 200);
  EXPECT_EQ(after.rules->rules().size(), 5u);
  EXPECT_EQ(before.rules->rules().size(), 2u);  // still whole for whoever held it
}

TEST(RoutingRulesHolder, ConcurrentReadersSeeOneWholeVersion) {
  RoutingRulesHolder holder(Rules(1), 1, "routing.toml");
  std::atomic<bool> stop{false};
  std::atomic<int> torn{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!stop.load()) {
        const auto v = holder.Current();
        // Version k was loaded at k with k rules.
        if (static_cast<long long>(v.rules->rules().size()) != v.loaded_at_us) ++torn;
      }
    });
  }
  for (int k = 2; k <= 200; ++k) holder.Replace(Rules(k % 7 + 1), k % 7 + 1);
  stop = true;
  for (auto& r : readers) r.join();
  EXPECT_EQ(torn.load(), 0);
}

}  // namespace
}  // namespace opennrm::app
