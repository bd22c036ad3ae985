// A person recorded in a case (GLOSSARY.md): identity, date of birth,
// citizenships, residence permit, whether an unaccompanied child, languages,
// documents and contact details. The record belongs to the organisation whose
// case holds it; its pseudonymous code stands in for the name wherever the
// name is not needed. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/codes.hpp"
#include "domain/cases/date_of_birth.hpp"
#include "domain/cases/lookups.hpp"
#include "domain/cases/person_residence.hpp"
#include "domain/cases/protected_identity.hpp"

namespace opennrm::cases {

enum class NameKind { kName, kAlias };
std::string_view ToString(NameKind kind);
std::optional<NameKind> ParseNameKind(std::string_view text);

// One name as the person uses it, with the original script kept beside the
// Latin spelling ("Olena Kovalenko" / "Олена Коваленко").
struct PersonName {
  NameKind kind = NameKind::kName;
  std::string latin;     // required
  std::string original;  // the name in its own script; may be empty
  bool operator==(const PersonName&) const = default;
};

enum class Gender { kFemale, kMale, kOther, kNotRecorded };
std::vector<Gender> AllGenders();
std::string_view ToString(Gender gender);
std::optional<Gender> ParseGender(std::string_view text);

enum class CitizenshipStatus {
  kKnown,      // one or more countries, Sweden included
  kStateless,  // no citizenship at all
  kUnknown,    // not known (yet)
};
std::string_view ToString(CitizenshipStatus status);
std::optional<CitizenshipStatus> ParseCitizenshipStatus(std::string_view text);

struct Citizenship {
  CitizenshipStatus status = CitizenshipStatus::kUnknown;
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2; only when kKnown
};

enum class DocumentType {
  kPassport,
  kNationalIdCard,
  kResidencePermit,
  kTravelDocument,
  kDrivingLicence,
  kOther,
};
std::string_view ToString(DocumentType type);
std::optional<DocumentType> ParseDocumentType(std::string_view text);

struct IdentityDocument {
  DocumentType type = DocumentType::kPassport;
  std::string number;
  std::string issuing_country;  // ISO 3166-1 alpha-2
  std::optional<CivilDate> expires_on;
  bool operator==(const IdentityDocument&) const = default;
};

struct ContactDetails {
  std::vector<std::string> phones;  // as given; digits, spaces, + - ( )
  std::vector<std::string> emails;
  std::string address;  // where the person can be reached; sealed at rest (later)
  std::string notes;    // e.g. "only call on weekdays, never leave a message"
};

struct Person {
  std::string id;
  std::string organisation_id;  // the organisation whose case holds the record
  PersonCode code;
  std::vector<PersonName> names;  // may be empty: the code suffices
  std::optional<DateOfBirth> date_of_birth;
  bool claimed_minor = false;  // says they are under 18, whatever the record shows
  Gender gender = Gender::kNotRecorded;
  Citizenship citizenship;
  // Whether the person holds a Swedish residence permit (decides the reflection period).
  ResidencePermit residence_permit = ResidencePermit::kUnknown;
  // A child in Sweden without a parent or another adult in the parent's place (gets a god man).
  bool unaccompanied = false;
  std::vector<std::string> languages;  // ISO 639-3 languages the person understands
  std::vector<IdentityDocument> documents;
  ContactDetails contact;
  ProtectionLevel protection = ProtectionLevel::kNone;
  // Merge history: the person this record was merged into (then read-only),
  // and the records merged into this one.
  std::optional<std::string> merged_into;
  std::vector<std::string> merged_from;
};

// Whether the person understands `language` (ISO 639-3).
bool Understands(const Person& person, std::string_view language);

// Adds every broken rule of the person's own fields, each under `path`
// (e.g. "persons[1]"): names, date of birth, citizenship ("unknown_country"),
// languages ("unknown_language"), documents and contact details.
void CheckPerson(const Person& person, const Lookups& lookups, CivilDate today,
                 const std::string& path, Problems& problems);

// The same checks as one result, fields named from the person's root.
Status ValidatePerson(const Person& person, const Lookups& lookups, CivilDate today);

}  // namespace opennrm::cases
