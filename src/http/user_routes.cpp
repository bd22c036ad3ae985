// User administration and API tokens (security core).
#include "app/tokens.hpp"
#include "app/users.hpp"
#include "http/account_dto.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

void AddUserRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"GET",
              "/api/v1/users",
              [c](const Request& req) {
                Problems p;
                app::UserQuery q;
                q.organisation_id = req.Query("organisation_id");
                q.role = req.Query("role");
                q.text = req.Query("q");
                if (auto a = req.Query("active")) {
                  if (*a == "true")
                    q.active = true;
                  else if (*a == "false")
                    q.active = false;
                  else if (*a != "all")
                    p.Add("active", "enum", "Must be true, false or all.");
                }
                q.limit = static_cast<int>(req.IntQuery("limit", 50, 1, 200, p));
                q.offset = static_cast<int>(req.IntQuery("offset", 0, 0, 1000000, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto list = app::ListUsers(*c, CallerOf(req), q, ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& u : list->items) items.push_back(UserJson(u, true));
                return JsonResponse(Json{
                    {"items", std::move(items)},
                    {"total", list->total},
                    {"limit", q.limit},
                    {"offset",
                     q.offset}}.dump(-1, ' ', false, Json::error_handler_t::replace));
              },
              0,
              {"organisation_id", "role", "active", "q", "limit", "offset"}});

  router.Add({"POST", "/api/v1/users",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                ObjectReader r(*body, "", p);
                app::NewUser in;
                in.organisation_id = r.String("organisation_id", true).value_or("");
                in.username = r.String("username", true).value_or("");
                in.display_name = r.String("display_name", true).value_or("");
                in.roles = r.Strings("roles", true).value_or(std::vector<std::string>{});
                r.RejectUnknown();
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto made = app::CreateUser(*c, CallerOf(req), in, ClientOf(req));
                if (!made) return ProblemResponse(made.error(), req);
                Response out = JsonResponse(Json{{"user", UserJson(made->user, true)},
                                                 {"one_time_password", made->one_time_password}}
                                                .dump(),
                                            201);
                out.headers.emplace_back("Location", "/api/v1/users/" + made->user.id);
                return out;
              },
              16 * 1024});

  router.Add({"GET", "/api/v1/users/{id}", [c](const Request& req) {
                auto u = app::GetUser(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req));
                if (!u) return ProblemResponse(u.error(), req);
                return JsonResponse(UserJson(*u, true).dump());
              }});

  router.Add({"PATCH", "/api/v1/users/{id}",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                ObjectReader r(*body, "", p);
                app::UserChange change;
                change.version = r.Integer("version", true).value_or(0);
                change.display_name = r.String("display_name");
                change.roles = r.Strings("roles");
                change.active = r.Bool("active");
                r.RejectUnknown();
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto u = app::UpdateUser(*c, CallerOf(req), req.path_params.at("id"), change,
                                         ClientOf(req));
                if (!u) return ProblemResponse(u.error(), req);
                return JsonResponse(UserJson(*u, true).dump());
              },
              16 * 1024});

  router.Add({"POST", "/api/v1/users/{id}/password-reset", [c](const Request& req) {
                auto otp =
                    app::ResetPassword(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req));
                if (!otp) return ProblemResponse(otp.error(), req);
                return JsonResponse(Json{{"one_time_password", *otp}}.dump());
              }});

  router.Add({"POST", "/api/v1/users/{id}/totp-reset", [c](const Request& req) {
                auto st =
                    app::ResetTotp(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req));
                if (!st) return ProblemResponse(st.error(), req);
                return NoContent();
              }});

  router.Add({"GET", "/api/v1/tokens", [c](const Request& req) {
                auto list = app::ListTokens(*c, CallerOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& t : *list) items.push_back(TokenJson(t));
                return JsonResponse(Json{{"items", std::move(items)}}.dump(
                    -1, ' ', false, Json::error_handler_t::replace));
              }});

  router.Add({"POST", "/api/v1/tokens",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                ObjectReader r(*body, "", p);
                app::NewToken in;
                in.name = r.String("name", true).value_or("");
                in.actions = r.Strings("actions", true).value_or(std::vector<std::string>{});
                in.expires_at = r.String("expires_at", true).value_or("");
                r.RejectUnknown();
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto made = app::CreateToken(*c, CallerOf(req), in, ClientOf(req));
                if (!made) return ProblemResponse(made.error(), req);
                Json j = TokenJson(made->token);
                j["token"] = made->secret;
                return JsonResponse(j.dump(), 201);
              },
              16 * 1024});

  router.Add({"DELETE", "/api/v1/tokens/{id}", [c](const Request& req) {
                auto st =
                    app::RevokeToken(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req));
                if (!st) return ProblemResponse(st.error(), req);
                return NoContent();
              }});
}

}  // namespace opennrm::http
