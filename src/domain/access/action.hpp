// What a caller can try to do (security core). One closed list, named in the
// domain's words; API tokens are scoped to a subset of it. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace opennrm::access {

enum class Action {
  kDirectoryRead,     // organisations, coverage: every signed-in user
  kDirectoryManage,   // create, edit, (de)activate organisations
  kReferenceRead,     // geography, countries, languages, services
  kOwnAccount,        // one's own sessions, notifications, password, TOTP
  kUsersRead,         // the accounts of an organisation
  kUsersManage,       // create, edit, disable, reset accounts
  kTokensManage,      // an organisation's API tokens
  kAuditRead,         // the audit log
  kRecordRead,        // a section of a record about a person (case management)
  kRecordWrite,       // change a section of such a record
  kRecordBreakGlass,  // open a record of one's own organisation outside one's assignment
  kStatisticsRead,    // published tables (releases after disclosure control)
  kStatisticsManage,  // import official crime figures, publish a year (national unit)
  kStatisticsOwn,     // exact figures of one's own organisation, not for publication
};

const std::vector<Action>& AllActions();
std::string_view ToString(Action action);  // e.g. "directory.read"
std::optional<Action> ParseAction(std::string_view text);

// Whether an API token may be scoped to the action. Tokens act for an
// organisation, not a person: they never manage accounts or tokens, never
// break the glass and never act on one's "own account".
bool TokenMayHold(Action action);

}  // namespace opennrm::access
