// The consent ledger of a case (app/referrals/consents.hpp): recording a
// consent, listing a case's consents and revoking one. Thin: read the body
// (presence and types; codes and rules are the use case's), call the use
// case, write the consent as JSON.
#include "app/referrals/consents.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/consent_dto.hpp"
#include "http/json_body.hpp"
#include "http/organisation_dto.hpp"
#include "http/problem.hpp"
#include "http/record_dto.hpp"

namespace opennrm::http {

namespace {

std::optional<CivilDate> ReadDate(ObjectReader& r, const std::string& name, Problems& problems) {
  auto text = r.String(name, true);
  if (!text) return std::nullopt;
  auto date = ParseIsoDate(*text);
  if (!date) problems.Add(r.Path(name), "format", "A date as YYYY-MM-DD.");
  return date;
}

app::NewConsent ReadNewConsent(const Json& body, Problems& p) {
  app::NewConsent in;
  ObjectReader r(body, "", p);
  in.person_id = r.String("person_id", true).value_or("");
  in.recipient_organisation_id = r.String("recipient_organisation_id", true).value_or("");
  in.purpose = r.String("purpose", true).value_or("");
  in.sections = r.Strings("sections", true).value_or(std::vector<std::string>{});
  in.given_on = ReadDate(r, "given_on", p).value_or(CivilDate{});
  in.form = r.String("form", true).value_or("");
  in.language = r.String("language", true).value_or("");
  in.interpreter = ReadInterpreter(r, p);
  in.note = r.String("note").value_or("");
  r.RejectUnknown();
  return in;
}

app::ConsentRevocationInput ReadRevocation(const Json& body, Problems& p) {
  app::ConsentRevocationInput in;
  ObjectReader r(body, "", p);
  in.revoked_on = ReadDate(r, "revoked_on", p).value_or(CivilDate{});
  in.reason = r.String("reason").value_or("");
  r.RejectUnknown();
  return in;
}

}  // namespace

void AddConsentRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/cases/{id}/consents",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                app::NewConsent in = ReadNewConsent(*body, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto recorded = app::RecordConsent(*c, CallerOf(req), req.path_params.at("id"), in,
                                                   ClientOf(req));
                if (!recorded) return ProblemResponse(recorded.error(), req);
                return JsonAnswer(ConsentJson(*recorded), 201);
              },
              64 * 1024});

  router.Add({"GET", "/api/v1/cases/{id}/consents", [c](const Request& req) {
                auto list =
                    app::ListConsents(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& v : *list) items.push_back(ConsentJson(v));
                return JsonAnswer(Json{{"items", std::move(items)}});
              }});

  router.Add({"POST", "/api/v1/consents/{id}/revoke",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                auto in = ReadRevocation(*body, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto revoked = app::RevokeConsent(*c, CallerOf(req), req.path_params.at("id"), in,
                                                  ClientOf(req));
                if (!revoked) return ProblemResponse(revoked.error(), req);
                return JsonAnswer(ConsentJson(*revoked));
              },
              16 * 1024});
}

}  // namespace opennrm::http
