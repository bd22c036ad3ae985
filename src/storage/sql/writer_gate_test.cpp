#include "storage/sql/writer_gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
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

TEST(WriterGate, BackgroundWritersWaitWhileForegroundOnesWait) {
  WriterGate gate(10s);  // no aging within the test
  ASSERT_TRUE(gate.Enter(1s));
  std::mutex mu;
  std::vector<std::string> order;
  auto writer = [&](std::string name, WriterClass kind) {
    return std::thread([&, name, kind] {
      ASSERT_TRUE(gate.Enter(10s, kind));
      {
        std::lock_guard lock(mu);
        order.push_back(name);
      }
      gate.Leave();
    });
  };
  std::vector<std::thread> threads;
  threads.push_back(writer("sequencer", WriterClass::kBackground));
  while (gate.InLine() != 2) std::this_thread::yield();
  threads.push_back(writer("request 1", WriterClass::kForeground));
  while (gate.InLine() != 3) std::this_thread::yield();
  threads.push_back(writer("request 2", WriterClass::kForeground));
  while (gate.InLine() != 4) std::this_thread::yield();
  gate.Leave();
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<std::string>{"request 1", "request 2", "sequencer"}));
}

TEST(WriterGate, ABackgroundWriterThatWaitedLongEnoughGoesNext) {
  WriterGate gate(20ms);
  ASSERT_TRUE(gate.Enter(1s));
  std::mutex mu;
  std::vector<std::string> order;
  std::thread background([&] {
    ASSERT_TRUE(gate.Enter(10s, WriterClass::kBackground));
    std::lock_guard lock(mu);
    order.push_back("sequencer");
    gate.Leave();
  });
  while (gate.InLine() != 2) std::this_thread::yield();
  std::thread foreground([&] {
    ASSERT_TRUE(gate.Enter(10s));
    std::lock_guard lock(mu);
    order.push_back("request");
    gate.Leave();
  });
  while (gate.InLine() != 3) std::this_thread::yield();
  std::this_thread::sleep_for(30ms);  // the background writer has now waited over 20 ms
  gate.Leave();
  background.join();
  foreground.join();
  EXPECT_EQ(order, (std::vector<std::string>{"sequencer", "request"}));
}

TEST(WriterGate, ABackgroundWriterTimesOutWithoutBlockingTheLine) {
  WriterGate gate;
  ASSERT_TRUE(gate.Enter(1s));
  EXPECT_FALSE(gate.Enter(10ms, WriterClass::kBackground));
  EXPECT_EQ(gate.InLine(), 1u);
  gate.Leave();
  EXPECT_TRUE(gate.Enter(10ms, WriterClass::kBackground));
  gate.Leave();
  EXPECT_EQ(gate.InLine(), 0u);
}

}  // namespace
}  // namespace opennrm::storage::sql
