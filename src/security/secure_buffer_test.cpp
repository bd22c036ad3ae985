// Unit tests for SecureBuffer: zeroed allocation, move-only ownership, read-only protection.
#include "security/secure_buffer.hpp"

#include <gtest/gtest.h>

#include <type_traits>

namespace opennrm::security {
namespace {

TEST(SecureBuffer, StartsZeroedAndKeepsItsSize) {
  auto buffer = SecureBuffer::Allocate(48);
  ASSERT_TRUE(buffer) << buffer.error().message;
  ASSERT_EQ(buffer->size(), 48u);
  for (unsigned char b : buffer->bytes()) EXPECT_EQ(b, 0);
}

TEST(SecureBuffer, MoveTransfersOwnership) {
  auto buffer = SecureBuffer::Allocate(32);
  ASSERT_TRUE(buffer);
  buffer->data()[0] = 42;
  const unsigned char* where = buffer->data();
  SecureBuffer moved = std::move(*buffer);
  EXPECT_EQ(moved.data(), where);
  EXPECT_EQ(moved.data()[0], 42);
  EXPECT_EQ(buffer->data(), nullptr);  // NOLINT(bugprone-use-after-move): checking the move
  EXPECT_EQ(buffer->size(), 0u);
  auto other = SecureBuffer::Allocate(16);
  ASSERT_TRUE(other);
  moved = std::move(*other);
  EXPECT_EQ(moved.size(), 16u);
  static_assert(!std::is_copy_constructible_v<SecureBuffer>);
}

TEST(SecureBuffer, ReadOnlyBufferCanStillBeRead) {
  auto buffer = SecureBuffer::Allocate(32);
  ASSERT_TRUE(buffer);
  buffer->data()[5] = 7;
  buffer->MakeReadOnly();
  EXPECT_EQ(buffer->bytes()[5], 7);
}

TEST(SecureBuffer, ZeroSizeIsRefused) { EXPECT_FALSE(SecureBuffer::Allocate(0)); }

}  // namespace
}  // namespace opennrm::security
