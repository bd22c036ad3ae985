// Leases: exactly one holder at a time, on SQLite and PostgreSQL alike.
#include <atomic>
#include <thread>

#include "storage_fixture.hpp"

namespace opennrm::testing {
namespace {

class LeaseContract : public StorageTest {
 protected:
  bool Acquire(const std::string& holder, long long now, long long until) {
    auto uow = db_->Begin(ports::Access::kWrite);
    EXPECT_TRUE(uow.has_value());
    auto held = (*uow)->leases().TryAcquire("scheduler", holder, now, until);
    EXPECT_TRUE(held.has_value()) << held.error().message;
    EXPECT_TRUE((*uow)->Commit().has_value());
    return held.value_or(false);
  }
};

TEST_F(LeaseContract, OneHolderUntilExpiryOrRelease) {
  EXPECT_TRUE(Acquire("server-a", 1000, 2000));
  EXPECT_FALSE(Acquire("server-b", 1500, 2500)) << "held by a until 2000";
  EXPECT_TRUE(Acquire("server-a", 1900, 2900)) << "the holder renews";
  EXPECT_FALSE(Acquire("server-b", 2899, 3899));
  EXPECT_TRUE(Acquire("server-b", 2900, 3900)) << "expired: another server takes over";
  EXPECT_FALSE(Acquire("server-a", 3000, 4000)) << "the old holder has lost it";
  {
    auto uow = db_->Begin(ports::Access::kWrite).value();
    ASSERT_TRUE(uow->leases().Release("scheduler", "server-a").has_value());  // not a's: no effect
    ASSERT_TRUE(uow->Commit().has_value());
  }
  EXPECT_FALSE(Acquire("server-a", 3100, 4100));
  {
    auto uow = db_->Begin(ports::Access::kWrite).value();
    ASSERT_TRUE(uow->leases().Release("scheduler", "server-b").has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  EXPECT_TRUE(Acquire("server-a", 3200, 4200)) << "released: free for anyone";
}

TEST_F(LeaseContract, RacingServersNeverBothHoldIt) {
  for (int round = 0; round < 20; ++round) {
    long long now = 10'000 + round * 1000;  // the previous round's lease has expired
    std::atomic<int> winners{0};
    std::vector<std::thread> servers;
    for (int s = 0; s < 4; ++s) {
      servers.emplace_back([&, s] {
        auto uow = db_->Begin(ports::Access::kWrite);
        if (!uow) return;
        auto held = (*uow)->leases().TryAcquire(
            "sequencer", "server-" + std::to_string(round) + "-" + std::to_string(s), now,
            now + 500);
        if (held && *held && (*uow)->Commit()) ++winners;
      });
    }
    for (auto& t : servers) t.join();
    EXPECT_EQ(winners.load(), 1) << "round " << round;
  }
}

}  // namespace
}  // namespace opennrm::testing
