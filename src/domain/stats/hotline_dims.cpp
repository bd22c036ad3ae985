#include "domain/stats/hotline_dims.hpp"

#include <cstdio>

#include "domain/stats/fact.hpp"

namespace opennrm::stats {

namespace {

// Monday = 1 ... Sunday = 7; day 0 (1970-01-01) was a Thursday.
int IsoWeekday(int32_t day) {
  int r = (day + 3) % 7;
  if (r < 0) r += 7;
  return r + 1;
}

std::string Format(const char* pattern, int a, int b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, pattern, a, b);
  return buf;
}

}  // namespace

std::string IsoWeekKey(const CivilDate& date) {
  const int32_t day = DayNumber(date);
  const int32_t thursday = day - (IsoWeekday(day) - 1) + 3;
  const CivilDate t = DateOfDayNumber(thursday);
  const int32_t first_of_year = DayNumber(CivilDate{t.year, 1, 1});
  const int week = (thursday - first_of_year) / 7 + 1;
  return Format("%04d-W%02d", t.year, week);
}

std::vector<std::string> IsoWeeksOf(int year) {
  std::vector<std::string> out;
  const int32_t last = DayNumber(CivilDate{year, 12, 31});
  for (int32_t d = DayNumber(CivilDate{year, 1, 1}); d <= last; ++d) {
    std::string key = IsoWeekKey(DateOfDayNumber(d));
    if (out.empty() || out.back() != key) out.push_back(std::move(key));
  }
  return out;
}

std::string MonthKey(const CivilDate& date) {
  return Format("%04d-%02d", date.year, static_cast<int>(date.month));
}

std::vector<std::string> MonthsOf(int year) {
  std::vector<std::string> out;
  for (unsigned m = 1; m <= 12; ++m) out.push_back(MonthKey(CivilDate{year, m, 1}));
  return out;
}

std::string ProfessionalType(const std::optional<orgs::Kind>& caller_kind) {
  return std::string(orgs::ToString(caller_kind.value_or(orgs::Kind::kOther)));
}

std::vector<std::string> ProfessionalTypes() {
  std::vector<std::string> out;
  for (orgs::Kind k : orgs::AllKinds()) {
    if (k != orgs::Kind::kOther) out.emplace_back(orgs::ToString(k));
  }
  out.emplace_back(orgs::ToString(orgs::Kind::kOther));
  return out;
}

const std::vector<ResponseBucket>& AllResponseBuckets() {
  static const std::vector<ResponseBucket> all{ResponseBucket::kWithinTarget, ResponseBucket::kLate,
                                               ResponseBucket::kNoResponseYet};
  return all;
}

std::string_view ToString(ResponseBucket bucket) {
  switch (bucket) {
    case ResponseBucket::kWithinTarget:
      return "within_target";
    case ResponseBucket::kLate:
      return "late";
    case ResponseBucket::kNoResponseYet:
      return "no_response_yet";
  }
  return "no_response_yet";
}

ResponseBucket ResponseBucketOf(long long respond_by_us,
                                const std::optional<long long>& first_response_at_us) {
  if (!first_response_at_us) return ResponseBucket::kNoResponseYet;
  return *first_response_at_us <= respond_by_us ? ResponseBucket::kWithinTarget
                                                : ResponseBucket::kLate;
}

}  // namespace opennrm::stats
