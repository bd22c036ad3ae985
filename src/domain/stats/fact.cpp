#include "domain/stats/fact.hpp"

namespace opennrm::stats {

// Howard Hinnant's days_from_civil / civil_from_days (public domain), on the
// proleptic Gregorian calendar.
int32_t DayNumber(const CivilDate& date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned m = date.month;
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

CivilDate DateOfDayNumber(int32_t day) {
  const int32_t z = day + 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{y + (m <= 2 ? 1 : 0), m, d};
}

void GroupByOrganisation(FactSnapshot& snapshot) {
  const size_t n = snapshot.dictionary.organisations.size();
  // A fact whose code the dictionary lacks goes after every organisation's.
  auto group = [n](const Fact& f) { return f.organisation < n ? f.organisation : n; };
  std::vector<uint32_t> start(n + 2, 0);
  for (const Fact& f : snapshot.facts) ++start[group(f) + 1];
  for (size_t o = 1; o < start.size(); ++o) start[o] += start[o - 1];
  std::vector<Fact> grouped(snapshot.facts.size());
  std::vector<uint32_t> next(start.begin(), start.end() - 1);
  for (const Fact& f : snapshot.facts) grouped[next[group(f)]++] = f;
  snapshot.facts = std::move(grouped);
  start.pop_back();  // n + 1 entries: organisation n ends where the unknown ones start
  snapshot.organisation_start = std::move(start);
}

}  // namespace opennrm::stats
