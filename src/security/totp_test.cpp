// Unit tests for OathTotp: RFC 6238 vectors, drift window, code format, URI and secrets.
#include "security/totp.hpp"

#include <gtest/gtest.h>

#include "security/base32.hpp"

namespace opennrm::security {
namespace {

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890".
const std::string kRfcSecret = Base32Encode("12345678901234567890");

TimePoint At(long long seconds) { return TimePoint(std::chrono::seconds(seconds)); }

struct Vector {
  long long time;
  const char* code;  // last six digits of the RFC's eight
};

TEST(OathTotp, MatchesRfc6238Sha1Vectors) {
  OathTotp totp;
  EXPECT_EQ(kRfcSecret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  for (const Vector& v :
       {Vector{59, "287082"}, Vector{1111111109, "081804"}, Vector{1111111111, "050471"},
        Vector{1234567890, "005924"}, Vector{2000000000, "279037"}}) {
    EXPECT_EQ(OathTotp::CodeAt(kRfcSecret, v.time / 30), v.code) << v.time;
    EXPECT_EQ(totp.Match(kRfcSecret, v.code, At(v.time)), v.time / 30) << v.time;
  }
}

TEST(OathTotp, AcceptsOneStepOfDriftEitherWayNotTwo) {
  OathTotp totp;
  const long long now = 1234567890;
  const long long step = now / 30;
  for (long long drift : {-1, 0, 1}) {
    auto code = OathTotp::CodeAt(kRfcSecret, step + drift);
    ASSERT_TRUE(code);
    EXPECT_EQ(totp.Match(kRfcSecret, *code, At(now)), step + drift) << drift;
  }
  for (long long drift : {-2, 2, -3, 3}) {
    auto code = OathTotp::CodeAt(kRfcSecret, step + drift);
    ASSERT_TRUE(code);
    for (long long near : {-1, 0, 1}) ASSERT_NE(OathTotp::CodeAt(kRfcSecret, step + near), code);
    EXPECT_EQ(totp.Match(kRfcSecret, *code, At(now)), std::nullopt) << drift;
  }
}

TEST(OathTotp, StepBoundaries) {
  OathTotp totp;
  // 59 is the last second of step 1; at 60 (step 2) the step-1 code is one step old.
  EXPECT_EQ(totp.Match(kRfcSecret, "287082", At(60)), 1);
  EXPECT_EQ(totp.Match(kRfcSecret, "287082", At(89)), 1);
  EXPECT_EQ(totp.Match(kRfcSecret, "287082", At(90)), std::nullopt);
  EXPECT_EQ(totp.Match(kRfcSecret, "287082", At(0)), 1);  // one step early
}

TEST(OathTotp, RefusesCodesThatAreNotSixDigits) {
  OathTotp totp;
  const TimePoint now = At(59);
  for (std::string_view bad : {"", "28708", "2870822", "28708a", " 287082", "287082 ", "287 082",
                               "+87082", "-87082", "28708\xD9", "\xEF\xBC\x92\xEF\xBC\x98"}) {
    EXPECT_EQ(totp.Match(kRfcSecret, bad, now), std::nullopt) << bad;
  }
  EXPECT_EQ(totp.Match(kRfcSecret, std::string_view("287082\0", 7), now), std::nullopt);
}

TEST(OathTotp, RefusesBadSecrets) {
  OathTotp totp;
  EXPECT_EQ(totp.Match("not base32!", "287082", At(59)), std::nullopt);
  EXPECT_EQ(totp.Match("", "287082", At(59)), std::nullopt);
  EXPECT_EQ(totp.Match(Base32Encode("too short"), "287082", At(59)), std::nullopt);
  EXPECT_EQ(OathTotp::CodeAt("1", 1), std::nullopt);
}

TEST(OathTotp, NewSecretIsTwentyRandomBytesInBase32) {
  OathTotp totp;
  const std::string a = totp.NewSecret();
  const std::string b = totp.NewSecret();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find('='), std::string::npos);
  auto bytes = Base32Decode(a);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(bytes->size(), 20u);
  EXPECT_NE(a, b);
  // A new secret works end to end.
  const long long step = 1700000000 / 30;
  auto code = OathTotp::CodeAt(a, step);
  ASSERT_TRUE(code);
  EXPECT_EQ(totp.Match(a, *code, At(1700000000)), step);
}

TEST(OathTotp, ProvisioningUriPercentEncodesLabelAndIssuer) {
  OathTotp totp;
  EXPECT_EQ(totp.ProvisioningUri("OpenNRM Sverige", "anna.andersson@kommun.se", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/OpenNRM%20Sverige:anna.andersson%40kommun.se"
            "?secret=JBSWY3DPEHPK3PXP&issuer=OpenNRM%20Sverige&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(totp.ProvisioningUri("Län:Skåne", "a&b=c?d/e", "AB"),
            "otpauth://totp/L%C3%A4n%3ASk%C3%A5ne:a%26b%3Dc%3Fd%2Fe"
            "?secret=AB&issuer=L%C3%A4n%3ASk%C3%A5ne&algorithm=SHA1&digits=6&period=30");
}

TEST(PercentEncode, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(PercentEncode(" %+\n"), "%20%25%2B%0A");
  EXPECT_EQ(PercentEncode(std::string_view("\0\xff", 2)), "%00%FF");
}

}  // namespace
}  // namespace opennrm::security
