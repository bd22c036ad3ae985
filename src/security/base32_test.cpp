// Unit tests for the RFC 4648 base32 encoder and decoder (RFC test vectors, strict decoding).
#include "security/base32.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace opennrm::security {
namespace {

// RFC 4648 §10.
TEST(Base32, EncodesRfc4648TestVectorsWithoutPadding) {
  EXPECT_EQ(Base32Encode(""), "");
  EXPECT_EQ(Base32Encode("f"), "MY");
  EXPECT_EQ(Base32Encode("fo"), "MZXQ");
  EXPECT_EQ(Base32Encode("foo"), "MZXW6");
  EXPECT_EQ(Base32Encode("foob"), "MZXW6YQ");
  EXPECT_EQ(Base32Encode("fooba"), "MZXW6YTB");
  EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
}

TEST(Base32, DecodesWithOrWithoutPaddingInEitherCase) {
  EXPECT_EQ(Base32Decode("MZXW6YTBOI"), "foobar");
  EXPECT_EQ(Base32Decode("MZXW6YTBOI======"), "foobar");
  EXPECT_EQ(Base32Decode("mzxw6ytboi"), "foobar");
  EXPECT_EQ(Base32Decode("MY======"), "f");
  EXPECT_EQ(Base32Decode("MZXW6YQ="), "foob");
  EXPECT_EQ(Base32Decode(""), "");
}

TEST(Base32, RefusesBadInput) {
  for (std::string_view bad : {"M", "MZX", "MZXW6Y", "MZXW6YQ1", "MZ XW", "MY=", "MY=======",
                               "MZXW6YQ==", "========", "M=Y=====", "MB", "MZXR"}) {
    EXPECT_FALSE(Base32Decode(bad)) << bad;
  }
}

TEST(Base32, RoundTripsRandomBytesOfEveryLength) {
  for (std::size_t n = 0; n < 64; ++n) {
    std::string bytes(n, '\0');
    randombytes_buf(bytes.data(), n);
    const std::string text = Base32Encode(bytes);
    EXPECT_EQ(text.find('='), std::string::npos);
    EXPECT_EQ(Base32Decode(text), bytes) << n;
  }
}

}  // namespace
}  // namespace opennrm::security
