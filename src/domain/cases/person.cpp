#include "domain/cases/person.hpp"

#include <algorithm>

#include "domain/cases/checks.hpp"
#include "domain/cases/enum_names.hpp"
#include "domain/orgs/validation.hpp"

namespace opennrm::cases {

namespace {

using detail::Item;
using detail::Path;
using N = std::string_view;

constexpr auto kNameKinds = detail::MakeNames<NameKind>(std::pair{NameKind::kName, N("name")},
                                                        std::pair{NameKind::kAlias, N("alias")});

constexpr auto kGenders = detail::MakeNames<Gender>(
    std::pair{Gender::kFemale, N("female")}, std::pair{Gender::kMale, N("male")},
    std::pair{Gender::kOther, N("other")}, std::pair{Gender::kNotRecorded, N("not_recorded")});

constexpr auto kCitizenship =
    detail::MakeNames<CitizenshipStatus>(std::pair{CitizenshipStatus::kKnown, N("known")},
                                         std::pair{CitizenshipStatus::kStateless, N("stateless")},
                                         std::pair{CitizenshipStatus::kUnknown, N("unknown")});

constexpr auto kDocuments = detail::MakeNames<DocumentType>(
    std::pair{DocumentType::kPassport, N("passport")},
    std::pair{DocumentType::kNationalIdCard, N("national_id_card")},
    std::pair{DocumentType::kResidencePermit, N("residence_permit")},
    std::pair{DocumentType::kTravelDocument, N("travel_document")},
    std::pair{DocumentType::kDrivingLicence, N("driving_licence")},
    std::pair{DocumentType::kOther, N("other")});

constexpr std::size_t kMaxItems = 50;

// Lenient: digits with spaces, dashes, brackets and one leading '+'; short
// service numbers (112, 116 006) and foreign numbers are both fine.
bool IsPlausiblePhone(std::string_view phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return false;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 3 && digits <= 15;
}

void CheckNames(const Person& person, const std::string& path, Problems& p) {
  const std::string field = Path(path, "names");
  if (person.names.size() > kMaxItems) p.Add(field, "max_items", "At most 50 names.");
  for (std::size_t i = 0; i < person.names.size(); ++i) {
    const auto& name = person.names[i];
    const std::string base = Item(field, i);
    detail::CheckText(p, Path(base, "latin"), name.latin, detail::kMaxShortText, true);
    detail::CheckText(p, Path(base, "original"), name.original, detail::kMaxShortText, false);
  }
}

void CheckDateOfBirth(const DateOfBirth& dob, CivilDate today, const std::string& field,
                      Problems& p) {
  if (const auto* date = std::get_if<PartialDate>(&dob)) {
    if (!IsValid(*date)) {
      p.Add(field, "format", "A date as YYYY, YYYY-MM or YYYY-MM-DD.");
    } else if (today < Earliest(*date)) {
      p.Add(field, "not_future", "A date of birth cannot be after today.");
    }
    return;
  }
  const auto& range = std::get<AgeRange>(dob);
  if (range.min_years < 0 || range.max_years > kMaxAge || range.max_years < range.min_years) {
    p.Add(field, "range", "An age range runs from 0 to 120 years, the lower bound first.");
  }
  detail::CheckNotFuture(p, Path(field, "estimated_on"), range.estimated_on, today);
}

void CheckCitizenship(const Citizenship& c, const Lookups& lookups, const std::string& field,
                      Problems& p) {
  const std::string countries = Path(field, "countries");
  if (c.status == CitizenshipStatus::kKnown) {
    if (c.countries.empty()) {
      p.Add(countries, "required", "Name at least one country, or choose stateless or unknown.");
    }
    detail::CheckCodes(p, countries, c.countries, lookups.is_country, "unknown_country",
                       "country code");
  } else if (!c.countries.empty()) {
    p.Add(countries, "empty_for_status",
          "A stateless person or an unknown citizenship lists no countries.");
  }
}

void CheckDocuments(const Person& person, const Lookups& lookups, const std::string& path,
                    Problems& p) {
  const std::string field = Path(path, "documents");
  if (person.documents.size() > kMaxItems) p.Add(field, "max_items", "At most 50 documents.");
  for (std::size_t i = 0; i < person.documents.size(); ++i) {
    const auto& doc = person.documents[i];
    const std::string base = Item(field, i);
    detail::CheckText(p, Path(base, "number"), doc.number, detail::kMaxShortText, true);
    if (!Knows(lookups.is_country, doc.issuing_country)) {
      p.Add(Path(base, "issuing_country"), "unknown_country",
            "'" + doc.issuing_country + "' is not a known country code.");
    }
    for (std::size_t j = 0; j < i; ++j) {
      const auto& other = person.documents[j];
      if (other.type == doc.type && other.number == doc.number &&
          other.issuing_country == doc.issuing_country) {
        p.Add(base, "duplicate", "The same document is listed twice.");
        break;
      }
    }
  }
}

void CheckContact(const ContactDetails& c, const std::string& field, Problems& p) {
  for (std::size_t i = 0; i < c.phones.size(); ++i) {
    if (!IsPlausiblePhone(c.phones[i])) {
      p.Add(Item(Path(field, "phones"), i), "format", "Not a phone number.");
    }
  }
  for (std::size_t i = 0; i < c.emails.size(); ++i) {
    if (!orgs::IsValidEmail(c.emails[i])) {
      p.Add(Item(Path(field, "emails"), i), "format", "Not a valid e-mail address.");
    }
  }
  detail::CheckText(p, Path(field, "address"), c.address, detail::kMaxShortText * 2, false);
  detail::CheckText(p, Path(field, "notes"), c.notes, detail::kMaxLongText, false);
}

}  // namespace

std::string_view ToString(NameKind kind) { return kNameKinds.Name(kind); }
std::optional<NameKind> ParseNameKind(std::string_view text) { return kNameKinds.Parse(text); }

std::vector<Gender> AllGenders() { return kGenders.All(); }
std::string_view ToString(Gender gender) { return kGenders.Name(gender); }
std::optional<Gender> ParseGender(std::string_view text) { return kGenders.Parse(text); }

std::string_view ToString(CitizenshipStatus status) { return kCitizenship.Name(status); }
std::optional<CitizenshipStatus> ParseCitizenshipStatus(std::string_view text) {
  return kCitizenship.Parse(text);
}

std::string_view ToString(DocumentType type) { return kDocuments.Name(type); }
std::optional<DocumentType> ParseDocumentType(std::string_view text) {
  return kDocuments.Parse(text);
}

bool Understands(const Person& person, std::string_view language) {
  return std::find(person.languages.begin(), person.languages.end(), language) !=
         person.languages.end();
}

void CheckPerson(const Person& person, const Lookups& lookups, CivilDate today,
                 const std::string& path, Problems& p) {
  if (person.organisation_id.empty()) {
    p.Add(Path(path, "organisation_id"), "required", "A person belongs to an organisation.");
  }
  if (!IsValid(person.code)) p.Add(Path(path, "code"), "format", "Not a valid person code.");
  CheckNames(person, path, p);
  if (person.date_of_birth) {
    CheckDateOfBirth(*person.date_of_birth, today, Path(path, "date_of_birth"), p);
  }
  CheckCitizenship(person.citizenship, lookups, Path(path, "citizenship"), p);
  detail::CheckCodes(p, Path(path, "languages"), person.languages, lookups.is_language,
                     "unknown_language", "language code");
  CheckDocuments(person, lookups, path, p);
  CheckContact(person.contact, Path(path, "contact"), p);
}

Status ValidatePerson(const Person& person, const Lookups& lookups, CivilDate today) {
  Problems p;
  CheckPerson(person, lookups, today, "", p);
  return p.ToStatus("The person breaks one or more rules.");
}

}  // namespace opennrm::cases
