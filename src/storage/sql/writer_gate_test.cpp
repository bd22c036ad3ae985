#include "storage/sql/writer_gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace opennrm::storage::sql {
namespace {

using namespace std::chrono_literals;

TEST(WriterGate, OneHolderAtATime) {
  WriterGate gate;
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        ASSERT_TRUE(gate.Enter(5s));
        int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        --inside;
        gate.Leave();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(most.load(), 1);
}

TEST(WriterGate, AWaiterTimesOutAndTheLineGoesOnWithoutIt) {
  WriterGate gate;
  ASSERT_TRUE(gate.Enter(1s));
  EXPECT_FALSE(gate.Enter(10ms));  // held: the second waiter gives up
  EXPECT_EQ(gate.InLine(), 1u);
  gate.Leave();
  // The abandoned place is skipped: the next arrival gets in at once.
  EXPECT_TRUE(gate.Enter(10ms));
  gate.Leave();
}

TEST(WriterGate, WritersGoThroughInTheOrderTheyCame) {
  WriterGate gate;
  ASSERT_TRUE(gate.Enter(1s));
  std::mutex mu;
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    // Thread t gets in line once the holder and the t threads before it are in line.
    while (gate.InLine() != static_cast<uint64_t>(t + 1)) std::this_thread::yield();
    threads.emplace_back([&, t] {
      ASSERT_TRUE(gate.Enter(10s));
      {
        std::lock_guard lock(mu);
        order.push_back(t);
      }
      gate.Leave();
    });
  }
  while (gate.InLine() != 5) std::this_thread::yield();
  // The holder leaves and at once asks again: it goes to the back of the line.
  gate.Leave();
  ASSERT_TRUE(gate.Enter(10s));
  {
    std::lock_guard lock(mu);
    order.push_back(99);
  }
  gate.Leave();
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 99}));
  EXPECT_EQ(gate.InLine(), 0u);
}

}  // namespace
}  // namespace opennrm::storage::sql
