// Writing the records of a case as JSON (record_dto.hpp).
#include "http/record_dto.hpp"

namespace opennrm::http {

namespace {

Json DateJson(const std::optional<CivilDate>& d) {
  return d ? Json(FormatIsoDate(*d)) : Json(nullptr);
}

Json PartialJson(const std::optional<cases::PartialDate>& d) {
  return d ? Json(cases::FormatPartialDate(*d)) : Json(nullptr);
}

}  // namespace

Json InterpreterJson(const std::optional<cases::Interpreter>& i) {
  if (!i) return nullptr;
  return Json{{"language", i->language},
              {"mode", std::string(cases::ToString(i->mode))},
              {"relationship", std::string(cases::ToString(i->relationship))},
              {"provider", i->provider}};
}

Json VersionJson(const app::RecordVersionView& v) {
  return Json{{"id", v.id},
              {"recorded_by", v.recorded_by},
              {"recorded_at", IsoTimestamp(v.recorded_at_us)}};
}

Json BodyJson(const cases::IndicatorsAssessment& a) {
  Json answers = Json::array();
  for (const auto& r : a.answers) {
    answers.push_back({{"indicator_id", r.indicator_id},
                       {"answer", std::string(cases::ToString(r.answer))},
                       {"evidence", r.evidence}});
  }
  return Json{{"catalog_version", a.catalog_version},
              {"assessed_by", a.assessed_by},
              {"assessed_on", FormatIsoDate(a.assessed_on)},
              {"answers", std::move(answers)}};
}

Json BodyJson(const cases::PresumedVictimAssessment& a) {
  Json review = nullptr;
  if (a.review) {
    review = Json{{"reviewed_by", a.review->reviewed_by},
                  {"reviewed_on", FormatIsoDate(a.review->reviewed_on)},
                  {"agrees", a.review->agrees},
                  {"comment", a.review->comment}};
  }
  return Json{{"assessed_by", a.assessed_by},
              {"assessed_on", FormatIsoDate(a.assessed_on)},
              {"conclusion", std::string(cases::ToString(a.conclusion))},
              {"grounds", a.grounds},
              {"review", std::move(review)}};
}

Json BodyJson(const cases::SafetyPlan& plan) {
  Json risks = Json::array();
  for (const auto& r : plan.risks) {
    risks.push_back(
        {{"description", r.description}, {"level", std::string(cases::ToString(r.level))}});
  }
  Json measures = Json::array();
  for (const auto& m : plan.measures) {
    measures.push_back({{"description", m.description}, {"responsible", m.responsible}});
  }
  Json calls = Json::array();
  for (const auto& c : plan.who_to_call) calls.push_back({{"name", c.name}, {"phone", c.phone}});
  return Json{{"risks", std::move(risks)},
              {"measures", std::move(measures)},
              {"who_to_call", std::move(calls)},
              {"made_on", FormatIsoDate(plan.made_on)},
              {"review_on", DateJson(plan.review_on)},
              {"made_with_person", plan.made_with_person}};
}

Json BodyJson(const cases::Wish& w) {
  return Json{{"step", w.step}, {"wish", w.wish}, {"recorded_on", FormatIsoDate(w.recorded_on)}};
}

Json BodyJson(const cases::Conversation& c) {
  return Json{{"held_on", FormatIsoDate(c.held_on)},
              {"held_by", c.held_by},
              {"language", c.language},
              {"interpreter", InterpreterJson(c.interpreter)},
              {"summary", c.summary}};
}

Json BodyJson(const ports::ConsentBody& c) {
  return Json{{"purpose", c.taking.purpose},
              {"taken_on", FormatIsoDate(c.taking.taken_on)},
              {"taken_by", c.taking.taken_by},
              {"language", c.taking.language},
              {"interpreter", InterpreterJson(c.taking.interpreter)},
              {"given", c.given}};
}

Json BodyJson(const ports::ExploitationBody& e) {
  Json forms = Json::array();
  for (const auto& f : e.forms) {
    forms.push_back(
        {{"form", std::string(cases::ToString(f.form))},
         {"sector", f.sector ? Json(std::string(cases::ToString(*f.sector))) : Json(nullptr)},
         {"details", f.details}});
  }
  return Json{{"forms", std::move(forms)},
              {"places",
               {{"municipalities", e.places.municipalities},
                {"recruitment_countries", e.places.recruitment_countries},
                {"transit_countries", e.places.transit_countries},
                {"exploitation_countries", e.places.exploitation_countries}}},
              {"period", {{"from", PartialJson(e.period.from)}, {"to", PartialJson(e.period.to)}}}};
}

Json ChecklistJson(const cases::IndicatorCatalog& catalog) {
  Json groups = Json::array();
  for (const auto& g : catalog.groups()) {
    Json indicators = Json::array();
    for (const cases::Indicator* i : catalog.InGroup(g.id)) {
      indicators.push_back({{"id", i->id}, {"text_en", i->text_en}, {"text_sv", i->text_sv}});
    }
    groups.push_back({{"id", g.id},
                      {"name_en", g.name_en},
                      {"name_sv", g.name_sv},
                      {"children_only", g.children_only},
                      {"indicators", std::move(indicators)}});
  }
  return Json{{"version", catalog.version()},
              {"valid_from", FormatIsoDate(catalog.valid_from())},
              {"sources", catalog.sources()},
              {"answers", {"yes", "no", "not_known"}},
              {"groups", std::move(groups)}};
}

}  // namespace opennrm::http
