// Unit tests for one-time recovery codes: format, normalisation, peppered hashes, matching.
#include "security/recovery_codes.hpp"

#include <gtest/gtest.h>

#include <set>

namespace opennrm::security {
namespace {

const std::vector<unsigned char> kPepper(32, 0x5a);
const std::string kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

bool DisplayFormat(const std::string& code) {
  if (code.size() != 14 || code[4] != '-' || code[9] != '-') return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i != 4 && i != 9 && kAlphabet.find(code[i]) == std::string::npos) return false;
  }
  return true;
}

bool LowerHex64(const std::string& hash) {
  return hash.size() == 64 && hash.find_first_not_of("0123456789abcdef") == std::string::npos;
}
const std::vector<unsigned char> kOtherPepper(32, 0xa5);

TEST(RecoveryCodes, TenDistinctCodesInTheDisplayFormat) {
  auto set = GenerateRecoveryCodes(kPepper);
  ASSERT_TRUE(set) << set.error().message;
  ASSERT_EQ(set->codes.size(), 10u);
  ASSERT_EQ(set->hashes.size(), 10u);
  for (const std::string& code : set->codes) EXPECT_TRUE(DisplayFormat(code)) << code;
  for (const std::string& hash : set->hashes) EXPECT_TRUE(LowerHex64(hash)) << hash;
  EXPECT_EQ(std::set<std::string>(set->codes.begin(), set->codes.end()).size(), 10u);
  EXPECT_EQ(std::set<std::string>(set->hashes.begin(), set->hashes.end()).size(), 10u);
}

TEST(RecoveryCodes, EverySymbolOfTheAlphabetTurnsUp) {
  std::set<char> seen;
  for (int i = 0; i < 100; ++i) {
    auto set = GenerateRecoveryCodes(kPepper);
    ASSERT_TRUE(set);
    for (const std::string& code : set->codes) {
      for (char c : code) {
        if (c != '-') seen.insert(c);
      }
    }
  }
  EXPECT_EQ(seen.size(), 32u);
  for (char ambiguous : {'i', 'l', 'o', 'u'}) EXPECT_EQ(seen.count(ambiguous), 0u);
}

TEST(RecoveryCodes, EachCodeMatchesItsOwnHash) {
  auto set = GenerateRecoveryCodes(kPepper);
  ASSERT_TRUE(set);
  for (std::size_t i = 0; i < set->codes.size(); ++i) {
    EXPECT_EQ(MatchRecoveryCode(kPepper, set->codes[i], set->hashes), i);
    EXPECT_EQ(HashRecoveryCode(kPepper, set->codes[i]), set->hashes[i]);
  }
}

TEST(RecoveryCodes, InputIsNormalised) {
  auto stored = HashRecoveryCode(kPepper, "ab01-2345-6789");
  ASSERT_TRUE(stored);
  const std::vector<std::string> hashes = {"unrelated", *stored};
  for (std::string_view typed :
       {"ab01-2345-6789", "AB01-2345-6789", "ab0123456789", " ab01 2345 6789 ", "AB-01-23-45-67-89",
        "abOI-2345-6789", "abol-2345-6789", "ab0L\t2345-6789"}) {
    EXPECT_EQ(MatchRecoveryCode(kPepper, typed, hashes), 1u) << typed;
  }
}

TEST(RecoveryCodes, WrongOrMalformedInputDoesNotMatch) {
  auto set = GenerateRecoveryCodes(kPepper);
  ASSERT_TRUE(set);
  for (std::string_view typed : {"", "0000-0000-0000", "ab01-2345-678", "ab01-2345-67890",
                                 "ab01-2345-678u", "ab01-2345-678!", "åb01-2345-6789"}) {
    EXPECT_EQ(MatchRecoveryCode(kPepper, typed, set->hashes), std::nullopt) << typed;
  }
  EXPECT_FALSE(HashRecoveryCode(kPepper, "ab01-2345-678"));
}

TEST(RecoveryCodes, AnotherPepperDoesNotMatch) {
  auto set = GenerateRecoveryCodes(kPepper);
  ASSERT_TRUE(set);
  EXPECT_EQ(MatchRecoveryCode(kOtherPepper, set->codes[0], set->hashes), std::nullopt);
  EXPECT_NE(HashRecoveryCode(kOtherPepper, set->codes[0]), set->hashes[0]);
}

TEST(RecoveryCodes, UsedCodeStopsWorkingOnceItsHashIsRemoved) {
  auto set = GenerateRecoveryCodes(kPepper);
  ASSERT_TRUE(set);
  std::vector<std::string> remaining = set->hashes;
  auto used = MatchRecoveryCode(kPepper, set->codes[3], remaining);
  ASSERT_EQ(used, 3u);
  remaining.erase(remaining.begin() + 3);
  EXPECT_EQ(MatchRecoveryCode(kPepper, set->codes[3], remaining), std::nullopt);
  EXPECT_EQ(MatchRecoveryCode(kPepper, set->codes[4], remaining), 3u);
}

TEST(RecoveryCodes, StoredHashesOfOtherLengthsNeverMatch) {
  auto stored = HashRecoveryCode(kPepper, "ab01-2345-6789");
  ASSERT_TRUE(stored);
  const std::vector<std::string> hashes = {stored->substr(0, 32), "", *stored + "00"};
  EXPECT_EQ(MatchRecoveryCode(kPepper, "ab01-2345-6789", hashes), std::nullopt);
}

TEST(RecoveryCodes, PepperMustBeSixteenToSixtyFourBytes) {
  const std::vector<unsigned char> short_pepper(15, 1);
  const std::vector<unsigned char> long_pepper(65, 1);
  for (const auto& pepper : {short_pepper, long_pepper}) {
    auto set = GenerateRecoveryCodes(pepper);
    ASSERT_FALSE(set);
    EXPECT_EQ(set.error().code, ErrorCode::kInvalid);
    EXPECT_FALSE(HashRecoveryCode(pepper, "ab01-2345-6789"));
  }
  EXPECT_TRUE(GenerateRecoveryCodes(std::vector<unsigned char>(16, 1)));
  EXPECT_TRUE(GenerateRecoveryCodes(std::vector<unsigned char>(64, 1)));
}

}  // namespace
}  // namespace opennrm::security
