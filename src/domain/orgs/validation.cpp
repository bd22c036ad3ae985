#include "domain/orgs/validation.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <set>

#include "domain/text/fold.hpp"

namespace opennrm::orgs {

namespace {

constexpr size_t kMaxName = 200;
constexpr size_t kMaxText = 500;
constexpr size_t kMaxCodes = 400;
constexpr int kMaxPlaces = 100000;

void CheckText(Problems& p, const std::string& field, std::string& value, size_t max) {
  if (!text::IsCleanUtf8(value)) {
    p.Add(field, "utf8", "Must be text without control characters.");
    return;
  }
  value = text::Trim(value);
  if (value.size() > max) p.Add(field, "max_length", "At most " + std::to_string(max) + " bytes.");
}

void SortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

void CheckCoverage(Problems& p, Coverage& c, const geo::Geography& geo) {
  if (c.scope == CoverageScope::kNational) {
    if (!c.codes.empty())
      p.Add("coverage.codes", "empty_for_national", "National coverage lists no codes.");
    return;
  }
  if (c.codes.empty()) {
    p.Add("coverage.codes", "required", "List at least one place, or choose national coverage.");
    return;
  }
  if (c.codes.size() > kMaxCodes) {
    p.Add("coverage.codes", "max_items", "At most " + std::to_string(kMaxCodes) + " codes.");
    return;
  }
  for (size_t i = 0; i < c.codes.size(); ++i) {
    const std::string& code = c.codes[i];
    std::string field = "coverage.codes[" + std::to_string(i) + "]";
    bool known = false;
    const char* what = "";
    switch (c.scope) {
      case CoverageScope::kPoliceRegions:
        known = geo.FindPoliceRegion(code) != nullptr;
        what = "police region";
        break;
      case CoverageScope::kCounties:
        known = geo.FindCounty(code) != nullptr;
        what = "county code";
        break;
      case CoverageScope::kMunicipalities:
        known = geo.FindMunicipality(code) != nullptr;
        what = "municipality code";
        break;
      case CoverageScope::kNational:
        break;
    }
    if (!known) p.Add(field, "unknown_code", "'" + code + "' is not a known " + what + ".");
  }
  SortUnique(c.codes);
}

void CheckCapacity(Problems& p, std::vector<CapacityEntry>& capacity) {
  static const std::set<std::string> kGenders{"women", "men", "any"};
  static const std::set<std::string> kAges{"adults", "children", "any"};
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < capacity.size(); ++i) {
    const auto& e = capacity[i];
    std::string base = "capacity[" + std::to_string(i) + "]";
    if (!kGenders.count(e.gender)) p.Add(base + ".gender", "enum", "Must be women, men or any.");
    if (!kAges.count(e.age_group))
      p.Add(base + ".age_group", "enum", "Must be adults, children or any.");
    if (e.places < 0 || e.places > kMaxPlaces) {
      p.Add(base + ".places", "range", "Must be between 0 and " + std::to_string(kMaxPlaces) + ".");
    }
    if (!seen.emplace(e.gender, e.age_group).second) {
      p.Add(base, "unique", "Each gender and age group appears once.");
    }
  }
}

}  // namespace

bool IsValidEmail(std::string_view email) {
  if (email.size() > 254) return false;
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view local = email.substr(0, at), domain = email.substr(at + 1);
  if (local.size() > 64 || domain.size() < 3) return false;
  for (char c : email) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' ||
        c == ':' || c == '\\' || c == '"' || c == '[' || c == ']') {
      return false;
    }
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return false;
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  if (domain.front() == '.' || domain.front() == '-' ||
      domain.find("..") != std::string_view::npos) {
    return false;
  }
  return true;
}

std::optional<std::string> NormalisePhone(std::string_view phone) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(std::string(phone), "SE", &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return std::nullopt;
  }
  if (!util->IsValidNumber(number)) return std::nullopt;
  std::string out;
  util->Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

Result<OrganisationDraft> Validate(OrganisationDraft d, const geo::Geography& geo,
                                   const ref::Catalogs& catalogs, CivilDate today) {
  Problems p;
  CheckText(p, "name", d.name, kMaxName);
  if (d.name.empty()) p.Add("name", "required", "The name must not be empty.");

  CheckText(p, "contact.email", d.contact.email, 254);
  if (!d.contact.email.empty()) {
    if (!IsValidEmail(d.contact.email)) {
      p.Add("contact.email", "format", "Not a valid e-mail address.");
    } else {
      auto at = d.contact.email.find('@');
      std::transform(d.contact.email.begin() + static_cast<long>(at), d.contact.email.end(),
                     d.contact.email.begin() + static_cast<long>(at),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    }
  }
  CheckText(p, "contact.phone", d.contact.phone, 40);
  if (!d.contact.phone.empty()) {
    if (auto e164 = NormalisePhone(d.contact.phone)) {
      d.contact.phone = *e164;
    } else {
      p.Add("contact.phone", "format", "Not a valid phone number.");
    }
  }
  CheckText(p, "contact.website", d.contact.website, kMaxText);
  if (!d.contact.website.empty() && d.contact.website.rfind("https://", 0) != 0) {
    p.Add("contact.website", "format", "A website address starts with https://.");
  }
  CheckText(p, "contact.postal_address", d.contact.postal_address, kMaxText);
  if (d.protected_address) CheckText(p, "protected_address", *d.protected_address, kMaxText);

  CheckCoverage(p, d.coverage, geo);

  for (size_t i = 0; i < d.services.size(); ++i) {
    if (!catalogs.FindService(d.services[i])) {
      p.Add("services[" + std::to_string(i) + "]", "unknown_code",
            "'" + d.services[i] + "' is not in service list " + catalogs.services().version + ".");
    }
  }
  SortUnique(d.services);

  for (size_t i = 0; i < d.languages.size(); ++i) {
    if (!catalogs.FindLanguage(d.languages[i])) {
      p.Add("languages[" + std::to_string(i) + "]", "unknown_code",
            "'" + d.languages[i] + "' is not an ISO 639-3 language code.");
    }
  }
  SortUnique(d.languages);

  CheckCapacity(p, d.capacity);
  if (d.occupancy) {
    if (d.occupancy->occupied < 0 || d.occupancy->occupied > kMaxPlaces) {
      p.Add("occupancy.occupied", "range",
            "Must be between 0 and " + std::to_string(kMaxPlaces) + ".");
    }
    auto date = ParseIsoDate(d.occupancy->reported_on);
    if (!date) {
      p.Add("occupancy.reported_on", "format", "A date as YYYY-MM-DD.");
    } else if (*date > today) {
      p.Add("occupancy.reported_on", "not_future",
            "Occupancy cannot be reported for a future date.");
    }
    if (d.capacity.empty()) {
      p.Add("occupancy", "requires_capacity", "Record capacity before reporting occupancy.");
    }
  }
  if (auto s = p.ToStatus(); !s) return tl::unexpected(s.error());
  return d;
}

}  // namespace opennrm::orgs
