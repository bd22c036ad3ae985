#include "cli/holidays_file.hpp"

#include <toml++/toml.h>

#include <optional>

#include "cli/reference_files.hpp"
#include "cli/toml_table_reader.hpp"

namespace opennrm::cli {

namespace {

constexpr int kFormat = 1;

enum class DayKind { kPublicHoliday, kClosingDay };

std::optional<DayKind> ParseDayKind(std::string_view text) {
  if (text == "public_holiday") return DayKind::kPublicHoliday;
  if (text == "closing_day") return DayKind::kClosingDay;
  return std::nullopt;
}

Result<ClosedDay> ReadDay(const toml::table& t, std::size_t index, const std::string& path,
                          const HolidayCalendar& so_far) {
  TableReader r(t, TableReader::Indexed("days", index), path);
  r.OnlyKeys({"date", "name_sv", "name_en", "kind", "source"});
  ClosedDay day;
  DayKind kind = DayKind::kPublicHoliday;
  r.Date("date", day.date);
  r.Text("name_sv", day.name_sv);
  r.Text("name_en", day.name_en);
  r.Word("kind", kind, &ParseDayKind);
  r.Text("source", day.source);
  if (r.ok() && (day.name_sv.empty() || day.name_en.empty()))
    r.Problem(t.get("name_sv"), "name_sv", "required", "and name_en must not be empty.");
  if (r.ok() && day.source.empty())
    r.Problem(t.get("source"), "source", "required", "must name where the day comes from.");
  if (r.ok() && (day.date.year < so_far.first_year || day.date.year > so_far.last_year))
    r.Problem(t.get("date"), "date", "out_of_range",
              "is outside first_year..last_year (" + std::to_string(so_far.first_year) + ".." +
                  std::to_string(so_far.last_year) + ").");
  if (r.ok() && !so_far.days.empty() && !(so_far.days.back().date < day.date))
    r.Problem(t.get("date"), "date", "order",
              "must come after the previous day (" + FormatIsoDate(so_far.days.back().date) +
                  "): each date once, in order.");
  if (!r.ok()) return tl::unexpected(r.status().error());
  day.public_holiday = kind == DayKind::kPublicHoliday;
  return day;
}

}  // namespace

std::vector<CivilDate> HolidayCalendar::Dates() const {
  std::vector<CivilDate> out;
  out.reserve(days.size());
  for (const auto& d : days) out.push_back(d.date);
  return out;
}

Result<HolidayCalendar> ParseHolidays(std::string_view text, const std::string& path) {
  auto parsed = ParseTomlText(text, path);
  if (!parsed) return tl::unexpected(parsed.error());
  const toml::table& root = *parsed;
  TableReader top(root, "", path);
  top.OnlyKeys({"format", "first_year", "last_year", "days"});
  int format = 0;
  HolidayCalendar calendar;
  top.Integer("format", format);
  if (top.ok() && format != kFormat) {
    top.Problem(root.get("format"), "format", "unsupported",
                "must be " + std::to_string(kFormat) + ".");
  }
  top.Integer("first_year", calendar.first_year);
  top.Integer("last_year", calendar.last_year);
  if (top.ok() && (calendar.first_year < 1900 || calendar.last_year > 2999 ||
                   calendar.last_year < calendar.first_year)) {
    top.Problem(root.get("last_year"), "last_year", "range",
                "must be a year from first_year to 2999 (first_year from 1900).");
  }
  const auto tables = top.Tables("days", true);
  if (!top.ok()) return tl::unexpected(top.status().error());
  if (tables.empty()) return Invalid("days", "required", path + ": the file has no [[days]].");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    auto day = ReadDay(*tables[i], i, path, calendar);
    if (!day) return tl::unexpected(day.error());
    calendar.days.push_back(std::move(*day));
  }
  return calendar;
}

Result<HolidayCalendar> ReadHolidays(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseHolidays(*text, path);
}

}  // namespace opennrm::cli
