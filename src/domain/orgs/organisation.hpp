// An organisation in the directory: an authority, a municipality's social
// services, an NGO, IOM... Each organisation is the controller of the records
// it keeps (see GLOSSARY.md). Plain values; no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opennrm::orgs {

enum class Kind {
  kNationalUnit,
  kCountyBoard,
  kMunicipalSocialServices,
  kRegionalCoordinator,
  kPoliceRegion,
  kProsecutionAuthority,
  kMigrationAgency,
  kWorkEnvironmentAuthority,
  kTaxAgency,
  kCustoms,
  kIom,
  kNgoShelter,
  kHealthCare,
  kOther,
};

// Every kind, in display order.
const std::vector<Kind>& AllKinds();
std::string_view ToString(Kind kind);
std::optional<Kind> ParseKind(std::string_view text);
// Whether organisations of this kind are public authorities (GLOSSARY.md):
// later issues decide from this who may hold data about offences.
bool IsPublicAuthority(Kind kind);

enum class CoverageScope { kNational, kPoliceRegions, kCounties, kMunicipalities };
std::string_view ToString(CoverageScope scope);
std::optional<CoverageScope> ParseScope(std::string_view text);

// Where an organisation acts. `codes` are police-region ids, county codes or
// municipality codes depending on the scope; empty for national coverage.
struct Coverage {
  CoverageScope scope = CoverageScope::kMunicipalities;
  std::vector<std::string> codes;
};

struct Contact {
  std::string phone;           // E.164 once validated, e.g. "+46201234567"; may be empty
  std::string email;           // may be empty
  std::string website;         // https URL; may be empty
  std::string postal_address;  // the public address; shelters keep theirs protected
};

// Places for one group of people, where the organisation has places at all.
struct CapacityEntry {
  std::string gender;     // "women", "men", "any"
  std::string age_group;  // "adults", "children", "any"
  int places = 0;
};

// Occupancy as last reported: a count with the date it was reported.
struct Occupancy {
  int occupied = 0;
  std::string reported_on;  // YYYY-MM-DD
};

// What a caller sends to create or replace an organisation.
struct OrganisationDraft {
  std::string name;
  Kind kind = Kind::kOther;
  Contact contact;
  Coverage coverage;
  std::vector<std::string> services;
  std::vector<CapacityEntry> capacity;
  std::optional<Occupancy> occupancy;
  std::vector<std::string> languages;
  bool active = true;
  // Write-only: sealed under the organisation's own data key before it is
  // stored, never returned by lists or reads. nullopt on update keeps the
  // stored value; an empty string removes it.
  std::optional<std::string> protected_address;
};

struct Organisation {
  std::string id;
  OrganisationDraft data;
  bool has_protected_address = false;
  std::string seed_key;  // set for organisations created by the first-run seed
  long long version = 1;
  long long created_at_us = 0;
  long long updated_at_us = 0;
};

}  // namespace opennrm::orgs
