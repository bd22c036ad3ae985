#include "domain/stats/person_categories.hpp"

#include "domain/cases/protected_identity.hpp"

namespace opennrm::stats {

namespace {

std::string Upper(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return "";
    out.push_back(c);
  }
  return out.size() == 2 ? out : "";
}

std::string DecidingCountry(const cases::Citizenship& c, CitizenshipGroup group, CivilDate on,
                            const EuEeaMembership& membership) {
  if (c.status != cases::CitizenshipStatus::kKnown) return "";
  std::string first;
  for (const auto& raw : c.countries) {
    std::string code = Upper(raw);
    if (code.empty()) continue;
    if (first.empty()) first = code;
    if (group == CitizenshipGroup::kSweden && code == "SE") return code;
    if (group == CitizenshipGroup::kOtherEuEea && membership.InEuOrEea(code, on)) return code;
  }
  return first;
}

}  // namespace

PersonCategories CategoriesOf(const cases::Person& person, CivilDate on,
                              const EuEeaMembership& membership) {
  PersonCategories out;
  out.age = AgeGroupOn(person.date_of_birth, on);
  out.gender = GenderCategoryOf(person.gender, out.age);
  out.citizenship = CitizenshipGroupOf(person.citizenship, on, membership);
  if (!cases::IsProtected(person.protection)) {
    out.country = DecidingCountry(person.citizenship, out.citizenship, on, membership);
  }
  return out;
}

}  // namespace opennrm::stats
