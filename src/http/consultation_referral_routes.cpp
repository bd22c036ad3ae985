// A hotline consultation as the source of a referral
// (app/referrals/consultation_consents.hpp): the consents recorded on it and
// the referrals sent from it. Thin: read the body (presence and types; codes
// and rules are the use cases'), call the use case, write JSON. A consent
// is revoked through POST /consents/{id}/revoke (consent_routes.cpp).
#include "app/referrals/consultation_consents.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/clock_dto.hpp"
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

Json InterpreterJson(const std::optional<cases::Interpreter>& i) {
  if (!i) return nullptr;
  return Json{{"language", i->language},
              {"mode", std::string(cases::ToString(i->mode))},
              {"relationship", std::string(cases::ToString(i->relationship))},
              {"provider", i->provider}};
}

// A consent recorded on a consultation (docs/api/openapi.yaml
// "ConsultationConsent"): as a case's, with the consultation in place of the
// case and the person.
Json ConsultationConsentJson(const app::ConsentView& v) {
  const auto& c = v.consent;
  Json sections = Json::array();
  for (auto s : c.sections) sections.push_back(std::string(access::ToString(s)));
  Json j{{"id", c.id},
         {"consultation_id", v.consultation_id},
         {"recipient_organisation_id", c.recipient_organisation_id},
         {"recipient_name", v.recipient_name},
         {"purpose", std::string(referrals::ToString(c.purpose))},
         {"sections", std::move(sections)},
         {"given_on", FormatIsoDate(c.given_on)},
         {"form", std::string(referrals::ToString(c.form))},
         {"language", c.language},
         {"interpreter", InterpreterJson(c.interpreter)},
         {"note", v.note},
         {"taken_by", c.taken_by},
         {"status", c.revocation ? "revoked" : "given"},
         {"revoked_on", nullptr},
         {"revoked_by", nullptr},
         {"revocation_reason", nullptr},
         {"recorded_at", IsoTimestamp(v.recorded_at_us)},
         {"version", v.version}};
  if (c.revocation) {
    j["revoked_on"] = FormatIsoDate(c.revocation->revoked_on);
    j["revoked_by"] = c.revocation->revoked_by;
    j["revocation_reason"] = c.revocation->reason;
  }
  return j;
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
                return JsonAnswer(ConsultationConsentJson(*recorded), 201);
              },
              64 * 1024});

  router.Add({"GET", "/api/v1/consultations/{id}/consents", [c](const Request& req) {
                auto list =
                    app::ListConsultationConsents(*c, CallerOf(req), IdOf(req), ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& v : *list) items.push_back(ConsultationConsentJson(v));
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
