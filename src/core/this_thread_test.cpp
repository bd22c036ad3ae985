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

TEST(NameThisThreadTest, NamesTheCallingThreadOnly) {
  const std::string before = NameOfThisThread();
  std::string inside;
  std::thread t([&] {
    NameThisThread("opennrm-test");
    inside = NameOfThisThread();
  });
  t.join();
  EXPECT_EQ(inside, "opennrm-test");
  EXPECT_EQ(NameOfThisThread(), before);
}

TEST(NameThisThreadTest, CutsLongNamesToFifteenCharacters) {
  std::string inside;
  std::thread t([&] {
    NameThisThread("opennrm-a-very-long-thread-name");
    inside = NameOfThisThread();
  });
  t.join();
  EXPECT_EQ(inside, "opennrm-a-very-");
}

}  // namespace
}  // namespace opennrm::core
