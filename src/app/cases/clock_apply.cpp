// Applying for a clock (or starting it at once) and recording its decision.
#include <algorithm>
#include <set>

#include "app/auth/internal.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/clock_support.hpp"
#include "core/stockholm_date_math.hpp"
#include "domain/cases/person_residence.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

// The application as the domain knows it; problems name the API's fields.
std::optional<clocks::Application> ApplicationOf(const std::optional<std::string>& applicant,
                                                 const std::optional<CivilDate>& applied_on,
                                                 Problems& problems) {
  if (!applicant) {
    if (applied_on) problems.Add("applicant", "required", "Who applied?");
    return std::nullopt;
  }
  auto party = clocks::ParseParty(*applicant);
  if (!party || *party == clocks::Party::kMigrationAgency ||
      *party == clocks::Party::kSupportProgramme) {
    // The person, a relative or the deciding authority never apply.
    problems.Add("applicant", "applicant_not_allowed",
                 "Under the clock rules only named parties apply (social_welfare_board, "
                 "head_of_preliminary_investigation, certified_provider); the person never does.");
    return std::nullopt;
  }
  if (!applied_on) {
    problems.Add("applied_on", "required", "When was the application made?");
    return std::nullopt;
  }
  return clocks::Application{*party, *applied_on};
}

// Checks an application that awaits its decision against the rule version.
Status CheckApplication(const clocks::ClockRule& rule, const clocks::Application& app,
                        const std::vector<std::string>& conditions) {
  Problems problems;
  if (!rule.decided_by) {
    problems.Add("starts_on", "required",
                 "Nobody decides under this rule: give the day the clock starts.");
  }
  if (!clocks::MayApply(rule, app.applicant)) {
    problems.Add("applicant", "applicant_not_allowed",
                 std::string(clocks::ToString(app.applicant)) +
                     " may not apply under this version of the rule.");
  }
  for (const auto& id : std::set<std::string>(conditions.begin(), conditions.end())) {
    bool known = std::any_of(rule.conditions.begin(), rule.conditions.end(),
                             [&](const clocks::Condition& c) { return c.id == id; });
    if (!known) {
      problems.Add("conditions", "unknown_condition", "The rule has no condition '" + id + "'.");
    }
  }
  return problems.ToStatus();
}

Status RequireChildIfChildClock(const Context& ctx, const clocks::ClockRule& rule,
                                const ports::CasePerson& person) {
  if (!IsChildTrackClock(rule.kind)) return Ok();
  auto child = FollowsChildTrack(ctx, person, TodayIn(ctx));
  if (!child) return tl::unexpected(child.error());
  if (!*child) {
    return Invalid("person_id", "not_child_track",
                   "This clock belongs to the child track; the person is not under 18, nor "
                   "claimed or estimated to be.");
  }
  return Ok();
}

// The reflection period is for a foreign national without a residence
// permit: refused for a Swedish citizen or a person recorded with a permit.
Status RequireForeignWithoutPermit(const Context& ctx, const clocks::ClockRule& rule,
                                   const ports::CasePerson& person) {
  if (rule.kind != clocks::ClockKind::kReflectionPeriod) return Ok();
  auto identity = IdentityOf(ctx, person);
  if (!identity) return tl::unexpected(identity.error());
  return cases::CheckReflectionPeriodFor(*identity, "person_id");
}

}  // namespace

Result<ClockView> ApplyClock(const Context& ctx, const Caller& caller, const std::string& case_id,
                             const NewClock& input, const ClientInfo& client) {
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  auto loaded = LoadForTeamWrite(ctx, caller, case_id, "case.clock_applied", client);
  if (!loaded) return tl::unexpected(loaded.error());
  auto person = PersonOfCase(ctx, case_id, input.person_id);
  if (!person) return tl::unexpected(person.error());
  Problems problems;
  auto application = ApplicationOf(input.applicant, input.applied_on, problems);
  if (input.rule_id.empty()) problems.Add("rule_id", "required", "Which clock rule?");
  if (auto st = problems.ToStatus(); !st) return tl::unexpected(st.error());
  std::optional<CivilDate> first = application        ? std::optional(application->applied_on)
                                   : input.decided_on ? input.decided_on
                                                      : input.starts_on;
  if (!first) {
    return Invalid("starts_on", "required",
                   "Give the application (applicant, applied_on) or the day the clock starts.");
  }
  auto rule = (*rules)->InForce(input.rule_id, *first);
  if (!rule) return tl::unexpected(rule.error());
  if (auto st = RequireChildIfChildClock(ctx, **rule, *person); !st) {
    return tl::unexpected(st.error());
  }
  if (auto st = RequireForeignWithoutPermit(ctx, **rule, *person); !st) {
    return tl::unexpected(st.error());
  }

  NewClockRows rows;
  std::string entry_kind;
  if (input.starts_on) {
    clocks::ClockOpening opening;
    opening.rule_id = input.rule_id;
    opening.application = application;
    opening.decided_on = input.decided_on;
    opening.start = *input.starts_on;
    opening.end = input.ends_on;
    opening.conditions = input.conditions;
    auto clock = clocks::Clock::Open(**rules, opening);
    if (!clock) return tl::unexpected(ApiFields(clock.error()));
    rows = RowsOfRunningClock(ctx, caller, *loaded, input.person_id, *clock);
    entry_kind = (*rule)->decided_by ? "clock.decided" : "clock.started";
  } else {
    if (!application) {
      return Invalid("applicant", "required",
                     "An application names who applied (applicant) and when (applied_on).");
    }
    if (input.decided_on || input.ends_on) {
      return Invalid("starts_on", "required", "A decision states the day the clock starts.");
    }
    if (auto st = CheckApplication(**rule, *application, input.conditions); !st) {
      return tl::unexpected(st.error());
    }
    ports::ClockRow& row = rows.clock;
    row.id = ctx.ids.NewId();
    row.case_id = case_id;
    row.organisation_id = loaded->row.organisation_id;
    row.person_id = input.person_id;
    row.rule_id = (*rule)->id;
    row.rule_version = (*rule)->version;
    row.rule_valid_from = (*rule)->valid_from;
    row.kind = std::string(clocks::ToString((*rule)->kind));
    row.section = std::string(access::ToString(SectionOf((*rule)->kind)));
    row.status = "applied";
    row.applicant = std::string(clocks::ToString(application->applicant));
    row.applied_on = application->applied_on;
    row.conditions = input.conditions;
    row.recorded_by = caller.actor.user_id;
    row.recorded_at_us = row.updated_at_us = NowUs(ctx);
    entry_kind = "clock.applied";
  }
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = StoreNewClock(**uow, ctx, caller, rows, entry_kind); !st) {
      return tl::unexpected(st.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = AuditCaseRecord(ctx, caller, "case.clock_applied", loaded->row, "clock",
                                rows.clock.id, {rows.clock.section}, nullptr, client);
      !st) {
    return tl::unexpected(st.error());
  }
  return ReadClockView(ctx, rows.clock.id);
}

Result<ClockView> DecideClock(const Context& ctx, const Caller& caller, const std::string& case_id,
                              const std::string& clock_id, const ClockDecision& decision,
                              const ClientInfo& client) {
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  auto loaded = LoadForTeamWrite(ctx, caller, case_id, "case.clock_decided", client);
  if (!loaded) return tl::unexpected(loaded.error());
  std::optional<ports::ClockRow> row;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->case_clocks().Find(clock_id);
    if (!found) return tl::unexpected(found.error());
    if (!*found || (*found)->case_id != case_id) return NotFound("No such clock in this case.");
    row = std::move(*found);
  }
  if (row->status != "applied") {
    return tl::unexpected(Error{ErrorCode::kConflict,
                                "The clock was decided already.",
                                {{"clock_id", "decided_already", "Its status is " + row->status}},
                                "clock-decided"});
  }
  if (!decision.decided_on) return Invalid("decided_on", "required", "When was it decided?");
  const ports::ClockRow before = *row;
  std::optional<ports::TaskRow> task;
  if (decision.outcome == "refused") {
    if (decision.starts_on || decision.ends_on) {
      return Invalid("starts_on", "not_granted", "A refusal has no dates of a clock.");
    }
    if (row->applied_on && *decision.decided_on < *row->applied_on) {
      return Invalid("decided_on", "before_application",
                     "The decision is dated before the application.");
    }
    row->status = "refused";
    row->decided_on = decision.decided_on;
  } else if (decision.outcome == "granted") {
    if (!decision.starts_on) {
      return Invalid("starts_on", "required", "A decision states the day the clock starts.");
    }
    clocks::ClockOpening opening;
    opening.rule_id = row->rule_id;
    if (auto party = clocks::ParseParty(row->applicant); party && row->applied_on) {
      opening.application = clocks::Application{*party, *row->applied_on};
    }
    opening.decided_on = decision.decided_on;
    opening.start = *decision.starts_on;
    opening.end = decision.ends_on;
    opening.conditions = row->conditions;
    for (const auto& c : decision.conditions) {
      if (std::find(opening.conditions.begin(), opening.conditions.end(), c) ==
          opening.conditions.end()) {
        opening.conditions.push_back(c);
      }
    }
    auto clock = clocks::Clock::Open(**rules, opening);
    if (!clock) return tl::unexpected(ApiFields(clock.error()));
    if (clock->rule().version != row->rule_version) {
      return Internal("The clock's rule version changed between application and decision.");
    }
    SetRunning(*row, *clock);
    task = TaskOf(ctx, caller, *row, *clock);
  } else {
    return Invalid("outcome", "unknown_code", "The outcome is granted or refused.");
  }
  row->updated_at_us = NowUs(ctx);
  row->version = before.version + 1;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->case_clocks().Update(*row, before.version); !st) {
      return tl::unexpected(st.error());
    }
    NewEntry e;
    e.kind = "clock.decided";
    e.section = access::ParseSection(row->section).value_or(access::Section::kSupport);
    e.person_id = row->person_id;
    e.subject_id = row->id;
    e.details = {{"rule_id", row->rule_id},
                 {"outcome", decision.outcome},
                 {"decided_on", FormatIsoDate(*decision.decided_on)}};
    if (row->starts_on) e.details.push_back({"starts_on", FormatIsoDate(*row->starts_on)});
    if (row->ends_on) e.details.push_back({"ends_on", FormatIsoDate(*row->ends_on)});
    auto entry = AppendEntry(**uow, ctx, caller, case_id, std::move(e));
    if (!entry) return tl::unexpected(entry.error());
    if (task) {
      if (auto st = StoreTask(**uow, ctx, caller, *task); !st) return tl::unexpected(st.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = AuditCaseRecord(ctx, caller, "case.clock_decided", loaded->row, "clock", row->id,
                                {row->section}, nullptr, client);
      !st) {
    return tl::unexpected(st.error());
  }
  return ReadClockView(ctx, row->id);
}

}  // namespace opennrm::app
