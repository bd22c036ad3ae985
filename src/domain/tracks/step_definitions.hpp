// The steps of the referral mechanism as versioned data: one DefinitionSet is
// a dated version of the manual (the 2019 manual today; a formal NRM under
// Directive (EU) 2024/1712 tomorrow), naming for each track its steps, the
// facts that must be recorded to enter a step, the roles that may move a case
// into it, and the allowed transitions. Definitions come from data/rules/
// (parsed in src/cli); a case keeps the version it started with
// (definition_history.hpp). Labels are not here: the web translates step ids.
// Plain values; const access is thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/access/roles.hpp"
#include "domain/access/section.hpp"
#include "domain/tracks/track.hpp"

namespace opennrm::tracks {

// A reserved word, never a step: a track reaches it only when the case
// closes with a reason (closure.hpp).
inline constexpr std::string_view kClosed = "closed";

// Something recorded on a case that a step can require ("safety_plan").
// `section` is the part of the case that holds it, which tells which track
// the fact belongs to: proceedings facts live in the proceedings section.
struct FactDefinition {
  std::string id;
  access::Section section = access::Section::kSupport;
};

struct StepDefinition {
  std::string id;                               // stable, e.g. "acute_protection"
  std::vector<std::string> entry_requirements;  // fact ids, all needed to enter
  std::vector<access::Role> movers;             // roles that may move a case into it
  bool ending = false;  // the track's work is over here (it may still be reopened)
};

struct Transition {
  std::string from;
  std::string to;
  bool operator==(const Transition&) const = default;
};

struct TrackDefinition {
  TrackKind kind = TrackKind::kSupport;
  // Only cases owned by a public authority may run this track (offence data:
  // GDPR Art. 10, Data Protection Act 2018:218 ch. 3 §8).
  bool authority_only = false;
  std::vector<std::string> start_steps;  // where the track may begin
  std::vector<StepDefinition> steps;
  std::vector<Transition> transitions;

  // The step with `id`, or nullptr.
  const StepDefinition* FindStep(std::string_view id) const;
  // Whether `from` -> `to` is one of the transitions.
  bool Allows(std::string_view from, std::string_view to) const;
  // Whether the track may begin in `id`.
  bool StartsAt(std::string_view id) const;
};

struct DefinitionSet {
  std::string version;                // stable id a case stores, e.g. "se-manual-2019"
  CivilDate valid_from;               // first day in force
  std::optional<CivilDate> valid_to;  // last day in force (inclusive); nullopt: open
  std::string legal_reference;        // the legal text or manual it encodes
  std::vector<FactDefinition> facts;
  std::vector<TrackDefinition> tracks;

  // The definition of track `kind`, or nullptr when this version has none.
  const TrackDefinition* FindTrack(TrackKind kind) const;
  // The fact with `id`, or nullptr.
  const FactDefinition* FindFact(std::string_view id) const;
  // Whether `date` lies in [valid_from, valid_to].
  bool InForceOn(CivilDate date) const;
};

// Checks that a set is internally consistent; returns every broken rule at
// once, each on a field path inside the set ("tracks[0].steps[2].movers[1]").
// Rules: required, format, reserved_id, duplicate_id, duplicate_track,
// date_order, unknown_fact, unused_fact, unknown_step, self_transition,
// duplicate_transition, unreachable, dead_end, not_a_case_role,
// role_outside_authority, support_requires_proceedings,
// support_requires_return, offence_data_outside_authority,
// proceedings_needs_authority.
Status Validate(const DefinitionSet& set);

}  // namespace opennrm::tracks
