// Countries (ISO 3166-1) and languages (ISO 639-3) with English and Swedish
// names, and the closed, versioned list of services organisations offer.
// Read-only after construction: safe to share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ref {

struct Country {
  std::string alpha2;   // "SE"
  std::string alpha3;   // "SWE"
  std::string numeric;  // "752"
  std::string name_en;
  std::string name_sv;  // falls back to name_en where iso-codes has no Swedish
};

struct Language {
  std::string code;  // ISO 639-3, e.g. "rom", "sme"
  std::string name_en;
  std::string name_sv;
  std::string scope;  // I individual, M macrolanguage, S special
  std::string type;   // L living, H historical, E extinct, A ancient, C constructed, S special
};

struct Service {
  std::string code;  // "shelter_women"
  std::string name_en;
  std::string name_sv;
  std::string group;  // "shelter", "advice", "health", "return", ...
};

struct ServiceCatalog {
  std::string version;  // e.g. "2026-1"
  std::vector<Service> services;
};

class Catalogs {
 public:
  // Fails on empty or repeated codes.
  static Result<Catalogs> Build(std::vector<Country> countries, std::vector<Language> languages,
                                ServiceCatalog services);

  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Language>& languages() const { return languages_; }
  const ServiceCatalog& services() const { return services_; }

  // Alpha-2 or alpha-3, upper case.
  const Country* FindCountry(std::string_view code) const;
  const Language* FindLanguage(std::string_view code) const;
  const Service* FindService(std::string_view code) const;

 private:
  std::vector<Country> countries_;
  std::vector<Language> languages_;
  ServiceCatalog services_;
  std::map<std::string, size_t, std::less<>> country_index_;
  std::map<std::string, size_t, std::less<>> language_index_;
  std::map<std::string, size_t, std::less<>> service_index_;
};

}  // namespace opennrm::ref
