// Whether a case may move on one of its tracks: the pure decision behind
// every step change. The caller resolves the facts recorded on the case, the
// mover's roles and whether the owning organisation is a public authority;
// this function only decides, from the case's own definition version.
// Pure; thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/access/roles.hpp"
#include "domain/tracks/step_definitions.hpp"
#include "domain/tracks/track.hpp"

namespace opennrm::tracks {

struct Move {
  TrackKind track = TrackKind::kSupport;
  std::optional<std::string> from;  // the track's current step; nullopt: starting the track
  std::string to;                   // the step asked for
  std::set<std::string> facts;      // fact ids recorded on the case
  std::vector<access::Role> mover_roles;
  bool owner_is_authority = false;  // the case's organisation is a public authority
};

// Ok when `move` is allowed under `set`; otherwise the first kind of problem
// found, in this order, each naming its field:
//   kInvalid "track"  unknown_track, track_needs_authority
//   kInvalid "to"     closure_required (target "closed"), unknown_step
//   kInvalid "from"   track_closed, unknown_step
//   kInvalid "to"     illegal_transition (not a start step / not a transition)
//   kForbidden "roles" role_may_not_move
//   kInvalid <fact>   missing_requirement, one problem per missing fact
Status DecideMove(const DefinitionSet& set, const Move& move);

// The steps a track may move to from `from` (nullopt: its start steps), in
// the order the definitions list them; roles and facts are not considered.
std::vector<std::string> NextSteps(const TrackDefinition& track,
                                   const std::optional<std::string>& from);

// The entry requirements of `step` that are not among `facts`, in order.
std::vector<std::string> MissingRequirements(const StepDefinition& step,
                                             const std::set<std::string>& facts);

}  // namespace opennrm::tracks
