// Signing in and one's own account: the login flow, sessions, recovery
// codes, notifications, and the list of roles.
#include "app/auth/login.hpp"
#include "app/auth/my_account.hpp"
#include "app/notifications.hpp"
#include "http/account_dto.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

Response StatusOr(const Status& st, const Request& req) {
  if (!st) return ProblemResponse(st.error(), req);
  return NoContent();
}

Result<Json> SessionBody(const Result<app::SessionView>& v) {
  if (!v) return tl::unexpected(v.error());
  return SessionJson(*v);
}

}  // namespace

void AddSessionRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST",
              "/api/v1/session",
              [c](const Request& req) {
                auto in = ReadStrings(req, {"username", "password"});
                if (!in) return ProblemResponse(in.error(), req);
                auto r = app::Login(*c, (*in)["username"], (*in)["password"], ClientOf(req));
                if (!r) return ProblemResponse(r.error(), req);
                Response out = JsonResponse(SessionJson(r->session).dump());
                out.headers.emplace_back(
                    "Set-Cookie", SessionCookie(r->token, c->security->settings.absolute_timeout));
                return out;
              },
              16 * 1024,
              {},
              Auth::kLogin});

  router.Add({"GET",
              "/api/v1/session",
              [c](const Request& req) {
                return JsonOr(SessionBody(app::DescribeSession(*c, CallerOf(req))), req);
              },
              0,
              {},
              Auth::kLoginFlow});

  router.Add({"DELETE",
              "/api/v1/session",
              [c](const Request& req) {
                Response r = StatusOr(app::Logout(*c, CallerOf(req), ClientOf(req)), req);
                r.headers.emplace_back("Set-Cookie", ClearedSessionCookie());
                return r;
              },
              0,
              {},
              Auth::kLoginFlow});

  router.Add({"POST",
              "/api/v1/session/totp",
              [c](const Request& req) {
                auto in = ReadStrings(req, {}, {"code", "recovery_code"});
                if (!in) return ProblemResponse(in.error(), req);
                if ((*in)["code"].empty() == (*in)["recovery_code"].empty()) {
                  return ProblemResponse(
                      Error{ErrorCode::kInvalid,
                            "Send either a code or a recovery code.",
                            {{"code", "one_of", "Give a TOTP code or a recovery code."}}},
                      req);
                }
                return JsonOr(SessionBody(app::SubmitTotp(*c, CallerOf(req), (*in)["code"],
                                                          (*in)["recovery_code"], ClientOf(req))),
                              req);
              },
              4096,
              {},
              Auth::kLoginFlow});

  router.Add({"POST",
              "/api/v1/session/totp-enrolment",
              [c](const Request& req) {
                auto e = app::StartTotpEnrolment(*c, CallerOf(req), ClientOf(req));
                if (!e) return ProblemResponse(e.error(), req);
                return JsonResponse(Json{
                    {"secret", e->secret}, {"otpauth_uri", e->otpauth_uri}, {"qr_svg", e->qr_svg}}
                                        .dump());
              },
              4096,
              {},
              Auth::kLoginFlow});

  router.Add({"POST",
              "/api/v1/session/totp-enrolment/confirm",
              [c](const Request& req) {
                auto in = ReadStrings(req, {"code"});
                if (!in) return ProblemResponse(in.error(), req);
                auto done =
                    app::ConfirmTotpEnrolment(*c, CallerOf(req), (*in)["code"], ClientOf(req));
                if (!done) return ProblemResponse(done.error(), req);
                Json body = SessionJson(done->session);
                body["recovery_codes"] = done->recovery_codes;
                return JsonResponse(body.dump());
              },
              4096,
              {},
              Auth::kLoginFlow});

  router.Add({"POST",
              "/api/v1/session/password",
              [c](const Request& req) {
                auto in = ReadStrings(req, {"current_password", "new_password"});
                if (!in) return ProblemResponse(in.error(), req);
                return JsonOr(
                    SessionBody(app::ChangePassword(*c, CallerOf(req), (*in)["current_password"],
                                                    (*in)["new_password"], ClientOf(req))),
                    req);
              },
              16 * 1024,
              {},
              Auth::kLoginFlow});

  router.Add({"GET", "/api/v1/me/sessions", [c](const Request& req) {
                auto list = app::ListMySessions(*c, CallerOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& s : *list) items.push_back(SessionSummaryJson(s));
                return JsonResponse(Json{{"items", std::move(items)}}.dump());
              }});

  router.Add({"DELETE", "/api/v1/me/sessions/{id}", [c](const Request& req) {
                return StatusOr(
                    app::EndMySession(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req)),
                    req);
              }});

  router.Add({"POST", "/api/v1/me/sessions/revoke-all", [c](const Request& req) {
                Response r = StatusOr(app::EndAllMySessions(*c, CallerOf(req), ClientOf(req)), req);
                if (r.status == 204) r.headers.emplace_back("Set-Cookie", ClearedSessionCookie());
                return r;
              }});

  router.Add({"POST", "/api/v1/me/recovery-codes",
              [c](const Request& req) {
                auto in = ReadStrings(req, {"code"});
                if (!in) return ProblemResponse(in.error(), req);
                auto codes =
                    app::RegenerateRecoveryCodes(*c, CallerOf(req), (*in)["code"], ClientOf(req));
                if (!codes) return ProblemResponse(codes.error(), req);
                return JsonResponse(Json{{"recovery_codes", *codes}}.dump());
              },
              4096});

  router.Add({"GET",
              "/api/v1/me/notifications",
              [c](const Request& req) {
                Problems p;
                bool unread = req.BoolQuery("unread", p);
                int limit = static_cast<int>(req.IntQuery("limit", 50, 1, 200, p));
                int offset = static_cast<int>(req.IntQuery("offset", 0, 0, 1000000, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto list = app::ListMyNotifications(*c, CallerOf(req), unread, limit, offset);
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& n : list->items) items.push_back(NotificationJson(n));
                return JsonResponse(Json{
                    {"items", std::move(items)}, {"total", list->total}, {"unread", list->unread}}
                                        .dump(-1, ' ', false, Json::error_handler_t::replace));
              },
              0,
              {"unread", "limit", "offset"}});

  router.Add({"GET", "/api/v1/me/notifications/unread-count", [c](const Request& req) {
                auto n = app::CountMyUnread(*c, CallerOf(req));
                if (!n) return ProblemResponse(n.error(), req);
                return JsonResponse(Json{{"unread", *n}}.dump());
              }});

  router.Add({"POST", "/api/v1/me/notifications/{id}/read", [c](const Request& req) {
                return StatusOr(
                    app::MarkNotificationRead(*c, CallerOf(req), req.path_params.at("id")), req);
              }});

  router.Add({"POST", "/api/v1/me/notifications/read-all", [c](const Request& req) {
                return StatusOr(app::MarkAllNotificationsRead(*c, CallerOf(req)), req);
              }});

  router.Add({"GET",
              "/api/v1/roles",
              [](const Request&) {
                Json items = Json::array();
                for (access::Role role : access::AllRoles()) {
                  Json kinds = Json::array();
                  for (orgs::Kind k : orgs::AllKinds()) {
                    if (access::KindAllowsRole(k, role))
                      kinds.push_back(std::string(orgs::ToString(k)));
                  }
                  items.push_back(Json{{"role", std::string(access::ToString(role))},
                                       {"sees_personal_data", access::SeesPersonalData(role)},
                                       {"kinds", std::move(kinds)}});
                }
                return JsonResponse(Json{{"items", std::move(items)}}.dump());
              },
              0,
              {},
              Auth::kActive,
              access::Action::kReferenceRead});
}

}  // namespace opennrm::http
