// Office hours and response targets, with a fake zone that is plain UTC+1
// (the domain only sees local minutes; Stockholm's daylight-saving changes are
// the caller's conversion, tested in core/).
#include "domain/hotline/office_hours.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/stockholm_date_math.hpp"

namespace opennrm::hotline {
namespace {

constexpr long long kMinuteUs = 60LL * 1000 * 1000;
constexpr CivilDate kEpoch{1970, 1, 1};

long long FloorDiv(long long a, long long b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

LocalTimeZone UtcPlusOne() {
  LocalTimeZone zone;
  zone.to_local = [](long long at_us) {
    const long long minutes = FloorDiv(at_us, kMinuteUs) + 60;
    const long long days = FloorDiv(minutes, 1440);
    return LocalInstant{AddDays(kEpoch, static_cast<int>(days)),
                        static_cast<int>(minutes - days * 1440)};
  };
  zone.to_utc = [](LocalInstant local) {
    const long long minutes = DaysBetween(kEpoch, local.day) * 1440LL + local.minute_of_day - 60;
    return minutes * kMinuteUs;
  };
  return zone;
}

// UTC microseconds of a local (UTC+1) wall-clock time.
long long At(CivilDate day, int hour, int minute, int second = 0) {
  return UtcPlusOne().to_utc({day, hour * 60 + minute}) + second * 1000000LL;
}

constexpr CivilDate kTuesday{2026, 3, 10};
constexpr CivilDate kWednesday{2026, 3, 11};
constexpr CivilDate kFriday{2026, 3, 13};
constexpr CivilDate kSaturday{2026, 3, 14};
constexpr CivilDate kMonday{2026, 3, 16};

OfficeHours Hours() {
  OfficeHours h;  // weekdays 09:00-16:00, 60 and 480 minutes
  // Easter 2026: Good Friday and Easter Monday.
  h.holidays = {CivilDate{2026, 4, 3}, CivilDate{2026, 4, 6}};
  return h;
}

long long Due(const OfficeHours& h, Urgency u, long long received) {
  return RespondBy(h, u, received, UtcPlusOne());
}

std::vector<std::string> Rules(const Status& s) {
  std::vector<std::string> out;
  if (s) return out;
  for (const auto& f : s.error().fields) out.push_back(f.field + "/" + f.rule);
  return out;
}

TEST(OfficeHoursCheck, DefaultsAreValid) { EXPECT_TRUE(CheckOfficeHours(OfficeHours{})); }

TEST(OfficeHoursCheck, EveryBrokenRuleNamed) {
  OfficeHours h;
  h.weekdays = {};
  h.opens_minute = -1;
  h.closes_minute = 1441;
  h.urgent_minutes = 0;
  h.normal_minutes = -5;
  EXPECT_EQ(
      Rules(CheckOfficeHours(h)),
      (std::vector<std::string>{
          "hotline.weekdays/required", "hotline.opens/out_of_range", "hotline.closes/out_of_range",
          "hotline.urgent_minutes/out_of_range", "hotline.normal_minutes/out_of_range"}));
  h = OfficeHours{};
  h.weekdays = {1, 0, 8, 7};
  h.opens_minute = 16 * 60;
  h.closes_minute = 16 * 60;
  EXPECT_EQ(Rules(CheckOfficeHours(h)),
            (std::vector<std::string>{"hotline.weekdays[1]/out_of_range",
                                      "hotline.weekdays[2]/out_of_range",
                                      "hotline.closes/not_after_opens"}));
  h = OfficeHours{};
  h.opens_minute = 0;
  h.closes_minute = 1440;  // open round the clock
  EXPECT_TRUE(CheckOfficeHours(h));
}

TEST(OfficeHoursOpen, WeekdaysWithinHoursExceptHolidays) {
  const OfficeHours h = Hours();
  EXPECT_TRUE(IsOpen(h, kTuesday, 9 * 60));
  EXPECT_TRUE(IsOpen(h, kTuesday, 16 * 60 - 1));
  EXPECT_FALSE(IsOpen(h, kTuesday, 9 * 60 - 1));
  EXPECT_FALSE(IsOpen(h, kTuesday, 16 * 60));  // closing time is exclusive
  EXPECT_FALSE(IsOpen(h, kSaturday, 10 * 60));
  EXPECT_FALSE(IsOpen(h, CivilDate{2026, 3, 15}, 10 * 60));  // Sunday
  EXPECT_TRUE(IsOpen(h, kMonday, 10 * 60));
  EXPECT_FALSE(IsOpen(h, CivilDate{2026, 4, 3}, 10 * 60));  // Good Friday
  EXPECT_TRUE(IsOpen(h, CivilDate{2026, 4, 2}, 10 * 60));
}

TEST(OfficeHoursRespondBy, ImmediateDangerAtOnce) {
  const long long received = At(kSaturday, 3, 12, 7);
  EXPECT_EQ(Due(Hours(), Urgency::kImmediateDanger, received), received);
}

TEST(OfficeHoursRespondBy, WithinTheSameDay) {
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kTuesday, 10, 0)), At(kTuesday, 11, 0));
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kTuesday, 15, 0)), At(kTuesday, 16, 0));
}

TEST(OfficeHoursRespondBy, SecondsPastTheMinuteCarryOver) {
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kTuesday, 10, 0, 30)), At(kTuesday, 11, 0, 30));
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kTuesday, 15, 30, 30)), At(kWednesday, 9, 30, 30));
  // Counted from the opening: no carry.
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kTuesday, 7, 30, 45)), At(kTuesday, 10, 0));
}

TEST(OfficeHoursRespondBy, RestOfTheTargetOnTheNextOpenDay) {
  // 360 minutes on Tuesday, 120 on Wednesday.
  EXPECT_EQ(Due(Hours(), Urgency::kNormal, At(kTuesday, 10, 0)), At(kWednesday, 11, 0));
}

TEST(OfficeHoursRespondBy, BeforeOpeningCountsFromOpening) {
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kTuesday, 0, 5)), At(kTuesday, 10, 0));
  // 420 minutes on Tuesday from 09:00, 60 on Wednesday.
  EXPECT_EQ(Due(Hours(), Urgency::kNormal, At(kTuesday, 8, 59)), At(kWednesday, 10, 0));
}

TEST(OfficeHoursRespondBy, AfterClosingCountsFromNextOpening) {
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kTuesday, 16, 0)), At(kWednesday, 10, 0));
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kTuesday, 23, 59)), At(kWednesday, 10, 0));
}

TEST(OfficeHoursRespondBy, OverTheWeekend) {
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kFriday, 15, 30)), At(kMonday, 9, 30));
  EXPECT_EQ(Due(Hours(), Urgency::kUrgent, At(kSaturday, 12, 0)), At(kMonday, 10, 0));
  EXPECT_EQ(Due(Hours(), Urgency::kNormal, At(kFriday, 17, 0)), At(CivilDate{2026, 3, 17}, 10, 0));
}

TEST(OfficeHoursRespondBy, OverHolidays) {
  // Maundy Thursday 15:00: 60 minutes, then Good Friday, the weekend and
  // Easter Monday closed; the remaining 420 minutes fill Tuesday exactly.
  EXPECT_EQ(Due(Hours(), Urgency::kNormal, At(CivilDate{2026, 4, 2}, 15, 0)),
            At(CivilDate{2026, 4, 7}, 16, 0));
}

TEST(OfficeHoursRespondBy, TargetSpanningSeveralDays) {
  OfficeHours h = Hours();
  h.normal_minutes = 3 * 420 + 30;
  EXPECT_EQ(Due(h, Urgency::kNormal, At(kMonday, 9, 0)), At(CivilDate{2026, 3, 19}, 9, 30));
  // Across Easter: Thursday 2 April, Tuesday 7, Wednesday 8, then Thursday 9.
  EXPECT_EQ(Due(h, Urgency::kNormal, At(CivilDate{2026, 4, 2}, 9, 0)),
            At(CivilDate{2026, 4, 9}, 9, 30));
}

TEST(OfficeHoursRespondBy, RoundTheClockEndsAtMidnight) {
  OfficeHours h;
  h.weekdays = {1, 2, 3, 4, 5, 6, 7};
  h.opens_minute = 0;
  h.closes_minute = 1440;
  EXPECT_EQ(Due(h, Urgency::kUrgent, At(kTuesday, 23, 0)), At(kWednesday, 0, 0));
  EXPECT_EQ(Due(h, Urgency::kUrgent, At(kTuesday, 23, 30)), At(kWednesday, 0, 30));
}

TEST(OfficeHoursRespondBy, NoOpenDayFallsBackToWallClock) {
  OfficeHours h = Hours();
  h.weekdays = {};
  const long long received = At(kTuesday, 10, 0);
  EXPECT_EQ(Due(h, Urgency::kUrgent, received), received + 60 * kMinuteUs);
  // A target longer than 60 days of office hours also falls back.
  h = Hours();
  h.normal_minutes = 61 * 420;
  EXPECT_EQ(Due(h, Urgency::kNormal, received), received + 61 * 420 * kMinuteUs);
}

TEST(OfficeHoursRespondBy, UsesTheCallersZone) {
  // The same local 10:00 is a different UTC instant in a UTC+2 zone, and the
  // due time follows local office hours.
  LocalTimeZone plus_two = UtcPlusOne();
  auto plus_one = UtcPlusOne();
  plus_two.to_local = [plus_one](long long at_us) {
    return plus_one.to_local(at_us + 60 * kMinuteUs);
  };
  plus_two.to_utc = [plus_one](LocalInstant l) { return plus_one.to_utc(l) - 60 * kMinuteUs; };
  const long long received = plus_two.to_utc({kTuesday, 15 * 60 + 30});
  EXPECT_EQ(RespondBy(Hours(), Urgency::kUrgent, received, plus_two),
            plus_two.to_utc({kWednesday, 9 * 60 + 30}));
}

}  // namespace
}  // namespace opennrm::hotline
