#include "app/audit/answer_hold.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace opennrm::app::audit {
namespace {

Status Down() { return Fail(ErrorCode::kUnavailable, "down"); }

TEST(AnswerHold, NothingExpectedSendsAtRelease) {
  auto hold = std::make_shared<AnswerHold>();
  int sent = 0;
  hold->Release([&](const Status& st) {
    EXPECT_TRUE(st.has_value());
    ++sent;
  });
  EXPECT_EQ(sent, 1);
}

TEST(AnswerHold, ReleasedFirstSendsWhenTheLastCompletionArrives) {
  auto hold = std::make_shared<AnswerHold>();
  auto first = hold->Expect();
  auto second = hold->Expect();
  int sent = 0;
  hold->Release([&](const Status& st) {
    EXPECT_TRUE(st.has_value());
    ++sent;
  });
  EXPECT_EQ(sent, 0) << "events are not durable yet";
  first(Status{});
  EXPECT_EQ(sent, 0);
  second(Status{});
  EXPECT_EQ(sent, 1);
}

TEST(AnswerHold, CompletedFirstSendsAtRelease) {
  auto hold = std::make_shared<AnswerHold>();
  hold->Expect()(Status{});
  int sent = 0;
  hold->Release([&](const Status&) { ++sent; });
  EXPECT_EQ(sent, 1);
}

TEST(AnswerHold, OneFailedBatchMakesTheAnswerFail) {
  auto hold = std::make_shared<AnswerHold>();
  auto ok = hold->Expect();
  auto failed = hold->Expect();
  std::optional<Status> outcome;
  hold->Release([&](const Status& st) { outcome = st; });
  failed(Down());
  ok(Status{});
  ASSERT_TRUE(outcome.has_value());
  ASSERT_FALSE(outcome->has_value()) << "no audit, no answer";
  EXPECT_EQ(outcome->error().code, ErrorCode::kUnavailable);
}

TEST(AnswerHold, TheCompletionKeepsTheHoldAlive) {
  std::function<void(const Status&)> completion;
  int sent = 0;
  {
    auto hold = std::make_shared<AnswerHold>();
    completion = hold->Expect();
    hold->Release([&](const Status&) { ++sent; });
  }
  completion(Status{});
  EXPECT_EQ(sent, 1);
}

TEST(AnswerHold, CompletionsFromManyThreadsSendExactlyOnce) {
  for (int round = 0; round < 50; ++round) {
    auto hold = std::make_shared<AnswerHold>();
    std::vector<std::function<void(const Status&)>> completions;
    for (int i = 0; i < 8; ++i) completions.push_back(hold->Expect());
    std::atomic<int> sent{0};
    std::vector<std::thread> threads;
    for (auto& c : completions) threads.emplace_back([c] { c(Status{}); });
    hold->Release([&](const Status&) { ++sent; });
    for (auto& t : threads) t.join();
    EXPECT_EQ(sent.load(), 1);
  }
}

TEST(AnswerHold, TheScopeSetsAndRestoresThisThreadsHold) {
  EXPECT_EQ(CurrentAnswerHold(), nullptr);
  auto outer = std::make_shared<AnswerHold>();
  {
    ScopedAnswerHold a(outer);
    EXPECT_EQ(CurrentAnswerHold(), outer);
    auto inner = std::make_shared<AnswerHold>();
    {
      ScopedAnswerHold b(inner);
      EXPECT_EQ(CurrentAnswerHold(), inner);
      std::thread([] { EXPECT_EQ(CurrentAnswerHold(), nullptr) << "per thread"; }).join();
    }
    EXPECT_EQ(CurrentAnswerHold(), outer);
  }
  EXPECT_EQ(CurrentAnswerHold(), nullptr);
}

}  // namespace
}  // namespace opennrm::app::audit
