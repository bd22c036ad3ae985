// The child track's records: report of concern, immediate custody, guardian
// appointment and age assessment, with the clocks they start.
#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/child_track.hpp"
#include "app/cases/child_track_support.hpp"
#include "app/cases/clock_support.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

constexpr size_t kMaxNoteBytes = 4000;

ports::FieldLocation NoteAt(const ports::ChildTrackRow& r) {
  return ports::FieldLocation{r.organisation_id, "child_track_records", "note", r.id};
}

// The clock rules a record starts, by kind.
std::vector<std::string> ClockRulesOf(const std::string& kind) {
  if (kind == "report_of_concern") return {"protection_assessment"};
  if (kind == "immediate_custody") return {"custody_court_submission", "custody_care_application"};
  return {};
}

Status CheckEntry(const Context& ctx, const ChildTrackEntry& e) {
  Problems problems;
  static const std::vector<std::string> kKinds{"report_of_concern", "immediate_custody",
                                               "guardian_appointed", "age_assessment"};
  if (std::find(kKinds.begin(), kKinds.end(), e.kind) == kKinds.end()) {
    problems.Add("kind", "unknown_code",
                 "The kind is report_of_concern, immediate_custody, guardian_appointed or "
                 "age_assessment.");
  }
  if (!e.on) problems.Add("on", "required", "Give the date (YYYY-MM-DD).");
  auto known_municipality = [&](const std::string& code) {
    return ctx.reference && ctx.reference->geography.FindMunicipality(code) != nullptr;
  };
  if (!e.municipality.empty() && !known_municipality(e.municipality)) {
    problems.Add("municipality", "unknown_municipality", "There is no such municipality code.");
  }
  if (e.kind == "report_of_concern") {
    if (e.municipality.empty() && e.recipient_organisation_id.empty()) {
      problems.Add("recipient", "required",
                   "Name who received the report: a municipality code (municipality) or an "
                   "organisation (recipient_organisation_id).");
    }
    if (!e.recipient_organisation_id.empty()) {
      auto known = OrganisationExists(ctx, e.recipient_organisation_id);
      if (!known) return tl::unexpected(known.error());
      if (!*known) {
        problems.Add("recipient_organisation_id", "unknown_organisation",
                     "There is no such active organisation.");
      }
    }
  } else if (!e.recipient_organisation_id.empty()) {
    problems.Add("recipient_organisation_id", "not_allowed", "Only a report has a recipient.");
  }
  if (e.kind == "age_assessment") {
    if (e.outcome != "child" && e.outcome != "adult" && e.outcome != "undetermined") {
      problems.Add("outcome", "unknown_code", "The outcome is child, adult or undetermined.");
    }
  } else if (!e.outcome.empty()) {
    problems.Add("outcome", "not_allowed", "Only an age assessment has an outcome.");
  }
  if (!text::IsCleanUtf8(e.note)) {
    problems.Add("note", "utf8", "The note is not clean UTF-8 text.");
  } else if (e.note.size() > kMaxNoteBytes) {
    problems.Add("note", "too_long", "A note is at most 4000 bytes.");
  }
  return problems.ToStatus();
}

Result<ChildTrackRecordView> ViewOf(const Context& ctx, const ports::ChildTrackRow& r) {
  ChildTrackRecordView v;
  v.id = r.id;
  v.case_id = r.case_id;
  v.person_id = r.person_id;
  v.kind = r.kind;
  v.on = r.on;
  v.municipality = r.municipality;
  v.recipient_organisation_id = r.recipient_organisation_id;
  v.outcome = r.outcome;
  if (!r.note_sealed.empty()) {
    auto note = Security(ctx).cipher.Open(NoteAt(r), r.note_sealed);
    if (!note) return Internal("A child-track note could not be opened.");
    v.note = std::move(*note);
  }
  v.recorded_by = r.recorded_by;
  v.recorded_at_us = r.recorded_at_us;
  return v;
}

}  // namespace

Result<ChildTrackRecordView> RecordChildTrack(const Context& ctx, const Caller& caller,
                                              const std::string& case_id,
                                              const std::string& person_id,
                                              const ChildTrackEntry& entry,
                                              const ClientInfo& client) {
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  auto loaded = LoadForTeamWrite(ctx, caller, case_id, "case.child_track_recorded", client);
  if (!loaded) return tl::unexpected(loaded.error());
  auto person = PersonOfCase(ctx, case_id, person_id);
  if (!person) return tl::unexpected(person.error());
  if (auto st = RequireChildTrack(ctx, *person); !st) return tl::unexpected(st.error());
  if (auto st = CheckEntry(ctx, entry); !st) return tl::unexpected(st.error());
  // The clocks the record starts, from its date (validated before anything is written).
  std::vector<NewClockRows> clock_rows;
  for (const auto& rule_id : ClockRulesOf(entry.kind)) {
    clocks::ClockOpening opening;
    opening.rule_id = rule_id;
    opening.start = *entry.on;
    auto clock = clocks::Clock::Open(**rules, opening);
    if (!clock) {
      Error e = ApiFields(clock.error());
      for (auto& f : e.fields) {
        if (f.field == "starts_on" || f.field == "rule_id") f.field = "on";
      }
      return tl::unexpected(std::move(e));
    }
    clock_rows.push_back(RowsOfRunningClock(ctx, caller, *loaded, person_id, *clock));
  }
  ports::ChildTrackRow row;
  row.id = ctx.ids.NewId();
  row.case_id = case_id;
  row.organisation_id = loaded->row.organisation_id;
  row.person_id = person_id;
  row.kind = entry.kind;
  row.on = *entry.on;
  row.municipality = entry.municipality;
  row.recipient_organisation_id = entry.recipient_organisation_id;
  row.outcome = entry.outcome;
  row.recorded_by = caller.actor.user_id;
  row.recorded_at_us = NowUs(ctx);
  // Sealed before the write transaction (sealing may create a data key).
  if (!entry.note.empty()) {
    auto sealed = Security(ctx).cipher.Seal(NoteAt(row), entry.note);
    if (!sealed) return tl::unexpected(sealed.error());
    row.note_sealed = std::move(*sealed);
  }
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->child_track().Insert(row); !st) return tl::unexpected(st.error());
    NewEntry e;
    e.kind = "child." + entry.kind;
    e.section = access::Section::kChildProtection;
    e.person_id = person_id;
    e.subject_id = row.id;
    e.details = {{"on", FormatIsoDate(row.on)}};
    if (!row.municipality.empty()) e.details.push_back({"municipality", row.municipality});
    if (!row.recipient_organisation_id.empty()) {
      e.details.push_back({"recipient_organisation_id", row.recipient_organisation_id});
    }
    if (!row.outcome.empty()) e.details.push_back({"outcome", row.outcome});
    auto appended = AppendEntry(**uow, ctx, caller, case_id, std::move(e));
    if (!appended) return tl::unexpected(appended.error());
    for (const auto& c : clock_rows) {
      if (auto st = StoreNewClock(**uow, ctx, caller, c, "clock.started"); !st) {
        return tl::unexpected(st.error());
      }
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st =
          AuditCaseRecord(ctx, caller, "case.child_track_recorded", loaded->row,
                          "child_track_record", row.id, {"child_protection"}, nullptr, client);
      !st) {
    return tl::unexpected(st.error());
  }
  auto view = ViewOf(ctx, row);
  if (!view) return tl::unexpected(view.error());
  for (const auto& c : clock_rows) {
    auto clock = ReadClockView(ctx, c.clock.id);
    if (!clock) return tl::unexpected(clock.error());
    view->clocks.push_back(std::move(*clock));
  }
  return view;
}

Result<ChildTrackView> ReadChildTrack(const Context& ctx, const Caller& caller,
                                      const std::string& case_id, const ClientInfo& client) {
  auto loaded = LoadForRead(ctx, caller, case_id, "case.child_track_read", client);
  if (!loaded) return tl::unexpected(loaded.error());
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  std::vector<ports::ChildTrackRow> rows;
  std::vector<ports::MissingAlertRow> alerts;
  // The clocks each record started, as GET /clocks shows them (same person, a rule of the
  // record's kind, starting on the record's day; each clock goes with one record).
  std::vector<std::vector<ClockView>> started;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->child_track().OfCase(case_id);
    if (!found) return tl::unexpected(found.error());
    rows = std::move(*found);
    auto a = (*uow)->child_track().AlertsOfCase(case_id);
    if (!a) return tl::unexpected(a.error());
    alerts = std::move(*a);
    auto clock_rows = (*uow)->case_clocks().OfCase(case_id);
    if (!clock_rows) return tl::unexpected(clock_rows.error());
    std::vector<bool> taken(clock_rows->size(), false);
    const CivilDate today = TodayIn(ctx);
    for (const auto& r : rows) {
      auto& mine = started.emplace_back();
      for (const auto& rule_id : ClockRulesOf(r.kind)) {  // one clock of each rule
        for (size_t i = 0; i < clock_rows->size(); ++i) {
          const auto& c = (*clock_rows)[i];
          if (taken[i] || c.person_id != r.person_id || c.starts_on != r.on ||
              c.rule_id != rule_id) {
            continue;
          }
          taken[i] = true;
          auto renewals = (*uow)->case_clocks().Renewals(c.id);
          if (!renewals) return tl::unexpected(renewals.error());
          auto tasks = (*uow)->case_tasks().OpenOfClock(c.id);
          if (!tasks) return tl::unexpected(tasks.error());
          mine.push_back(
              ViewOfClock(**rules, c, *renewals, tasks->empty() ? "" : tasks->front().id, today));
          break;
        }
      }
    }
  }
  if (auto st = AuditCaseRecord(ctx, caller, "case.child_track_read", loaded->row,
                                "child_track_record", "", {"child_protection"}, &*loaded, client);
      !st) {
    return tl::unexpected(st.error());
  }
  ChildTrackView out;
  for (size_t i = 0; i < rows.size(); ++i) {
    auto v = ViewOf(ctx, rows[i]);
    if (!v) return tl::unexpected(v.error());
    v->clocks = std::move(started[i]);
    out.records.push_back(std::move(*v));
  }
  for (const auto& a : alerts) out.alerts.push_back(AlertView(a));
  return out;
}

}  // namespace opennrm::app
