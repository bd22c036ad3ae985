#include "domain/stats/crime_figures.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

namespace opennrm::stats {

namespace {

struct OffenceInfo {
  Offence offence;
  std::string_view name;
  std::string_view reference;
};

constexpr std::array<OffenceInfo, 5> kOffences{{
    {Offence::kTrafficking, "trafficking", "BrB 4 kap. 1 a §"},
    {Offence::kHumanExploitation, "human_exploitation", "BrB 4 kap. 1 b §"},
    {Offence::kProcuring, "procuring", "BrB 6 kap. 12 §"},
    {Offence::kPurchaseOfSexualAct, "purchase_of_sexual_act", "BrB 6 kap. 11 §"},
    {Offence::kChildSexualActPurchase, "child_sexual_act_purchase", "BrB 6 kap. 9 §"},
}};

constexpr std::array<std::pair<CrimeMeasure, std::string_view>, 4> kMeasures{{
    {CrimeMeasure::kReportedOffences, "reported_offences"},
    {CrimeMeasure::kSuspectedPersons, "suspected_persons"},
    {CrimeMeasure::kProsecutedPersons, "prosecuted_persons"},
    {CrimeMeasure::kConvictedPersons, "convicted_persons"},
}};

constexpr std::array<std::pair<CrimeBreakdown, std::string_view>, 5> kBreakdowns{{
    {CrimeBreakdown::kTotal, "total"},
    {CrimeBreakdown::kSex, "sex"},
    {CrimeBreakdown::kAge, "age"},
    {CrimeBreakdown::kCitizenship, "citizenship"},
    {CrimeBreakdown::kForm, "form"},
}};

template <typename E, size_t N>
std::vector<E> FirstsOf(const std::array<std::pair<E, std::string_view>, N>& table) {
  std::vector<E> out;
  for (const auto& [e, name] : table) out.push_back(e);
  return out;
}

template <typename E, size_t N>
std::string_view NameIn(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [x, name] : table) {
    if (x == e) return name;
  }
  return "";
}

template <typename E, size_t N>
std::optional<E> Find(const std::array<std::pair<E, std::string_view>, N>& table,
                      std::string_view text) {
  for (const auto& [x, name] : table) {
    if (name == text) return x;
  }
  return std::nullopt;
}

size_t CategoryRank(CrimeBreakdown breakdown, std::string_view category) {
  const auto& list = CrimeCategoriesOf(breakdown);
  return static_cast<size_t>(std::find(list.begin(), list.end(), category) - list.begin());
}

}  // namespace

const std::vector<Offence>& AllOffences() {
  static const std::vector<Offence> kAll = [] {
    std::vector<Offence> v;
    for (const auto& o : kOffences) v.push_back(o.offence);
    return v;
  }();
  return kAll;
}

std::string_view ToString(Offence offence) {
  for (const auto& o : kOffences) {
    if (o.offence == offence) return o.name;
  }
  return "";
}

std::optional<Offence> ParseOffence(std::string_view text) {
  for (const auto& o : kOffences) {
    if (o.name == text) return o.offence;
  }
  return std::nullopt;
}

std::string_view PenalCodeReference(Offence offence) {
  for (const auto& o : kOffences) {
    if (o.offence == offence) return o.reference;
  }
  return "";
}

const std::vector<CrimeMeasure>& AllCrimeMeasures() {
  static const std::vector<CrimeMeasure> kAll = FirstsOf(kMeasures);
  return kAll;
}

std::string_view ToString(CrimeMeasure measure) { return NameIn(kMeasures, measure); }

std::optional<CrimeMeasure> ParseCrimeMeasure(std::string_view text) {
  return Find(kMeasures, text);
}

bool CountsPersons(CrimeMeasure measure) { return measure != CrimeMeasure::kReportedOffences; }

const std::vector<CrimeBreakdown>& AllCrimeBreakdowns() {
  static const std::vector<CrimeBreakdown> kAll = FirstsOf(kBreakdowns);
  return kAll;
}

std::string_view ToString(CrimeBreakdown breakdown) { return NameIn(kBreakdowns, breakdown); }

std::optional<CrimeBreakdown> ParseCrimeBreakdown(std::string_view text) {
  return Find(kBreakdowns, text);
}

const std::vector<std::string_view>& CrimeCategoriesOf(CrimeBreakdown breakdown) {
  static const std::vector<std::string_view> kTotal{"total"};
  static const std::vector<std::string_view> kSex{"male", "female", "unknown"};
  static const std::vector<std::string_view> kAge{"child", "adult", "unknown"};
  static const std::vector<std::string_view> kCitizenship{"reporting_country", "other_eu", "non_eu",
                                                          "unknown"};
  static const std::vector<std::string_view> kForm{"sexual", "labour", "other"};
  switch (breakdown) {
    case CrimeBreakdown::kTotal:
      return kTotal;
    case CrimeBreakdown::kSex:
      return kSex;
    case CrimeBreakdown::kAge:
      return kAge;
    case CrimeBreakdown::kCitizenship:
      return kCitizenship;
    case CrimeBreakdown::kForm:
      return kForm;
  }
  return kTotal;
}

std::optional<std::string_view> BreakdownRefusal(Offence offence, CrimeMeasure measure,
                                                 CrimeBreakdown breakdown) {
  if (breakdown == CrimeBreakdown::kTotal) return std::nullopt;
  if (!CountsPersons(measure)) return "not_for_measure";
  if (breakdown == CrimeBreakdown::kForm && offence != Offence::kTrafficking) {
    return "not_for_offence";
  }
  return std::nullopt;
}

bool ListedBefore(const CrimeFigure& a, const CrimeFigure& b) {
  auto key = [](const CrimeFigure& f) {
    return std::make_tuple(f.year, static_cast<int>(f.offence), static_cast<int>(f.measure),
                           static_cast<int>(f.breakdown), CategoryRank(f.breakdown, f.category));
  };
  return key(a) < key(b);
}

}  // namespace opennrm::stats
