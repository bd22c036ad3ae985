// Cases as stored (case management): the case itself, its team and the
// break-glass openings of it. A case belongs to one organisation, its
// controller. Identified by opaque ids and codes; any free text is sealed
// under the organisation's data key before it gets here. Used inside a
// UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

struct CaseRow {
  std::string id;
  std::string organisation_id;  // the controller
  std::string code;             // "NRM-2026-000045", unique
  std::string type;             // cases::ToString(CaseType)
  std::string status = "open";  // "open" | "closed"
  std::string closure_reason;   // tracks::ToString(ClosureReason) once closed
  std::string steps_version;    // the step definitions the case follows
  std::string created_by;       // user id
  long long created_at_us = 0;
  long long updated_at_us = 0;
  std::optional<long long> closed_at_us;
  long long version = 1;
  // Read only, set by List: a missing-child alert in the case is unresolved.
  bool missing_alert_open = false;
};

struct TeamMemberRow {
  std::string case_id;
  std::string user_id;
  std::string added_by;  // user id
  long long added_at_us = 0;
  std::string display_name;  // the member's, read with the team ("" for a user that is gone)
};

// One break-glass opening: `user_id` opened a case of their own
// organisation outside their assignment, with a reason. It holds in the
// session it was opened in only, and until that session's absolute end.
struct BreakGlassRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;
  std::string user_id;
  std::string session_id;
  // The written reason, sealed at (organisation_id, "break_glass", "reason", id).
  std::string reason_sealed;
  long long opened_at_us = 0;
  long long expires_at_us = 0;
};

// Which cases a list shows: those of `organisation_id` that `viewer_user_id`
// is on the team of or has opened by break-glass in `viewer_session_id`
// (still in force at `now_us`) — the access policy's rule for a record of
// one's own organisation, in SQL.
struct CaseListFilter {
  std::string organisation_id;
  std::string viewer_user_id;
  std::string viewer_session_id;
  long long now_us = 0;
  std::optional<std::string> status;  // "open" | "closed"
  std::vector<std::string> types;     // any of; empty: all
  // Narrowing filters; each unset one does not narrow.
  std::optional<std::string> track;           // with `step`: the track stands at the step;
  std::optional<std::string> step;            // without: the track has started
  std::vector<std::string> municipalities;    // a place of the case is any of these codes
  std::vector<std::string> forms;             // a form of exploitation is any of these
  std::optional<std::string> overdue_before;  // a running clock ends before this ISO date
  bool assigned_only = false;                 // on the team (not by break-glass)
  int limit = 50;
  int offset = 0;
  // Counts at most this many cases (the page is read as usual); unset:
  // counts them all. Counting every visible case costs a scan of them.
  std::optional<long long> count_limit;
};

struct CasePage {
  std::vector<CaseRow> items;
  // How many cases the filter matches; when more than the filter's
  // `count_limit` match, `total` is that limit and `total_capped` is set.
  long long total = 0;
  bool total_capped = false;  // more than `total` cases match
};

class CaseRepository {
 public:
  virtual ~CaseRepository() = default;
  // kConflict if the id or code exists.
  virtual Status Insert(const CaseRow& c) = 0;
  virtual Result<std::optional<CaseRow>> Find(const std::string& id) = 0;
  // Stores `c` if the stored version is `expected_version`; kConflict otherwise.
  virtual Status Update(const CaseRow& c, long long expected_version) = 0;
  // Marks the case changed at `at_us`: sets updated_at_us and bumps version.
  // kNotFound when there is no such case.
  virtual Status Touch(const std::string& id, long long at_us) = 0;
  // The next number of the year's case codes (1, 2, ...): atomic across
  // servers, never reused.
  virtual Result<long long> NextCodeNumber(int year) = 0;
  virtual Result<CasePage> List(const CaseListFilter& filter) = 0;

  // False if the user already is on the team.
  virtual Result<bool> AddTeamMember(const TeamMemberRow& m) = 0;
  // False if the user was not on the team.
  virtual Result<bool> RemoveTeamMember(const std::string& case_id, const std::string& user_id) = 0;
  // Oldest first.
  virtual Result<std::vector<TeamMemberRow>> Team(const std::string& case_id) = 0;

  virtual Status InsertBreakGlass(const BreakGlassRow& b) = 0;
  // The latest opening of the case by the user in `session_id` still in
  // force at `now_us`.
  virtual Result<std::optional<BreakGlassRow>> ActiveBreakGlass(const std::string& case_id,
                                                                const std::string& user_id,
                                                                const std::string& session_id,
                                                                long long now_us) = 0;
};

}  // namespace opennrm::ports
