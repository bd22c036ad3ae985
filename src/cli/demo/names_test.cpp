#include "cli/demo/names.hpp"

#include <gtest/gtest.h>

#include <string>

namespace opennrm::cli::demo {
namespace {

// The Unicode code points of UTF-8 text.
std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

// Whether every letter of `s` lies in [lo, hi] (spaces and hyphens aside).
bool AllIn(const std::string& s, char32_t lo, char32_t hi) {
  for (char32_t c : Decode(s)) {
    if (c == U' ' || c == U'-') continue;
    if (c < lo || c > hi) return false;
  }
  return !s.empty();
}

bool AsciiLetters(const std::string& s) {
  for (char c : s) {
    if (!(std::isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '-')) return false;
  }
  return !s.empty();
}

TEST(DemoNames, ThaiNamesAreInThaiScriptWithARomanisation) {
  DemoRandom r(5);
  for (int i = 0; i < 200; ++i) {
    auto n = MakeName(NameOrigin::kThai, i % 2 == 0, r);
    EXPECT_TRUE(AllIn(n.original, 0x0E00, 0x0E7F)) << n.original;
    EXPECT_TRUE(AsciiLetters(n.latin)) << n.latin;
    EXPECT_EQ(n.kind, cases::NameKind::kName);
  }
}

TEST(DemoNames, UkrainianAndBulgarianNamesAreCyrillicWithGenderedBulgarianSurnames) {
  DemoRandom r(6);
  for (int i = 0; i < 200; ++i) {
    auto ua = MakeName(NameOrigin::kUkrainian, i % 2 == 0, r);
    EXPECT_TRUE(AllIn(ua.original, 0x0400, 0x04FF)) << ua.original;
    EXPECT_TRUE(AsciiLetters(ua.latin)) << ua.latin;
    auto bg = MakeName(NameOrigin::kBulgarian, true, r);
    EXPECT_TRUE(AllIn(bg.original, 0x0400, 0x04FF)) << bg.original;
    EXPECT_EQ(bg.latin.back(), 'a') << "a woman's Bulgarian surname ends in -a: " << bg.latin;
  }
}

TEST(DemoNames, RomanianNamesKeepTheirCommaBelowLettersInLatinScript) {
  DemoRandom r(7);
  int with_diacritics = 0;
  for (int i = 0; i < 300; ++i) {
    auto n = MakeName(NameOrigin::kRomanian, i % 2 == 0, r);
    EXPECT_TRUE(n.original.empty()) << "Romanian is written in Latin letters";
    for (const char* letter : {"Ș", "ș", "Ț", "ț", "ă", "â", "î"}) {
      if (n.latin.find(letter) != std::string::npos) {
        ++with_diacritics;
        break;
      }
    }
  }
  EXPECT_GT(with_diacritics, 60);
}

TEST(DemoNames, NigerianNamesAreLatinOnly) {
  DemoRandom r(8);
  for (int i = 0; i < 100; ++i) {
    auto n = MakeName(NameOrigin::kNigerian, i % 2 == 0, r);
    EXPECT_TRUE(n.original.empty());
    EXPECT_TRUE(AsciiLetters(n.latin)) << n.latin;
  }
}

TEST(DemoNames, ChineseNamesPutTheFamilyNameFirstWithoutASpaceInHan) {
  DemoRandom r(9);
  auto n = MakeName(NameOrigin::kChinese, true, r);
  EXPECT_TRUE(AllIn(n.original, 0x4E00, 0x9FFF)) << n.original;
  EXPECT_EQ(n.original.find(' '), std::string::npos);
  EXPECT_NE(n.latin.find(' '), std::string::npos);
}

TEST(DemoNames, ArabicNamesAreInArabicScript) {
  DemoRandom r(10);
  auto n = MakeName(NameOrigin::kArabic, false, r);
  EXPECT_TRUE(AllIn(n.original, 0x0600, 0x06FF)) << n.original;
}

TEST(DemoNames, AliasesAreShortNamesOfTheSameOrigin) {
  DemoRandom r(11);
  auto a = MakeAlias(NameOrigin::kThai, true, r);
  EXPECT_EQ(a.kind, cases::NameKind::kAlias);
  EXPECT_TRUE(AllIn(a.original, 0x0E00, 0x0E7F));
  EXPECT_EQ(a.latin.find(' '), std::string::npos);
}

}  // namespace
}  // namespace opennrm::cli::demo
