// JSON of the records of a case (app/cases/records.hpp): reading each
// record from a request body (every field checked for presence and type,
// problems named by path; codes and rules are checked by the use case) and
// writing saved versions, kept-once records with their history, and lists.
#pragma once

#include <string>
#include <vector>

#include "app/cases/records.hpp"
#include "http/json_body.hpp"
#include "http/organisation_dto.hpp"

namespace opennrm::http {

// The optional member "interpreter" of the object `r` reads (null or absent:
// none); its problems named under "<path>.interpreter".
std::optional<cases::Interpreter> ReadInterpreter(ObjectReader& r, Problems& problems);
// An interpreter as JSON (null for none).
Json InterpreterJson(const std::optional<cases::Interpreter>& interpreter);

cases::IndicatorsAssessment ReadIndicators(const Json& body, Problems& problems);
cases::PresumedVictimAssessment ReadAssessment(const Json& body, Problems& problems);
cases::SafetyPlan ReadSafetyPlan(const Json& body, Problems& problems);
cases::Wish ReadWish(const Json& body, Problems& problems);
cases::Conversation ReadConversation(const Json& body, Problems& problems);
ports::ConsentBody ReadConsent(const Json& body, Problems& problems);
ports::ExploitationBody ReadExploitation(const Json& body, Problems& problems);

Json BodyJson(const cases::IndicatorsAssessment& a);
Json BodyJson(const cases::PresumedVictimAssessment& a);
Json BodyJson(const cases::SafetyPlan& plan);
Json BodyJson(const cases::Wish& wish);
Json BodyJson(const cases::Conversation& c);
Json BodyJson(const ports::ConsentBody& c);
Json BodyJson(const ports::ExploitationBody& e);

// {id, recorded_by, recorded_at}
Json VersionJson(const app::RecordVersionView& v);

// The body's fields with the version's id, recorded_by and recorded_at.
template <class Body>
Json RecordJson(const app::RecordView<Body>& v) {
  Json j = BodyJson(v.body);
  Json version = VersionJson(v.version);
  for (auto& [k, value] : version.items()) j[k] = std::move(value);
  return j;
}

// {current: record or null, history: [versions, oldest first]}
template <class Body>
Json VersionedJson(const app::VersionedRecord<Body>& v) {
  Json history = Json::array();
  for (const auto& h : v.history) history.push_back(VersionJson(h));
  return Json{{"current", v.current ? RecordJson(*v.current) : Json(nullptr)},
              {"history", std::move(history)}};
}

// {items: [records, oldest first]}
template <class Body>
Json ListJson(const std::vector<app::RecordView<Body>>& items) {
  Json out = Json::array();
  for (const auto& v : items) out.push_back(RecordJson(v));
  return Json{{"items", std::move(out)}};
}

// The indicator checklist for the guided flow, with both languages' texts.
Json ChecklistJson(const cases::IndicatorCatalog& catalog);

}  // namespace opennrm::http
