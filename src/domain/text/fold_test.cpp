#include "domain/text/fold.hpp"

#include <gtest/gtest.h>

#include <string>

namespace opennrm::text {
namespace {

using namespace std::string_literals;

TEST(Fold, SwedishLettersLoseTheirDiacritics) {
  EXPECT_EQ(Fold("Malmö"), "malmo");
  EXPECT_EQ(Fold("Ängelholm"), "angelholm");
  EXPECT_EQ(Fold("Åre"), "are");
  EXPECT_EQ(Fold("Örebro"), "orebro");
  EXPECT_EQ(Fold("Västerås"), "vasteras");
}

TEST(Fold, WhitespaceIsTrimmedAndCollapsed) {
  EXPECT_EQ(Fold("Östersund  "), "ostersund");
  EXPECT_EQ(Fold("  Upplands   Väsby "), "upplands vasby");
  EXPECT_EQ(Fold("Upplands\tVäsby"), "upplands vasby");
  EXPECT_EQ(Fold("Upplands\u00A0Väsby"), "upplands vasby");  // no-break space
  EXPECT_EQ(Fold("   "), "");
  EXPECT_EQ(Fold(""), "");
}

TEST(Fold, HyphenSearchesLikeASpace) {
  EXPECT_EQ(Fold("Upplands-Bro"), "upplands bro");
  EXPECT_EQ(Fold("Upplands-Bro"), Fold("upplands bro"));
}

TEST(Fold, RomanianCommaBelowAndCedillaLetters) {
  EXPECT_EQ(Fold("Ș"), "s");
  EXPECT_EQ(Fold("Ț"), "t");
  EXPECT_EQ(Fold("ș"), "s");
  EXPECT_EQ(Fold("ț"), "t");
  EXPECT_EQ(Fold("Ş"), "s");  // legacy cedilla form
  EXPECT_EQ(Fold("Timișoara"), "timisoara");
  EXPECT_EQ(Fold("Constanța"), "constanta");
}

TEST(Fold, OtherLatinDiacritics) {
  EXPECT_EQ(Fold("Łódź"), "łodz");  // ł has no decomposition: kept, lower-cased
  EXPECT_EQ(Fold("Čakovec"), "cakovec");
  EXPECT_EQ(Fold("São Paulo"), "sao paulo");
  EXPECT_EQ(Fold("Nguyễn"), "nguyen");
}

TEST(Fold, CaseFolding) {
  EXPECT_EQ(Fold("KIRUNA"), "kiruna");
  EXPECT_EQ(Fold("ÖSTERSUND"), "ostersund");
  EXPECT_EQ(Fold("Straße"), "strasse");  // full case folding
  EXPECT_EQ(Fold("ΑΘΗΝΑ"), Fold("αθηνα"));
}

TEST(Fold, CompatibilityDecompositionOfLigaturesAndWidths) {
  EXPECT_EQ(Fold("ﬁnland"), "finland");  // U+FB01 LATIN SMALL LIGATURE FI
  EXPECT_EQ(Fold("ﬂ"), "fl");
  EXPECT_EQ(Fold("Ｍａｌｍö"), "malmo");  // full-width letters
  EXPECT_EQ(Fold("①"), "1");
}

TEST(Fold, PrecomposedAndDecomposedInputFoldAlike) {
  EXPECT_EQ(Fold("Malm\u00F6"), Fold("Malmo\u0308"));
  EXPECT_EQ(Fold("A\u030Angelholm"), Fold("Ångelholm"));
}

TEST(Fold, FoldIsIdempotent) {
  for (const char* s : {"Malmö", "Upplands-Bro", "Straße", "ﬁnland", "Timișoara"}) {
    EXPECT_EQ(Fold(Fold(s)), Fold(s)) << s;
  }
}

TEST(IsCleanUtf8, AcceptsOrdinaryText) {
  EXPECT_TRUE(IsCleanUtf8(""));
  EXPECT_TRUE(IsCleanUtf8("Socialtjänsten, Kiruna kommun"));
  EXPECT_TRUE(IsCleanUtf8("rad ett\nrad två\r\n\tindrag"));
  EXPECT_TRUE(IsCleanUtf8("Ș Ț ï ß €"));
}

TEST(IsCleanUtf8, AcceptsFourByteSequences) {
  EXPECT_TRUE(IsCleanUtf8("\xF0\x9F\x98\x80"));  // U+1F600 emoji
  EXPECT_TRUE(IsCleanUtf8("ok \xF0\x9F\x91\x8D ok"));
  EXPECT_TRUE(IsCleanUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(IsCleanUtf8, RejectsOverlongEncodings) {
  EXPECT_FALSE(IsCleanUtf8("\xC0\xAF"));  // '/' in two bytes
  EXPECT_FALSE(IsCleanUtf8("\xC1\xBF"));
  EXPECT_FALSE(IsCleanUtf8("\xE0\x80\xAF"));      // '/' in three bytes
  EXPECT_FALSE(IsCleanUtf8("\xE0\x9F\xBF"));      // U+07FF in three bytes
  EXPECT_FALSE(IsCleanUtf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
  EXPECT_FALSE(IsCleanUtf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
  EXPECT_FALSE(IsCleanUtf8("\xC0\x80"));          // "modified UTF-8" NUL
}

TEST(IsCleanUtf8, RejectsSurrogatesAndOutOfRange) {
  EXPECT_FALSE(IsCleanUtf8("\xED\xA0\x80"));              // U+D800
  EXPECT_FALSE(IsCleanUtf8("\xED\xBF\xBF"));              // U+DFFF
  EXPECT_FALSE(IsCleanUtf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 emoji
  EXPECT_FALSE(IsCleanUtf8("\xF4\x90\x80\x80"));          // U+110000
  EXPECT_FALSE(IsCleanUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsCleanUtf8("\xF8\x88\x80\x80\x80"));  // five-byte form
  EXPECT_FALSE(IsCleanUtf8("\xFF"));
  EXPECT_TRUE(IsCleanUtf8("\xEE\x80\x80"));  // U+E000, just after the surrogates
}

TEST(IsCleanUtf8, RejectsTruncatedAndStrayBytes) {
  EXPECT_FALSE(IsCleanUtf8("\xC3"));  // first byte of 'å' only
  EXPECT_FALSE(IsCleanUtf8("Malm\xC3"));
  EXPECT_FALSE(IsCleanUtf8("\xE2\x82"));        // two of three bytes of '€'
  EXPECT_FALSE(IsCleanUtf8("\xF0\x9F\x98"));    // three of four
  EXPECT_FALSE(IsCleanUtf8("\xF0\x9F\x98 x"));  // continuation replaced by a space
  EXPECT_FALSE(IsCleanUtf8("\x80"));            // lone continuation byte
  EXPECT_FALSE(IsCleanUtf8("a\xA5z"));
  EXPECT_FALSE(IsCleanUtf8("Malm\xF6"));  // Latin-1 'ö'
}

TEST(IsCleanUtf8, RejectsNulAndControlCharacters) {
  EXPECT_FALSE(IsCleanUtf8("a\0b"s));
  EXPECT_FALSE(IsCleanUtf8("\0"s));
  EXPECT_FALSE(IsCleanUtf8("bell\x07"));
  EXPECT_FALSE(IsCleanUtf8("esc\x1B[31m"));
  EXPECT_FALSE(IsCleanUtf8("del\x7F"));
  EXPECT_FALSE(IsCleanUtf8("\x0B"));  // vertical tab
  EXPECT_FALSE(IsCleanUtf8("\x0C"));  // form feed
}

TEST(Trim, RemovesAsciiAndUnicodeSpaceAtBothEnds) {
  EXPECT_EQ(Trim("  Kiruna  "), "Kiruna");
  EXPECT_EQ(Trim("\t\nKiruna\r\n"), "Kiruna");
  EXPECT_EQ(Trim("\u00A0Kiruna\u2003"), "Kiruna");  // no-break space, em space
  EXPECT_EQ(Trim("\u3000Åre\u3000"), "Åre");        // ideographic space
}

TEST(Trim, KeepsInnerSpaceAndNonSpaceText) {
  EXPECT_EQ(Trim(" Upplands  Väsby "), "Upplands  Väsby");
  EXPECT_EQ(Trim("Öland"), "Öland");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \xF0\x9F\x98\x80 "), "\xF0\x9F\x98\x80");  // astral character survives
}

}  // namespace
}  // namespace opennrm::text

namespace opennrm::text {
namespace {

TEST(IsCleanUtf8, RejectsC1ControlsAndBidiOverrides) {
  EXPECT_FALSE(IsCleanUtf8("Anna\xC2\x85"));                     // U+0085 NEL
  EXPECT_FALSE(IsCleanUtf8("evil\xE2\x80\xAEgnp.exe"));          // U+202E RIGHT-TO-LEFT OVERRIDE
  EXPECT_FALSE(IsCleanUtf8("x\xE2\x81\xA6y\xE2\x81\xA9"));       // U+2066 ... U+2069 isolates
  EXPECT_TRUE(IsCleanUtf8("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"));  // Hebrew letters are fine
  EXPECT_TRUE(IsCleanUtf8("Ștefan Țepeș"));
}

}  // namespace
}  // namespace opennrm::text
