#include "storage/repo/binary_text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace opennrm::storage::repo {
namespace {

TEST(BinaryText, MatchesRfc4648TestVectors) {
  const std::pair<std::string, std::string> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(ToBase64(plain), encoded);
    EXPECT_EQ(FromBase64(encoded, "t.c").value(), plain);
  }
}

TEST(BinaryText, EveryByteValueAndLengthRoundTrips) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  for (size_t len = 0; len <= all.size(); ++len) {
    std::string bytes = all.substr(all.size() - len);  // ends with 0xff, begins anywhere
    auto back = FromBase64(ToBase64(bytes), "t.c");
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, bytes) << len;
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(rng() % 100, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng());
    EXPECT_EQ(FromBase64(ToBase64(bytes), "t.c").value(), bytes);
  }
}

TEST(BinaryText, RefusesTextThatIsNotCanonicalBase64) {
  for (const std::string& bad :
       std::vector<std::string>{"Zg", "Zg=", "Z===", "Zh==", "Zm9=", "Zm9v\n", "Zm 9", "Zm-_",
                                "====", "Zg==Zg==", std::string("Zm9\0", 4)}) {
    auto r = FromBase64(bad, "users.totp_secret_sealed");
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInternal);
    EXPECT_NE(r.error().message.find("users.totp_secret_sealed"), std::string::npos);
  }
}

}  // namespace
}  // namespace opennrm::storage::repo
