#include "domain/cases/protected_identity.hpp"

#include <algorithm>

#include "domain/cases/enum_names.hpp"

namespace opennrm::cases {

namespace {

constexpr auto kLevels = detail::MakeNames<ProtectionLevel>(
    std::pair{ProtectionLevel::kNone, std::string_view("none")},
    std::pair{ProtectionLevel::kSecrecyMarking, std::string_view("secrecy_marking")},
    std::pair{ProtectionLevel::kProtectedRegistration, std::string_view("protected_registration")},
    std::pair{ProtectionLevel::kAssumedIdentity, std::string_view("assumed_identity")});

constexpr auto kListings = detail::MakeNames<Listing>(
    std::pair{Listing::kList, std::string_view("list")},
    std::pair{Listing::kSearch, std::string_view("search")},
    std::pair{Listing::kDuplicateCheck, std::string_view("duplicate_check")},
    std::pair{Listing::kNotification, std::string_view("notification")},
    std::pair{Listing::kExport, std::string_view("export")},
    std::pair{Listing::kAuditDetails, std::string_view("audit_details")},
    std::pair{Listing::kStatisticsGeography, std::string_view("statistics_geography")});

}  // namespace

std::vector<ProtectionLevel> AllProtectionLevels() { return kLevels.All(); }
std::string_view ToString(ProtectionLevel level) { return kLevels.Name(level); }
std::optional<ProtectionLevel> ParseProtectionLevel(std::string_view text) {
  return kLevels.Parse(text);
}

bool IsProtected(ProtectionLevel level) { return level != ProtectionLevel::kNone; }

ProtectionLevel Stricter(ProtectionLevel a, ProtectionLevel b) {
  return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

std::vector<Listing> AllListings() { return kListings.All(); }
std::string_view ToString(Listing listing) { return kListings.Name(listing); }

bool OnOwningTeam(const access::Actor& viewer, const OwningTeam& team) {
  if (viewer.IsToken() || viewer.user_id.empty()) return false;
  if (viewer.organisation_id.empty() || viewer.organisation_id != team.organisation_id) {
    return false;
  }
  return std::find(team.members.begin(), team.members.end(), viewer.user_id) != team.members.end();
}

bool VisibleInListsTo(ProtectionLevel level, Listing listing, const access::Actor& viewer,
                      const OwningTeam& team) {
  if (!IsProtected(level)) return true;
  // Published statistics reach far beyond the team: no place, ever.
  if (listing == Listing::kStatisticsGeography) return false;
  // An assumed identity is never merged or linked, so never a candidate.
  if (listing == Listing::kDuplicateCheck && level == ProtectionLevel::kAssumedIdentity) {
    return false;
  }
  return OnOwningTeam(viewer, team);
}

}  // namespace opennrm::cases
