#include "storage/sql/pool.hpp"

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::storage::sql {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<Pool> OpenPool(int size, std::chrono::milliseconds timeout) {
  auto pool =
      Pool::Open([] { return sqlite::Connect(sqlite::Options{":memory:"}); }, size, timeout);
  EXPECT_TRUE(pool.has_value()) << pool.error().message;
  return pool ? std::move(*pool) : nullptr;
}

TEST(Pool, AcquireWaitsUpToItsTimeout) {
  auto pool = OpenPool(1, 20ms);
  ASSERT_TRUE(pool);
  auto held = pool->Acquire();
  ASSERT_TRUE(held.has_value());
  auto late = pool->Acquire();
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(pool->State().timeouts_total, 1);
}

}  // namespace
}  // namespace opennrm::storage::sql
