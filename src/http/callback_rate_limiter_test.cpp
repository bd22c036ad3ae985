#include "http/callback_rate_limiter.hpp"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

FakeClock Start() { return FakeClock(FromEpochMicros(1'780'000'000'000'000LL)); }

TEST(CallbackRateLimiter, AdmitsNPerHourThenTellsWhenToRetry) {
  FakeClock clock = Start();
  CallbackRateLimiter limiter(clock, 3);
  EXPECT_EQ(limiter.Admit("192.0.2.1"), 0);
  clock.Advance(minutes(10));
  EXPECT_EQ(limiter.Admit("192.0.2.1"), 0);
  EXPECT_EQ(limiter.Admit("192.0.2.1"), 0);
  // The first request leaves the window 50 minutes from now.
  EXPECT_EQ(limiter.Admit("192.0.2.1"), 50 * 60);
  // A refused request is not counted: the wait does not grow.
  clock.Advance(minutes(49));
  EXPECT_EQ(limiter.Admit("192.0.2.1"), 60);
  clock.Advance(minutes(1));
  EXPECT_EQ(limiter.Admit("192.0.2.1"), 0);
  EXPECT_GT(limiter.Admit("192.0.2.1"), 0);
}

TEST(CallbackRateLimiter, AddressesAreCountedApart) {
  FakeClock clock = Start();
  CallbackRateLimiter limiter(clock, 1);
  EXPECT_EQ(limiter.Admit("192.0.2.1"), 0);
  EXPECT_GT(limiter.Admit("192.0.2.1"), 0);
  EXPECT_EQ(limiter.Admit("192.0.2.2"), 0);
  EXPECT_EQ(limiter.Admit("2001:db8::1"), 0);
}

TEST(CallbackRateLimiter, CountsAnIpv6NetworkAsOneAddress) {
  EXPECT_EQ(CallbackRateLimiter::KeyOf("192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(CallbackRateLimiter::KeyOf("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
  EXPECT_EQ(CallbackRateLimiter::KeyOf("::1"), "::/64");
  EXPECT_EQ(CallbackRateLimiter::KeyOf("not an address"), "not an address");
  FakeClock clock = Start();
  CallbackRateLimiter limiter(clock, 1);
  EXPECT_EQ(limiter.Admit("2001:db8:1:2::1"), 0);
  EXPECT_GT(limiter.Admit("2001:db8:1:2:ffff::9"), 0);  // the same /64
  EXPECT_EQ(limiter.Admit("2001:db8:1:3::1"), 0);       // another /64
}

TEST(CallbackRateLimiter, TheWindowSlides) {
  FakeClock clock = Start();
  CallbackRateLimiter limiter(clock, 2);
  EXPECT_EQ(limiter.Admit("a"), 0);
  clock.Advance(minutes(40));
  EXPECT_EQ(limiter.Admit("a"), 0);
  clock.Advance(minutes(21));  // the first is out, the second still in
  EXPECT_EQ(limiter.Admit("a"), 0);
  EXPECT_EQ(limiter.Admit("a"), 39 * 60);
  clock.Advance(hours(1));
  EXPECT_EQ(limiter.Admit("a"), 0);
  EXPECT_EQ(limiter.Admit("a"), 0);
}

TEST(CallbackRateLimiter, RetryAfterIsAtLeastOneSecond) {
  FakeClock clock = Start();
  CallbackRateLimiter limiter(clock, 1, seconds(10));
  EXPECT_EQ(limiter.Admit("a"), 0);
  clock.Advance(std::chrono::microseconds(9'999'999));
  EXPECT_EQ(limiter.Admit("a"), 1);
  clock.Advance(std::chrono::microseconds(1));
  EXPECT_EQ(limiter.Admit("a"), 0);
}

TEST(CallbackRateLimiter, MemoryIsBoundedAndTheLeastRecentAddressGoesFirst) {
  FakeClock clock = Start();
  CallbackRateLimiter limiter(clock, 1, hours(1), 3);
  EXPECT_EQ(limiter.Admit("a"), 0);
  EXPECT_EQ(limiter.Admit("b"), 0);
  EXPECT_EQ(limiter.Admit("c"), 0);
  EXPECT_GT(limiter.Admit("a"), 0);  // "a" is now the most recently seen
  EXPECT_EQ(limiter.Admit("d"), 0);  // evicts "b", seen longest ago
  EXPECT_EQ(limiter.Tracked(), 3u);
  EXPECT_GT(limiter.Admit("a"), 0);  // still tracked, still limited
  EXPECT_GT(limiter.Admit("c"), 0);
  EXPECT_EQ(limiter.Admit("b"), 0);  // forgotten: counted afresh (evicts "d")
  EXPECT_EQ(limiter.Tracked(), 3u);
  for (int i = 0; i < 1000; ++i) limiter.Admit("flood-" + std::to_string(i));
  EXPECT_EQ(limiter.Tracked(), 3u);
}

TEST(CallbackRateLimiter, IsSafeAcrossThreads) {
  FakeClock clock = Start();
  CallbackRateLimiter limiter(clock, 100, hours(1), 50);
  std::vector<std::thread> threads;
  std::atomic<int> admitted{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (limiter.Admit("shared") == 0) ++admitted;
        limiter.Admit("t" + std::to_string(i % 70));
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(admitted.load(), 100);
  EXPECT_LE(limiter.Tracked(), 50u);
}

}  // namespace
}  // namespace opennrm::http
