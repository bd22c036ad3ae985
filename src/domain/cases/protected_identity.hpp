// Protected personal data as the Tax Agency (Skatteverket) grants it, in
// three levels: secrecy marking (sekretessmarkering), protected registration
// (skyddad folkbokföring) and assumed identity (fingerade personuppgifter).
// A protected person is left out of every list, search, duplicate check,
// notification, export and audit detail, except for the team of the case
// that holds them; the geography of statistics never shows them. The link
// between an assumed identity and the former one is never stored: no type in
// this folder has a field for it. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/actor.hpp"

namespace opennrm::cases {

enum class ProtectionLevel {
  kNone,
  kSecrecyMarking,         // sekretessmarkering
  kProtectedRegistration,  // skyddad folkbokföring
  kAssumedIdentity,        // fingerade personuppgifter
};

// Every level, weakest first.
std::vector<ProtectionLevel> AllProtectionLevels();
// "none", "secrecy_marking", "protected_registration", "assumed_identity".
std::string_view ToString(ProtectionLevel level);
std::optional<ProtectionLevel> ParseProtectionLevel(std::string_view text);

// Whether the level is one of the three protections.
bool IsProtected(ProtectionLevel level);
// The stricter of two levels (a merge keeps the stricter protection).
ProtectionLevel Stricter(ProtectionLevel a, ProtectionLevel b);

// Where a person could appear beyond their own case.
enum class Listing {
  kList,                 // lists of persons or cases
  kSearch,               // search results
  kDuplicateCheck,       // candidates for a merge
  kNotification,         // texts of notifications and reminders
  kExport,               // exports and reports
  kAuditDetails,         // the audit viewer's details of an event
  kStatisticsGeography,  // where the person is counted in statistics
};

std::vector<Listing> AllListings();
std::string_view ToString(Listing listing);

// The organisation that holds a person's case and the users on its team.
struct OwningTeam {
  std::string organisation_id;
  std::vector<std::string> members;  // user ids
};

// Whether `viewer` is a signed-in user of the owning organisation on the team.
bool OnOwningTeam(const access::Actor& viewer, const OwningTeam& team);

// Whether a person with protection `level` may appear in `listing` for
// `viewer`. Unprotected persons always may; protected ones only for the
// owning team, never in the geography of statistics, and an assumed
// identity never in a duplicate check (it is never merged).
bool VisibleInListsTo(ProtectionLevel level, Listing listing, const access::Actor& viewer,
                      const OwningTeam& team);

}  // namespace opennrm::cases
