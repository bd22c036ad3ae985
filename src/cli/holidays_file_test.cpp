// The closing days the product ships (data/rules/holidays.toml), read the way
// the server reads them: every year 2024-2032 holds the thirteen public
// holidays of Lag (1989:253) that fall on fixed or Easter-bound dates, with
// the Saturdays and Fridays the law and the unit define, and the three eves;
// then files that must be refused, each naming the file, the line and the key.
#include "cli/holidays_file.hpp"
#include "cli/shipped_data_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/stockholm_date_math.hpp"

namespace opennrm::cli {
namespace {

const HolidayCalendar& Shipped() {
  static const HolidayCalendar calendar = [] {
    auto c = ReadHolidays(testing::ShippedData("rules/holidays.toml"));
    EXPECT_TRUE(c) << (c ? "" : c.error().message);
    return c ? std::move(*c) : HolidayCalendar{};
  }();
  return calendar;
}

const ClosedDay* Find(const std::string& iso) {
  const auto d = ParseIsoDate(iso);
  if (!d) return nullptr;
  for (const auto& day : Shipped().days) {
    if (day.date == *d) return &day;
  }
  return nullptr;
}

// ISO weekday, 1 Monday .. 7 Sunday (2024-01-01 was a Monday).
int Weekday(CivilDate d) { return DaysBetween(CivilDate{2024, 1, 1}, d) % 7 + 1; }

TEST(ShippedHolidays, CoverTheYears2024To2032) {
  EXPECT_EQ(Shipped().first_year, 2024);
  EXPECT_EQ(Shipped().last_year, 2032);
  std::map<int, int> per_year;
  for (const auto& d : Shipped().days) ++per_year[d.date.year];
  for (int y = 2024; y <= 2032; ++y) EXPECT_EQ(per_year[y], 16) << y;
  EXPECT_EQ(Shipped().Dates().size(), Shipped().days.size());
}

TEST(ShippedHolidays, NameTheDaysOf2026) {
  const ClosedDay* easter_monday = Find("2026-04-06");
  ASSERT_NE(easter_monday, nullptr);
  EXPECT_EQ(easter_monday->name_en, "Easter Monday");
  EXPECT_TRUE(easter_monday->public_holiday);
  EXPECT_NE(easter_monday->source.find("1989:253"), std::string::npos);
  const ClosedDay* midsummer_eve = Find("2026-06-19");
  ASSERT_NE(midsummer_eve, nullptr);
  EXPECT_EQ(midsummer_eve->name_sv, "Midsommarafton");
  EXPECT_FALSE(midsummer_eve->public_holiday);  // the unit closes; not a holiday in law
  for (const char* iso : {"2026-01-01", "2026-01-06", "2026-04-03", "2026-04-05", "2026-05-01",
                          "2026-05-14", "2026-05-24", "2026-06-06", "2026-06-20", "2026-10-31",
                          "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31"}) {
    EXPECT_NE(Find(iso), nullptr) << iso;
  }
  EXPECT_EQ(Find("2026-04-07"), nullptr);  // an ordinary Tuesday
  EXPECT_EQ(Find("2026-06-05"), nullptr);
}

TEST(ShippedHolidays, FollowTheLawEveryYear) {
  // Easter Sunday (Gregorian), as published.
  const std::map<int, CivilDate> easter = {
      {2024, {2024, 3, 31}}, {2025, {2025, 4, 20}}, {2026, {2026, 4, 5}},
      {2027, {2027, 3, 28}}, {2028, {2028, 4, 16}}, {2029, {2029, 4, 1}},
      {2030, {2030, 4, 21}}, {2031, {2031, 4, 13}}, {2032, {2032, 3, 28}}};
  for (const auto& [year, sunday] : easter) {
    SCOPED_TRACE(year);
    // The day at `d`, named `name_en` (a failure, and a blank day, when it is not there).
    auto named = [&](CivilDate d, const std::string& name_en) -> ClosedDay {
      const ClosedDay* day = Find(FormatIsoDate(d));
      EXPECT_NE(day, nullptr) << FormatIsoDate(d) << " " << name_en;
      if (!day) return ClosedDay{};
      EXPECT_EQ(day->name_en, name_en) << FormatIsoDate(d);
      return *day;
    };
    named(CivilDate{year, 1, 1}, "New Year's Day");
    named(CivilDate{year, 1, 6}, "Epiphany");
    named(AddDays(sunday, -2), "Good Friday");
    named(sunday, "Easter Sunday");
    named(AddDays(sunday, 1), "Easter Monday");
    named(CivilDate{year, 5, 1}, "May Day");
    named(AddDays(sunday, 39), "Ascension Day");
    named(AddDays(sunday, 49), "Whit Sunday");
    named(CivilDate{year, 6, 6}, "National Day of Sweden");
    named(CivilDate{year, 12, 25}, "Christmas Day");
    named(CivilDate{year, 12, 26}, "Boxing Day");
    EXPECT_FALSE(named(CivilDate{year, 12, 24}, "Christmas Eve").public_holiday);
    EXPECT_FALSE(named(CivilDate{year, 12, 31}, "New Year's Eve").public_holiday);
    for (const auto& day : Shipped().days) {
      if (day.date.year != year) continue;
      if (day.name_en == "Midsummer Day") {
        EXPECT_EQ(Weekday(day.date), 6);
        EXPECT_TRUE(day.date.month == 6 && day.date.day >= 20 && day.date.day <= 26);
        named(AddDays(day.date, -1), "Midsummer Eve");
      }
      if (day.name_en == "All Saints' Day") {
        EXPECT_EQ(Weekday(day.date), 6);
        const CivilDate from{year, 10, 31};
        EXPECT_TRUE(DaysBetween(from, day.date) >= 0 && DaysBetween(from, day.date) <= 6);
      }
    }
  }
}

TEST(HolidaysFile, RefusesWhatTheServerMustNotGuess) {
  const std::string head = "format = 1\nfirst_year = 2026\nlast_year = 2026\n";
  const std::string day =
      "[[days]]\ndate = 2026-01-01\nname_sv = \"N\"\nname_en = \"N\"\nkind = "
      "\"public_holiday\"\nsource = \"Lag (1989:253)\"\n";
  ASSERT_TRUE(ParseHolidays(head + day, "h.toml"));
  struct Case {
    std::string text;
    std::string field;
    std::string rule;
  };
  const std::vector<Case> cases = {
      {head + day + day, "days[1].date", "order"},
      {"format = 1\nfirst_year = 2027\nlast_year = 2027\n" + day, "days[0].date", "out_of_range"},
      {head + "[[days]]\ndate = \"2026-01-01\"\nname_sv = \"N\"\nname_en = \"N\"\nkind = "
              "\"public_holiday\"\nsource = \"x\"\n",
       "days[0].date", "type"},
      {head + "[[days]]\ndate = 2026-01-01\nname_sv = \"N\"\nname_en = \"N\"\nkind = "
              "\"feast\"\nsource = \"x\"\n",
       "days[0].kind", "unknown_value"},
      {head + "[[days]]\ndate = 2026-01-01\nname_sv = \"N\"\nname_en = \"N\"\nkind = "
              "\"public_holiday\"\nsource = \"\"\n",
       "days[0].source", "required"},
      {head + "[[days]]\ndate = 2026-01-01\nname_sv = \"N\"\nname_en = \"N\"\nkind = "
              "\"public_holiday\"\nsource = \"x\"\nopen = false\n",
       "days[0].open", "unknown_key"},
      {"format = 2\nfirst_year = 2026\nlast_year = 2026\n" + day, "format", "unsupported"},
      {head, "days", "required"},
  };
  for (const auto& c : cases) {
    auto r = ParseHolidays(c.text, "h.toml");
    ASSERT_FALSE(r) << c.field;
    ASSERT_FALSE(r.error().fields.empty()) << r.error().message;
    EXPECT_EQ(r.error().fields[0].field, c.field) << r.error().message;
    EXPECT_EQ(r.error().fields[0].rule, c.rule) << r.error().message;
    EXPECT_EQ(r.error().message.rfind("h.toml", 0), 0u) << r.error().message;
  }
}

}  // namespace
}  // namespace opennrm::cli
