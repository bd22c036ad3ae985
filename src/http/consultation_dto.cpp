#include "http/consultation_dto.hpp"

#include "http/clock_dto.hpp"

namespace opennrm::http {

namespace {

// An optional member that may also be given as null (taken as absent).
bool TakeNull(ObjectReader& r, const std::string& name) {
  if (!r.IsNull(name)) return false;
  r.Object(name, false, true);  // marks it read
  return true;
}

std::optional<long long> NullableInteger(ObjectReader& r, const std::string& name) {
  if (TakeNull(r, name)) return std::nullopt;
  return r.Integer(name);
}

std::optional<bool> NullableBool(ObjectReader& r, const std::string& name) {
  if (TakeNull(r, name)) return std::nullopt;
  return r.Bool(name);
}

std::optional<CivilDate> NullableDate(ObjectReader& r, const std::string& name,
                                      Problems& problems) {
  if (TakeNull(r, name)) return std::nullopt;
  return ReadDate(r, name, problems);
}

hotline::Caller ReadCaller(const Json& j, const std::string& path, Problems& problems) {
  ObjectReader r(j, path, problems);
  hotline::Caller c;
  c.organisation_id = r.String("organisation_id").value_or("");
  c.organisation_name = r.String("organisation_name").value_or("");
  c.role = r.String("role").value_or("");
  c.name = r.String("name").value_or("");
  c.phone = r.String("phone").value_or("");
  c.email = r.String("email").value_or("");
  r.RejectUnknown();
  return c;
}

hotline::IdentityDetails ReadIdentity(const Json& j, const std::string& path, Problems& problems) {
  ObjectReader r(j, path, problems);
  hotline::IdentityDetails d;
  d.name = r.String("name").value_or("");
  d.date_of_birth = NullableDate(r, "date_of_birth", problems);
  d.phone = r.String("phone").value_or("");
  d.email = r.String("email").value_or("");
  r.RejectUnknown();
  return d;
}

app::DescribedPersonInput ReadPerson(const Json& j, const std::string& path, Problems& problems) {
  ObjectReader r(j, path, problems);
  app::DescribedPersonInput p;
  p.age_group = r.String("age_group").value_or("unknown");
  p.approximate_age = NullableInteger(r, "approximate_age");
  p.gender = r.String("gender").value_or("unknown");
  p.citizenship = r.String("citizenship").value_or("unknown");
  p.holds_residence_permit = NullableBool(r, "holds_residence_permit");
  p.forms = r.Strings("forms").value_or(std::vector<std::string>{});
  p.indicators = r.Strings("indicators").value_or(std::vector<std::string>{});
  p.wants_to_report_to_police = r.Bool("wants_to_report_to_police").value_or(false);
  p.wish_to_return = r.Bool("wish_to_return").value_or(false);
  p.needs_shelter = r.Bool("needs_shelter").value_or(false);
  p.social_services_involve_police = NullableBool(r, "social_services_involve_police");
  r.RejectUnknown();
  return p;
}

std::vector<hotline::RoutingOverride> ReadOverrides(ObjectReader& r, Problems& problems) {
  std::vector<hotline::RoutingOverride> out;
  const Json* list = r.Array("overrides");
  if (!list) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = r.Path("overrides[" + std::to_string(i) + "]");
    const Json& item = (*list)[i];
    if (!item.is_object()) {
      problems.Add(path, "type", "Each override is an object.");
      continue;
    }
    ObjectReader o(item, path, problems);
    hotline::RoutingOverride v;
    v.organisation_id = o.String("organisation_id", true).value_or("");
    v.added = o.Bool("added").value_or(true);
    v.reason = o.String("reason", true).value_or("");
    o.RejectUnknown();
    out.push_back(std::move(v));
  }
  return out;
}

Json RefOrNull(const std::optional<app::NamedRef>& ref) {
  if (!ref) return nullptr;
  return Json{{"id", ref->id}, {"name", ref->name}};
}

template <typename T>
Json OrNull(const std::optional<T>& v) {
  if (!v) return nullptr;
  return *v;
}

Json DateOrNull(const std::optional<CivilDate>& d) {
  if (!d) return nullptr;
  return FormatIsoDate(*d);
}

Json PersonJson(const hotline::DescribedPerson& p) {
  Json forms = Json::array();
  for (auto f : p.forms) forms.push_back(std::string(cases::ToString(f)));
  return Json{{"age_group", std::string(hotline::ToString(p.age_group))},
              {"approximate_age", OrNull(p.approximate_age)},
              {"gender", std::string(hotline::ToString(p.gender))},
              {"citizenship", std::string(hotline::ToString(p.citizenship))},
              {"holds_residence_permit", OrNull(p.holds_residence_permit)},
              {"forms", std::move(forms)},
              {"indicators", p.indicators},
              {"wants_to_report_to_police", p.wants_to_report_to_police},
              {"wish_to_return", p.wish_to_return},
              {"needs_shelter", p.needs_shelter},
              {"social_services_involve_police", OrNull(p.social_services_involve_police)}};
}

}  // namespace

app::ConsultationInput ReadConsultationInput(const Json& body, bool with_version,
                                             Problems& problems) {
  ObjectReader r(body, "", problems);
  app::ConsultationInput in;
  in.channel = r.String("channel").value_or("phone");
  in.received_at_us = NullableInteger(r, "received_at_us");
  in.duration_seconds = r.Integer("duration_seconds").value_or(0);
  in.time_spent_minutes = r.Integer("time_spent_minutes").value_or(0);
  if (const Json* c = r.Object("caller")) in.caller = ReadCaller(*c, "caller", problems);
  in.language = r.String("language").value_or("swe");
  in.interpreter = r.Bool("interpreter").value_or(false);
  in.topic = r.String("topic", true).value_or("");
  in.municipality_code = r.String("municipality_code").value_or("");
  in.abroad_country = r.String("abroad_country").value_or("");
  in.situation = r.String("situation").value_or("");
  if (const Json* p = r.Object("person")) in.person = ReadPerson(*p, "person", problems);
  in.immediate_danger = r.Bool("immediate_danger").value_or(false);
  in.urgency = r.String("urgency").value_or("normal");
  in.identity_basis = r.String("identity_basis").value_or("none");
  if (const Json* i = r.Object("identity", false, true)) {
    in.identity = ReadIdentity(*i, "identity", problems);
  }
  in.advice = r.String("advice").value_or("");
  in.overrides = ReadOverrides(r, problems);
  in.assign_to_me = r.Bool("assign_to_me").value_or(false);
  if (with_version) in.version = r.Integer("version", true).value_or(0);
  r.RejectUnknown();
  return in;
}

AssignInput ReadAssign(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  AssignInput in;
  in.version = r.Integer("version", true).value_or(0);
  if (!TakeNull(r, "user_id")) in.user_id = r.String("user_id", true);
  r.RejectUnknown();
  return in;
}

long long ReadVersionOnly(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  long long version = r.Integer("version", true).value_or(0);
  r.RejectUnknown();
  return version;
}

FollowUpInput ReadFollowUp(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  FollowUpInput in;
  in.text = r.String("text", true).value_or("");
  in.due_on = NullableDate(r, "due_on", problems);
  r.RejectUnknown();
  return in;
}

DangerStepInput ReadDangerStep(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  DangerStepInput in;
  in.step = r.String("step", true).value_or("");
  in.done_at_us = NullableInteger(r, "done_at_us");
  r.RejectUnknown();
  return in;
}

app::ConsultationQuery ReadConsultationQuery(const Request& request, Problems& problems) {
  app::ConsultationQuery q;
  q.view = request.Query("view").value_or("all");
  q.topic = request.Query("topic");
  q.municipality_code = request.Query("municipality");
  q.channel = request.Query("channel");
  for (const char* name : {"from", "to"}) {
    if (auto text = request.Query(name)) {
      auto d = ParseIsoDate(*text);
      if (!d) problems.Add(name, "format", "A date is YYYY-MM-DD.");
      (std::string(name) == "from" ? q.from : q.to) = d;
    }
  }
  q.limit = static_cast<int>(request.IntQuery("limit", 50, 1, 200, problems));
  q.offset = static_cast<int>(request.IntQuery("offset", 0, 0, 1000000, problems));
  return q;
}

Json FollowUpJson(const app::FollowUpView& v) {
  return Json{{"id", v.id},
              {"due_on", DateOrNull(v.due_on)},
              {"text", v.text},
              {"created_by", RefOrNull(v.created_by)},
              {"created_at_us", v.created_at_us},
              {"done_at_us", OrNull(v.done_at_us)},
              {"done_by", RefOrNull(v.done_by)}};
}

Json DangerStepJson(const app::DangerStepView& v) {
  return Json{{"n", v.n},
              {"step", v.step},
              {"done_at_us", v.done_at_us},
              {"recorded_by", RefOrNull(v.recorded_by)},
              {"recorded_at_us", v.recorded_at_us}};
}

Json ConsultationJson(const app::ConsultationView& v) {
  const hotline::Consultation& c = v.consultation;
  Json overrides = Json::array();
  for (const auto& o : c.overrides) {
    overrides.push_back(
        Json{{"organisation_id", o.organisation_id}, {"added", o.added}, {"reason", o.reason}});
  }
  Json follow_ups = Json::array();
  for (const auto& f : v.follow_ups) follow_ups.push_back(FollowUpJson(f));
  Json steps = Json::array();
  for (const auto& s : v.danger_steps) steps.push_back(DangerStepJson(s));
  Json j{{"id", c.id},
         {"code", c.code},
         {"channel", std::string(hotline::ToString(c.channel))},
         {"received_at_us", c.received_at_us},
         {"duration_seconds", c.duration_seconds},
         {"time_spent_minutes", c.time_spent_minutes},
         {"caller",
          {{"organisation_id", c.caller.organisation_id},
           {"organisation_name", c.caller.organisation_name},
           {"role", c.caller.role},
           {"name", c.caller.name},
           {"phone", c.caller.phone},
           {"email", c.caller.email}}},
         {"language", c.language},
         {"interpreter", c.interpreter},
         {"topic", std::string(hotline::ToString(c.topic))},
         {"municipality_code", c.municipality_code},
         {"abroad_country", c.abroad_country},
         {"situation", c.situation},
         {"person", PersonJson(c.person)},
         {"immediate_danger", c.immediate_danger},
         {"urgency", std::string(hotline::ToString(c.urgency))},
         {"identity_basis", std::string(hotline::ToString(c.identity_basis))},
         {"advice", c.advice},
         {"overrides", std::move(overrides)},
         {"status", std::string(hotline::ToString(c.status))},
         {"assigned_to", RefOrNull(v.assigned_to)},
         {"respond_by_us", c.respond_by_us},
         {"overdue", v.overdue},
         {"first_response_at_us", OrNull(c.first_response_at_us)},
         {"closed_at_us", OrNull(c.closed_at_us)},
         {"created_by", RefOrNull(v.created_by)},
         {"created_at_us", c.created_at_us},
         {"updated_at_us", c.updated_at_us},
         {"version", c.version},
         {"caller_organisation", RefOrNull(v.caller_organisation)},
         {"follow_ups", std::move(follow_ups)},
         {"danger_steps", std::move(steps)}};
  // The identity only where there is a basis for it.
  if (c.identity_basis != hotline::IdentityBasis::kNone) {
    j["identity"] = Json{{"name", c.identity.name},
                         {"date_of_birth", DateOrNull(c.identity.date_of_birth)},
                         {"phone", c.identity.phone},
                         {"email", c.identity.email}};
  }
  return j;
}

Json ConsultationListJson(const app::ConsultationList& list) {
  Json items = Json::array();
  for (const auto& s : list.items) {
    items.push_back(Json{{"id", s.id},
                         {"code", s.code},
                         {"channel", s.channel},
                         {"received_at_us", s.received_at_us},
                         {"topic", s.topic},
                         {"municipality_code", s.municipality_code},
                         {"abroad_country", s.abroad_country},
                         {"immediate_danger", s.immediate_danger},
                         {"urgency", s.urgency},
                         {"status", s.status},
                         {"assigned_to", RefOrNull(s.assigned_to)},
                         {"respond_by_us", s.respond_by_us},
                         {"overdue", s.overdue},
                         {"caller_organisation", RefOrNull(s.caller_organisation)},
                         {"open_follow_ups", s.open_follow_ups}});
  }
  return Json{{"items", std::move(items)},
              {"total", list.total},
              {"total_capped", list.total_capped},
              {"limit", list.limit},
              {"offset", list.offset},
              {"counts",
               {{"new", list.counts.new_},
                {"mine", list.counts.mine},
                {"overdue", list.counts.overdue},
                {"waiting_follow_up", list.counts.waiting_follow_up}}}};
}

Json OperatorsJson(const std::vector<app::NamedRef>& operators) {
  Json items = Json::array();
  for (const auto& o : operators) items.push_back(Json{{"id", o.id}, {"name", o.name}});
  return Json{{"items", std::move(items)}};
}

}  // namespace opennrm::http
