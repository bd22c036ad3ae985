// Reading a case's tracks, moving a track, and declaring a fact.
#include "app/cases/tracks.hpp"

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/track_facts.hpp"
#include "domain/cases/person_role.hpp"
#include "domain/orgs/organisation.hpp"
#include "domain/tracks/transition.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

// The tracks view as the caller sees it after a change.
Result<CaseTracksView> Reload(const Context& ctx, const Caller& caller,
                              const std::string& case_id) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto loaded = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead);
  if (!loaded) return tl::unexpected(loaded.error());
  return BuildTracksView(**uow, ctx, caller, *loaded);
}

// The case, for a change by a member of its team (break-glass readers only
// read). On refusal the write unit of work is given up and the refusal audited.
Result<LoadedCase> LoadForChange(std::unique_ptr<ports::UnitOfWork>& uow, const Context& ctx,
                                 const Caller& caller, const std::string& case_id,
                                 const std::string& event_action, const ClientInfo& client) {
  return LoadForTeam(uow, ctx, caller, case_id, access::Action::kRecordWrite, event_action,
                     "Only the case's team changes the case; break-glass opens a case for "
                     "reading.",
                     client.request_id);
}

Status Audited(const Context& ctx, const Caller& caller, const std::string& action,
               const ports::CaseRow& row, access::Section section, const std::string& request_id) {
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "allowed", request_id);
  auto object = Object("case", row.id, row.organisation_id);
  object.sections = {std::string(access::ToString(section))};
  e.objects.push_back(std::move(object));
  e.purpose = "assignment";
  return Audit(ctx, std::move(e));
}

}  // namespace

Result<CaseTracksView> ReadTracks(const Context& ctx, const Caller& caller,
                                  const std::string& case_id, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  std::string owner;
  auto loaded = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
  if (!loaded) {
    uow->reset();
    return tl::unexpected(AuditDenied(ctx, caller, "case.tracks_read", case_id, owner,
                                      loaded.error(), client.request_id));
  }
  auto view = BuildTracksView(**uow, ctx, caller, *loaded);
  if (!view) return tl::unexpected(view.error());
  uow->reset();
  // Durable before the tracks are returned.
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.tracks_read", "allowed", client.request_id);
  auto object = Object("case", loaded->row.id, loaded->row.organisation_id);
  object.sections = {"support", "return"};
  if (MayHandleOffenceData(caller.actor)) object.sections.push_back("proceedings");
  e.objects.push_back(std::move(object));
  if (loaded->break_glass) {
    e.purpose = "break_glass";
    e.reason_id = loaded->break_glass->id;
  } else {
    e.purpose = "assignment";
  }
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return view;
}

Result<CaseTracksView> MoveTrack(const Context& ctx, const Caller& caller,
                                 const std::string& case_id, const TrackMove& move,
                                 const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  const std::string action = "case.track_moved";
  ports::CaseRow row;
  access::Section section = access::Section::kSupport;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto loaded = LoadForChange(*uow, ctx, caller, case_id, action, client);
    if (!loaded) return tl::unexpected(loaded.error());
    row = loaded->row;
    if (auto st = RequireOpen(row); !st) return tl::unexpected(st.error());
    auto kind = tracks::ParseTrackKind(move.track);
    if (!kind) {
      return Invalid(
          "track", "unknown_track",
          "A track is support, proceedings or return (got '" + move.track.substr(0, 64) + "').");
    }
    section = SectionOf(*kind);
    const bool owner_is_authority = orgs::IsPublicAuthority(loaded->resource.owner_kind);
    // In a case that may hold proceedings, only roles that handle offence
    // data move them; in any other case DecideMove names the rule (422).
    if (*kind == tracks::TrackKind::kProceedings && owner_is_authority &&
        !MayHandleOffenceData(caller.actor)) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, action, case_id, row.organisation_id,
                                        Error{ErrorCode::kForbidden,
                                              "Your role does not handle criminal proceedings.",
                                              {},
                                              "forbidden"},
                                        client.request_id));
    }
    auto set = DefinitionsOf(ctx, row);
    if (!set) return tl::unexpected(set.error());
    auto rows = (*uow)->case_tracks().OfCase(case_id);
    if (!rows) return tl::unexpected(rows.error());
    std::optional<std::string> current;
    for (const auto& r : *rows) {
      if (r.track == move.track) current = r.step;
    }
    if (move.expected_step &&
        (move.expected_step->empty() ? current.has_value() : current != *move.expected_step)) {
      return tl::unexpected(Error{ErrorCode::kConflict,
                                  "The " + move.track + " track stands at '" +
                                      current.value_or("") + "' now; reload the case.",
                                  {},
                                  "track-moved"});
    }
    auto facts = (*uow)->case_log().Facts(case_id);
    if (!facts) return tl::unexpected(facts.error());
    tracks::Move m;
    m.track = *kind;
    m.from = current;
    m.to = move.to;
    m.facts = FactIds(*facts);
    m.mover_roles = caller.actor.roles;
    m.owner_is_authority = owner_is_authority;
    if (auto st = tracks::DecideMove(**set, m); !st) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, action, case_id, row.organisation_id,
                                        st.error(), client.request_id));
    }
    ports::CaseTrackRow next{case_id,           move.track, move.to,
                             row.steps_version, NowUs(ctx), caller.actor.user_id};
    if (auto st = (*uow)->case_tracks().Move(next, current); !st) {
      return tl::unexpected(st.error());
    }
    NewEntry entry{"track.moved",
                   section,
                   "",
                   "",
                   {{"track", move.track}, {"from", current.value_or("")}, {"to", move.to}}};
    if (auto e = AppendEntry(**uow, ctx, caller, case_id, std::move(entry)); !e) {
      return tl::unexpected(e.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = Audited(ctx, caller, action, row, section, client.request_id); !st) {
    return tl::unexpected(st.error());
  }
  return Reload(ctx, caller, case_id);
}

Result<DeclaredFactResult> DeclareFact(const Context& ctx, const Caller& caller,
                                       const std::string& case_id, const DeclaredFact& input,
                                       const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  const std::string action = "case.fact_recorded";
  ports::CaseRow row;
  access::Section section = access::Section::kSupport;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto loaded = LoadForChange(*uow, ctx, caller, case_id, action, client);
    if (!loaded) return tl::unexpected(loaded.error());
    row = loaded->row;
    if (auto st = RequireOpen(row); !st) return tl::unexpected(st.error());
    auto set = DefinitionsOf(ctx, row);
    if (!set) return tl::unexpected(set.error());
    const auto* def = (*set)->FindFact(input.fact);
    if (!def) {
      return Invalid("fact", "unknown_fact",
                     "'" + input.fact.substr(0, 64) + "' is no fact of the step definitions " +
                         row.steps_version + ".");
    }
    if (auto record = RecordImplying(input.fact); !record.empty()) {
      return Invalid("fact", "implied_by_record",
                     "'" + input.fact + "' is recorded by keeping the case's " +
                         std::string(record) + ", not declared.");
    }
    section = def->section;
    if (section == access::Section::kProceedings) {
      if (!orgs::IsPublicAuthority(loaded->resource.owner_kind)) {
        return Invalid("fact", "fact_needs_authority",
                       "Only a case owned by a public authority holds criminal proceedings.");
      }
      if (!MayHandleOffenceData(caller.actor)) {
        return Forbidden("forbidden", "Your role does not handle criminal proceedings.");
      }
    }
    if (!input.person_id.empty()) {
      auto persons = (*uow)->persons().OfCase(case_id);
      if (!persons) return tl::unexpected(persons.error());
      bool held = false;
      std::optional<std::string> merged_into;
      for (const auto& p : *persons) {
        if (p.person.id != input.person_id) continue;
        auto role = cases::ParsePersonRole(p.link.role).value_or(cases::PersonRole::kWitness);
        held = cases::MayHandleRole(caller.actor, role);
        merged_into = p.person.merged_into;
      }
      if (!held) return Invalid("person_id", "unknown_person", "The case holds no such person.");
      // A merged record is kept as it was: facts about the person go to the kept one.
      if (merged_into) {
        return Invalid(
            "person_id", "person_merged",
            "This record was merged into another one (" + *merged_into + "); record there.");
      }
    }
    auto facts = (*uow)->case_log().Facts(case_id);
    if (!facts) return tl::unexpected(facts.error());
    for (const auto& f : *facts) {
      if (f.fact == input.fact && f.person_id == input.person_id) {
        uow->reset();
        auto view = Reload(ctx, caller, case_id);
        if (!view) return tl::unexpected(view.error());
        return DeclaredFactResult{std::move(*view), false};
      }
    }
    NewEntry entry{"fact.recorded", section, input.person_id, "", {{"fact", input.fact}}};
    auto appended = AppendEntry(**uow, ctx, caller, case_id, std::move(entry));
    if (!appended) return tl::unexpected(appended.error());
    if (auto st =
            RecordFact(**uow, ctx, caller, case_id, input.fact, input.person_id, appended->id);
        !st) {
      return tl::unexpected(st.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = Audited(ctx, caller, action, row, section, client.request_id); !st) {
    return tl::unexpected(st.error());
  }
  auto view = Reload(ctx, caller, case_id);
  if (!view) return tl::unexpected(view.error());
  return DeclaredFactResult{std::move(*view), true};
}

}  // namespace opennrm::app
