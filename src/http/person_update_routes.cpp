// Correcting a person of a case (app::UpdateCasePerson):
// PUT /api/v1/cases/{id}/persons/{person_id} takes the person's identity,
// contact and protection in the shape a new person is added with, plus the
// version the caller read, and answers the corrected person.
#include "app/cases/persons.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/json_body.hpp"
#include "http/person_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

void AddPersonUpdateRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;
  router.Add({"PUT", "/api/v1/cases/{id}/persons/{person_id}",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                app::CasePersonUpdate in = ReadCasePersonUpdate(*body, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto person =
                    app::UpdateCasePerson(*c, CallerOf(req), req.path_params.at("id"),
                                          req.path_params.at("person_id"), in, ClientOf(req));
                if (!person) return ProblemResponse(person.error(), req);
                return JsonResponse(
                    CasePersonJson(*person).dump(-1, ' ', false, Json::error_handler_t::replace));
              },
              32 * 1024});
}

}  // namespace opennrm::http
