#include "domain/tracks/step_definitions.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/access/policy.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::tracks {

const StepDefinition* TrackDefinition::FindStep(std::string_view id) const {
  for (const auto& s : steps) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

bool TrackDefinition::Allows(std::string_view from, std::string_view to) const {
  return std::any_of(transitions.begin(), transitions.end(),
                     [&](const Transition& t) { return t.from == from && t.to == to; });
}

bool TrackDefinition::StartsAt(std::string_view id) const {
  return std::find(start_steps.begin(), start_steps.end(), id) != start_steps.end();
}

const TrackDefinition* DefinitionSet::FindTrack(TrackKind kind) const {
  for (const auto& t : tracks) {
    if (t.kind == kind) return &t;
  }
  return nullptr;
}

const FactDefinition* DefinitionSet::FindFact(std::string_view id) const {
  for (const auto& f : facts) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

bool DefinitionSet::InForceOn(CivilDate date) const {
  return valid_from <= date && (!valid_to || date <= *valid_to);
}

namespace {

std::string At(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

// Ids are lower-case words joined by underscores: "long_term_support".
bool IsId(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Versions may also carry dots and hyphens: "se-manual-2019", "se-nrm-2026.1".
bool IsVersion(std::string_view v) {
  if (v.empty() || v.size() > 64) return false;
  return std::all_of(v.begin(), v.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

void CheckId(Problems& p, const std::string& field, const std::string& id, const char* what) {
  if (id.empty()) {
    p.Add(field, "required", std::string("A ") + what + " needs an id.");
  } else if (id == kClosed) {
    p.Add(field, "reserved_id",
          "'closed' is not a step: a track closes only when its case closes, with a reason.");
  } else if (!IsId(id)) {
    p.Add(field, "format",
          std::string("The ") + what + " id '" + id +
              "' must be lower-case letters, digits and underscores, starting with a letter.");
  }
}

// Whether some organisation kind that is a public authority may grant `role`.
bool AuthorityMayHold(access::Role role) {
  const auto& kinds = orgs::AllKinds();
  return std::any_of(kinds.begin(), kinds.end(), [&](orgs::Kind k) {
    return orgs::IsPublicAuthority(k) && access::KindAllowsRole(k, role);
  });
}

void CheckRequirement(Problems& p, const DefinitionSet& set, const TrackDefinition& track,
                      const StepDefinition& step, const std::string& field,
                      const std::string& fact_id) {
  const FactDefinition* fact = set.FindFact(fact_id);
  std::string name = std::string(ToString(track.kind)) + " step '" + step.id + "'";
  if (!fact) {
    p.Add(field, "unknown_fact", "The " + name + " requires '" + fact_id + "', no declared fact.");
    return;
  }
  if (track.kind == TrackKind::kSupport && fact->section == access::Section::kProceedings) {
    // Directive 2011/36/EU Art. 11(3): support never depends on cooperation.
    p.Add(field, "support_requires_proceedings",
          "The " + name + " requires '" + fact_id +
              "' from the proceedings: support must not depend on criminal proceedings.");
  } else if (track.kind == TrackKind::kSupport && fact->section == access::Section::kReturn) {
    p.Add(
        field, "support_requires_return",
        "The " + name + " requires '" + fact_id + "' from the return: support never waits for it.");
  } else if (!track.authority_only && fact->section == access::Section::kProceedings) {
    p.Add(field, "offence_data_outside_authority",
          "The " + name + " requires '" + fact_id +
              "', offence data, but organisations that are not authorities may run this track.");
  }
}

void CheckSteps(Problems& p, const DefinitionSet& set, const TrackDefinition& track,
                const std::string& base) {
  if (track.steps.empty()) p.Add(base + ".steps", "required", "A track needs at least one step.");
  std::set<std::string> seen;
  for (size_t i = 0; i < track.steps.size(); ++i) {
    const StepDefinition& step = track.steps[i];
    std::string sb = At(base + ".steps", i);
    CheckId(p, sb + ".id", step.id, "step");
    if (!step.id.empty() && !seen.insert(step.id).second) {
      p.Add(sb + ".id", "duplicate_id", "The step '" + step.id + "' is defined twice.");
    }
    std::set<std::string> reqs;
    for (size_t r = 0; r < step.entry_requirements.size(); ++r) {
      const std::string& fact = step.entry_requirements[r];
      std::string field = At(sb + ".entry_requirements", r);
      if (!reqs.insert(fact).second) {
        p.Add(field, "duplicate_id", "The step '" + step.id + "' requires '" + fact + "' twice.");
      }
      CheckRequirement(p, set, track, step, field, fact);
    }
    if (step.movers.empty()) {
      p.Add(sb + ".movers", "required", "No role may move a case into '" + step.id + "'.");
    }
    std::set<access::Role> roles;
    for (size_t m = 0; m < step.movers.size(); ++m) {
      access::Role role = step.movers[m];
      std::string field = At(sb + ".movers", m);
      std::string name(access::ToString(role));
      if (!roles.insert(role).second) {
        p.Add(field, "duplicate_id", "The role '" + name + "' is listed twice.");
      } else if (!access::HandlesCases(role)) {
        p.Add(field, "not_a_case_role", "The role '" + name + "' does not work with cases.");
      } else if (track.authority_only && !AuthorityMayHold(role)) {
        p.Add(field, "role_outside_authority",
              "The role '" + name + "' is never held in a public authority, but only " +
                  "authorities may run the " + std::string(ToString(track.kind)) + " track.");
      }
    }
  }
}

void CheckTransitions(Problems& p, const TrackDefinition& track, const std::string& base) {
  if (track.start_steps.empty()) {
    p.Add(base + ".start_steps", "required", "A track needs a step to start in.");
  }
  std::set<std::string> starts;
  for (size_t i = 0; i < track.start_steps.size(); ++i) {
    const std::string& s = track.start_steps[i];
    std::string field = At(base + ".start_steps", i);
    if (!track.FindStep(s)) {
      p.Add(field, "unknown_step",
            "The track starts at '" + s + "', which is not one of its steps.");
    } else if (!starts.insert(s).second) {
      p.Add(field, "duplicate_id", "The start step '" + s + "' is listed twice.");
    }
  }
  std::vector<Transition> seen;
  for (size_t i = 0; i < track.transitions.size(); ++i) {
    const Transition& t = track.transitions[i];
    std::string tb = At(base + ".transitions", i);
    bool known = true;
    for (const auto& [end, field] :
         {std::pair{t.from, tb + ".from"}, std::pair{t.to, tb + ".to"}}) {
      if (!track.FindStep(end)) {
        p.Add(field, "unknown_step",
              "The transition names '" + end + "', not a step of the track.");
        known = false;
      }
    }
    if (!known) continue;
    if (t.from == t.to) {
      p.Add(tb, "self_transition", "A step cannot move to itself ('" + t.from + "').");
    } else if (std::find(seen.begin(), seen.end(), t) != seen.end()) {
      p.Add(tb, "duplicate_transition",
            "The transition '" + t.from + "' -> '" + t.to + "' is listed twice.");
    }
    seen.push_back(t);
  }
}

// Every step must be reachable from a start step, and every step that is not
// an ending must lead somewhere.
void CheckShape(Problems& p, const TrackDefinition& track, const std::string& base) {
  std::set<std::string> reached(track.start_steps.begin(), track.start_steps.end());
  std::vector<std::string> queue(reached.begin(), reached.end());
  while (!queue.empty()) {
    std::string from = queue.back();
    queue.pop_back();
    for (const auto& t : track.transitions) {
      if (t.from == from && reached.insert(t.to).second) queue.push_back(t.to);
    }
  }
  for (size_t i = 0; i < track.steps.size(); ++i) {
    const StepDefinition& step = track.steps[i];
    if (step.id.empty()) continue;
    std::string field = At(base + ".steps", i) + ".id";
    if (!reached.count(step.id)) {
      p.Add(field, "unreachable", "No transition leads to the step '" + step.id + "'.");
    }
    bool exits = std::any_of(track.transitions.begin(), track.transitions.end(),
                             [&](const Transition& t) { return t.from == step.id; });
    if (!step.ending && !exits) {
      p.Add(field, "dead_end",
            "The step '" + step.id + "' leads nowhere and is not marked as an ending.");
    }
  }
}

void CheckFacts(Problems& p, const DefinitionSet& set) {
  std::set<std::string> required;
  for (const auto& t : set.tracks) {
    for (const auto& s : t.steps)
      required.insert(s.entry_requirements.begin(), s.entry_requirements.end());
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < set.facts.size(); ++i) {
    const FactDefinition& f = set.facts[i];
    std::string field = At("facts", i) + ".id";
    CheckId(p, field, f.id, "fact");
    if (f.id.empty()) continue;
    if (!seen.insert(f.id).second) {
      p.Add(field, "duplicate_id", "The fact '" + f.id + "' is declared twice.");
    } else if (!required.count(f.id)) {
      p.Add(field, "unused_fact", "No step requires the fact '" + f.id + "'.");
    }
  }
}

}  // namespace

Status Validate(const DefinitionSet& set) {
  Problems p;
  if (set.version.empty()) {
    p.Add("version", "required", "A definition set needs a version.");
  } else if (!IsVersion(set.version)) {
    p.Add("version", "format",
          "The version '" + set.version + "' must be lower-case letters, digits, '.', '-', '_'.");
  }
  if (set.legal_reference.empty()) {
    p.Add("legal_reference", "required",
          "A definition set names the legal text or manual it encodes.");
  }
  if (set.valid_to && *set.valid_to < set.valid_from) {
    p.Add("valid_to", "date_order",
          "valid_to (" + FormatIsoDate(*set.valid_to) + ") is before valid_from (" +
              FormatIsoDate(set.valid_from) + ").");
  }
  CheckFacts(p, set);
  std::map<TrackKind, size_t> kinds;
  for (size_t i = 0; i < set.tracks.size(); ++i) {
    const TrackDefinition& track = set.tracks[i];
    std::string base = At("tracks", i);
    if (!kinds.emplace(track.kind, i).second) {
      p.Add(base + ".kind", "duplicate_track",
            "The " + std::string(ToString(track.kind)) + " track is defined twice.");
      continue;
    }
    if (track.kind == TrackKind::kProceedings && !track.authority_only) {
      p.Add(base + ".authority_only", "proceedings_needs_authority",
            "Only public authorities may hold data about offences, so the proceedings track must "
            "be authority_only.");
    }
    CheckSteps(p, set, track, base);
    CheckTransitions(p, track, base);
    CheckShape(p, track, base);
  }
  if (!kinds.count(TrackKind::kSupport)) {
    p.Add("tracks", "required", "Every definition set has a support track.");
  }
  return p.ToStatus("The step definitions " + set.version + " are inconsistent.");
}

}  // namespace opennrm::tracks
