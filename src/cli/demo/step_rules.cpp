#include "cli/demo/step_rules.hpp"

#include "domain/tracks/definition_history.hpp"
#include "domain/tracks/transition.hpp"

namespace opennrm::cli::demo {

const tracks::DefinitionSet* StepsOf(const DemoWorld& world, const CasePlan& plan) {
  if (!world.rules) return nullptr;
  return tracks::InForceOn(world.rules->steps, plan.opened_on);
}

bool OwnerIsAuthority(SlotKind kind) {
  return kind == SlotKind::kMunicipalSocialServices || kind == SlotKind::kPoliceRegion ||
         kind == SlotKind::kRegionalCoordinator;
}

std::vector<access::Role> KeeperRoles(const DemoWorld& world, const CasePlan& plan) {
  std::vector<access::Role> roles;
  if (plan.slot >= world.slots.size()) return roles;
  if (auto role = access::ParseRole(world.slots[plan.slot].role)) roles.push_back(*role);
  return roles;
}

std::vector<std::string> EntryRequirements(const DemoWorld& world, const CasePlan& plan,
                                           const std::string& track, const std::string& step) {
  const tracks::DefinitionSet* set = StepsOf(world, plan);
  auto kind = tracks::ParseTrackKind(track);
  const tracks::TrackDefinition* t = set && kind ? set->FindTrack(*kind) : nullptr;
  const tracks::StepDefinition* s = t ? t->FindStep(step) : nullptr;
  return s ? s->entry_requirements : std::vector<std::string>{};
}

bool MayMove(const DemoWorld& world, const CasePlan& plan, const std::string& track,
             const std::optional<std::string>& from, const std::string& to) {
  const tracks::DefinitionSet* set = StepsOf(world, plan);
  auto kind = tracks::ParseTrackKind(track);
  if (!set || !kind) return false;
  tracks::Move move;
  move.track = *kind;
  move.from = from;
  move.to = to;
  auto needed = EntryRequirements(world, plan, track, to);
  move.facts.insert(needed.begin(), needed.end());
  move.mover_roles = KeeperRoles(world, plan);
  move.owner_is_authority = OwnerIsAuthority(plan.slot_kind);
  return tracks::DecideMove(*set, move).has_value();
}

}  // namespace opennrm::cli::demo
