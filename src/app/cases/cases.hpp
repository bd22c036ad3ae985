// Case management use cases (first slice): create a case, list and read the
// cases one may see, keep the team, and break the glass. Each one authorises
// through access::Decide, validates, runs in one transaction and writes its
// audit event; a read's event is durable before the case is returned.
//
// Who sees a case: the users of its owning organisation who are on its team,
// or who opened it by break-glass — in that session only, until it ends. Anyone else gets 404,
// exactly as for a case that does not exist. Thread-safe: every call opens its own units of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/cases/case_record.hpp"

namespace opennrm::app {

struct TeamMemberView {
  std::string user_id;
  std::string display_name;
  std::string added_by;
  long long added_at_us = 0;
};

// How the caller came to see the case.
enum class CaseAccess { kTeam, kBreakGlass };
std::string_view ToString(CaseAccess access);

struct CaseSummary {
  std::string id;
  std::string code;
  cases::CaseType type = cases::CaseType::kTraffickingInHumanBeings;
  std::string status;  // "open" | "closed"
  std::string organisation_id;
  long long created_at_us = 0;
  long long updated_at_us = 0;
  long long version = 1;
  // In lists: a missing-child alert in the case is unresolved (such cases come first).
  bool missing_alert_open = false;
};

struct CaseView {
  CaseSummary summary;
  std::string closure_reason;
  std::string steps_version;
  std::vector<TeamMemberView> team;
  CaseAccess access = CaseAccess::kTeam;
  // Set when the caller sees the case by break-glass: when that ends.
  std::optional<long long> break_glass_expires_at_us;
};

struct NewCase {
  std::string type;  // cases::ToString(CaseType)
};

// Creates a case owned by the caller's organisation, with the caller on its
// team. kInvalid naming "type"; kForbidden for API tokens, roles that do not
// handle cases, and organisations that keep no cases (the national unit).
Result<CaseView> CreateCase(const Context& ctx, const Caller& caller, const NewCase& input,
                            const ClientInfo& client);

struct CaseQuery {
  std::optional<std::string> status;  // "open" | "closed"
  std::vector<std::string> types;     // any of
  std::optional<std::string> track;   // "support" | "proceedings" | "return": started
  std::optional<std::string> step;    // with `track`: stands at this step
  // Places (a municipality of the case's exploitation): each given one narrows.
  std::optional<std::string> police_region;
  std::optional<std::string> county;
  std::optional<std::string> municipality;
  std::vector<std::string> forms;  // forms of exploitation, any of
  bool overdue = false;            // a running clock ended before today (Stockholm)
  bool assigned_to_me = false;     // on the team, not only by break-glass
  int limit = 50;                  // 1..200
  int offset = 0;
};

// A case list counts its matching cases up to this many: counting them all
// costs a pass over every visible case; lists say "1,000+" above it.
inline constexpr long long kCaseListCountLimit = 1000;

struct CaseList {
  std::vector<CaseSummary> items;
  // The matching cases, exact up to kCaseListCountLimit; above it, `total`
  // is kCaseListCountLimit and `total_capped` is set.
  long long total = 0;
  bool total_capped = false;
};

// The cases of the caller's organisation the caller may see, newest change
// first: filtered in the query by the same rule as ReadCase, counted up to
// kCaseListCountLimit.
Result<CaseList> ListCases(const Context& ctx, const Caller& caller, const CaseQuery& query,
                           const ClientInfo& client);

// One case; kNotFound when it does not exist or the caller may not see it.
Result<CaseView> ReadCase(const Context& ctx, const Caller& caller, const std::string& case_id,
                          const ClientInfo& client);

// Puts a user of the case's organisation who handles cases on its team.
// Team members may do this; kInvalid naming "user_id" for anyone else.
Result<CaseView> AddTeamMember(const Context& ctx, const Caller& caller, const std::string& case_id,
                               const std::string& user_id, const ClientInfo& client);

// Takes a user off the team; kConflict when it would leave the team empty.
Status RemoveTeamMember(const Context& ctx, const Caller& caller, const std::string& case_id,
                        const std::string& user_id, const ClientInfo& client);

// Opens a case of the caller's own organisation outside their assignment,
// for the rest of the caller's session (not in their other sessions). Needs a written reason
// (10-1000 characters, kept sealed); only named roles may; the organisation's administrators are
// notified. kForbidden when already on the team.
Result<CaseView> BreakGlass(const Context& ctx, const Caller& caller, const std::string& case_id,
                            const std::string& reason, const ClientInfo& client);

// One change in a case's timeline: what changed (a kind such as
// "track.moved"), in which section, about which person and record, with its
// non-identifying details, by whom and when.
struct TimelineEntry {
  std::string id;
  long long seq = 0;
  std::string kind;
  std::string section;
  std::string person_id;
  std::string subject_id;
  std::vector<std::pair<std::string, std::string>> details;
  std::string recorded_by;
  std::string recorded_by_name;  // the user's display name ("" if unknown)
  long long recorded_at_us = 0;
};

struct Timeline {
  std::vector<TimelineEntry> items;  // oldest first
  long long total = 0;               // entries in the case's log
};

// The case's timeline from `offset`, at most `limit` (1..500) entries:
// every change kept, in the order made. Entries in a section the caller may
// not read are left out. kNotFound as for ReadCase.
Result<Timeline> ReadTimeline(const Context& ctx, const Caller& caller, const std::string& case_id,
                              int limit, int offset, const ClientInfo& client);

}  // namespace opennrm::app
