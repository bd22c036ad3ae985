#include "domain/clocks/clock_rule.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "core/stockholm_date_math.hpp"

namespace opennrm::clocks {

namespace {

template <class E, size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

template <class E, size_t N>
std::string_view NameOf(const Names<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "unknown";
}

template <class E, size_t N>
std::optional<E> ValueOf(const Names<E, N>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (name == text) return v;
  }
  return std::nullopt;
}

constexpr Names<ClockKind, 6> kKinds{{
    {ClockKind::kReflectionPeriod, "reflection_period"},
    {ClockKind::kResidencePermitCooperation, "residence_permit_cooperation"},
    {ClockKind::kProtectionAssessment, "protection_assessment"},
    {ClockKind::kCustodyCourtSubmission, "custody_court_submission"},
    {ClockKind::kCustodyCareApplication, "custody_care_application"},
    {ClockKind::kSupportProgrammePeriod, "support_programme_period"},
}};

constexpr Names<Basis, 2> kBases{{
    {Basis::kLaw, "law"},
    {Basis::kProgrammeRules, "programme_rules"},
}};

constexpr Names<Party, 5> kParties{{
    {Party::kSocialWelfareBoard, "social_welfare_board"},
    {Party::kHeadOfPreliminaryInvestigation, "head_of_preliminary_investigation"},
    {Party::kMigrationAgency, "migration_agency"},
    {Party::kCertifiedProvider, "certified_provider"},
    {Party::kSupportProgramme, "support_programme"},
}};

constexpr Names<DurationUnit, 4> kUnits{{
    {DurationUnit::kDays, "days"},
    {DurationUnit::kWeeks, "weeks"},
    {DurationUnit::kMonths, "months"},
    {DurationUnit::kSameOrNextDay, "same_or_next_day"},
}};

constexpr Names<Counting, 2> kCountings{{
    {Counting::kPeriod, "period"},
    {Counting::kTimeLimit, "time_limit"},
}};

constexpr Names<Bound, 3> kBounds{{
    {Bound::kExact, "exact"},
    {Bound::kAtLeast, "at_least"},
    {Bound::kAtMost, "at_most"},
}};

// Stable words: lower-case letters, digits and underscores, starting with a letter.
bool IsWord(std::string_view s) {
  if (s.empty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Longest default length we accept, so that date maths stays far from overflow.
constexpr int kMaxCount = 3660;

void CheckDuration(const Duration& d, Problems& problems) {
  if (d.unit == DurationUnit::kSameOrNextDay) {
    if (d.count != 0) {
      problems.Add("duration.count", "not_allowed", "A same-or-next-day duration has no count.");
    }
    if (d.counting != Counting::kTimeLimit) {
      problems.Add("duration.counting", "same_or_next_day_is_time_limit",
                   "A same-or-next-day duration counts as a time limit.");
    }
    return;
  }
  if (d.count < 1 || d.count > kMaxCount) {
    problems.Add("duration.count", "range",
                 "The duration's count must be between 1 and " + std::to_string(kMaxCount) + ".");
  }
}

}  // namespace

std::string_view ToString(ClockKind kind) { return NameOf(kKinds, kind); }
std::optional<ClockKind> ParseClockKind(std::string_view text) { return ValueOf(kKinds, text); }
std::string_view ToString(Basis basis) { return NameOf(kBases, basis); }
std::optional<Basis> ParseBasis(std::string_view text) { return ValueOf(kBases, text); }
std::string_view ToString(Party party) { return NameOf(kParties, party); }
std::optional<Party> ParseParty(std::string_view text) { return ValueOf(kParties, text); }
std::string_view ToString(DurationUnit unit) { return NameOf(kUnits, unit); }
std::optional<DurationUnit> ParseDurationUnit(std::string_view text) {
  return ValueOf(kUnits, text);
}
std::string_view ToString(Counting counting) { return NameOf(kCountings, counting); }
std::optional<Counting> ParseCounting(std::string_view text) { return ValueOf(kCountings, text); }
std::string_view ToString(Bound bound) { return NameOf(kBounds, bound); }
std::optional<Bound> ParseBound(std::string_view text) { return ValueOf(kBounds, text); }

CivilDate DefaultEnd(const Duration& d, CivilDate start) {
  const bool period = d.counting == Counting::kPeriod;
  switch (d.unit) {
    case DurationUnit::kSameOrNextDay:
      return AddDays(start, 1);
    case DurationUnit::kDays:
      return AddDays(start, period ? d.count - 1 : d.count);
    case DurationUnit::kWeeks:
      return AddDays(start, period ? 7 * d.count - 1 : 7 * d.count);
    case DurationUnit::kMonths: {
      const CivilDate same_day = AddMonths(start, d.count);
      if (!period) return same_day;
      // A period of months ends the day before the same day of the month; when
      // that month has no such day, the period ends on its last day.
      return AddMonthsClamps(start, d.count) ? same_day : AddDays(same_day, -1);
    }
  }
  return start;
}

bool InForceOn(const ClockRule& rule, CivilDate day) {
  return rule.valid_from <= day && (!rule.valid_to || day <= *rule.valid_to);
}

bool MayApply(const ClockRule& rule, Party party) {
  return std::find(rule.applicants.begin(), rule.applicants.end(), party) != rule.applicants.end();
}

Status ValidateRule(const ClockRule& rule) {
  Problems problems;
  if (!IsWord(rule.id)) {
    problems.Add("id", "format", "A rule id is a lower-case word (a-z, 0-9, _).");
  }
  if (rule.version < 1) problems.Add("version", "range", "Versions start at 1.");
  if (rule.title.empty()) problems.Add("title", "required", "A rule needs a title.");
  if (rule.legal_reference.empty()) {
    problems.Add("legal_reference", "required",
                 "A rule names its legal reference (or the programme rules it comes from).");
  }
  if (rule.source.empty()) problems.Add("source", "required", "A rule names its source.");
  if (!IsRealDate(rule.valid_from)) {
    problems.Add("valid_from", "date", "valid_from is not a calendar date.");
  }
  if (rule.valid_to && !IsRealDate(*rule.valid_to)) {
    problems.Add("valid_to", "date", "valid_to is not a calendar date.");
  } else if (rule.valid_to && *rule.valid_to < rule.valid_from) {
    problems.Add("valid_to", "before_valid_from", "valid_to is before valid_from.");
  }
  if (std::set<Party>(rule.applicants.begin(), rule.applicants.end()).size() !=
      rule.applicants.size()) {
    problems.Add("applicants", "duplicate", "An applicant is listed twice.");
  }
  CheckDuration(rule.duration, problems);
  std::set<int> offsets;
  for (size_t i = 0; i < rule.reminder_days_before_end.size(); ++i) {
    const int days = rule.reminder_days_before_end[i];
    const std::string field = "reminder_days_before_end[" + std::to_string(i) + "]";
    if (days < 0 || days > kMaxCount) {
      problems.Add(field, "range", "A reminder comes 0 or more days before the end.");
    } else if (!offsets.insert(days).second) {
      problems.Add(field, "duplicate", "The same reminder is listed twice.");
    }
  }
  std::set<std::string> condition_ids;
  for (size_t i = 0; i < rule.conditions.size(); ++i) {
    const auto& c = rule.conditions[i];
    const std::string field = "conditions[" + std::to_string(i) + "]";
    if (!IsWord(c.id)) {
      problems.Add(field + ".id", "format", "A condition id is a lower-case word.");
    } else if (!condition_ids.insert(c.id).second) {
      problems.Add(field + ".id", "duplicate", "Condition '" + c.id + "' is listed twice.");
    }
    if (c.text.empty()) problems.Add(field + ".text", "required", "A condition needs a text.");
  }
  if (rule.max_renewals && (!rule.renewable || *rule.max_renewals < 1)) {
    problems.Add("max_renewals", "range",
                 "max_renewals is 1 or more, and only for a renewable rule.");
  }
  if (!rule.end_task.empty() && !IsWord(rule.end_task)) {
    problems.Add("end_task", "format", "A task name is a lower-case word.");
  }
  return problems.ToStatus("The clock rule '" + rule.id + "' breaks one or more rules.");
}

}  // namespace opennrm::clocks
