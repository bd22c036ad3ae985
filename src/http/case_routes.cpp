// Cases (case management, first slice): create, list, read, team,
// break-glass. Every decision is made per case in the use cases.
#include "app/cases/cases.hpp"
#include "app/cases/persons.hpp"
#include "http/account_dto.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/case_dto.hpp"
#include "http/json_body.hpp"
#include "http/organisation_dto.hpp"
#include "http/person_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

// The one required string field of a small body (no other field allowed).
Result<std::string> OnlyString(const Request& req, const std::string& field) {
  auto body = ParseJsonObject(req);
  if (!body) return tl::unexpected(body.error());
  Problems p;
  ObjectReader r(*body, "", p);
  std::string value = r.String(field, true).value_or("");
  r.RejectUnknown();
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  return value;
}

}  // namespace

void AddCaseRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/cases",
              [c](const Request& req) {
                auto type = OnlyString(req, "type");
                if (!type) return ProblemResponse(type.error(), req);
                app::NewCase in{*type};
                auto made = app::CreateCase(*c, CallerOf(req), in, ClientOf(req));
                Response out = CaseResponse(made, req, 201);
                if (made) out.headers.emplace_back("Location", "/api/v1/cases/" + made->summary.id);
                return out;
              },
              4 * 1024});

  router.Add({"GET",
              "/api/v1/cases",
              [c](const Request& req) {
                Problems p;
                app::CaseQuery q;
                q.status = req.Query("status");
                q.types = req.ListQuery("type");
                q.track = req.Query("track");
                q.step = req.Query("step");
                q.police_region = req.Query("police_region");
                q.county = req.Query("county");
                q.municipality = req.Query("municipality");
                q.forms = req.ListQuery("form");
                q.overdue = req.BoolQuery("overdue", p);
                q.assigned_to_me = req.BoolQuery("assigned_to_me", p);
                q.limit = static_cast<int>(req.IntQuery("limit", 50, 1, 200, p));
                q.offset = static_cast<int>(req.IntQuery("offset", 0, 0, 1000000, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto list = app::ListCases(*c, CallerOf(req), q, ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& s : list->items) {
                  Json item = CaseSummaryJson(s);
                  item["missing_alert_open"] = s.missing_alert_open;
                  items.push_back(std::move(item));
                }
                return JsonResponse(Json{
                    {"items", std::move(items)},
                    {"total", list->total},
                    {"total_capped", list->total_capped},
                    {"limit", q.limit},
                    {"offset",
                     q.offset}}.dump(-1, ' ', false, Json::error_handler_t::replace));
              },
              0,
              {"status", "type", "track", "step", "police_region", "county", "municipality", "form",
               "overdue", "assigned_to_me", "limit", "offset"}});

  router.Add({"GET", "/api/v1/cases/{id}", [c](const Request& req) {
                return CaseResponse(
                    app::ReadCase(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req)), req);
              }});

  router.Add({"GET",
              "/api/v1/cases/{id}/timeline",
              [c](const Request& req) {
                Problems p;
                int limit = static_cast<int>(req.IntQuery("limit", 100, 1, 500, p));
                int offset = static_cast<int>(req.IntQuery("offset", 0, 0, 100000000, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto t = app::ReadTimeline(*c, CallerOf(req), req.path_params.at("id"), limit,
                                           offset, ClientOf(req));
                if (!t) return ProblemResponse(t.error(), req);
                Json items = Json::array();
                for (const auto& e : t->items) {
                  Json details = Json::object();
                  for (const auto& [k, v] : e.details) details[k] = v;
                  items.push_back(Json{
                      {"id", e.id},
                      {"seq", e.seq},
                      {"kind", e.kind},
                      {"section", e.section},
                      {"person_id", e.person_id.empty() ? Json(nullptr) : Json(e.person_id)},
                      {"subject_id", e.subject_id.empty() ? Json(nullptr) : Json(e.subject_id)},
                      {"details", std::move(details)},
                      {"recorded_by", e.recorded_by},
                      {"recorded_by_name", e.recorded_by_name},
                      {"recorded_at", IsoTimestamp(e.recorded_at_us)}});
                }
                return JsonResponse(Json{
                    {"items", std::move(items)},
                    {"total", t->total},
                    {"limit", limit},
                    {"offset", offset}}.dump(-1, ' ', false, Json::error_handler_t::replace));
              },
              0,
              {"limit", "offset"}});

  router.Add({"POST", "/api/v1/cases/{id}/team",
              [c](const Request& req) {
                auto user_id = OnlyString(req, "user_id");
                if (!user_id) return ProblemResponse(user_id.error(), req);
                return CaseResponse(app::AddTeamMember(*c, CallerOf(req), req.path_params.at("id"),
                                                       *user_id, ClientOf(req)),
                                    req);
              },
              4 * 1024});

  router.Add({"DELETE", "/api/v1/cases/{id}/team/{user_id}", [c](const Request& req) {
                auto st = app::RemoveTeamMember(*c, CallerOf(req), req.path_params.at("id"),
                                                req.path_params.at("user_id"), ClientOf(req));
                if (!st) return ProblemResponse(st.error(), req);
                return NoContent();
              }});

  router.Add(
      {"POST", "/api/v1/cases/{id}/persons",
       [c](const Request& req) {
         auto body = ParseJsonObject(req);
         if (!body) return ProblemResponse(body.error(), req);
         Problems p;
         app::NewCasePerson in = ReadNewCasePerson(*body, p);
         if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
         auto added =
             app::AddCasePerson(*c, CallerOf(req), req.path_params.at("id"), in, ClientOf(req));
         if (!added) return ProblemResponse(added.error(), req);
         return JsonResponse(
             CasePersonJson(*added).dump(-1, ' ', false, Json::error_handler_t::replace), 201);
       },
       32 * 1024});

  router.Add({"GET", "/api/v1/cases/{id}/persons", [c](const Request& req) {
                auto list = app::ListCasePersons(*c, CallerOf(req), req.path_params.at("id"),
                                                 ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& v : *list) items.push_back(CasePersonJson(v));
                return JsonResponse(Json{{"items", std::move(items)}}.dump(
                    -1, ' ', false, Json::error_handler_t::replace));
              }});

  // POSTed so that names never appear in URLs or logs.
  router.Add({"POST", "/api/v1/persons/search",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                ObjectReader r(*body, "", p);
                app::PersonSearch in;
                in.name = r.String("name", true).value_or("");
                in.limit = static_cast<int>(r.Integer("limit").value_or(20));
                r.RejectUnknown();
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto found = app::SearchPersons(*c, CallerOf(req), in, ClientOf(req));
                if (!found) return ProblemResponse(found.error(), req);
                Json items = Json::array();
                for (const auto& f : *found) {
                  Json j = CasePersonJson(f.person);
                  j.erase("contact");
                  j["case_id"] = f.case_id;
                  j["match"] = f.exact ? "exact" : "phonetic";
                  items.push_back(std::move(j));
                }
                return JsonResponse(Json{{"items", std::move(items)}}.dump(
                    -1, ' ', false, Json::error_handler_t::replace));
              },
              4 * 1024});

  router.Add({"POST", "/api/v1/cases/{id}/break-glass",
              [c](const Request& req) {
                auto reason = OnlyString(req, "reason");
                if (!reason) return ProblemResponse(reason.error(), req);
                return CaseResponse(app::BreakGlass(*c, CallerOf(req), req.path_params.at("id"),
                                                    *reason, ClientOf(req)),
                                    req);
              },
              8 * 1024});
}

}  // namespace opennrm::http
