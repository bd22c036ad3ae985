// Official crime figures (issue 7 item 2): reported offences and persons
// suspected, prosecuted and convicted per offence and year, as the official
// crime statistics publish them (Brå, the Police Authority). They are
// entered by the national unit, never derived from case records, and are
// already public, so disclosure control passes them through unchanged.
// Pure closed lists and rules; thread-safe.
//
// Offences, reported separately (Penal Code, brottsbalken, BrB):
//   trafficking                  människohandel, BrB 4 kap. 1 a §: THB in
//                                Directive 2011/36/EU art. 2 (Eurostat crim_thb)
//   human_exploitation           människoexploatering, BrB 4 kap. 1 b §
//   procuring                    koppleri and grovt koppleri, BrB 6 kap. 12 §
//   purchase_of_sexual_act       köp av sexuell tjänst, BrB 6 kap. 11 §
//   child_sexual_act_purchase    köp av sexuell handling av barn, BrB 6 kap. 9 §
// Only trafficking is THB in the Eurostat sense; the others are related
// offences and are never added to it.
//
// Measures: reported_offences (offences, not persons) and the persons
// suspected, prosecuted and convicted. Breakdowns: total; sex (male /
// female / unknown); age (child under 18 / adult / unknown); citizenship
// (reporting_country / other_eu / non_eu / unknown, the Eurostat split);
// form of exploitation (sexual / labour / other, trafficking only).
// Offences are counted in total only: every other breakdown describes
// persons. A value is a count; "unknown" (no value) and 0 (known to be none)
// stay distinct, as in the EU data collection.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opennrm::stats {

enum class Offence {
  kTrafficking,
  kHumanExploitation,
  kProcuring,
  kPurchaseOfSexualAct,
  kChildSexualActPurchase,
};
const std::vector<Offence>& AllOffences();
std::string_view ToString(Offence offence);  // "trafficking", ...
std::optional<Offence> ParseOffence(std::string_view text);
// The Penal Code provision, e.g. "BrB 4 kap. 1 a §".
std::string_view PenalCodeReference(Offence offence);

enum class CrimeMeasure {
  kReportedOffences,
  kSuspectedPersons,
  kProsecutedPersons,
  kConvictedPersons,
};
const std::vector<CrimeMeasure>& AllCrimeMeasures();
std::string_view ToString(CrimeMeasure measure);  // "reported_offences", ...
std::optional<CrimeMeasure> ParseCrimeMeasure(std::string_view text);
// Whether the measure counts persons (and so may be broken down).
bool CountsPersons(CrimeMeasure measure);

enum class CrimeBreakdown { kTotal, kSex, kAge, kCitizenship, kForm };
const std::vector<CrimeBreakdown>& AllCrimeBreakdowns();
std::string_view ToString(CrimeBreakdown breakdown);  // "total", "sex", ...
std::optional<CrimeBreakdown> ParseCrimeBreakdown(std::string_view text);
// The categories of a breakdown, in display order; {"total"} for kTotal.
const std::vector<std::string_view>& CrimeCategoriesOf(CrimeBreakdown breakdown);

// Why a breakdown does not apply, or nullopt when it does: "not_for_measure"
// (offences are counted in total only) or "not_for_offence" (form of
// exploitation is recorded for trafficking only).
std::optional<std::string_view> BreakdownRefusal(Offence offence, CrimeMeasure measure,
                                                 CrimeBreakdown breakdown);

inline constexpr int kFirstCrimeFigureYear = 1990;
inline constexpr long long kMaxCrimeFigureValue = 999'999'999;
inline constexpr size_t kMaxCrimeFigureSourceBytes = 200;

// One published figure. Its key is (year, offence, measure, breakdown,
// category): one value per key.
struct CrimeFigure {
  int year = 0;
  Offence offence = Offence::kTrafficking;
  CrimeMeasure measure = CrimeMeasure::kReportedOffences;
  CrimeBreakdown breakdown = CrimeBreakdown::kTotal;
  std::string category = "total";  // one of CrimeCategoriesOf(breakdown)
  std::optional<long long> value;  // nullopt: not known; 0: known to be none
  std::string source;              // who published it, e.g. "Brå, kriminalstatistik 2024"
};

// The order figures are listed in: year, then the lists' own orders
// (offence, measure, breakdown, category).
bool ListedBefore(const CrimeFigure& a, const CrimeFigure& b);

}  // namespace opennrm::stats
