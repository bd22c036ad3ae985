#include "storage/sqlite/checkpointer.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::storage::sqlite {
namespace {

using namespace std::chrono_literals;

class CheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("opennrm-checkpointer-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `commits` transactions of one 4 KiB row each: about a page of log per commit.
  static void Write(sql::Connection& conn, int commits) {
    for (int i = 0; i < commits; ++i) {
      ASSERT_TRUE(conn.Execute("INSERT INTO t (x) VALUES ($1)", {std::string(4000, 'a' + i % 26)}));
    }
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(CheckpointerTest, CopiesTheLogIntoTheDatabaseWhenItGrowsPastTheBound) {
  {
    auto first = Connect({path_});
    ASSERT_TRUE(first);
    ASSERT_TRUE((*first)->Exec("CREATE TABLE t (x TEXT)"));
  }
  auto checkpointer = Checkpointer::Start(path_, /*pages=*/100, /*period=*/1h);
  ASSERT_TRUE(checkpointer) << checkpointer.error().message;
  Options o{path_};
  o.checkpointer = checkpointer->get();
  auto conn = Connect(o);
  ASSERT_TRUE(conn);
  EXPECT_EQ((*checkpointer)->Stats().checkpoints, 0);
  Write(**conn, 10);  // under the bound: no notice, and the period is an hour
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ((*checkpointer)->Stats().checkpoints, 0);

  Write(**conn, 60);
  for (int i = 0; i < 500 && (*checkpointer)->Stats().last_copied_pages == 0; ++i) {
    std::this_thread::sleep_for(10ms);
  }
  auto stats = (*checkpointer)->Stats();
  EXPECT_GE(stats.checkpoints, 1);
  EXPECT_EQ(stats.failures, 0) << sqlite3_errstr(stats.last_failure) << " (" << stats.last_failure
                               << ")";
  EXPECT_GT(stats.last_copied_pages, 0);
  EXPECT_LE(stats.last_copied_pages, stats.last_log_pages);
}

TEST_F(CheckpointerTest, AConnectionWithACheckpointerNeverCheckpointsByItself) {
  {
    auto first = Connect({path_});
    ASSERT_TRUE(first);
    ASSERT_TRUE((*first)->Exec("CREATE TABLE t (x TEXT)"));
  }
  auto checkpointer = Checkpointer::Start(path_, /*pages=*/1'000'000, /*period=*/1h);
  ASSERT_TRUE(checkpointer);
  Options o{path_};
  o.checkpointer = checkpointer->get();
  auto conn = Connect(o);
  ASSERT_TRUE(conn);
  // Past SQLite's own automatic bound (1,000 pages): the log keeps every page, because only
  // the checkpointer copies, and its bound is not reached.
  Write(**conn, 1100);
  const auto wal = std::filesystem::file_size(path_ + "-wal");
  EXPECT_GT(wal, 1100u * 4096u);
  EXPECT_EQ((*checkpointer)->Stats().checkpoints, 0);
}

TEST_F(CheckpointerTest, StopRunsALastCheckpointAndIsIdempotent) {
  {
    auto first = Connect({path_});
    ASSERT_TRUE(first);
    ASSERT_TRUE((*first)->Exec("CREATE TABLE t (x TEXT)"));
  }
  auto checkpointer = Checkpointer::Start(path_, /*pages=*/1'000'000, /*period=*/1h);
  ASSERT_TRUE(checkpointer);
  Options o{path_};
  o.checkpointer = checkpointer->get();
  auto conn = Connect(o);
  ASSERT_TRUE(conn);
  Write(**conn, 5);
  (*checkpointer)->Stop();
  (*checkpointer)->Stop();
  auto stats = (*checkpointer)->Stats();
  EXPECT_EQ(stats.checkpoints, 1);
  EXPECT_GT(stats.last_copied_pages, 0);
}

}  // namespace
}  // namespace opennrm::storage::sqlite
