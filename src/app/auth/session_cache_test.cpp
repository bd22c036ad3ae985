#include "app/auth/session_cache.hpp"

#include <gtest/gtest.h>

namespace opennrm::app {
namespace {

Caller Signed(const std::string& user_id, long long last_seen) {
  Caller c;
  c.actor.user_id = user_id;
  ports::SessionRecord s;
  s.id = "session-" + user_id;
  s.user_id = user_id;
  s.last_seen_at_us = last_seen;
  c.session = s;
  return c;
}

TEST(SessionCache, AKeptCheckHoldsOnlyAtTheVersionItWasMadeAt) {
  SessionCache cache;
  EXPECT_FALSE(cache.Find("digest-a", 7));
  cache.Keep("digest-a", 7, Signed("anna", 100));
  auto kept = cache.Find("digest-a", 7);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->actor.user_id, "anna");
  EXPECT_EQ(kept->session->last_seen_at_us, 100);
  EXPECT_FALSE(cache.Find("digest-a", 8)) << "something changed since";
  EXPECT_FALSE(cache.Find("digest-a", 6));
  EXPECT_FALSE(cache.Find("digest-b", 7)) << "another token";
}

TEST(SessionCache, ANewerCheckReplacesAnOlderOneButNotTheOtherWayRound) {
  SessionCache cache;
  cache.Keep("digest-a", 7, Signed("anna", 100));
  cache.Keep("digest-a", 9, Signed("anna", 200));
  EXPECT_FALSE(cache.Find("digest-a", 7));
  ASSERT_TRUE(cache.Find("digest-a", 9));
  EXPECT_EQ(cache.Find("digest-a", 9)->session->last_seen_at_us, 200);
  // A slower request that read version 8 must not bring an older check back.
  cache.Keep("digest-a", 8, Signed("anna", 150));
  EXPECT_FALSE(cache.Find("digest-a", 8));
  EXPECT_EQ(cache.Find("digest-a", 9)->session->last_seen_at_us, 200);
  // The same version again (a touch written since): the newer last-seen is kept.
  cache.Keep("digest-a", 9, Signed("anna", 260));
  EXPECT_EQ(cache.Find("digest-a", 9)->session->last_seen_at_us, 260);
  EXPECT_EQ(cache.Size(), 1u);
}

TEST(SessionCache, WhenFullOlderVersionsGoFirstThenEverything) {
  SessionCache cache(3);
  cache.Keep("a", 1, Signed("anna", 1));
  cache.Keep("b", 1, Signed("bertil", 1));
  cache.Keep("c", 2, Signed("cecilia", 1));
  EXPECT_EQ(cache.Size(), 3u);
  cache.Keep("d", 2, Signed("david", 1));  // drops a and b, made at version 1
  EXPECT_EQ(cache.Size(), 2u);
  EXPECT_FALSE(cache.Find("a", 1));
  EXPECT_TRUE(cache.Find("c", 2));
  EXPECT_TRUE(cache.Find("d", 2));
  cache.Keep("e", 2, Signed("erik", 1));
  EXPECT_EQ(cache.Size(), 3u);
  cache.Keep("f", 2, Signed("fatima", 1));  // all at version 2: starts again
  EXPECT_EQ(cache.Size(), 1u);
  EXPECT_TRUE(cache.Find("f", 2));
  cache.Keep("f", 2, Signed("fatima", 5));  // replacing one never evicts
  EXPECT_EQ(cache.Size(), 1u);
}

}  // namespace
}  // namespace opennrm::app
