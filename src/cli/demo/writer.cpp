#include "cli/demo/writer.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "app/cases/cases.hpp"
#include "app/cases/child_track.hpp"
#include "app/cases/clocks.hpp"
#include "app/cases/persons.hpp"
#include "app/cases/proceedings_record.hpp"
#include "app/cases/records.hpp"
#include "app/cases/tasks.hpp"
#include "app/cases/tracks.hpp"
#include "cli/demo/record_bodies.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::cli::demo {

namespace {

// One case being written: its own clock, context and the ids it got.
struct CaseRun {
  const app::Context& base;
  FakeClock clock;
  app::Context ctx;
  const Actor& actor;
  const CasePlan& plan;
  app::ClientInfo client;
  DemoRandom random;
  std::string case_id;
  std::vector<std::string> person_ids;
  std::map<std::pair<std::string, int>, std::string> tasks;  // (rule, person) -> the clock's task
  int seq = 0;

  CaseRun(const app::Context& b, const Actor& a, const CasePlan& p)
      : base(b),
        clock(b.clock.Now()),
        ctx{.db = b.db,
            .clock = clock,
            .ids = b.ids,
            .reference = b.reference,
            .directory = b.directory,
            .security = b.security,
            .case_rules = b.case_rules,
            .codec = b.codec,
            .package_codec = b.package_codec,
            .romaniser = b.romaniser,
            .sniffer = b.sniffer,
            .max_attachment_bytes = b.max_attachment_bytes},
        actor(a),
        plan(p),
        client{"127.0.0.1", "opennrm demo", "demo-" + std::to_string(p.index)},
        random(DemoRandom::ForCase(0x7265636F726473ULL, p.index)) {}

  // Sets the clock to a working hour of `day`, a little later for each
  // action, never after the real now.
  void At(CivilDate day) {
    using namespace std::chrono;
    TimePoint t = StockholmStartOfDay(day) + hours(8) + minutes(std::min(3 * seq++, 540));
    clock.Set(std::min(t, base.clock.Now()));
  }

  const std::string& PersonId(int i) const { return person_ids.at(static_cast<size_t>(i)); }
  app::RecordPlace Place(int person) const { return {case_id, PersonId(person)}; }
  const PersonPlan& Person(int i) const { return plan.persons.at(static_cast<size_t>(i)); }

  void KeepTask(const std::string& rule, int person, const std::string& task_id) {
    if (!task_id.empty()) tasks[{rule, person}] = task_id;
  }

  Status Apply(const Action& a);
};

template <class T>
Status Done(const Result<T>& r) {
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Status CaseRun::Apply(const Action& a) {
  const app::Caller& caller = actor.caller;
  switch (a.kind) {
    case ActionKind::kIndicators: {
      const cases::IndicatorCatalog* catalog = app::IndicatorChecklist(ctx);
      if (!catalog) return Internal("No indicator checklist is loaded.");
      return Done(app::RecordIndicators(ctx, caller, Place(a.person),
                                        IndicatorsFor(*catalog, Person(a.person), a.on, random),
                                        client));
    }
    case ActionKind::kAssessment:
      return Done(
          app::RecordAssessment(ctx, caller, Place(a.person), AssessmentOn(plan, a.on), client));
    case ActionKind::kSafetyPlan:
      return Done(
          app::RecordSafetyPlan(ctx, caller, Place(a.person), SafetyPlanOn(a.on, random), client));
    case ActionKind::kWish:
      return Done(
          app::AddWish(ctx, caller, Place(a.person), WishAbout(a.id, a.on, random), client));
    case ActionKind::kConsent:
      return Done(
          app::AddConsent(ctx, caller, Place(a.person), ConsentOf(Person(a.person), a.on), client));
    case ActionKind::kDeclare:
      return Done(app::DeclareFact(ctx, caller, case_id, {a.id, PersonId(a.person)}, client));
    case ActionKind::kMove:
      return Done(app::MoveTrack(ctx, caller, case_id, {a.track, a.id, std::nullopt}, client));
    case ActionKind::kProceedings: {
      app::ProceedingsInput in{plan.proceedings.at(static_cast<size_t>(a.index)), std::nullopt};
      for (auto& party : in.body.injured_parties)
        party.person_id = PersonId(std::stoi(party.person_id));
      return Done(app::RecordProceedings(ctx, caller, case_id, in, client));
    }
    case ActionKind::kClock: {
      const ClockPlan& c = plan.clocks.at(static_cast<size_t>(a.index));
      app::NewClock in;
      in.rule_id = c.rule;
      in.person_id = PersonId(c.person);
      in.applicant = c.applicant;
      in.applied_on = c.applied_on;
      if (!c.pending && !c.refused) in.decided_on = in.starts_on = c.starts_on;
      in.conditions = c.conditions;
      auto applied = app::ApplyClock(ctx, caller, case_id, in, client);
      if (!applied) return tl::unexpected(applied.error());
      if (c.refused) {
        app::ClockDecision refusal;
        refusal.outcome = "refused";
        refusal.decided_on = c.starts_on;
        return Done(app::DecideClock(ctx, caller, case_id, applied->id, refusal, client));
      }
      KeepTask(c.rule, c.person, applied->task_id);
      return Ok();
    }
    case ActionKind::kClockDone: {
      auto task = tasks.find({a.id, a.person});
      if (task == tasks.end()) return Ok();  // the clock made no task
      return Done(app::CompleteTask(ctx, caller, case_id, task->second, client));
    }
    case ActionKind::kChildRecord: {
      const ChildRecordPlan& r = plan.child_records.at(static_cast<size_t>(a.index));
      app::ChildTrackEntry e{r.kind, r.on, r.municipality, "", r.outcome, ""};
      auto recorded = app::RecordChildTrack(ctx, caller, case_id, PersonId(r.person), e, client);
      if (!recorded) return tl::unexpected(recorded.error());
      for (const auto& c : recorded->clocks) KeepTask(c.rule_id, r.person, c.task_id);
      return Ok();
    }
    case ActionKind::kMissingAlert:
      return Done(app::OpenMissingAlert(ctx, caller, case_id, PersonId(a.person), client));
    case ActionKind::kClose:
      if (!plan.closure) return Ok();
      return Done(app::CloseCase(ctx, caller, case_id, std::string(tracks::ToString(*plan.closure)),
                                 client));
  }
  return Ok();
}

Error Naming(const CasePlan& plan, std::string_view what, Error e) {
  e.message =
      "Demo case " + std::to_string(plan.index) + ", " + std::string(what) + ": " + e.message;
  return e;
}

}  // namespace

Result<WrittenCase> DemoWriter::Write(const CasePlan& plan) const {
  if (plan.slot >= actors_.size()) return Internal("A demo plan names an unknown organisation.");
  CaseRun run(ctx_, actors_[plan.slot], plan);
  const app::Caller& caller = run.actor.caller;
  run.At(plan.opened_on);
  auto created =
      app::CreateCase(run.ctx, caller, app::NewCase{std::string(ToString(plan.type))}, run.client);
  if (!created) return tl::unexpected(Naming(plan, "creating it", created.error()));
  run.case_id = created->summary.id;
  WrittenCase out;
  out.case_id = run.case_id;
  for (const auto& p : plan.persons) {
    app::NewCasePerson input{std::string(cases::ToString(p.role)), p.person};
    auto added = app::AddCasePerson(run.ctx, caller, run.case_id, input, run.client);
    if (!added) return tl::unexpected(Naming(plan, "adding a person", added.error()));
    run.person_ids.push_back(added->person.id);
    ++out.persons;
  }
  if (!plan.forms.empty()) {
    auto saved = app::RecordExploitation(
        run.ctx, caller, run.case_id, ports::ExploitationBody{plan.forms, plan.places, plan.period},
        run.client);
    if (!saved) return tl::unexpected(Naming(plan, "its exploitation", saved.error()));
  }
  for (const Action& a : plan.actions) {
    if (!history_ && a.kind != ActionKind::kClock && a.kind != ActionKind::kClockDone &&
        a.kind != ActionKind::kClose) {
      continue;
    }
    run.At(a.on);
    if (auto st = run.Apply(a); !st) {
      std::string what = std::string(ToString(a.kind)) + " " + a.track +
                         (a.track.empty() ? "" : ".") + a.id + " on " + FormatIsoDate(a.on);
      return tl::unexpected(Naming(plan, what, st.error()));
    }
    ++out.actions;
  }
  return out;
}

}  // namespace opennrm::cli::demo
