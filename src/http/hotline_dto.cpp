#include "http/hotline_dto.hpp"

#include <cstdio>

#include "domain/hotline/consultation.hpp"

namespace opennrm::http {

namespace {

// The word under `name` parsed with `parse`; "unknown_code" when it is not one.
template <class E>
std::optional<E> Word(ObjectReader& r, const std::string& name, bool required,
                      std::optional<E> (*parse)(std::string_view), Problems& problems) {
  auto text = r.String(name, required);
  if (!text) return std::nullopt;
  auto v = parse(*text);
  if (!v)
    problems.Add(r.Path(name), "unknown_code", "Unknown value '" + text->substr(0, 64) + "'.");
  return v;
}

// A boolean that may also be null (nullopt: not known).
std::optional<bool> NullableBool(ObjectReader& r, const std::string& name) {
  if (r.IsNull(name)) {
    r.Object(name, false, true);  // marks it read
    return std::nullopt;
  }
  return r.Bool(name);
}

std::string Clock(int minute_of_day) {
  char out[16];
  std::snprintf(out, sizeof out, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return out;
}

template <class E>
Json Words(const std::vector<E>& all) {
  Json out = Json::array();
  for (auto e : all) out.push_back(std::string(hotline::ToString(e)));
  return out;
}

Json BasisJson(const std::optional<referrals::BasisRule>& b) {
  if (!b) return nullptr;
  return Json{{"code", std::string(referrals::ToString(b->code))},
              {"title_sv", b->title_sv},
              {"title_en", b->title_en},
              {"legal_reference_sv", b->legal_reference_sv},
              {"legal_reference_en", b->legal_reference_en},
              {"needs_check", b->needs_check}};
}

Json ArticleJson(const std::optional<app::ArticleLink>& a) {
  if (!a) return nullptr;
  return Json{{"id", a->id}, {"title_sv", a->title_sv}, {"title_en", a->title_en}};
}

}  // namespace

hotline::Situation ReadSituation(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  hotline::Situation s;
  s.municipality_code = r.String("municipality_code", true).value_or("");
  s.topic = Word(r, "topic", true, &hotline::ParseTopic, problems).value_or(hotline::Topic::kOther);
  if (auto forms = r.Strings("forms")) {
    for (std::size_t i = 0; i < forms->size(); ++i) {
      if (auto f = cases::ParseExploitationForm((*forms)[i])) {
        s.forms.push_back(*f);
      } else {
        problems.Add("forms[" + std::to_string(i) + "]", "unknown_code",
                     "Unknown form of exploitation '" + (*forms)[i].substr(0, 64) + "'.");
      }
    }
  }
  s.age_group = Word(r, "age_group", false, &hotline::ParseAgeGroup, problems)
                    .value_or(hotline::AgeGroup::kUnknown);
  s.citizenship = Word(r, "citizenship", false, &hotline::ParseCitizenshipGroup, problems)
                      .value_or(hotline::CitizenshipGroup::kUnknown);
  s.holds_residence_permit = NullableBool(r, "holds_residence_permit");
  s.wants_to_report_to_police = r.Bool("wants_to_report_to_police").value_or(false);
  s.wish_to_return = r.Bool("wish_to_return").value_or(false);
  s.gender =
      Word(r, "gender", false, &hotline::ParseGender, problems).value_or(hotline::Gender::kUnknown);
  s.needs_shelter = r.Bool("needs_shelter").value_or(false);
  s.immediate_danger = r.Bool("immediate_danger").value_or(false);
  s.consents_to_sharing = r.Bool("consents_to_sharing").value_or(false);
  s.social_services_involve_police = NullableBool(r, "social_services_involve_police");
  r.RejectUnknown();
  return s;
}

Json RoutingJson(const app::RoutingView& v) {
  const app::RoutedPlace& p = v.place;
  Json recommendations = Json::array();
  for (const auto& view : v.recommendations) {
    const hotline::Recommendation& rec = view.recommendation;
    recommendations.push_back(
        Json{{"organisation",
              {{"id", rec.organisation_id},
               {"name", view.organisation_name},
               {"kind", std::string(orgs::ToString(rec.kind))}}},
             {"reason", rec.reason},
             {"reason_sv", rec.reason_sv},
             {"reason_en", rec.reason_en},
             {"basis", BasisJson(view.basis)},
             {"rule_id", rec.rule_id},
             {"needs_check", rec.needs_check},
             {"free_places", rec.free_places ? Json(*rec.free_places) : Json(nullptr)},
             {"article", ArticleJson(view.article)}});
  }
  return Json{{"place",
               {{"municipality", {{"code", p.municipality_code}, {"name", p.municipality_name}}},
                {"county", {{"code", p.county_code}, {"name", p.county_name}}},
                {"police_region", {{"code", p.police_region_id}, {"name", p.police_region_name}}}}},
              {"recommendations", std::move(recommendations)},
              {"rules_without_organisation", v.rules_without_organisation}};
}

Json HotlineSetupJson(const app::HotlineSetupView& v) {
  return Json{
      {"office_hours",
       {{"weekdays", v.weekdays},
        {"opens", Clock(v.opens_minute)},
        {"closes", Clock(v.closes_minute)},
        {"open_now", v.open_now},
        {"next_opening_at_us",
         v.next_opening_at_us ? Json(*v.next_opening_at_us) : Json(nullptr)}}},
      // The numbers the reference notes give (sweden-nrm.md): the public's and the hotline's own.
      {"numbers",
       {{"emergency", "112"},
        {"police", "114 14"},
        {"victim_support", "116 006"},
        {"hotline", "020-390 000"}}},
      {"topics", Words(hotline::AllTopics())},
      {"channels", Words(hotline::AllChannels())},
      {"urgencies", Words(hotline::AllUrgencies())},
      {"danger_steps", Words(hotline::AllDangerSteps())},
      {"routing_rules",
       {{"loaded_at_us", v.routing_rules_loaded_at_us}, {"rules", v.routing_rules}}}};
}

Json ReloadJson(const app::ReloadView& v) {
  return Json{{"loaded_at_us", v.loaded_at_us}, {"rules", v.rules}};
}

}  // namespace opennrm::http
