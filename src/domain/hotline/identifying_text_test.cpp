// LooksIdentifying on what must be caught and what must not. Synthetic
// numbers only (121212-1212 is Skatteverket's test person).
#include "domain/hotline/identifying_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace opennrm::hotline {
namespace {

TEST(LooksIdentifying, PersonalIdentityNumbersInEveryWriting) {
  for (std::string text :
       {"121212-1212", "pnr 850101-1236 enligt kollegan", "19850101-1236", "198501011236",
        "8501011236", "850101+1236", "850101 1236", "född 900229-4560", "050615-9870.",
        "(121212-1212)", "pnr:121212-1212", "pnr850101-1236"}) {
    EXPECT_TRUE(LooksIdentifying(text)) << text;
  }
}

TEST(LooksIdentifying, CoordinationNumbersAddSixtyToTheDay) {
  EXPECT_TRUE(LooksIdentifying("samordningsnummer 850161-1233"));
  EXPECT_TRUE(LooksIdentifying("198501611233"));
}

TEST(LooksIdentifying, NumbersThatAreNotIdentityNumbers) {
  for (std::string text : {
           "850101-1235",    // Luhn fails
           "851301-1234",    // month 13
           "850132-1234",    // day 32
           "850192-1234",    // coordination day 92
           "850101-12360",   // too many digits
           "556123-4567",    // an organisation number (month 61)
           "18000101-1236",  // born before 1870
       }) {
    EXPECT_FALSE(LooksIdentifying(text)) << text;
  }
}

TEST(LooksIdentifying, EmailAddresses) {
  EXPECT_TRUE(LooksIdentifying("her address is anna.example@example.se"));
  EXPECT_TRUE(LooksIdentifying("Mail: x_y+z@sub.example.org."));
  EXPECT_TRUE(LooksIdentifying("<someone@example.com>"));
  for (std::string text : {"user@localhost", "meet @ the station", "@", "a@b", "x@y.1",
                           "price @ 100 kr", "@example.se"}) {
    EXPECT_FALSE(LooksIdentifying(text)) << text;
  }
}

TEST(LooksIdentifying, PhoneNumbers) {
  for (std::string text :
       {"ring 070-123 45 67", "0701234567", "+46 70 123 45 67", "+46701234567", "0046 70 123 45 67",
        "08-123 456 78", "(08) 123 45 67", "+46 (0)70-123 45 67", "rumänskt nummer +40 712 345 678",
        "08-123 456", "070 - 123 45 67", "tel.0701234567"}) {
    EXPECT_TRUE(LooksIdentifying(text)) << text;
  }
}

TEST(LooksIdentifying, OrdinaryNumbersAreNotFlagged) {
  for (std::string text : {"2024",
                           "120 berry pickers in Hälsingland",
                           "in 2019-2024",
                           "between 2023 2024",
                           "on 2024-05-12",
                           "on 05-06-2024",
                           "on 05.06.2024",
                           "10 000 kronor",
                           "a debt of 1 000 000 000 kr",
                           "kl 09:00-16:00",
                           "called 112",
                           "police on 114 14",
                           "victim support 116 006",
                           "the hotline 020-390 000",
                           "Skatteverket 0771-567 567",
                           "code KON-2026-000123",
                           "3 x 200 SEK",
                           "1.5 million",
                           "20240512",
                           "rooms 12 13 14 15",
                           "born 850101",
                           "born 1985-01-01",
                           "tel 070-12 34",
                           "week 32 of 2024, 40 people",
                           "20 x 200 x 2000 kr",
                           "age 16, 17 or 18",
                           "postnummer 981 31 Kiruna",
                           "",
                           "Ingen identifierande uppgift här."}) {
    EXPECT_FALSE(LooksIdentifying(text)) << text;
  }
}

TEST(LooksIdentifying, FindsTheNumberAmongOthers) {
  EXPECT_TRUE(LooksIdentifying("120 pickers, 2024, tel 0701234567"));
  EXPECT_TRUE(LooksIdentifying("2024-05-12 850101-1236"));
  EXPECT_TRUE(LooksIdentifying("0701234567 850101-1236"));
  EXPECT_TRUE(LooksIdentifying("0701234567 0702345678"));
  EXPECT_TRUE(LooksIdentifying("070-123 45 67 070-234 56 78 08-123 456 78"));
  EXPECT_TRUE(LooksIdentifying("10 000 kr; ring +46 70 123 45 67 efter 16"));
}

}  // namespace
}  // namespace opennrm::hotline
