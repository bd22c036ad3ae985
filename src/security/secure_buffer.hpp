// A fixed-size block of secret bytes (keys, seeds) kept out of ordinary heap memory.
//
// The bytes live in sodium_malloc'ed memory: guard pages on both sides, locked against swapping
// (best effort: locked() says whether it worked), excluded from core dumps where the platform
// allows, and zeroed with sodium_memzero before release. Move-only, so a secret is never copied by
// accident. Not thread-safe for writes; once filled and made read-only, concurrent reads are safe.
#pragma once

#include <cstddef>
#include <span>

#include "core/error.hpp"

namespace opennrm::security {

class SecureBuffer {
 public:
  // A zero-filled buffer of `size` bytes. kUnavailable if secure memory cannot be had.
  // REQUIRES: size > 0.
  static Result<SecureBuffer> Allocate(std::size_t size);

  SecureBuffer(SecureBuffer&& other) noexcept;
  SecureBuffer& operator=(SecureBuffer&& other) noexcept;
  SecureBuffer(const SecureBuffer&) = delete;
  SecureBuffer& operator=(const SecureBuffer&) = delete;
  ~SecureBuffer();

  // REQUIRES: not made read-only.
  unsigned char* data() { return data_; }
  const unsigned char* data() const { return data_; }
  std::size_t size() const { return size_; }
  std::span<const unsigned char> bytes() const { return {data_, size_}; }

  // Whether the pages are locked in RAM (mlock may fail under a low RLIMIT_MEMLOCK).
  bool locked() const { return locked_; }

  // Makes the bytes read-only: a stray write then crashes instead of corrupting a key.
  void MakeReadOnly();

 private:
  SecureBuffer(unsigned char* data, std::size_t size, bool locked)
      : data_(data), size_(size), locked_(locked) {}
  void Release();

  unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
  bool locked_ = false;
};

}  // namespace opennrm::security
