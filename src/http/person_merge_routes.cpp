// Merging two records of the same person in a case (app::MergePersons):
// POST /api/v1/cases/{id}/persons/{person_id}/merge names the duplicate and
// the versions both records were read at, and answers the kept record.
#include "app/cases/persons.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/json_body.hpp"
#include "http/person_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

void AddPersonMergeRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;
  router.Add({"POST", "/api/v1/cases/{id}/persons/{person_id}/merge",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                ObjectReader r(*body, "", p);
                app::PersonMerge in;
                in.duplicate_person_id = r.String("duplicate_person_id", true).value_or("");
                in.expected_version = r.Integer("expected_version", true).value_or(0);
                in.duplicate_expected_version =
                    r.Integer("duplicate_expected_version", true).value_or(0);
                r.RejectUnknown();
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto kept = app::MergePersons(*c, CallerOf(req), req.path_params.at("id"),
                                              req.path_params.at("person_id"), in, ClientOf(req));
                if (!kept) return ProblemResponse(kept.error(), req);
                return JsonResponse(
                    CasePersonJson(*kept).dump(-1, ' ', false, Json::error_handler_t::replace));
              },
              4 * 1024});
}

}  // namespace opennrm::http
