// What libmagic makes of the files attachments are checked against: the
// types the allow-list names, and things disguised as them.
#include "security/magic_sniffer.hpp"

#include <gtest/gtest.h>

namespace opennrm::security {
namespace {

class MagicSnifferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = MagicSniffer::Open();
    ASSERT_TRUE(s.has_value()) << s.error().message;
    sniffer_ = std::move(*s);
  }
  std::string TypeOf(const std::string& bytes) {
    auto t = sniffer_->MediaTypeOf(bytes);
    EXPECT_TRUE(t.has_value());
    return t.value_or("");
  }
  std::unique_ptr<MagicSniffer> sniffer_;
};

const std::string kPng(
    "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);

TEST_F(MagicSnifferTest, KnowsTheAllowedKinds) {
  EXPECT_EQ(TypeOf("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"),
            "application/pdf");
  EXPECT_EQ(TypeOf(kPng), "image/png");
  EXPECT_EQ(TypeOf(std::string("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20)),
            "image/jpeg");
  EXPECT_EQ(TypeOf("Anteckning: mötet flyttas till tisdag.\nRad två.\n"), "text/plain");
}

TEST_F(MagicSnifferTest, SeesThroughDisguises) {
  // Whatever a sender calls them, these are what they are.
  EXPECT_EQ(TypeOf(std::string("\x7f"
                               "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0",
                               20)),
            "application/x-executable");
  EXPECT_EQ(TypeOf(std::string("PK\x03\x04\x14\0\0\0\x08\0", 10) + std::string(40, '\0')),
            "application/zip");
  std::string exe("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", 16);
  exe.resize(256, '\0');
  EXPECT_NE(TypeOf(exe), "application/pdf");
  EXPECT_EQ(TypeOf("<html><script>alert(1)</script></html>"), "text/html");
}

TEST_F(MagicSnifferTest, GivesTheTypeWithoutParameters) {
  auto t = TypeOf(std::string("\0\x01\x02\x03\xfe\xff", 6));
  EXPECT_EQ(t.find(';'), std::string::npos) << t;
  EXPECT_NE(t.find('/'), std::string::npos) << t;
}

}  // namespace
}  // namespace opennrm::security
