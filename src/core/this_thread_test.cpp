#include "core/this_thread.hpp"

#include <gtest/gtest.h>
#include <pthread.h>

#include <string>
#include <thread>

namespace opennrm::core {
namespace {

std::string NameOfThisThread() {
  char buf[32] = {};
  if (pthread_getname_np(pthread_self(), buf, sizeof buf) != 0) return "?";
  return buf;
}

// Names a new thread `name` and returns the name that thread then has.
std::string NameGotInNewThread(const char* name) {
  std::string inside;
  std::thread t([&] {
    NameThisThread(name);
    inside = NameOfThisThread();
  });
  t.join();
  return inside;
}

TEST(NameThisThreadTest, NamesTheCallingThreadOnly) {
  const std::string before = NameOfThisThread();
  EXPECT_EQ(NameGotInNewThread("opennrm-test"), "opennrm-test");
  EXPECT_EQ(NameOfThisThread(), before);
}

TEST(NameThisThreadTest, CutsLongNamesToFifteenCharacters) {
  EXPECT_EQ(NameGotInNewThread("opennrm-a-very-long-thread-name"), "opennrm-a-very-");
}

}  // namespace
}  // namespace opennrm::core
