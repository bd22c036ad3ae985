// The records of a case (app/cases/records.hpp): the person's voice and
// safety, the assessment, and the exploitation of the case. PUT saves a new
// version of a record kept once; POST adds to a list; GET reads the current
// version with its history, or the list. Every decision is made per case in
// the use cases.
#include "app/cases/records.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "http/record_dto.hpp"

namespace opennrm::http {

namespace {

constexpr size_t kMaxRecordBody = 64 * 1024;
const std::string kPersonPath = "/api/v1/cases/{id}/persons/{person_id}/";

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

app::RecordPlace PlaceOf(const Request& req) {
  auto person = req.path_params.find("person_id");
  return {req.path_params.at("id"), person == req.path_params.end() ? "" : person->second};
}

// A handler that reads a record from the body with `read`, saves it with
// `save` (a use case taking the place and the record) and answers `status`.
template <class Read, class Save>
Handler Saving(const app::Context* c, Read read, Save save, int status) {
  return [c, read, save, status](const Request& req) {
    auto body = ParseJsonObject(req);
    if (!body) return ProblemResponse(body.error(), req);
    Problems p;
    auto input = read(*body, p);
    if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
    auto saved = save(*c, CallerOf(req), PlaceOf(req), std::move(input), ClientOf(req));
    if (!saved) return ProblemResponse(saved.error(), req);
    return JsonResponse(Dump(RecordJson(*saved)), status);
  };
}

// A handler that reads a record kept once (`versioned`) or a list.
template <class Load, class ToJson>
Handler Reading(const app::Context* c, Load load, ToJson to_json) {
  return [c, load, to_json](const Request& req) {
    auto found = load(*c, CallerOf(req), PlaceOf(req), ClientOf(req));
    if (!found) return ProblemResponse(found.error(), req);
    return JsonResponse(Dump(to_json(*found)));
  };
}

template <class Body>
Json Versioned(const app::VersionedRecord<Body>& v) {
  return VersionedJson(v);
}
template <class Body>
Json Listed(const std::vector<app::RecordView<Body>>& v) {
  return ListJson(v);
}

}  // namespace

void AddRecordRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;
  using cases::Conversation, cases::IndicatorsAssessment, cases::PresumedVictimAssessment,
      cases::SafetyPlan, cases::Wish, ports::ConsentBody, ports::ExploitationBody;

  router.Add({"PUT", kPersonPath + "indicators",
              Saving(c, ReadIndicators, app::RecordIndicators, 200), kMaxRecordBody});
  router.Add({"GET", kPersonPath + "indicators",
              Reading(c, app::ReadIndicators, Versioned<IndicatorsAssessment>)});

  router.Add({"PUT", kPersonPath + "assessment",
              Saving(c, ReadAssessment, app::RecordAssessment, 200), kMaxRecordBody});
  router.Add({"GET", kPersonPath + "assessment",
              Reading(c, app::ReadAssessment, Versioned<PresumedVictimAssessment>)});

  router.Add({"PUT", kPersonPath + "safety-plan",
              Saving(c, ReadSafetyPlan, app::RecordSafetyPlan, 200), kMaxRecordBody});
  router.Add(
      {"GET", kPersonPath + "safety-plan", Reading(c, app::ReadSafetyPlan, Versioned<SafetyPlan>)});

  router.Add(
      {"POST", kPersonPath + "wishes", Saving(c, ReadWish, app::AddWish, 201), kMaxRecordBody});
  router.Add({"GET", kPersonPath + "wishes", Reading(c, app::ListWishes, Listed<Wish>)});

  router.Add({"POST", kPersonPath + "conversations",
              Saving(c, ReadConversation, app::AddConversation, 201), kMaxRecordBody});
  router.Add({"GET", kPersonPath + "conversations",
              Reading(c, app::ListConversations, Listed<Conversation>)});

  router.Add({"POST", kPersonPath + "consents", Saving(c, ReadConsent, app::AddConsent, 201),
              kMaxRecordBody});
  router.Add({"GET", kPersonPath + "consents", Reading(c, app::ListConsents, Listed<ConsentBody>)});

  auto record_exploitation = [](const app::Context& x, const app::Caller& caller,
                                const app::RecordPlace& at, ExploitationBody in,
                                const app::ClientInfo& client) {
    return app::RecordExploitation(x, caller, at.case_id, std::move(in), client);
  };
  auto read_exploitation = [](const app::Context& x, const app::Caller& caller,
                              const app::RecordPlace& at, const app::ClientInfo& client) {
    return app::ReadExploitation(x, caller, at.case_id, client);
  };
  router.Add({"PUT", "/api/v1/cases/{id}/exploitation",
              Saving(c, ReadExploitation, record_exploitation, 200), kMaxRecordBody});
  router.Add({"GET", "/api/v1/cases/{id}/exploitation",
              Reading(c, read_exploitation, Versioned<ExploitationBody>)});

  // The checklist with its texts, for the guided flow: reference data.
  Route checklist{"GET", "/api/v1/indicators", [c](const Request& req) {
                    const cases::IndicatorCatalog* catalog = app::IndicatorChecklist(*c);
                    if (!catalog) {
                      return ProblemResponse(
                          Error{ErrorCode::kNotFound, "No indicator checklist is loaded.", {}, ""},
                          req);
                    }
                    return JsonResponse(Dump(ChecklistJson(*catalog)));
                  }};
  checklist.action = access::Action::kReferenceRead;
  router.Add(std::move(checklist));
}

}  // namespace opennrm::http
