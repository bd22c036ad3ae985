// A hotline consultation as the source of a referral
// (app/referrals/consultation_consents.hpp): the consents recorded on it and
// the referrals sent from it. Thin: read the body (presence and types; codes
// and rules are the use cases'), call the use case, write JSON. A consent
// is revoked through POST /consents/{id}/revoke (consent_routes.cpp).
#include "app/referrals/consultation_consents.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/clock_dto.hpp"
#include "http/consent_dto.hpp"
#include "http/json_body.hpp"
#include "http/organisation_dto.hpp"
#include "http/problem.hpp"
#include "http/record_dto.hpp"
#include "http/referral_dto.hpp"

namespace opennrm::http {

namespace {

// POST /cases/{id}/consents's body without "person_id".
app::NewConsent ReadConsultationConsent(const Json& body, Problems& p) {
  app::NewConsent in;
  ObjectReader r(body, "", p);
  in.recipient_organisation_id = r.String("recipient_organisation_id", true).value_or("");
  in.purpose = r.String("purpose", true).value_or("");
  in.sections = r.Strings("sections", true).value_or(std::vector<std::string>{});
  in.given_on = ReadDate(r, "given_on", p, true).value_or(CivilDate{});
  in.form = r.String("form", true).value_or("");
  in.language = r.String("language", true).value_or("");
  in.interpreter = ReadInterpreter(r, p);
  in.note = r.String("note").value_or("");
  r.RejectUnknown();
  return in;
}

const std::string& IdOf(const Request& req) { return req.path_params.at("id"); }

}  // namespace

void AddConsultationReferralRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/consultations/{id}/consents",
              [c](const Request& req) {
                app::NewConsent in;
                if (auto bad = ReadBody(req, ReadConsultationConsent, in)) return *bad;
                auto recorded =
                    app::RecordConsultationConsent(*c, CallerOf(req), IdOf(req), in, ClientOf(req));
                if (!recorded) return ProblemResponse(recorded.error(), req);
                return JsonAnswer(ConsentJson(*recorded), 201);
              },
              64 * 1024});

  router.Add({"GET", "/api/v1/consultations/{id}/consents", [c](const Request& req) {
                auto list =
                    app::ListConsultationConsents(*c, CallerOf(req), IdOf(req), ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& v : *list) items.push_back(ConsentJson(v));
                return JsonAnswer(Json{{"items", std::move(items)}});
              }});

  router.Add({"POST", "/api/v1/consultations/{id}/referrals",
              [c](const Request& req) {
                app::NewReferral in;
                if (auto bad = ReadBody(req, ReadNewConsultationReferral, in)) return *bad;
                auto sent =
                    app::SendConsultationReferral(*c, CallerOf(req), IdOf(req), in, ClientOf(req));
                if (!sent) return ProblemResponse(sent.error(), req);
                return JsonAnswer(ReferralJson(*sent), 201);
              },
              64 * 1024});

  router.Add({"GET", "/api/v1/consultations/{id}/referrals", [c](const Request& req) {
                auto list =
                    app::ListConsultationReferrals(*c, CallerOf(req), IdOf(req), ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& v : *list) items.push_back(ReferralJson(v));
                return JsonAnswer(Json{{"items", std::move(items)}});
              }});
}

}  // namespace opennrm::http
