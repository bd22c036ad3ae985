// The tracks on a case (case management): where the support, proceedings and
// return tracks of a case stand, what the case needs to move on, moving a
// track, declaring the facts no record implies, and closing and reopening
// the case. A move is decided by tracks::DecideMove under the step
// definitions the case started with (cases.steps_version), from the facts
// recorded on the case and the mover's roles; every change appends one entry
// to the case's log, in the same transaction. Only the team changes a case;
// break-glass readers read. Thread-safe: every call opens its own units of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/cases/cases.hpp"
#include "app/context.hpp"

namespace opennrm::app {

// A fact an entry requirement names that the case has not recorded yet.
struct MissingFactView {
  std::string fact;
  std::string section;  // access::ToString(Section) of the part of the case that holds it
  // How it gets recorded: "declaration" (POST .../facts) or the record that
  // implies it ("indicators", "assessment", "safety_plan", "wishes",
  // "consents", "proceedings").
  std::string recorded_by;
};

struct NextStepView {
  std::string step;
  bool ending = false;
  std::vector<MissingFactView> missing;  // in the order the definitions list them
  bool caller_may_move = false;          // one of the caller's roles is among the step's movers
};

struct TrackView {
  std::string track;  // "support", "proceedings", "return"
  // False when the case may not run the track (the proceedings track in a
  // case not owned by a public authority); then nothing else is set.
  bool available = true;
  std::string unavailable_rule;  // "track_needs_authority" when not available
  std::optional<std::string> step;
  bool ending = false;  // the current step ends the track's work
  std::optional<long long> entered_at_us;
  std::string entered_by;
  std::vector<NextStepView> next;  // empty while the case is closed
};

struct FactView {
  std::string fact;
  std::string section;
  std::string person_id;  // "" for the case as a whole
  std::string entry_id;   // the log entry that recorded it
  std::string recorded_by;
  long long recorded_at_us = 0;
};

struct CaseTracksView {
  std::string case_id;
  std::string steps_version;
  std::string status;  // "open" | "closed"
  std::string closure_reason;
  long long version = 0;  // the case's version after the call
  std::vector<TrackView> tracks;
  std::vector<FactView> facts;  // in the order recorded
};

// The tracks of a case with what each needs next, and the facts recorded.
// Proceedings (offence data) are left out for callers who may not handle
// them. kNotFound as ReadCase.
Result<CaseTracksView> ReadTracks(const Context& ctx, const Caller& caller,
                                  const std::string& case_id, const ClientInfo& client);

struct TrackMove {
  std::string track;  // "support", "proceedings", "return"
  std::string to;
  // The step the caller saw ("" = not started); kConflict when the track
  // stands elsewhere now.
  std::optional<std::string> expected_step;
};

// Moves one track of the case into `move.to`. kInvalid naming the field and
// rule (case_closed, unknown_track, track_needs_authority, unknown_step,
// illegal_transition, closure_required; one missing_requirement per missing
// fact, on the fact's id); kForbidden for roles that may not move there and
// for break-glass readers; kConflict for a stale expected_step.
Result<CaseTracksView> MoveTrack(const Context& ctx, const Caller& caller,
                                 const std::string& case_id, const TrackMove& move,
                                 const ClientInfo& client);

struct DeclaredFact {
  std::string fact;
  std::string person_id;  // "" for the case as a whole
};

struct DeclaredFactResult {
  CaseTracksView tracks;
  bool recorded = false;  // false: the fact was already recorded; nothing changed
};

// Records a fact that is a declaration (a fact id of the case's definitions
// that no record implies). kInvalid: "fact" unknown_fact / implied_by_record /
// fact_needs_authority, "person_id" unknown_person, "case" case_closed.
Result<DeclaredFactResult> DeclareFact(const Context& ctx, const Caller& caller,
                                       const std::string& case_id, const DeclaredFact& input,
                                       const ClientInfo& client);

// Closes the case with a reason (tracks::ClosureReason's words); every track
// ends where it stands. kInvalid "reason" unknown_closure_reason, "case"
// case_closed when already closed.
Result<CaseView> CloseCase(const Context& ctx, const Caller& caller, const std::string& case_id,
                           const std::string& reason, const ClientInfo& client);

// Reopens a closed case (the person came back, the assessment was wrong):
// its tracks resume where they stood. kInvalid "case" case_open when it is open.
Result<CaseView> ReopenCase(const Context& ctx, const Caller& caller, const std::string& case_id,
                            const ClientInfo& client);

}  // namespace opennrm::app
