#include <gtest/gtest.h>
#include "domain/accounts/session_stage.hpp"
#include "domain/accounts/username.hpp"

#include "domain/accounts/login_throttle.hpp"
#include "domain/accounts/password_policy.hpp"

namespace opennrm::accounts {
namespace {

using namespace std::chrono_literals;

std::string RuleOf(const Status& s) { return s ? "" : s.error().fields.at(0).rule; }

TEST(PasswordPolicy, LengthIsTheOnlyRule) {
  EXPECT_TRUE(CheckPassword("correct horse", "anna").has_value());
  EXPECT_TRUE(CheckPassword("aaaaaaaaaaaa", "anna").has_value()) << "no composition rules";
  EXPECT_EQ(RuleOf(CheckPassword("elva tecken", "anna")), "min_length");  // 11
  EXPECT_EQ(RuleOf(CheckPassword("", "anna")), "min_length");
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  EXPECT_EQ(CodePoints("lösenordsfras"), 13u);
  EXPECT_EQ(RuleOf(CheckPassword("åäöåäöåäöåä", "x")), "min_length");  // 11 letters, 22 bytes
  EXPECT_TRUE(CheckPassword("åäöåäöåäöåäö", "x").has_value());         // 12 letters
}

TEST(PasswordPolicy, RejectsOverlongNonTextAndTheAccountName) {
  EXPECT_EQ(RuleOf(CheckPassword(std::string(1025, 'a'), "x")), "max_length");
  EXPECT_EQ(RuleOf(CheckPassword(std::string("abcdefghijk\0l", 13), "x")), "utf8");
  EXPECT_EQ(RuleOf(CheckPassword("\xff\xfe"
                                 "abcdefghijkl",
                                 "x")),
            "utf8");
  EXPECT_EQ(RuleOf(CheckPassword("Anna.Andersson", "anna.andersson")), "not_account_name");
  EXPECT_EQ(CheckPassword("short", "x", "new_password").error().fields.at(0).field, "new_password");
}

TEST(LoginThrottle, RefusesTheHundredthFailureWithinAnHour) {
  EXPECT_FALSE(DecideThrottle(99, 0).refuse);
  EXPECT_TRUE(DecideThrottle(100, 0).refuse);
}

TEST(LoginThrottle, DelayGrowsPerAddressAndIsCapped) {
  EXPECT_EQ(DecideThrottle(0, 0).delay, 0ms);
  EXPECT_EQ(DecideThrottle(0, 2).delay, 0ms);
  EXPECT_EQ(DecideThrottle(0, 3).delay, 250ms);
  EXPECT_EQ(DecideThrottle(0, 4).delay, 500ms);
  EXPECT_EQ(DecideThrottle(0, 5).delay, 1000ms);
  EXPECT_EQ(DecideThrottle(0, 20).delay, 30000ms);
  EXPECT_EQ(DecideThrottle(0, 1000000).delay, 30000ms);
}

}  // namespace
}  // namespace opennrm::accounts

namespace opennrm::accounts {
namespace {

TEST(Username, NormalisesCaseAndSpaces) {
  EXPECT_EQ(NormaliseUsername("  Anna.Svensson@Malmo "), "anna.svensson@malmo");
  EXPECT_EQ(NormaliseUsername("ab"), std::nullopt);
  EXPECT_EQ(NormaliseUsername(std::string(65, 'a')), std::nullopt);
  EXPECT_EQ(NormaliseUsername("åsa"), std::nullopt);
  EXPECT_EQ(NormaliseUsername(".anna"), std::nullopt);
  EXPECT_EQ(NormaliseUsername("an na"), std::nullopt);
}

TEST(Username, ValidationNamesTheRule) {
  auto short_name = ValidateUsername("ab");
  ASSERT_FALSE(short_name);
  EXPECT_EQ(short_name.error().fields.at(0).rule, "length");
  auto bad = ValidateUsername("anna svensson");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at(0).field, "username");
  EXPECT_EQ(bad.error().fields.at(0).rule, "format");
}

TEST(DisplayName, TrimsAndRefusesControlCharacters) {
  EXPECT_EQ(ValidateDisplayName("  Åsa Öberg "), "Åsa Öberg");
  EXPECT_FALSE(ValidateDisplayName("   "));
  EXPECT_FALSE(ValidateDisplayName(std::string("a\x07") + "b"));
  EXPECT_FALSE(ValidateDisplayName(std::string(201, 'x')));
}

}  // namespace
}  // namespace opennrm::accounts

namespace opennrm::accounts {
namespace {

TEST(SessionStage, NamesRoundTripAndUnknownIsRefused) {
  for (auto s : {SessionStage::kTotp, SessionStage::kEnrolTotp, SessionStage::kChangePassword,
                 SessionStage::kActive}) {
    EXPECT_EQ(ParseSessionStage(ToString(s)), s);
  }
  EXPECT_EQ(ToString(SessionStage::kEnrolTotp), "enrol_totp");
  EXPECT_EQ(ParseSessionStage("admin"), std::nullopt);
}

}  // namespace
}  // namespace opennrm::accounts
