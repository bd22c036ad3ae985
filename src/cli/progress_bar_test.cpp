#include "cli/progress_bar.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <thread>
#include <vector>

namespace opennrm::cli {
namespace {

TEST(ProgressBar, RendersDoneTotalPercentageRateAndTimeLeft) {
  std::string line = RenderProgress(250, 1000, 2.0, "cases", 10);
  EXPECT_EQ(line, "[==>       ] 250/1000  25%  125 cases/s  6.0s left");
  EXPECT_EQ(RenderProgress(1000, 1000, 4.0, "cases", 4),
            "[====] 1000/1000 100%  250 cases/s  0.0s left");
  EXPECT_EQ(RenderProgress(0, 10, 0.0, "cases", 4), "[>   ] 0/10   0%  0 cases/s  ? left");
}

TEST(ProgressBar, FormatsDurations) {
  EXPECT_EQ(FormatDuration(12.34), "12.3s");
  EXPECT_EQ(FormatDuration(65), "1m05s");
  EXPECT_EQ(FormatDuration(7380), "2h03m");
  EXPECT_EQ(FormatDuration(-1), "?");
}

TEST(ProgressBar, DrawsNothingOnAStreamThatIsNotATerminal) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  EXPECT_FALSE(ProgressBar::IsTerminal(file));
  {
    ProgressBar bar(file, 100, "cases", ProgressBar::IsTerminal(file));
    for (int i = 0; i < 100; ++i) bar.Advance();
    bar.Finish();
    EXPECT_EQ(bar.done(), 100u);
  }
  EXPECT_EQ(std::ftell(file), 0L);
  std::fclose(file);
}

TEST(ProgressBar, CountsFromSeveralThreadsAndErasesItsLineWhenDone) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  ProgressBar bar(file, 4000, "cases", true);  // forced on: draws into the file
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) bar.Advance();
    });
  }
  for (auto& t : threads) t.join();
  bar.Finish();
  bar.Finish();
  EXPECT_EQ(bar.done(), 4000u);
  std::fflush(file);
  long size = std::ftell(file);
  ASSERT_GT(size, 0L);
  std::rewind(file);
  std::string text(static_cast<std::size_t>(size), '\0');
  ASSERT_EQ(std::fread(text.data(), 1, text.size(), file), text.size());
  std::fclose(file);
  EXPECT_NE(text.find("4000/4000 100%"), std::string::npos) << "the last count is drawn";
  EXPECT_EQ(text.substr(text.size() - 4), "\r\x1b[K") << "the line is erased at the end";
}

}  // namespace
}  // namespace opennrm::cli
