#include "domain/cases/date_of_birth.hpp"

#include <gtest/gtest.h>

namespace opennrm::cases {
namespace {

PartialDate P(const char* text) { return *ParsePartialDate(text); }

TEST(DateOfBirth, AgeOnCountsCompletedYears) {
  EXPECT_EQ(AgeOn({2008, 5, 17}, {2026, 5, 16}), 17);
  EXPECT_EQ(AgeOn({2008, 5, 17}, {2026, 5, 17}), 18);
  EXPECT_EQ(AgeOn({2008, 5, 17}, {2000, 1, 1}), 0);  // before birth
  // Born on a leap day: the birthday falls on 1 March in other years.
  EXPECT_EQ(AgeOn({2008, 2, 29}, {2026, 2, 28}), 17);
  EXPECT_EQ(AgeOn({2008, 2, 29}, {2026, 3, 1}), 18);
  EXPECT_EQ(EighteenthBirthday({2008, 2, 29}), (CivilDate{2026, 3, 1}));
  EXPECT_EQ(EighteenthBirthday({2006, 2, 28}), (CivilDate{2024, 2, 28}));
}

TEST(MayBeChild, FullDateTurnsEighteenOnTheBirthday) {
  std::optional<DateOfBirth> dob = P("2008-05-17");
  EXPECT_TRUE(MayBeChild(dob, false, {2026, 5, 16}));
  EXPECT_FALSE(MayBeChild(dob, false, {2026, 5, 17}));
}

TEST(MayBeChild, LeapDayBirthIsAChildUntilFirstOfMarch) {
  std::optional<DateOfBirth> dob = P("2008-02-29");
  EXPECT_TRUE(MayBeChild(dob, false, {2026, 2, 28}));
  EXPECT_FALSE(MayBeChild(dob, false, {2026, 3, 1}));
}

TEST(MayBeChild, PartialYearIsAChildWhileAnyDayInsideWouldBe) {
  std::optional<DateOfBirth> dob = P("2008");
  // Born on 31 December 2008 at the latest: under 18 until 31 December 2026.
  EXPECT_TRUE(MayBeChild(dob, false, {2026, 1, 1}));
  EXPECT_TRUE(MayBeChild(dob, false, {2026, 12, 30}));
  EXPECT_FALSE(MayBeChild(dob, false, {2026, 12, 31}));
}

TEST(MayBeChild, PartialMonthUsesTheLastDayOfTheMonth) {
  std::optional<DateOfBirth> dob = P("2008-02");  // latest 29 February 2008
  EXPECT_TRUE(MayBeChild(dob, false, {2026, 2, 28}));
  EXPECT_FALSE(MayBeChild(dob, false, {2026, 3, 1}));
  std::optional<DateOfBirth> june = P("2008-06");
  EXPECT_TRUE(MayBeChild(june, false, {2026, 6, 29}));
  EXPECT_FALSE(MayBeChild(june, false, {2026, 6, 30}));
}

TEST(MayBeChild, AgeRangeCountsFromTheYoungestEstimate) {
  // Estimated 16-19 on 15 March 2026: could be born as late as 15 March 2010.
  std::optional<DateOfBirth> dob = AgeRange{16, 19, {2026, 3, 15}};
  EXPECT_TRUE(MayBeChild(dob, false, {2026, 3, 15}));
  EXPECT_TRUE(MayBeChild(dob, false, {2028, 3, 14}));
  EXPECT_FALSE(MayBeChild(dob, false, {2028, 3, 15}));
  // An estimate that straddles 18 still may be a child today.
  std::optional<DateOfBirth> straddle = AgeRange{17, 25, {2026, 3, 15}};
  EXPECT_TRUE(MayBeChild(straddle, false, {2026, 3, 15}));
  std::optional<DateOfBirth> adult = AgeRange{18, 25, {2026, 3, 15}};
  EXPECT_FALSE(MayBeChild(adult, false, {2026, 3, 15}));
}

TEST(MayBeChild, AgeRangeEstimatedOnALeapDay) {
  std::optional<DateOfBirth> dob = AgeRange{17, 17, {2024, 2, 29}};
  // Latest birth: 28 February 2007 (17 on the day of the estimate).
  EXPECT_EQ(LatestBirth(*dob), (CivilDate{2007, 2, 28}));
  EXPECT_EQ(AgeOn(LatestBirth(*dob), {2024, 2, 29}), 17);
  EXPECT_TRUE(MayBeChild(dob, false, {2025, 2, 27}));
  EXPECT_FALSE(MayBeChild(dob, false, {2025, 2, 28}));
}

TEST(MayBeChild, AClaimAlwaysCountsAndNoDateIsAnAdultWithoutOne) {
  std::optional<DateOfBirth> adult = P("1990-01-01");
  EXPECT_TRUE(MayBeChild(adult, true, {2026, 3, 15}));
  EXPECT_TRUE(MayBeChild(std::nullopt, true, {2026, 3, 15}));
  EXPECT_FALSE(MayBeChild(std::nullopt, false, {2026, 3, 15}));
}

TEST(DateOfBirth, AgeRangeBounds) {
  DateOfBirth dob = AgeRange{16, 19, {2026, 3, 15}};
  EXPECT_EQ(LatestBirth(dob), (CivilDate{2010, 3, 15}));
  EXPECT_EQ(EarliestBirth(dob), (CivilDate{2006, 3, 16}));
  EXPECT_EQ(AgeOn(EarliestBirth(dob), {2026, 3, 15}), 19);
  EXPECT_EQ(AgeOn(CivilDate{2006, 3, 15}, {2026, 3, 15}), 20);  // one day earlier: too old
  auto span = PossibleAgesOn(dob, {2027, 3, 15});
  EXPECT_EQ(span.youngest, 17);
  EXPECT_EQ(span.oldest, 20);
  auto year = PossibleAgesOn(P("2008"), {2026, 6, 1});
  EXPECT_EQ(year.youngest, 17);
  EXPECT_EQ(year.oldest, 18);
}

}  // namespace
}  // namespace opennrm::cases
