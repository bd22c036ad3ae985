#include "domain/ref/reference.hpp"

namespace opennrm::ref {

Result<Catalogs> Catalogs::Build(std::vector<Country> countries, std::vector<Language> languages,
                                 ServiceCatalog services) {
  Catalogs c;
  c.countries_ = std::move(countries);
  c.languages_ = std::move(languages);
  c.services_ = std::move(services);
  for (size_t i = 0; i < c.countries_.size(); ++i) {
    const auto& k = c.countries_[i];
    if (k.alpha2.size() != 2 || !c.country_index_.emplace(k.alpha2, i).second ||
        (!k.alpha3.empty() && !c.country_index_.emplace(k.alpha3, i).second)) {
      return Invalid("countries[" + std::to_string(i) + "]", "unique",
                     "Country code '" + k.alpha2 + "' is malformed or repeated.");
    }
  }
  for (size_t i = 0; i < c.languages_.size(); ++i) {
    const auto& l = c.languages_[i];
    if (l.code.size() != 3 || !c.language_index_.emplace(l.code, i).second) {
      return Invalid("languages[" + std::to_string(i) + "]", "unique",
                     "Language code '" + l.code + "' is malformed or repeated.");
    }
  }
  for (size_t i = 0; i < c.services_.services.size(); ++i) {
    const auto& s = c.services_.services[i];
    if (s.code.empty() || !c.service_index_.emplace(s.code, i).second) {
      return Invalid("services[" + std::to_string(i) + "]", "unique",
                     "Service code '" + s.code + "' is empty or repeated.");
    }
  }
  return c;
}

const Country* Catalogs::FindCountry(std::string_view code) const {
  auto it = country_index_.find(code);
  return it == country_index_.end() ? nullptr : &countries_[it->second];
}

const Language* Catalogs::FindLanguage(std::string_view code) const {
  auto it = language_index_.find(code);
  return it == language_index_.end() ? nullptr : &languages_[it->second];
}

const Service* Catalogs::FindService(std::string_view code) const {
  auto it = service_index_.find(code);
  return it == service_index_.end() ? nullptr : &services_.services[it->second];
}

}  // namespace opennrm::ref
