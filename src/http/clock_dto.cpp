#include "http/clock_dto.hpp"

#include "http/organisation_dto.hpp"

namespace opennrm::http {

namespace {

Json DateJson(const std::optional<CivilDate>& d) {
  return d ? Json(FormatIsoDate(*d)) : Json(nullptr);
}

std::vector<std::string> Conditions(ObjectReader& r) {
  return r.Strings("conditions").value_or(std::vector<std::string>{});
}

}  // namespace

std::optional<CivilDate> ReadDate(ObjectReader& r, const std::string& name, Problems& problems,
                                  bool required) {
  auto text = r.String(name, required);
  if (!text) return std::nullopt;
  auto d = ParseIsoDate(*text);
  if (!d) problems.Add(r.Path(name), "format", "A date is YYYY-MM-DD.");
  return d;
}

app::NewClock ReadNewClock(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  app::NewClock in;
  in.rule_id = r.String("rule_id", true).value_or("");
  in.person_id = r.String("person_id", true).value_or("");
  in.applicant = r.String("applicant");
  in.applied_on = ReadDate(r, "applied_on", problems);
  in.decided_on = ReadDate(r, "decided_on", problems);
  in.starts_on = ReadDate(r, "starts_on", problems);
  in.ends_on = ReadDate(r, "ends_on", problems);
  in.conditions = Conditions(r);
  r.RejectUnknown();
  return in;
}

app::ClockDecision ReadClockDecision(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  app::ClockDecision in;
  in.outcome = r.String("outcome", true).value_or("");
  in.decided_on = ReadDate(r, "decided_on", problems, true);
  in.starts_on = ReadDate(r, "starts_on", problems);
  in.ends_on = ReadDate(r, "ends_on", problems);
  in.conditions = Conditions(r);
  r.RejectUnknown();
  return in;
}

app::ClockRenewal ReadClockRenewal(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  app::ClockRenewal in;
  in.applicant = r.String("applicant");
  in.applied_on = ReadDate(r, "applied_on", problems);
  in.decided_on = ReadDate(r, "decided_on", problems, true);
  in.ends_on = ReadDate(r, "ends_on", problems);
  in.conditions = Conditions(r);
  r.RejectUnknown();
  return in;
}

app::NewTask ReadNewTask(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  app::NewTask in;
  in.title = r.String("title", true).value_or("");
  in.assignee_user_id = r.String("assignee_user_id", true).value_or("");
  in.due_on = ReadDate(r, "due_on", problems, true);
  in.person_id = r.String("person_id").value_or("");
  r.RejectUnknown();
  return in;
}

app::ChildTrackEntry ReadChildTrackEntry(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  app::ChildTrackEntry in;
  in.kind = r.String("kind", true).value_or("");
  in.on = ReadDate(r, "on", problems, true);
  in.municipality = r.String("municipality").value_or("");
  in.recipient_organisation_id = r.String("recipient_organisation_id").value_or("");
  in.outcome = r.String("outcome").value_or("");
  in.note = r.String("note").value_or("");
  r.RejectUnknown();
  return in;
}

Json ClockJson(const app::ClockView& v) {
  Json reminders = Json::array();
  for (const auto& d : v.reminders) reminders.push_back(FormatIsoDate(d));
  return Json{{"id", v.id},
              {"case_id", v.case_id},
              {"person_id", v.person_id},
              {"rule_id", v.rule_id},
              {"rule_version", v.rule_version},
              {"rule_valid_from", FormatIsoDate(v.rule_valid_from)},
              {"kind", v.kind},
              {"title", v.title},
              {"legal_reference", v.legal_reference},
              {"needs_check", v.needs_check},
              {"section", v.section},
              {"status", v.status},
              {"applicant", v.applicant.empty() ? Json(nullptr) : Json(v.applicant)},
              {"applied_on", DateJson(v.applied_on)},
              {"decided_on", DateJson(v.decided_on)},
              {"starts_on", DateJson(v.starts_on)},
              {"ends_on", DateJson(v.ends_on)},
              {"end_from_decision", v.end_from_decision},
              {"conditions", v.conditions},
              {"renewals", v.renewals},
              {"stopped_on", DateJson(v.stopped_on)},
              {"stop_reason", v.stop_reason.empty() ? Json(nullptr) : Json(v.stop_reason)},
              {"state", v.state.empty() ? Json(nullptr) : Json(v.state)},
              {"days_left", v.days_left ? Json(*v.days_left) : Json(nullptr)},
              {"overdue", v.overdue},
              {"reminders", std::move(reminders)},
              {"task_id", v.task_id.empty() ? Json(nullptr) : Json(v.task_id)},
              {"recorded_by", v.recorded_by},
              {"recorded_at", IsoTimestamp(v.recorded_at_us)}};
}

Json TaskJson(const app::TaskView& v) {
  return Json{{"id", v.id},
              {"case_id", v.case_id},
              {"case_code", v.case_code.empty() ? Json(nullptr) : Json(v.case_code)},
              {"person_id", v.person_id.empty() ? Json(nullptr) : Json(v.person_id)},
              {"section", v.section},
              {"title", v.title.empty() ? Json(nullptr) : Json(v.title)},
              {"kind", v.kind.empty() ? Json(nullptr) : Json(v.kind)},
              {"clock_id", v.clock_id.empty() ? Json(nullptr) : Json(v.clock_id)},
              {"assignee_user_id", v.assignee_user_id},
              {"due_on", FormatIsoDate(v.due_on)},
              {"status", v.status},
              {"days_left", v.days_left},
              {"overdue", v.overdue},
              {"created_by", v.created_by},
              {"created_at", IsoTimestamp(v.created_at_us)},
              {"done_by", v.done_by.empty() ? Json(nullptr) : Json(v.done_by)},
              {"done_at", v.done_at_us ? Json(IsoTimestamp(*v.done_at_us)) : Json(nullptr)}};
}

Json ChildTrackRecordJson(const app::ChildTrackRecordView& v) {
  Json clocks = Json::array();
  for (const auto& c : v.clocks) clocks.push_back(ClockJson(c));
  auto text = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return Json{{"id", v.id},
              {"case_id", v.case_id},
              {"person_id", v.person_id},
              {"kind", v.kind},
              {"on", FormatIsoDate(v.on)},
              {"municipality", text(v.municipality)},
              {"recipient_organisation_id", text(v.recipient_organisation_id)},
              {"outcome", text(v.outcome)},
              {"note", text(v.note)},
              {"recorded_by", v.recorded_by},
              {"recorded_at", IsoTimestamp(v.recorded_at_us)},
              {"clocks", std::move(clocks)}};
}

Json MissingAlertJson(const app::MissingAlertView& v) {
  Json j{{"id", v.id},
         {"case_id", v.case_id},
         {"person_id", v.person_id},
         {"open", v.open},
         {"opened_by", v.opened_by},
         {"opened_at", IsoTimestamp(v.opened_at_us)},
         {"resolved_by", v.resolved_by.empty() ? Json(nullptr) : Json(v.resolved_by)},
         {"resolved_at", v.resolved_at_us ? Json(IsoTimestamp(*v.resolved_at_us)) : Json(nullptr)}};
  if (!v.regional_coordination.empty()) {
    j["notified"] = v.notified;
    j["regional_coordination"] = v.regional_coordination;
  }
  return j;
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace opennrm::http
