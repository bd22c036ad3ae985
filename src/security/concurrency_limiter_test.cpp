// Unit tests for ConcurrencyLimiter: the slot bound, bounded waiting and turning callers away.
#include "security/concurrency_limiter.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

namespace opennrm::security {
namespace {

using namespace std::chrono_literals;

// Waits for `condition`, giving up after 10 s so that a broken limiter fails instead of hanging.
bool WaitUntil(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

TEST(ConcurrencyLimiter, GrantsUpToTheLimitAndReleasesOnDestruction) {
  ConcurrencyLimiter limiter({.max_concurrent = 2, .max_waiting = 0, .max_wait = 0ms});
  {
    auto a = limiter.Acquire();
    auto b = limiter.Acquire();
    ASSERT_TRUE(a && b);
    EXPECT_EQ(limiter.active(), 2u);
    auto c = limiter.Acquire();
    ASSERT_FALSE(c);
    EXPECT_EQ(c.error().code, ErrorCode::kUnavailable);
  }
  EXPECT_EQ(limiter.active(), 0u);
  EXPECT_TRUE(limiter.Acquire());
  EXPECT_EQ(limiter.high_water(), 2u);
}

TEST(ConcurrencyLimiter, WaiterGetsTheSlotWhenOneIsReleased) {
  ConcurrencyLimiter limiter({.max_concurrent = 1, .max_waiting = 1, .max_wait = 60s});
  std::optional<Result<ConcurrencyLimiter::Permit>> held(limiter.Acquire());
  ASSERT_TRUE(*held);
  std::atomic<bool> got{false};
  std::thread waiter([&] {
    auto permit = limiter.Acquire();
    got = static_cast<bool>(permit);
  });
  EXPECT_TRUE(WaitUntil([&] { return limiter.waiting() == 1; }));
  EXPECT_FALSE(got.load());
  held.reset();
  waiter.join();
  EXPECT_TRUE(got.load());
  EXPECT_EQ(limiter.waiting(), 0u);
}

TEST(ConcurrencyLimiter, WaiterGivesUpAfterMaxWait) {
  ConcurrencyLimiter limiter({.max_concurrent = 1, .max_waiting = 4, .max_wait = 50ms});
  auto held = limiter.Acquire();
  ASSERT_TRUE(held);
  const auto start = std::chrono::steady_clock::now();
  auto late = limiter.Acquire();
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kUnavailable);
  EXPECT_GE(waited, 50ms);
  EXPECT_EQ(limiter.waiting(), 0u);
}

TEST(ConcurrencyLimiter, FullWaitQueueTurnsCallersAwayAtOnce) {
  ConcurrencyLimiter limiter({.max_concurrent = 1, .max_waiting = 1, .max_wait = 20s});
  std::optional<Result<ConcurrencyLimiter::Permit>> held(limiter.Acquire());
  ASSERT_TRUE(*held);
  std::thread waiter([&] { auto permit = limiter.Acquire(); });
  EXPECT_TRUE(WaitUntil([&] { return limiter.waiting() == 1; }));
  const auto start = std::chrono::steady_clock::now();
  auto rejected = limiter.Acquire();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_FALSE(rejected);  // no ASSERT: the waiter thread must be joined whatever happens
  if (!rejected) {
    EXPECT_EQ(rejected.error().code, ErrorCode::kUnavailable);
  }
  held.reset();
  waiter.join();
}

TEST(ConcurrencyLimiter, NeverExceedsTheLimitUnderContention) {
  ConcurrencyLimiter limiter({.max_concurrent = 3, .max_waiting = 100, .max_wait = 60s});
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        auto permit = limiter.Acquire();
        if (!permit) {
          refused.fetch_add(1);
          continue;
        }
        const int now = inside.fetch_add(1) + 1;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::yield();
        inside.fetch_sub(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(refused.load(), 0);
  EXPECT_LE(most.load(), 3);
  EXPECT_LE(limiter.high_water(), 3u);
  EXPECT_GE(limiter.high_water(), 1u);
}

}  // namespace
}  // namespace opennrm::security
