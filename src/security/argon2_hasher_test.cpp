// Unit tests for Argon2Hasher: hashing, verification, rehash detection and the concurrency bound.
#include "security/argon2_hasher.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

namespace opennrm::security {
namespace {

using namespace std::chrono_literals;

Argon2Params Fast(std::size_t max_concurrent = 2, std::size_t max_waiting = 64,
                  std::chrono::milliseconds max_wait = 60s) {
  return Argon2Params{crypto_pwhash_OPSLIMIT_MIN,
                      crypto_pwhash_MEMLIMIT_MIN,
                      {max_concurrent, max_waiting, max_wait}};
}

std::unique_ptr<Argon2Hasher> Make(const Argon2Params& params) {
  auto hasher = Argon2Hasher::Create(params);
  EXPECT_TRUE(hasher) << hasher.error().message;
  return hasher ? std::move(*hasher) : nullptr;
}

TEST(Argon2Hasher, DefaultsAreArgon2idAt64MiBTwoAtATime) {
  const Argon2Params defaults;
  EXPECT_EQ(defaults.opslimit, 3u);
  EXPECT_EQ(defaults.memlimit, 64u << 20);
  EXPECT_EQ(defaults.limits.max_concurrent, 2u);
  EXPECT_EQ(defaults.limits.max_waiting, 64u);
  EXPECT_EQ(defaults.limits.max_wait, 5s);
}

TEST(Argon2Hasher, HashesAndVerifies) {
  auto hasher = Make(Fast());
  auto encoded = hasher->Hash("correct horse battery staple");
  ASSERT_TRUE(encoded) << encoded.error().message;
  EXPECT_EQ(encoded->rfind("$argon2id$v=19$", 0), 0u) << *encoded;
  EXPECT_EQ(encoded->find("correct"), std::string::npos);
  EXPECT_EQ(hasher->Verify(*encoded, "correct horse battery staple"), true);
  EXPECT_EQ(hasher->Verify(*encoded, "correct horse battery stapl"), false);
  EXPECT_EQ(hasher->Verify(*encoded, ""), false);
}

TEST(Argon2Hasher, SaltsEachHash) {
  auto hasher = Make(Fast());
  EXPECT_NE(*hasher->Hash("same password"), *hasher->Hash("same password"));
}

TEST(Argon2Hasher, PasswordsWithNulBytesAndFourByteUtf8) {
  auto hasher = Make(Fast());
  const std::string with_nul("lösen\0ord", 10);
  auto encoded = hasher->Hash(with_nul);
  ASSERT_TRUE(encoded);
  EXPECT_EQ(hasher->Verify(*encoded, with_nul), true);
  EXPECT_EQ(hasher->Verify(*encoded, "lösen"), false);
  EXPECT_EQ(hasher->Verify(*encoded, std::string("lösen\0orD", 10)), false);

  const std::string emoji = "nyckel-\xF0\x9F\x94\x91-\xF0\x9D\x84\x9E";  // 🔑 and 𝄞
  auto encoded_emoji = hasher->Hash(emoji);
  ASSERT_TRUE(encoded_emoji);
  EXPECT_EQ(hasher->Verify(*encoded_emoji, emoji), true);
  EXPECT_EQ(hasher->Verify(*encoded_emoji, "nyckel-\xF0\x9F\x94\x92-\xF0\x9D\x84\x9E"), false);
}

TEST(Argon2Hasher, MalformedEncodingsAreFalseNotErrors) {
  auto hasher = Make(Fast());
  auto good = hasher->Hash("password-1234");
  ASSERT_TRUE(good);
  const std::vector<std::string> bad = {
      "",
      "garbage",
      "$argon2id$",
      "$argon2id$v=19$m=8,t=1,p=1$",
      good->substr(0, good->size() - 5),
      *good + "AAAA",
      std::string(*good).replace(0, 9, "$argon2x$"),
      *good + std::string(1, '\0') + "junk",
      std::string(crypto_pwhash_STRBYTES + 10, 'a'),
      "$2b$12$abcdefghijklmnopqrstuuBEn6UaqA1NQwNcwxlw0wO0Z0Jw5IgS",
  };
  for (const std::string& encoded : bad) {
    auto verdict = hasher->Verify(encoded, "password-1234");
    ASSERT_TRUE(verdict) << encoded;
    EXPECT_FALSE(*verdict) << encoded;
  }
}

TEST(Argon2Hasher, StoredHashesAboveTheCeilingsAreRefused) {
  Argon2Params stronger = Fast();
  stronger.memlimit = crypto_pwhash_MEMLIMIT_MIN * 4;
  auto big = Make(stronger)->Hash("password-1234");
  ASSERT_TRUE(big);
  Argon2Params capped = Fast();
  capped.max_stored_memlimit = crypto_pwhash_MEMLIMIT_MIN * 2;
  auto verdict = Make(capped)->Verify(*big, "password-1234");
  ASSERT_FALSE(verdict);
  EXPECT_EQ(verdict.error().code, ErrorCode::kInternal);
  // Below the ceiling, a hash made before memlimit was lowered still logs in (then is rehashed).
  EXPECT_EQ(Make(Fast())->Verify(*big, "password-1234"), true);
  EXPECT_TRUE(Make(Fast())->NeedsRehash(*big));
  // Edited rows asking for 4 TiB or 2^32 passes are refused before any work is done.
  for (const char* edited : {"$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHQ$aGFzaA",
                             "$argon2id$v=19$m=8,t=4294967295,p=1$c2FsdHNhbHQ$aGFzaA"}) {
    auto absurd = Make(Fast())->Verify(edited, "password-1234");
    ASSERT_FALSE(absurd) << edited;
    EXPECT_EQ(absurd.error().code, ErrorCode::kInternal);
  }
}

TEST(Argon2Hasher, NeedsRehashDetectsOtherParametersAndAlgorithms) {
  auto weak = Make(Fast());
  Argon2Params stronger_params = Fast();
  stronger_params.opslimit = crypto_pwhash_OPSLIMIT_MIN + 1;
  auto stronger = Make(stronger_params);
  auto encoded = weak->Hash("password-1234");
  ASSERT_TRUE(encoded);
  EXPECT_FALSE(weak->NeedsRehash(*encoded));
  EXPECT_TRUE(stronger->NeedsRehash(*encoded));
  EXPECT_TRUE(weak->NeedsRehash("garbage"));
  EXPECT_TRUE(weak->NeedsRehash(""));

  // Argon2i with exactly today's parameters is still flagged: the algorithm changed.
  Argon2Params same = Fast();
  same.opslimit = crypto_pwhash_argon2i_OPSLIMIT_MIN;
  auto hasher = Make(same);
  char argon2i[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(argon2i, "pw", 2, same.opslimit, same.memlimit,
                                  crypto_pwhash_ALG_ARGON2I13),
            0);
  EXPECT_TRUE(hasher->NeedsRehash(argon2i));
  EXPECT_EQ(hasher->Verify(argon2i, "pw"), true);  // old hashes still log in, then get rehashed
}

TEST(Argon2Hasher, RefusesParametersBelowLibsodiumMinimum) {
  Argon2Params p = Fast();
  p.memlimit = 1024;
  EXPECT_FALSE(Argon2Hasher::Create(p));
  p = Fast();
  p.opslimit = 0;
  EXPECT_FALSE(Argon2Hasher::Create(p));
  p = Fast(0);
  EXPECT_FALSE(Argon2Hasher::Create(p));
  p = Fast();
  p.memlimit = std::size_t{512} << 20;  // above the default ceiling for stored hashes
  EXPECT_FALSE(Argon2Hasher::Create(p));
}

TEST(Argon2Hasher, ConcurrentCallsNeverExceedTheBound) {
  auto hasher = Make(Fast(2));
  auto encoded = hasher->Hash("password-1234");
  ASSERT_TRUE(encoded);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 12; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 4; ++i) {
        const bool ok = (t + i) % 2 == 0
                            ? static_cast<bool>(hasher->Hash("password-1234"))
                            : hasher->Verify(*encoded, "password-1234").value_or(false);
        if (!ok) failures.fetch_add(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GE(hasher->max_observed_concurrency(), 1);
  EXPECT_LE(hasher->max_observed_concurrency(), 2);
  EXPECT_LE(hasher->limiter().high_water(), 2u);
}

TEST(Argon2Hasher, BusyHasherTurnsCallersAwayWhenNobodyMayWait) {
  auto hasher = Make(Fast(1, 0));
  auto encoded = hasher->Hash("password-1234");
  ASSERT_TRUE(encoded);
  auto occupied = hasher->limiter().Acquire();
  ASSERT_TRUE(occupied);
  auto hashed = hasher->Hash("password-1234");
  ASSERT_FALSE(hashed);
  EXPECT_EQ(hashed.error().code, ErrorCode::kUnavailable);
  auto verified = hasher->Verify(*encoded, "password-1234");
  ASSERT_FALSE(verified);
  EXPECT_EQ(verified.error().code, ErrorCode::kUnavailable);
}

TEST(Argon2Hasher, WaitingCallerTimesOutOrProceedsWhenFreed) {
  auto hasher = Make(Fast(1, 1, 50ms));
  {
    auto occupied = hasher->limiter().Acquire();
    ASSERT_TRUE(occupied);
    const auto start = std::chrono::steady_clock::now();
    auto hashed = hasher->Hash("password-1234");
    ASSERT_FALSE(hashed);
    EXPECT_EQ(hashed.error().code, ErrorCode::kUnavailable);
    EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
  }
  auto patient = Make(Fast(1, 1, 60s));
  std::optional<Result<ConcurrencyLimiter::Permit>> occupied(patient->limiter().Acquire());
  ASSERT_TRUE(*occupied);
  std::atomic<bool> done{false};
  std::thread caller([&] { done = static_cast<bool>(patient->Hash("password-1234")); });
  const auto deadline = std::chrono::steady_clock::now() + 10s;  // fail, do not hang
  while (patient->limiter().waiting() != 1 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(patient->limiter().waiting(), 1u);
  occupied.reset();
  caller.join();
  EXPECT_TRUE(done.load());
}

}  // namespace
}  // namespace opennrm::security
