// Unit tests for InMemoryFieldCipher: per-organisation keys, rotation, concurrent use.
#include "security/in_memory_field_cipher.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "security/field_sealer.hpp"

namespace opennrm::security {
namespace {

const ports::FieldLocation kAnna{"org-a", "persons", "full_name", "rec-1"};

DataKey NewKey() { return std::move(*DataKey::Generate()); }

TEST(InMemoryFieldCipher, SealsUnderCurrentKeyAndOpens) {
  InMemoryFieldCipher cipher;
  ASSERT_TRUE(cipher.AddKey("org-a", 1, NewKey()));
  auto sealed = cipher.Seal(kAnna, "Anna Andersson");
  ASSERT_TRUE(sealed) << sealed.error().message;
  EXPECT_EQ(*KeyVersionOf(*sealed), 1u);
  auto opened = cipher.Open(kAnna, *sealed);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(*opened, "Anna Andersson");
}

TEST(InMemoryFieldCipher, OldVersionStillOpensAfterRotation) {
  InMemoryFieldCipher cipher;
  ASSERT_TRUE(cipher.AddKey("org-a", 1, NewKey()));
  auto old_value = cipher.Seal(kAnna, "before rotation");
  ASSERT_TRUE(old_value);
  ASSERT_TRUE(cipher.AddKey("org-a", 2, NewKey()));
  EXPECT_EQ(cipher.CurrentVersion("org-a"), 2u);
  auto new_value = cipher.Seal(kAnna, "after rotation");
  ASSERT_TRUE(new_value);
  EXPECT_EQ(*KeyVersionOf(*new_value), 2u);
  EXPECT_EQ(*cipher.Open(kAnna, *old_value), "before rotation");
  EXPECT_EQ(*cipher.Open(kAnna, *new_value), "after rotation");
}

TEST(InMemoryFieldCipher, NonCurrentKeyDoesNotChangeCurrent) {
  InMemoryFieldCipher cipher;
  ASSERT_TRUE(cipher.AddKey("org-a", 5, NewKey()));
  ASSERT_TRUE(cipher.AddKey("org-a", 4, NewKey(), /*make_current=*/false));
  EXPECT_EQ(cipher.CurrentVersion("org-a"), 5u);
}

TEST(InMemoryFieldCipher, VersionCannotBeReplaced) {
  InMemoryFieldCipher cipher;
  ASSERT_TRUE(cipher.AddKey("org-a", 1, NewKey()));
  auto again = cipher.AddKey("org-a", 1, NewKey());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(cipher.AddKey("", 1, NewKey()));
}

TEST(InMemoryFieldCipher, OrganisationWithoutKeysCannotSealOrOpen) {
  InMemoryFieldCipher cipher;
  auto sealed = cipher.Seal(kAnna, "x");
  ASSERT_FALSE(sealed);
  EXPECT_EQ(sealed.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(cipher.CurrentVersion("org-a"));
}

TEST(InMemoryFieldCipher, AnotherOrganisationCannotOpenEvenWithSameVersion) {
  InMemoryFieldCipher cipher;
  ASSERT_TRUE(cipher.AddKey("org-a", 1, NewKey()));
  ASSERT_TRUE(cipher.AddKey("org-b", 1, NewKey()));
  auto sealed = cipher.Seal(kAnna, "Anna");
  ASSERT_TRUE(sealed);
  ports::FieldLocation elsewhere = kAnna;
  elsewhere.organisation_id = "org-b";
  auto opened = cipher.Open(elsewhere, *sealed);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kInvalid);
}

TEST(InMemoryFieldCipher, UnknownKeyVersionIsInvalid) {
  InMemoryFieldCipher cipher;
  ASSERT_TRUE(cipher.AddKey("org-a", 1, NewKey()));
  auto stranger = NewKey();
  auto sealed = Seal(stranger, 9, kAnna, "x");
  ASSERT_TRUE(sealed);
  auto opened = cipher.Open(kAnna, *sealed);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kInvalid);
  EXPECT_FALSE(cipher.Open(kAnna, "short"));
}

TEST(InMemoryFieldCipher, ConcurrentUseDuringRotation) {
  InMemoryFieldCipher cipher;
  ASSERT_TRUE(cipher.AddKey("org-a", 0, NewKey()));
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        auto sealed = cipher.Seal(kAnna, "value");
        auto opened = sealed ? cipher.Open(kAnna, *sealed) : Result<std::string>("");
        if (!sealed || !opened || *opened != "value") failures.fetch_add(1);
      }
    });
  }
  for (uint32_t v = 1; v <= 20; ++v) EXPECT_TRUE(cipher.AddKey("org-a", v, NewKey()));
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(cipher.CurrentVersion("org-a"), 20u);
}

}  // namespace
}  // namespace opennrm::security
