#include "app/cases/track_facts.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "domain/cases/person_role.hpp"
#include "domain/orgs/organisation.hpp"
#include "domain/tracks/definition_history.hpp"
#include "domain/tracks/transition.hpp"

namespace opennrm::app::case_internal {

namespace {

// Which record of the product records which fact when it is kept. Any
// other fact of the definitions is a declaration (basic information given,
// IOM acceptance, travel arranged...): no record of ours holds it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kImplied{{
    {"indicators_recorded", "indicators"},
    {"presumed_victim_assessment", "assessment"},
    {"safety_plan", "safety_plan"},
    {"person_wishes_recorded", "wishes"},
    {"consent_recorded", "consents"},
    {"police_report_recorded", "proceedings"},
    {"preliminary_investigation_opened", "proceedings"},
    {"preliminary_investigation_concluded", "proceedings"},
    {"indictment_filed", "proceedings"},
    {"judgment_delivered", "proceedings"},
    {"appeal_lodged", "proceedings"},
    {"judgment_final", "proceedings"},
    {"discontinuation_decision_recorded", "proceedings"},
}};

}  // namespace

std::string_view RecordImplying(std::string_view fact) {
  for (const auto& [f, record] : kImplied) {
    if (f == fact) return record;
  }
  return "";
}

std::vector<std::string> FactsImpliedBy(const cases::Proceedings& p) {
  using cases::ProsecutionOutcome;
  std::vector<std::string> out;
  if (!p.police_report_numbers.empty()) out.emplace_back("police_report_recorded");
  if (p.investigation) out.emplace_back("preliminary_investigation_opened");
  // Concluded: closed, or a prosecutor has decided on what it found.
  if ((p.investigation && p.investigation->closed_on) || p.prosecution) {
    out.emplace_back("preliminary_investigation_concluded");
  }
  if (p.prosecution && p.prosecution->outcome == ProsecutionOutcome::kIndictment) {
    out.emplace_back("indictment_filed");
  }
  if (!p.judgments.empty()) out.emplace_back("judgment_delivered");
  if (!p.appeals.empty()) out.emplace_back("appeal_lodged");
  if (std::any_of(p.judgments.begin(), p.judgments.end(), [](const auto& j) { return j.final; })) {
    out.emplace_back("judgment_final");
  }
  // Discontinued: no indictment, or an investigation closed (nedlagd, with
  // its reason) without a prosecution decision. A summary penalty order
  // (strafföreläggande) is neither: it ends the case without a trial.
  bool no_indictment =
      p.prosecution && (p.prosecution->outcome == ProsecutionOutcome::kNoProsecution ||
                        p.prosecution->outcome == ProsecutionOutcome::kProsecutionWaiver);
  bool closed_without_decision = p.investigation && p.investigation->closed_on &&
                                 !p.investigation->closing_reason.empty() && !p.prosecution;
  if (no_indictment || closed_without_decision) {
    out.emplace_back("discontinuation_decision_recorded");
  }
  return out;
}

access::Section SectionOf(tracks::TrackKind kind) {
  switch (kind) {
    case tracks::TrackKind::kProceedings:
      return access::Section::kProceedings;
    case tracks::TrackKind::kReturn:
      return access::Section::kReturn;
    case tracks::TrackKind::kSupport:
      break;
  }
  return access::Section::kSupport;
}

bool MayHandleOffenceData(const access::Actor& actor) {
  return cases::MayHandleRole(actor, cases::PersonRole::kSuspect);
}

Result<const tracks::DefinitionSet*> DefinitionsOf(const Context& ctx, const ports::CaseRow& row) {
  if (!ctx.case_rules) return Internal("No case rules are loaded.");
  const auto* set = tracks::FindVersion(ctx.case_rules->steps, row.steps_version);
  if (!set) {
    return Internal("The step definitions " + row.steps_version +
                    " the case follows are not loaded.");
  }
  return set;
}

std::set<std::string> FactIds(const std::vector<ports::CaseFactRow>& facts) {
  std::set<std::string> out;
  for (const auto& f : facts) out.insert(f.fact);
  return out;
}

Status RequireOpen(const ports::CaseRow& row) {
  if (row.status == "closed") {
    return Invalid("case", "case_closed",
                   "The case is closed (" + row.closure_reason + "); reopen it to change it.");
  }
  return Ok();
}

namespace {

NextStepView NextOf(const tracks::DefinitionSet& set, const tracks::StepDefinition& step,
                    const std::set<std::string>& facts, const access::Actor& actor) {
  NextStepView n;
  n.step = step.id;
  n.ending = step.ending;
  for (const auto& fact : tracks::MissingRequirements(step, facts)) {
    MissingFactView m;
    m.fact = fact;
    if (const auto* def = set.FindFact(fact)) m.section = access::ToString(def->section);
    std::string_view record = RecordImplying(fact);
    m.recorded_by = record.empty() ? "declaration" : std::string(record);
    n.missing.push_back(std::move(m));
  }
  n.caller_may_move = std::any_of(step.movers.begin(), step.movers.end(),
                                  [&](access::Role r) { return actor.Has(r); });
  return n;
}

}  // namespace

Result<CaseTracksView> BuildTracksView(ports::UnitOfWork& uow, const Context& ctx,
                                       const Caller& caller, const LoadedCase& c) {
  auto set = DefinitionsOf(ctx, c.row);
  if (!set) return tl::unexpected(set.error());
  auto rows = uow.case_tracks().OfCase(c.row.id);
  if (!rows) return tl::unexpected(rows.error());
  auto facts = uow.case_log().Facts(c.row.id);
  if (!facts) return tl::unexpected(facts.error());
  const bool owner_is_authority = orgs::IsPublicAuthority(c.resource.owner_kind);
  const bool offence_data = MayHandleOffenceData(caller.actor);
  const std::set<std::string> ids = FactIds(*facts);

  CaseTracksView v;
  v.case_id = c.row.id;
  v.steps_version = c.row.steps_version;
  v.status = c.row.status;
  v.closure_reason = c.row.closure_reason;
  v.version = c.row.version;
  for (const auto& def : (*set)->tracks) {
    TrackView t;
    t.track = tracks::ToString(def.kind);
    if (def.authority_only && !owner_is_authority) {
      t.available = false;
      t.unavailable_rule = "track_needs_authority";
      v.tracks.push_back(std::move(t));
      continue;
    }
    if (def.kind == tracks::TrackKind::kProceedings && !offence_data) continue;
    std::optional<std::string> current;
    for (const auto& r : *rows) {
      if (r.track != t.track) continue;
      current = r.step;
      t.entered_at_us = r.entered_at_us;
      t.entered_by = r.entered_by;
      if (const auto* step = def.FindStep(r.step)) t.ending = step->ending;
    }
    t.step = current;
    if (c.row.status != "closed") {
      for (const auto& id : tracks::NextSteps(def, current)) {
        if (const auto* step = def.FindStep(id)) {
          t.next.push_back(NextOf(**set, *step, ids, caller.actor));
        }
      }
    }
    v.tracks.push_back(std::move(t));
  }
  for (const auto& f : *facts) {
    const auto* def = (*set)->FindFact(f.fact);
    auto section = def ? def->section : access::Section::kSupport;
    if (section == access::Section::kProceedings && !offence_data) continue;
    v.facts.push_back({f.fact, std::string(access::ToString(section)), f.person_id, f.entry_id,
                       f.recorded_by, f.recorded_at_us});
  }
  return v;
}

}  // namespace opennrm::app::case_internal
