// Renewing and revoking a running clock, and reading a case's clocks.
#include "app/auth/internal.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/clock_support.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

struct RunningClock {
  ports::ClockRow row;
  std::vector<ports::ClockRenewalRow> renewals;
  std::vector<ports::TaskRow> open_tasks;
};

// The case's running clock `clock_id`; kNotFound when it is not this case's,
// kConflict when it is not running.
Result<RunningClock> LoadRunning(const Context& ctx, const std::string& case_id,
                                 const std::string& clock_id) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto found = (*uow)->case_clocks().Find(clock_id);
  if (!found) return tl::unexpected(found.error());
  if (!*found || (*found)->case_id != case_id) return NotFound("No such clock in this case.");
  if ((*found)->status != "running") {
    return tl::unexpected(Error{ErrorCode::kConflict,
                                "Only a running clock is renewed, revoked or ended.",
                                {{"clock_id", "not_running", "Its status is " + (*found)->status}},
                                "clock-not-running"});
  }
  RunningClock out{std::move(**found), {}, {}};
  auto renewals = (*uow)->case_clocks().Renewals(clock_id);
  if (!renewals) return tl::unexpected(renewals.error());
  out.renewals = std::move(*renewals);
  auto tasks = (*uow)->case_tasks().OpenOfClock(clock_id);
  if (!tasks) return tl::unexpected(tasks.error());
  out.open_tasks = std::move(*tasks);
  return out;
}

}  // namespace

Result<ClockView> RenewClock(const Context& ctx, const Caller& caller, const std::string& case_id,
                             const std::string& clock_id, const ClockRenewal& input,
                             const ClientInfo& client) {
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  auto loaded = LoadForTeamWrite(ctx, caller, case_id, "case.clock_renewed", client);
  if (!loaded) return tl::unexpected(loaded.error());
  auto running = LoadRunning(ctx, case_id, clock_id);
  if (!running) return tl::unexpected(running.error());
  auto clock = RestoreClock(**rules, running->row, running->renewals);
  if (!clock) return tl::unexpected(clock.error());
  if (!input.decided_on) return Invalid("decided_on", "required", "When was it decided?");
  clocks::RenewalRequest request;
  if (input.applicant) {
    auto party = clocks::ParseParty(*input.applicant);
    if (!party) {
      return Invalid("applicant", "applicant_not_allowed", "That party does not apply.");
    }
    if (!input.applied_on) return Invalid("applied_on", "required", "When was it applied for?");
    request.application = clocks::Application{*party, *input.applied_on};
  }
  request.decided_on = *input.decided_on;
  request.end = input.ends_on;
  request.conditions = input.conditions;
  if (auto st = clock->Renew(request); !st) return tl::unexpected(ApiFields(st.error()));
  const auto& renewal = clock->record().renewals.back();
  ports::ClockRow row = running->row;
  const long long before = row.version;
  row.ends_on = clock->end();
  row.end_from_decision = clock->record().end_from_decision;
  row.updated_at_us = NowUs(ctx);
  row.version = before + 1;
  ports::ClockRenewalRow stored;
  stored.clock_id = row.id;
  stored.n = static_cast<int>(clock->record().renewals.size());
  if (renewal.application) {
    stored.applicant = std::string(clocks::ToString(renewal.application->applicant));
    stored.applied_on = renewal.application->applied_on;
  }
  stored.decided_on = renewal.decided_on;
  stored.previous_end = renewal.previous_end;
  stored.ends_on = renewal.end;
  stored.recorded_by = caller.actor.user_id;
  stored.recorded_at_us = row.updated_at_us;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->case_clocks().Update(row, before); !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = (*uow)->case_clocks().AddRenewal(stored); !st) {
      return tl::unexpected(st.error());
    }
    // The clock's task moves to the new last day.
    for (auto task : running->open_tasks) {
      const long long v = task.version;
      task.due_on = row.ends_on.value_or(task.due_on);
      task.version = v + 1;
      if (auto st = (*uow)->case_tasks().Update(task, v); !st) return tl::unexpected(st.error());
    }
    NewEntry e;
    e.kind = "clock.renewed";
    e.section = access::ParseSection(row.section).value_or(access::Section::kSupport);
    e.person_id = row.person_id;
    e.subject_id = row.id;
    e.details = {{"rule_id", row.rule_id},
                 {"decided_on", FormatIsoDate(stored.decided_on)},
                 {"previous_end", FormatIsoDate(stored.previous_end)},
                 {"ends_on", FormatIsoDate(stored.ends_on)}};
    auto entry = AppendEntry(**uow, ctx, caller, case_id, std::move(e));
    if (!entry) return tl::unexpected(entry.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = AuditCaseRecord(ctx, caller, "case.clock_renewed", loaded->row, "clock", row.id,
                                {row.section}, nullptr, client);
      !st) {
    return tl::unexpected(st.error());
  }
  return ReadClockView(ctx, row.id);
}

Result<ClockView> RevokeClock(const Context& ctx, const Caller& caller, const std::string& case_id,
                              const std::string& clock_id, std::optional<CivilDate> on,
                              const ClientInfo& client) {
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  auto loaded = LoadForTeamWrite(ctx, caller, case_id, "case.clock_revoked", client);
  if (!loaded) return tl::unexpected(loaded.error());
  if (!on) return Invalid("revoked_on", "required", "From which day is it revoked?");
  auto running = LoadRunning(ctx, case_id, clock_id);
  if (!running) return tl::unexpected(running.error());
  auto clock = RestoreClock(**rules, running->row, running->renewals);
  if (!clock) return tl::unexpected(clock.error());
  if (auto st = clock->Stop(*on, clocks::StopReason::kRevoked); !st) {
    Error e = st.error();
    for (auto& f : e.fields) {
      if (f.field == "on") f.field = "revoked_on";
    }
    return tl::unexpected(std::move(e));
  }
  ports::ClockRow row = running->row;
  const long long before = row.version;
  row.status = "revoked";
  row.stopped_on = *on;
  row.stop_reason = "revoked";
  row.updated_at_us = NowUs(ctx);
  row.version = before + 1;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->case_clocks().Update(row, before); !st) {
      return tl::unexpected(st.error());
    }
    // Nothing is due any more: the clock's open tasks close.
    for (auto task : running->open_tasks) {
      const long long v = task.version;
      task.status = "done";
      task.done_by = caller.actor.user_id;
      task.done_at_us = row.updated_at_us;
      task.version = v + 1;
      if (auto st = (*uow)->case_tasks().Update(task, v); !st) return tl::unexpected(st.error());
    }
    NewEntry e;
    e.kind = "clock.revoked";
    e.section = access::ParseSection(row.section).value_or(access::Section::kSupport);
    e.person_id = row.person_id;
    e.subject_id = row.id;
    e.details = {{"rule_id", row.rule_id}, {"revoked_on", FormatIsoDate(*on)}};
    auto entry = AppendEntry(**uow, ctx, caller, case_id, std::move(e));
    if (!entry) return tl::unexpected(entry.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = AuditCaseRecord(ctx, caller, "case.clock_revoked", loaded->row, "clock", row.id,
                                {row.section}, nullptr, client);
      !st) {
    return tl::unexpected(st.error());
  }
  return ReadClockView(ctx, row.id);
}

Result<std::vector<ClockView>> ListClocks(const Context& ctx, const Caller& caller,
                                          const std::string& case_id, const ClientInfo& client) {
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  auto loaded = LoadForRead(ctx, caller, case_id, "case.clocks_read", client);
  if (!loaded) return tl::unexpected(loaded.error());
  std::vector<ClockView> out;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto rows = (*uow)->case_clocks().OfCase(case_id);
    if (!rows) return tl::unexpected(rows.error());
    const CivilDate today = TodayIn(ctx);
    for (const auto& row : *rows) {
      auto renewals = (*uow)->case_clocks().Renewals(row.id);
      if (!renewals) return tl::unexpected(renewals.error());
      auto tasks = (*uow)->case_tasks().OpenOfClock(row.id);
      if (!tasks) return tl::unexpected(tasks.error());
      out.push_back(
          ViewOfClock(**rules, row, *renewals, tasks->empty() ? "" : tasks->front().id, today));
    }
  }
  // Durable before the clocks are returned.
  if (auto st = AuditCaseRecord(ctx, caller, "case.clocks_read", loaded->row, "clock", "",
                                {"support", "child_protection"}, &*loaded, client);
      !st) {
    return tl::unexpected(st.error());
  }
  return out;
}

}  // namespace opennrm::app
