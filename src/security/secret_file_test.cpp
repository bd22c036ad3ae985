// Unit tests for reading and creating secret files (permissions, size, races).
#include "security/secret_file.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

#include "security/test_support.hpp"

namespace opennrm::security {
namespace {

using testing::AsString;
using testing::ModeOf;
using testing::TempDir;
using testing::WriteFile;

const std::string k32(32, 'k');

TEST(SecretFile, ReadsExactlySizedPrivateFile) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  WriteFile(path, k32, 0600);
  auto secret = ReadSecretFile(path, 32);
  ASSERT_TRUE(secret) << secret.error().message;
  EXPECT_EQ(AsString(secret->bytes()), k32);
}

TEST(SecretFile, AcceptsReadOnlyOwnerMode) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  WriteFile(path, k32, 0400);
  EXPECT_TRUE(ReadSecretFile(path, 32));
}

TEST(SecretFile, RefusesAnyGroupOrOtherPermissionAndNamesThePath) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  for (mode_t mode : {0644, 0640, 0604, 0620, 0602, 0610, 0601}) {
    WriteFile(path, k32, mode);
    auto secret = ReadSecretFile(path, 32);
    ASSERT_FALSE(secret) << std::oct << mode;
    EXPECT_EQ(secret.error().code, ErrorCode::kInvalid);
    EXPECT_NE(secret.error().message.find(path.string()), std::string::npos);
    EXPECT_NE(secret.error().message.find("chmod 600"), std::string::npos);
  }
}

TEST(SecretFile, RefusesWrongSizeWithoutShowingContents) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  for (std::size_t size : {0u, 31u, 33u, 44u}) {
    const std::string content(size, 'Q');
    WriteFile(path, content, 0600);
    auto secret = ReadSecretFile(path, 32);
    ASSERT_FALSE(secret) << size;
    EXPECT_EQ(secret.error().code, ErrorCode::kInvalid);
    EXPECT_NE(secret.error().message.find(path.string()), std::string::npos);
    EXPECT_NE(secret.error().message.find("exactly 32"), std::string::npos);
    EXPECT_EQ(secret.error().message.find("QQQ"), std::string::npos);
  }
}

TEST(SecretFile, MissingFileIsNotFound) {
  TempDir dir;
  auto secret = ReadSecretFile(dir.path() / "absent.key", 32);
  ASSERT_FALSE(secret);
  EXPECT_EQ(secret.error().code, ErrorCode::kNotFound);
  EXPECT_NE(secret.error().message.find("absent.key"), std::string::npos);
}

TEST(SecretFile, DirectoryIsNotAKeyFile) {
  TempDir dir;
  ::chmod(dir.path().c_str(), 0700);
  auto secret = ReadSecretFile(dir.path(), 32);
  ASSERT_FALSE(secret);
  EXPECT_EQ(secret.error().code, ErrorCode::kInvalid);
}

TEST(SecretFile, FifoIsRefusedWithoutBlocking) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  auto secret = ReadSecretFile(path, 32);  // would hang here if open() waited for a writer
  ASSERT_FALSE(secret);
  EXPECT_EQ(secret.error().code, ErrorCode::kInvalid);
}

TEST(SecretFile, FollowsSymlinkAndChecksItsTarget) {
  TempDir dir;
  const auto target = dir.path() / "target.key";
  const auto link = dir.path() / "link.key";
  WriteFile(target, k32, 0600);
  std::filesystem::create_symlink(target, link);
  EXPECT_TRUE(ReadSecretFile(link, 32));
  ::chmod(target.c_str(), 0644);
  EXPECT_FALSE(ReadSecretFile(link, 32));
}

TEST(SecretFile, LoadOrCreateMakesPrivateRandomFileOnceThenLoadsIt) {
  TempDir dir;
  const auto path = dir.path() / "audit-signing.seed";
  auto first = LoadOrCreateSecretFile(path, 32);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->created);
  EXPECT_EQ(ModeOf(path) & 077, 0u);
  EXPECT_EQ(std::filesystem::file_size(path), 32u);
  EXPECT_NE(AsString(first->bytes.bytes()), std::string(32, '\0'));

  auto second = LoadOrCreateSecretFile(path, 32);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_FALSE(second->created);
  EXPECT_EQ(AsString(second->bytes.bytes()), AsString(first->bytes.bytes()));
}

TEST(SecretFile, LoadOrCreateDoesNotOverwriteABadFile) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  WriteFile(path, "short", 0600);
  auto loaded = LoadOrCreateSecretFile(path, 32);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(std::filesystem::file_size(path), 5u);
}

TEST(SecretFile, ConcurrentCreatorsAllGetTheSameSecretAndLeaveNoTemporaries) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  constexpr int kThreads = 8;
  std::vector<std::string> seen(kThreads);
  std::vector<int> created(kThreads, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto loaded = LoadOrCreateSecretFile(path, 32);
      if (loaded) {
        seen[i] = AsString(loaded->bytes.bytes());
        created[i] = loaded->created ? 1 : 0;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 1u);
  EXPECT_EQ(seen[0].size(), 32u);
  int creators = 0;
  for (int c : created) creators += c;
  EXPECT_EQ(creators, 1);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(SecretFile, LoadOrCreateNeedsAnExistingDirectory) {
  TempDir dir;
  auto loaded = LoadOrCreateSecretFile(dir.path() / "missing" / "master.key", 32);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace opennrm::security
