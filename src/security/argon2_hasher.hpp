// ports::PasswordHasher with Argon2id (libsodium crypto_pwhash, ARGON2ID13).
//
// Each hash or verification takes about `memlimit` bytes (64 MiB by default) and ~150 ms of CPU,
// so a ConcurrencyLimiter lets at most `max_concurrent` run at once (2 × 64 MiB = 128 MiB by
// default); callers beyond that wait up to `max_wait`, at most `max_waiting` of them, and
// otherwise get kUnavailable. (A stored hash made before memlimit was lowered may take up to
// max_stored_memlimit until NeedsRehash has it replaced.) The work runs on the calling thread:
// callers on request threads should hand it to a blocking-work pool so that a wait never starves
// request handling.
//
// Passwords are taken as bytes (NUL bytes included). Unicode normalisation is the caller's job.
//
// Thread-safe.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "ports/password_hasher.hpp"
#include "security/concurrency_limiter.hpp"

namespace opennrm::security {

struct Argon2Params {
  unsigned long long opslimit = 3;
  std::size_t memlimit = std::size_t{64} << 20;  // bytes
  ConcurrencyLimits limits;
  // Ceilings for verifying stored hashes, which name their own cost. Above them Verify refuses
  // (an edited row could ask for gigabytes); below them, hashes made before opslimit or memlimit
  // were lowered still verify and NeedsRehash then flags them. REQUIRES: >= opslimit/memlimit.
  unsigned long long max_stored_opslimit = 10;
  std::size_t max_stored_memlimit = std::size_t{256} << 20;  // bytes
};

class Argon2Hasher final : public ports::PasswordHasher {
 public:
  // kInvalid if opslimit or memlimit are outside libsodium's range, a ceiling is below them, or
  // max_concurrent is 0.
  static Result<std::unique_ptr<Argon2Hasher>> Create(const Argon2Params& params);

  Result<std::string> Hash(std::string_view password) override;
  // False for a wrong password and for any encoding that is not a well-formed Argon2 string.
  // kUnavailable when busy; kInternal for a stored hash whose cost exceeds the ceilings.
  Result<bool> Verify(std::string_view encoded, std::string_view password) override;
  // True unless `encoded` is Argon2id with exactly today's opslimit and memlimit.
  bool NeedsRehash(std::string_view encoded) const override;

  // The most hashes or verifications ever seen running at once, counted around the libsodium
  // call itself (for tests and metrics).
  int max_observed_concurrency() const { return high_water_.load(); }
  // The gate every hash passes (for metrics; tests hold its slots to make the hasher busy).
  ConcurrencyLimiter& limiter() { return limiter_; }

 private:
  explicit Argon2Hasher(const Argon2Params& params) : params_(params), limiter_(params.limits) {}
  void Enter();
  void Leave() { running_.fetch_sub(1); }

  const Argon2Params params_;
  ConcurrencyLimiter limiter_;
  std::atomic<int> running_{0};
  std::atomic<int> high_water_{0};
};

}  // namespace opennrm::security
