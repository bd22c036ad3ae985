#include "security/secure_buffer.hpp"

#include <sodium.h>

#include <utility>

#include "security/sodium_init.hpp"

namespace opennrm::security {

Result<SecureBuffer> SecureBuffer::Allocate(std::size_t size) {
  EnsureSodium();
  if (size == 0) return Internal("A secure buffer must hold at least one byte.");
  auto* p = static_cast<unsigned char*>(sodium_malloc(size));
  if (p == nullptr) {
    return Fail(ErrorCode::kUnavailable, "Could not allocate protected memory for key material.");
  }
  sodium_memzero(p, size);
  // sodium_malloc already tries to lock the pages; asking again tells us whether it worked.
  const bool locked = sodium_mlock(p, size) == 0;
  return SecureBuffer(p, size, locked);
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      locked_(std::exchange(other.locked_, false)) {}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept {
  if (this != &other) {
    Release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    locked_ = std::exchange(other.locked_, false);
  }
  return *this;
}

SecureBuffer::~SecureBuffer() { Release(); }

void SecureBuffer::MakeReadOnly() {
  if (data_ != nullptr) sodium_mprotect_readonly(data_);
}

void SecureBuffer::Release() {
  if (data_ == nullptr) return;
  sodium_mprotect_readwrite(data_);
  sodium_memzero(data_, size_);
  sodium_free(data_);  // also unlocks the pages
  data_ = nullptr;
  size_ = 0;
}

}  // namespace opennrm::security
