#include "domain/tracks/transition.hpp"

#include <algorithm>

namespace opennrm::tracks {

namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s.empty() ? "(none)" : s;
}

std::string RoleList(const std::vector<access::Role>& roles) {
  std::vector<std::string> names;
  for (auto r : roles) names.emplace_back(access::ToString(r));
  return Join(names);
}

}  // namespace

std::vector<std::string> NextSteps(const TrackDefinition& track,
                                   const std::optional<std::string>& from) {
  if (!from) return track.start_steps;
  std::vector<std::string> next;
  for (const auto& t : track.transitions) {
    if (t.from == *from) next.push_back(t.to);
  }
  return next;
}

std::vector<std::string> MissingRequirements(const StepDefinition& step,
                                             const std::set<std::string>& facts) {
  std::vector<std::string> missing;
  for (const auto& r : step.entry_requirements) {
    if (!facts.count(r)) missing.push_back(r);
  }
  return missing;
}

Status DecideMove(const DefinitionSet& set, const Move& move) {
  std::string name(ToString(move.track));
  const TrackDefinition* track = set.FindTrack(move.track);
  if (!track) {
    return Invalid("track", "unknown_track",
                   "The definitions " + set.version + " have no " + name + " track.");
  }
  if (track->authority_only && !move.owner_is_authority) {
    return Invalid("track", "track_needs_authority",
                   "Only a case owned by a public authority may run the " + name + " track.");
  }
  if (move.to == kClosed) {
    return Invalid("to", "closure_required",
                   "A track closes only when its case closes, with a reason.");
  }
  const StepDefinition* to = track->FindStep(move.to);
  if (!to) {
    return Invalid("to", "unknown_step",
                   "'" + move.to + "' is not a step of the " + name + " track.");
  }
  if (move.from) {
    if (*move.from == kClosed) {
      return Invalid("from", "track_closed", "The " + name + " track is closed with its case.");
    }
    if (!track->FindStep(*move.from)) {
      return Invalid("from", "unknown_step",
                     "'" + *move.from + "' is not a step of the " + name + " track.");
    }
    if (!track->Allows(*move.from, move.to)) {
      return Invalid("to", "illegal_transition",
                     "The " + name + " track cannot move from '" + *move.from + "' to '" + move.to +
                         "'; allowed: " + Join(NextSteps(*track, move.from)) + ".");
    }
  } else if (!track->StartsAt(move.to)) {
    return Invalid("to", "illegal_transition",
                   "The " + name + " track cannot start at '" + move.to +
                       "'; it starts at: " + Join(track->start_steps) + ".");
  }
  bool may_move = std::any_of(move.mover_roles.begin(), move.mover_roles.end(), [&](auto r) {
    return std::find(to->movers.begin(), to->movers.end(), r) != to->movers.end();
  });
  if (!may_move) {
    std::string detail = "Moving a case into '" + move.to +
                         "' needs one of the roles: " + RoleList(to->movers) + ".";
    return Fail(ErrorCode::kForbidden, detail,
                {FieldProblem{"roles", "role_may_not_move", detail}});
  }
  Problems p;
  for (const auto& fact : MissingRequirements(*to, move.facts)) {
    p.Add(fact, "missing_requirement",
          "Record '" + fact + "' before the case enters '" + move.to + "'.");
  }
  return p.ToStatus("The case cannot enter '" + move.to +
                    "' yet: something must be recorded first.");
}

}  // namespace opennrm::tracks
