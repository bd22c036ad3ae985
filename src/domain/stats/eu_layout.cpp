#include "domain/stats/eu_layout.hpp"

#include <algorithm>
#include <cstddef>

namespace opennrm::stats {

namespace {

size_t IndexOf(const std::vector<std::string>& keys, std::string_view key) {
  return static_cast<size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
}

bool InSeries(const Fact& f, const FactDictionary& d, const FactFilter& filter) {
  if (!filter.organisation_kinds.empty()) {
    if (f.organisation_kind >= d.organisation_kinds.size()) return false;
    const auto& kind = d.organisation_kinds[f.organisation_kind];
    if (std::find(filter.organisation_kinds.begin(), filter.organisation_kinds.end(), kind) ==
        filter.organisation_kinds.end()) {
      return false;
    }
  }
  if (!filter.organisations.empty()) {
    if (f.organisation >= d.organisations.size()) return false;
    const auto& org = d.organisations[f.organisation];
    if (std::find(filter.organisations.begin(), filter.organisations.end(), org) ==
        filter.organisations.end()) {
      return false;
    }
  }
  return true;
}

// Adds one fact at (row, column) of a table whose lines add up (or not):
// margins count the fact once, in its row and column.
void Add(CountTable& t, size_t row, size_t column) {
  ++*t.cells[row][column];
  ++*t.row_totals[row];
  ++*t.column_totals[column];
  ++*t.total;
}

}  // namespace

const std::vector<std::string>& EuSexes() {
  static const std::vector<std::string> v{"female", "male", "other_unknown"};
  return v;
}
const std::vector<std::string>& EuAgeBands() {
  static const std::vector<std::string> v{"child", "adult", "unknown"};
  return v;
}
const std::vector<std::string>& EuCitizenships() {
  static const std::vector<std::string> v{"reporting_country", "other_eu", "non_eu", "unknown"};
  return v;
}
const std::vector<std::string>& EuForms() {
  static const std::vector<std::string> v{"sexual_exploitation", "labour_exploitation",
                                          "other_forms"};
  return v;
}

std::string_view EuSexOf(GenderCategory gender) {
  switch (gender) {
    case GenderCategory::kWoman:
    case GenderCategory::kGirl:
      return "female";
    case GenderCategory::kMan:
    case GenderCategory::kBoy:
      return "male";
    case GenderCategory::kOther:
    case GenderCategory::kNotRecorded:
      return "other_unknown";
  }
  return "other_unknown";
}

std::string_view EuAgeBandOf(AgeGroup age) {
  if (age == AgeGroup::kUnknown) return "unknown";
  return IsChild(age) ? "child" : "adult";
}

EurostatCitizenship EuCitizenshipOf(CitizenshipGroup group, std::string_view country,
                                    const CivilDate& on, const EuEeaMembership* membership) {
  switch (group) {
    case CitizenshipGroup::kSweden:
      return EurostatCitizenship::kReportingCountry;
    case CitizenshipGroup::kOutsideEuEea:
    case CitizenshipGroup::kStateless:
      return EurostatCitizenship::kNonEu;
    case CitizenshipGroup::kUnknown:
      return EurostatCitizenship::kUnknown;
    case CitizenshipGroup::kOtherEuEea:
      if (country.empty() || country == "unknown") return EurostatCitizenship::kUnknown;
      return membership && membership->InEu(country, on) ? EurostatCitizenship::kOtherEu
                                                         : EurostatCitizenship::kNonEu;
  }
  return EurostatCitizenship::kUnknown;
}

std::string_view EuFormOf(std::string_view form) {
  if (form == "sexual") return "sexual_exploitation";
  if (form == "labour" || form == "domestic_servitude") return "labour_exploitation";
  return "other_forms";
}

EuVictimTables CountEuVictims(const FactSnapshot& snapshot, const FactFilter& filter,
                              const EuEeaMembership* membership) {
  EuVictimTables out;
  out.sex_by_age = ZeroTable(EuSexes(), EuAgeBands());
  out.citizenship_by_sex = ZeroTable(EuCitizenships(), EuSexes());
  out.form_by_sex = ZeroTable(EuForms(), EuSexes(), /*rows_add_up=*/true, /*columns_add_up=*/false);
  const FactDictionary& d = snapshot.dictionary;
  // Which Eurostat form row each bit of the dictionary's forms falls in.
  std::vector<size_t> form_row;
  for (const auto& f : d.forms) form_row.push_back(IndexOf(EuForms(), EuFormOf(f)));
  const int32_t from = DayNumber(filter.from);
  const int32_t to = DayNumber(filter.to);
  for (const Fact& f : snapshot.facts) {
    if (f.recorded_on < from || f.recorded_on > to || !InSeries(f, d, filter)) continue;
    const size_t sex = IndexOf(EuSexes(), EuSexOf(f.gender));
    Add(out.sex_by_age, sex, IndexOf(EuAgeBands(), EuAgeBandOf(f.age)));
    const std::string_view country =
        f.country < d.countries.size() ? std::string_view(d.countries[f.country]) : "";
    const auto citizenship =
        EuCitizenshipOf(f.citizenship, country, DateOfDayNumber(f.recorded_on), membership);
    Add(out.citizenship_by_sex, IndexOf(EuCitizenships(), ToString(citizenship)), sex);
    // Multi-valued rows: each Eurostat form once per fact; the sex margin once.
    bool rows_seen[3] = {false, false, false};
    for (size_t bit = 0; bit < form_row.size() && bit < 32; ++bit) {
      if ((f.forms >> bit & 1u) == 0 || form_row[bit] >= 3 || rows_seen[form_row[bit]]) continue;
      rows_seen[form_row[bit]] = true;
      ++*out.form_by_sex.cells[form_row[bit]][sex];
      ++*out.form_by_sex.row_totals[form_row[bit]];
    }
    ++*out.form_by_sex.column_totals[sex];
    ++*out.form_by_sex.total;
  }
  return out;
}

namespace {

// Every count of a table unknown, no line adding up.
CountTable BlankTable(std::vector<std::string> rows, std::vector<std::string> columns) {
  CountTable t = ZeroTable(std::move(rows), std::move(columns), false, false);
  for (auto& row : t.cells) {
    for (auto& c : row) c = std::nullopt;
  }
  for (auto& c : t.row_totals) c = std::nullopt;
  for (auto& c : t.column_totals) c = std::nullopt;
  t.total = std::nullopt;
  return t;
}

const CrimeFigure* FindFigure(const std::vector<CrimeFigure>& figures, int year, Offence offence,
                              CrimeMeasure measure, CrimeBreakdown breakdown,
                              std::string_view category) {
  for (const auto& f : figures) {
    if (f.year == year && f.offence == offence && f.measure == measure &&
        f.breakdown == breakdown && f.category == category) {
      return &f;
    }
  }
  return nullptr;
}

Count ValueOf(const CrimeFigure* f) { return f ? f->value : std::nullopt; }

}  // namespace

EuCrimeTables CountEuCrime(const std::vector<CrimeFigure>& figures, int year) {
  EuCrimeTables out;
  const std::vector<CrimeMeasure> persons{CrimeMeasure::kSuspectedPersons,
                                          CrimeMeasure::kProsecutedPersons,
                                          CrimeMeasure::kConvictedPersons};
  std::vector<std::string> measure_rows, sexes;
  for (auto m : persons) measure_rows.emplace_back(ToString(m));
  for (auto c : CrimeCategoriesOf(CrimeBreakdown::kSex)) sexes.emplace_back(c);
  out.trafficking_by_sex = BlankTable(measure_rows, sexes);
  for (size_t r = 0; r < persons.size(); ++r) {
    for (size_t c = 0; c < sexes.size(); ++c) {
      out.trafficking_by_sex.cells[r][c] = ValueOf(FindFigure(
          figures, year, Offence::kTrafficking, persons[r], CrimeBreakdown::kSex, sexes[c]));
    }
    out.trafficking_by_sex.row_totals[r] = ValueOf(FindFigure(
        figures, year, Offence::kTrafficking, persons[r], CrimeBreakdown::kTotal, "total"));
  }
  std::vector<Offence> offences;
  std::vector<std::string> offence_rows, measures;
  for (auto o : AllOffences()) {
    if (o == Offence::kTrafficking) continue;
    offences.push_back(o);
    offence_rows.emplace_back(ToString(o));
  }
  for (auto m : AllCrimeMeasures()) measures.emplace_back(ToString(m));
  out.other_offences = BlankTable(offence_rows, measures);
  for (size_t r = 0; r < offences.size(); ++r) {
    for (size_t c = 0; c < measures.size(); ++c) {
      out.other_offences.cells[r][c] = ValueOf(FindFigure(
          figures, year, offences[r], AllCrimeMeasures()[c], CrimeBreakdown::kTotal, "total"));
    }
  }
  return out;
}

}  // namespace opennrm::stats
