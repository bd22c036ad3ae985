// What the consultation use cases share (consultation_support.hpp): access,
// audit, codes, sealing and opening, and the views with names.
#include "app/hotline/consultation_support.hpp"

#include <cstdio>

#include "app/auth/internal.hpp"

namespace opennrm::app::consultation_internal {

using namespace auth_internal;

ports::FieldLocation BodyAt(const std::string& org, const std::string& id) {
  return ports::FieldLocation{org, "consultations", "body", id};
}

ports::FieldLocation FollowUpTextAt(const std::string& org, const std::string& id) {
  return ports::FieldLocation{org, "consultation_follow_ups", "text", id};
}

Status RequireOperator(const Caller& caller) {
  const access::Actor& a = caller.actor;
  if (a.IsToken() || !caller.session || !caller.user) {
    return Forbidden("token-not-allowed", "API tokens cannot work with consultations.");
  }
  if (a.organisation_kind != orgs::Kind::kNationalUnit || !a.Has(access::Role::kHotlineOperator)) {
    return Forbidden("not-hotline-operator",
                     "Only the national unit's hotline operators work with consultations.");
  }
  return Ok();
}

Result<ports::ConsultationRow> LoadFor(ports::UnitOfWork& uow, const Caller& caller,
                                       const std::string& id) {
  if (id.empty() || id.size() > 64) return NotFound("No such consultation.");
  auto found = uow.consultations().Find(id);
  if (!found) return tl::unexpected(found.error());
  // Another organisation's consultation is as if there were none.
  if (!*found || (*found)->organisation_id != caller.actor.organisation_id) {
    return NotFound("No such consultation.");
  }
  if (auto st = RequireOperator(caller); !st) return tl::unexpected(st.error());
  return std::move(**found);
}

Error RefusedOn(const Context& ctx, const Caller& caller, const std::string& action,
                const std::string& id, Error refusal, const std::string& request_id) {
  if (refusal.code != ErrorCode::kNotFound && refusal.code != ErrorCode::kForbidden) {
    return refusal;
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "denied", request_id);
  if (!id.empty()) {
    // The owner is named only when the caller may know it exists.
    std::string owner = refusal.code == ErrorCode::kForbidden ? caller.actor.organisation_id : "";
    e.objects.push_back(Object("consultation", id.substr(0, 64), owner));
  }
  if (auto st = Audit(ctx, std::move(e)); !st) return st.error();
  return refusal;
}

::opennrm::audit::Event EventOn(const Context& ctx, const Caller& caller, const std::string& action,
                                const std::string& id, const std::string& org,
                                const std::string& request_id) {
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "allowed", request_id);
  e.objects.push_back(Object("consultation", id, org));
  e.purpose = "hotline";
  return e;
}

Error Stale() {
  return Error{ErrorCode::kConflict,
               "The consultation was changed by someone else; reload it and try again.",
               {},
               "consultation-changed"};
}

Error Closed() {
  return Error{ErrorCode::kConflict,
               "The consultation is closed; reopen it first.",
               {FieldProblem{"status", "closed", "The consultation is closed; reopen it first."}},
               "consultation-closed"};
}

std::string ConsultationCode(int year, long long number) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%06lld", number);
  return "KON-" + std::to_string(year) + "-" + digits;
}

namespace {

std::vector<std::string> Words(const std::vector<cases::ExploitationForm>& forms) {
  std::vector<std::string> out;
  for (auto f : forms) out.emplace_back(cases::ToString(f));
  return out;
}

template <typename T, typename Parse>
Status ParseInto(const std::string& word, Parse parse, T& out) {
  auto v = parse(word);
  if (!v) return Internal("A stored consultation has an unknown code: " + word.substr(0, 32));
  out = *v;
  return Ok();
}

}  // namespace

Result<ports::ConsultationRow> SealedRow(const Context& ctx, const hotline::Consultation& c) {
  if (!ctx.consultation_codec) return Internal("No consultation codec.");
  ports::ConsultationRow r;
  r.id = c.id;
  r.code = c.code;
  r.organisation_id = c.organisation_id;
  r.channel = std::string(hotline::ToString(c.channel));
  r.received_at_us = c.received_at_us;
  r.duration_seconds = c.duration_seconds;
  r.time_spent_minutes = c.time_spent_minutes;
  r.caller_organisation_id = c.caller.organisation_id;
  r.language = c.language;
  r.interpreter = c.interpreter;
  r.topic = std::string(hotline::ToString(c.topic));
  r.forms = Words(c.person.forms);
  r.municipality_code = c.municipality_code;
  r.abroad_country = c.abroad_country;
  r.age_group = std::string(hotline::ToString(c.person.age_group));
  r.approximate_age = c.person.approximate_age;
  r.gender = std::string(hotline::ToString(c.person.gender));
  r.citizenship = std::string(hotline::ToString(c.person.citizenship));
  r.holds_residence_permit = c.person.holds_residence_permit;
  r.indicators = c.person.indicators;
  r.wants_to_report_to_police = c.person.wants_to_report_to_police;
  r.wish_to_return = c.person.wish_to_return;
  r.needs_shelter = c.person.needs_shelter;
  r.social_services_involve_police = c.person.social_services_involve_police;
  r.immediate_danger = c.immediate_danger;
  r.urgency = std::string(hotline::ToString(c.urgency));
  r.identity_basis = std::string(hotline::ToString(c.identity_basis));
  ports::ConsultationBody body{c.caller, c.situation, c.identity, c.advice, c.overrides};
  auto sealed = Security(ctx).cipher.Seal(BodyAt(c.organisation_id, c.id),
                                          ctx.consultation_codec->EncodeBody(body));
  if (!sealed) return tl::unexpected(sealed.error());
  r.body_sealed = std::move(*sealed);
  r.status = std::string(hotline::ToString(c.status));
  r.assigned_to = c.assigned_to;
  r.respond_by_us = c.respond_by_us;
  r.first_response_at_us = c.first_response_at_us;
  r.closed_at_us = c.closed_at_us;
  r.created_by = c.created_by;
  r.created_at_us = c.created_at_us;
  r.updated_at_us = c.updated_at_us;
  r.version = c.version;
  return r;
}

Result<hotline::Consultation> Opened(const Context& ctx, const ports::ConsultationRow& r) {
  if (!ctx.consultation_codec) return Internal("No consultation codec.");
  hotline::Consultation c;
  c.id = r.id;
  c.code = r.code;
  c.organisation_id = r.organisation_id;
  Status st = ParseInto(r.channel, hotline::ParseChannel, c.channel);
  if (st) st = ParseInto(r.topic, hotline::ParseTopic, c.topic);
  if (st) st = ParseInto(r.age_group, hotline::ParseAgeGroup, c.person.age_group);
  if (st) st = ParseInto(r.gender, hotline::ParseGender, c.person.gender);
  if (st) st = ParseInto(r.citizenship, hotline::ParseCitizenshipGroup, c.person.citizenship);
  if (st) st = ParseInto(r.urgency, hotline::ParseUrgency, c.urgency);
  if (st) st = ParseInto(r.identity_basis, hotline::ParseIdentityBasis, c.identity_basis);
  if (st) st = ParseInto(r.status, hotline::ParseQueueStatus, c.status);
  if (!st) return tl::unexpected(st.error());
  for (const auto& f : r.forms) {
    auto form = cases::ParseExploitationForm(f);
    if (!form) return Internal("A stored consultation has an unknown form.");
    c.person.forms.push_back(*form);
  }
  c.received_at_us = r.received_at_us;
  c.duration_seconds = r.duration_seconds;
  c.time_spent_minutes = r.time_spent_minutes;
  c.language = r.language;
  c.interpreter = r.interpreter;
  c.municipality_code = r.municipality_code;
  c.abroad_country = r.abroad_country;
  c.person.approximate_age = r.approximate_age;
  c.person.holds_residence_permit = r.holds_residence_permit;
  c.person.indicators = r.indicators;
  c.person.wants_to_report_to_police = r.wants_to_report_to_police;
  c.person.wish_to_return = r.wish_to_return;
  c.person.needs_shelter = r.needs_shelter;
  c.person.social_services_involve_police = r.social_services_involve_police;
  c.immediate_danger = r.immediate_danger;
  auto plain = Security(ctx).cipher.Open(BodyAt(r.organisation_id, r.id), r.body_sealed);
  if (!plain) return Internal("A consultation's details could not be opened.");
  auto body = ctx.consultation_codec->DecodeBody(*plain);
  if (!body) return tl::unexpected(body.error());
  c.caller = std::move(body->caller);
  c.caller.organisation_id = r.caller_organisation_id;
  c.situation = std::move(body->situation);
  c.identity = std::move(body->identity);
  c.advice = std::move(body->advice);
  c.overrides = std::move(body->overrides);
  c.assigned_to = r.assigned_to;
  c.respond_by_us = r.respond_by_us;
  c.first_response_at_us = r.first_response_at_us;
  c.closed_at_us = r.closed_at_us;
  c.created_by = r.created_by;
  c.created_at_us = r.created_at_us;
  c.updated_at_us = r.updated_at_us;
  c.version = r.version;
  return c;
}

Result<std::string> OpenStatusOf(ports::UnitOfWork& uow, const ports::ConsultationRow& row) {
  auto follow_ups = uow.consultations().FollowUps(row.id);
  if (!follow_ups) return tl::unexpected(follow_ups.error());
  for (const auto& f : *follow_ups) {
    if (!f.done_at_us)
      return std::string(hotline::ToString(hotline::QueueStatus::kWaitingFollowUp));
  }
  return std::string(hotline::ToString(row.assigned_to.empty() ? hotline::QueueStatus::kNew
                                                               : hotline::QueueStatus::kAssigned));
}

bool Overdue(const ports::ConsultationRow& row, long long now_us) {
  return !row.first_response_at_us && row.status != "closed" && row.respond_by_us < now_us;
}

Result<std::optional<NamedRef>> NameBook::User(const std::string& id) {
  if (id.empty() || id == "system") return std::optional<NamedRef>();
  for (const auto& [k, v] : users_) {
    if (k == id) return v;
  }
  auto u = uow_.users().Find(id);
  if (!u) return tl::unexpected(u.error());
  std::optional<NamedRef> ref = NamedRef{id, *u ? (*u)->display_name : std::string()};
  users_.emplace_back(id, ref);
  return ref;
}

Result<std::optional<NamedRef>> NameBook::Organisation(const std::string& id) {
  if (id.empty()) return std::optional<NamedRef>();
  for (const auto& [k, v] : orgs_) {
    if (k == id) return v;
  }
  auto o = uow_.organisations().FindWithoutLists(id);
  if (!o) return tl::unexpected(o.error());
  std::optional<NamedRef> ref;
  if (*o) ref = NamedRef{id, (*o)->data.name};
  orgs_.emplace_back(id, ref);
  return ref;
}

Result<FollowUpView> FollowUpViewOf(const Context& ctx, NameBook& names, const std::string& org,
                                    const ports::FollowUpRow& row) {
  FollowUpView v;
  v.id = row.id;
  v.due_on = row.due_on;
  auto text = Security(ctx).cipher.Open(FollowUpTextAt(org, row.id), row.text_sealed);
  if (!text) return Internal("A follow-up could not be opened.");
  v.text = std::move(*text);
  auto by = names.User(row.created_by);
  if (!by) return tl::unexpected(by.error());
  v.created_by = by->value_or(NamedRef{row.created_by, ""});
  v.created_at_us = row.created_at_us;
  v.done_at_us = row.done_at_us;
  auto done = names.User(row.done_by);
  if (!done) return tl::unexpected(done.error());
  v.done_by = std::move(*done);
  return v;
}

Result<DangerStepView> DangerStepViewOf(NameBook& names, const ports::DangerStepRow& row) {
  DangerStepView v;
  v.n = row.n;
  v.step = row.step;
  v.done_at_us = row.done_at_us;
  auto by = names.User(row.recorded_by);
  if (!by) return tl::unexpected(by.error());
  v.recorded_by = std::move(*by);
  v.recorded_at_us = row.recorded_at_us;
  return v;
}

Result<ConsultationView> ViewOf(const Context& ctx, ports::UnitOfWork& uow,
                                const ports::ConsultationRow& row) {
  ConsultationView v;
  auto opened = Opened(ctx, row);
  if (!opened) return tl::unexpected(opened.error());
  v.consultation = std::move(*opened);
  NameBook names(uow);
  auto assigned = names.User(row.assigned_to);
  auto created = names.User(row.created_by);
  auto org = names.Organisation(row.caller_organisation_id);
  if (!assigned) return tl::unexpected(assigned.error());
  if (!created) return tl::unexpected(created.error());
  if (!org) return tl::unexpected(org.error());
  v.assigned_to = std::move(*assigned);
  v.created_by = std::move(*created);
  v.caller_organisation = std::move(*org);
  v.overdue = Overdue(row, NowUs(ctx));
  auto follow_ups = uow.consultations().FollowUps(row.id);
  if (!follow_ups) return tl::unexpected(follow_ups.error());
  for (const auto& f : *follow_ups) {
    auto fv = FollowUpViewOf(ctx, names, row.organisation_id, f);
    if (!fv) return tl::unexpected(fv.error());
    v.follow_ups.push_back(std::move(*fv));
  }
  auto steps = uow.consultations().DangerSteps(row.id);
  if (!steps) return tl::unexpected(steps.error());
  for (const auto& s : *steps) {
    auto sv = DangerStepViewOf(names, s);
    if (!sv) return tl::unexpected(sv.error());
    v.danger_steps.push_back(std::move(*sv));
  }
  return v;
}

}  // namespace opennrm::app::consultation_internal
