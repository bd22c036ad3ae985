#include "domain/stats/categories.hpp"

#include <array>
#include <string>
#include <utility>

namespace opennrm::stats {

namespace {

// Sweden is the reporting country (Eurostat) and its own citizenship group.
constexpr std::string_view kSweden = "SE";

constexpr std::array<std::pair<AgeGroup, std::string_view>, 9> kAgeGroups{{
    {AgeGroup::k0To11, "0_11"},
    {AgeGroup::k12To17, "12_17"},
    {AgeGroup::k18To24, "18_24"},
    {AgeGroup::k25To34, "25_34"},
    {AgeGroup::k35To44, "35_44"},
    {AgeGroup::k45To54, "45_54"},
    {AgeGroup::k55To64, "55_64"},
    {AgeGroup::k65Plus, "65_plus"},
    {AgeGroup::kUnknown, "unknown"},
}};

constexpr std::array<std::pair<GenderCategory, std::string_view>, 6> kGenderCategories{{
    {GenderCategory::kWoman, "woman"},
    {GenderCategory::kMan, "man"},
    {GenderCategory::kGirl, "girl"},
    {GenderCategory::kBoy, "boy"},
    {GenderCategory::kOther, "other"},
    {GenderCategory::kNotRecorded, "not_recorded"},
}};

constexpr std::array<std::pair<CitizenshipGroup, std::string_view>, 5> kCitizenshipGroups{{
    {CitizenshipGroup::kSweden, "sweden"},
    {CitizenshipGroup::kOtherEuEea, "other_eu_eea"},
    {CitizenshipGroup::kOutsideEuEea, "outside_eu_eea"},
    {CitizenshipGroup::kStateless, "stateless"},
    {CitizenshipGroup::kUnknown, "unknown"},
}};

constexpr std::array<std::pair<EurostatCitizenship, std::string_view>, 4> kEurostat{{
    {EurostatCitizenship::kReportingCountry, "reporting_country"},
    {EurostatCitizenship::kOtherEu, "other_eu"},
    {EurostatCitizenship::kNonEu, "non_eu"},
    {EurostatCitizenship::kUnknown, "unknown"},
}};

template <class E, std::size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "";
}

template <class E, std::size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view text) {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

template <class E, std::size_t N>
std::vector<E> ValuesOf(const std::array<std::pair<E, std::string_view>, N>& table) {
  std::vector<E> out;
  for (const auto& [e, _] : table) out.push_back(e);
  return out;
}

// The usable country codes of a known citizenship, upper-cased.
std::vector<std::string> Countries(const cases::Citizenship& citizenship) {
  std::vector<std::string> out;
  if (citizenship.status != cases::CitizenshipStatus::kKnown) return out;
  for (const auto& code : citizenship.countries) {
    if (code.size() != 2) continue;
    std::string upper;
    for (char c : code) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (c < 'A' || c > 'Z') break;
      upper.push_back(c);
    }
    if (upper.size() == 2) out.push_back(std::move(upper));
  }
  return out;
}

}  // namespace

const std::vector<AgeGroup>& AllAgeGroups() {
  static const std::vector<AgeGroup> kAll = ValuesOf(kAgeGroups);
  return kAll;
}
std::string_view ToString(AgeGroup group) { return NameOf(kAgeGroups, group); }
std::optional<AgeGroup> ParseAgeGroup(std::string_view text) { return Parse(kAgeGroups, text); }

bool IsChild(AgeGroup group) { return group == AgeGroup::k0To11 || group == AgeGroup::k12To17; }

AgeGroup AgeGroupOf(std::optional<int> age_years) {
  if (!age_years || *age_years < 0 || *age_years > cases::kMaxAge) return AgeGroup::kUnknown;
  const int a = *age_years;
  if (a <= 11) return AgeGroup::k0To11;
  if (a <= 17) return AgeGroup::k12To17;
  if (a <= 24) return AgeGroup::k18To24;
  if (a <= 34) return AgeGroup::k25To34;
  if (a <= 44) return AgeGroup::k35To44;
  if (a <= 54) return AgeGroup::k45To54;
  if (a <= 64) return AgeGroup::k55To64;
  return AgeGroup::k65Plus;
}

AgeGroup AgeGroupOf(const cases::AgeSpan& possible_ages) {
  if (possible_ages.youngest < 0 || possible_ages.youngest > possible_ages.oldest ||
      possible_ages.oldest > cases::kMaxAge) {
    return AgeGroup::kUnknown;
  }
  return AgeGroupOf(possible_ages.youngest);
}

AgeGroup AgeGroupOn(const std::optional<cases::DateOfBirth>& date_of_birth, CivilDate on) {
  if (!date_of_birth) return AgeGroup::kUnknown;
  return AgeGroupOf(cases::PossibleAgesOn(*date_of_birth, on));
}

const std::vector<GenderCategory>& AllGenderCategories() {
  static const std::vector<GenderCategory> kAll = ValuesOf(kGenderCategories);
  return kAll;
}
std::string_view ToString(GenderCategory category) { return NameOf(kGenderCategories, category); }
std::optional<GenderCategory> ParseGenderCategory(std::string_view text) {
  return Parse(kGenderCategories, text);
}

GenderCategory GenderCategoryOf(cases::Gender gender, AgeGroup age) {
  switch (gender) {
    case cases::Gender::kFemale:
      return IsChild(age) ? GenderCategory::kGirl : GenderCategory::kWoman;
    case cases::Gender::kMale:
      return IsChild(age) ? GenderCategory::kBoy : GenderCategory::kMan;
    case cases::Gender::kOther:
      return GenderCategory::kOther;
    case cases::Gender::kNotRecorded:
      return GenderCategory::kNotRecorded;
  }
  return GenderCategory::kNotRecorded;
}

const std::vector<CitizenshipGroup>& AllCitizenshipGroups() {
  static const std::vector<CitizenshipGroup> kAll = ValuesOf(kCitizenshipGroups);
  return kAll;
}
std::string_view ToString(CitizenshipGroup group) { return NameOf(kCitizenshipGroups, group); }
std::optional<CitizenshipGroup> ParseCitizenshipGroup(std::string_view text) {
  return Parse(kCitizenshipGroups, text);
}

CitizenshipGroup CitizenshipGroupOf(const cases::Citizenship& citizenship, const CivilDate& on,
                                    const EuEeaMembership& membership) {
  if (citizenship.status == cases::CitizenshipStatus::kStateless) {
    return CitizenshipGroup::kStateless;
  }
  const auto countries = Countries(citizenship);
  if (countries.empty()) return CitizenshipGroup::kUnknown;
  CitizenshipGroup best = CitizenshipGroup::kOutsideEuEea;
  for (const auto& c : countries) {
    if (c == kSweden) return CitizenshipGroup::kSweden;
    if (membership.InEuOrEea(c, on)) best = CitizenshipGroup::kOtherEuEea;
  }
  return best;
}

std::string_view ToString(EurostatCitizenship group) { return NameOf(kEurostat, group); }

EurostatCitizenship EurostatCitizenshipOf(const cases::Citizenship& citizenship,
                                          const CivilDate& on, const EuEeaMembership& membership) {
  if (citizenship.status == cases::CitizenshipStatus::kStateless) {
    return EurostatCitizenship::kNonEu;
  }
  const auto countries = Countries(citizenship);
  if (countries.empty()) return EurostatCitizenship::kUnknown;
  EurostatCitizenship best = EurostatCitizenship::kNonEu;
  for (const auto& c : countries) {
    if (c == kSweden) return EurostatCitizenship::kReportingCountry;
    if (membership.InEu(c, on)) best = EurostatCitizenship::kOtherEu;
  }
  return best;
}

}  // namespace opennrm::stats
