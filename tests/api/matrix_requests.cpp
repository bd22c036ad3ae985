// Prepare() (matrix_requests.hpp) for the routes about no case record; those
// about one are built in matrix_case_requests.cpp. Not thread-safe.
#include "matrix_requests.hpp"

#include <ctime>

#include "matrix_case_requests.hpp"
#include "matrix_consultation_referral_requests.hpp"
#include "matrix_crime_figure_requests.hpp"
#include "matrix_hotline_requests.hpp"
#include "matrix_knowledge_requests.hpp"
#include "matrix_referral_requests.hpp"
#include "matrix_statistics_requests.hpp"
#include "raw_database.hpp"

namespace opennrm::testing::matrix {

using nlohmann::json;

namespace {

// Organisation routes: the caller's organisation, or Z (which holds no callers).
std::string OrgTarget(const World& w, Relation r, const Caller& c) {
  return r == Relation::kOwnOrganisation ? w.orgs.at(c.org).id : w.orgs.at("Z").id;
}

// Account routes: the caller, an account of the caller's organisation, or of M2.
std::string UserTarget(const World& w, Relation r, const Caller& c) {
  const Org& own = w.orgs.at(c.org);
  const Org& other = w.orgs.at("M2");
  switch (r) {
    case Relation::kSelf:
      return c.user_id;
    case Relation::kOwnOrganisation:
      return own.plain_id;
    case Relation::kOwnAdmin:
      return own.admin_id;
    case Relation::kOtherOrganisation:
      return other.plain_id;
    case Relation::kOtherAdmin:
      return other.admin_id;
    default:
      return "";
  }
}

// An organisation as the body of its own PUT, at its current version.
std::string OrganisationBody(World& w, const std::string& id) {
  auto r = w.admin->Get("/api/v1/organisations/" + id);
  if (r.status != 200) return "";
  json o = r.Json();
  for (const char* output_only : {"id", "public_authority", "free_places", "has_protected_address",
                                  "created_at", "updated_at"}) {
    o.erase(output_only);
  }
  if (o["occupancy"].is_null()) o.erase("occupancy");
  return o.dump();
}

long long OrganisationVersion(World& w, const std::string& id) {
  auto r = w.admin->Get("/api/v1/organisations/" + id);
  return r.status == 200 ? r.Json()["version"].get<long long>() : 1;
}

std::string UserVersion(World& w, const std::string& id) {
  RawDatabase db(*w.server);
  return db.Scalar("SELECT version FROM users WHERE id = " + SqlQuote(id)).value_or("1");
}

}  // namespace

Prepared Prepare(World& w, const RouteRows& route, Relation relation, Caller& c) {
  Prepared p{route.method, route.path, "", "", nullptr};
  const std::string key = std::string(route.method) + " " + route.path;
  auto replace = [&](const std::string& param, const std::string& value) {
    FillParameter(p, param, value);
  };
  if (route.path[0] != '/') {
    p.error = "no request builder for " + key;
  } else if (route.family == Family::kCaseRecord) {
    PrepareCaseRecord(w, route, relation, c, p);
  } else if (route.family == Family::kReferral) {
    PrepareReferral(w, route, relation, c, p);
  } else if (IsConsultationRoute(key)) {
    PrepareConsultation(w, route, relation, c, p);
  } else if (IsConsultationReferralRoute(key)) {
    PrepareConsultationReferral(w, route, relation, c, p);
  } else if (key.find(" /api/v1/knowledge") != std::string::npos) {
    PrepareKnowledge(w, key, p);
  } else if (IsCrimeFigureRoute(key)) {
    PrepareCrimeFigures(key, p);
  } else if (IsStatisticsPublicationRoute(key)) {
    PrepareStatisticsPublication(key, p);
  } else if (key == "POST /api/v1/hotline/routing") {
    p.body = json{{"municipality_code", "2506"},
                  {"topic", "suspected_trafficking"},
                  {"forms", {"labour"}},
                  {"age_group", "adult"}}
                 .dump();
  } else if (key == "POST /api/v1/public/callback-requests") {
    p.body = json{{"name", "Matris Uppringning"},
                  {"organisation", "Matrisorganisationen"},
                  {"phone", "08-123 456 78"},
                  {"topic", "other"}}
                 .dump();
  } else if (key == "POST /api/v1/persons/search") {
    p.body = json{{"name", "Matris Person"}}.dump();
  } else if (key == "POST /api/v1/cases") {
    p.body = json{{"type", "trafficking_in_human_beings"}}.dump();
  } else if (key == "GET /api/v1/geo/counties/{code}") {
    replace("{code}", "25");
  } else if (key == "GET /api/v1/geo/municipalities/{code}") {
    replace("{code}", "0180");
  } else if (key == "GET /api/v1/organisations/coverage") {
    p.path += "?municipality=0180";
  } else if (key == "GET /api/v1/organisations/{id}") {
    replace("{id}", OrgTarget(w, relation, c));
  } else if (key == "POST /api/v1/organisations") {
    p.body = json{{"name", "Matrisorganisation " + Unique()},
                  {"kind", "other"},
                  {"coverage", {{"scope", "municipalities"}, {"codes", {"0180"}}}}}
                 .dump();
  } else if (key == "PUT /api/v1/organisations/{id}") {
    std::string id = OrgTarget(w, relation, c);
    replace("{id}", id);
    p.body = OrganisationBody(w, id);
  } else if (key == "POST /api/v1/organisations/{id}/deactivate" ||
             key == "POST /api/v1/organisations/{id}/activate") {
    std::string id = OrgTarget(w, relation, c);
    replace("{id}", id);
    p.body = json{{"version", OrganisationVersion(w, id)}}.dump();
  } else if (key == "POST /api/v1/session") {
    p.body = json{{"username", w.probe_username}, {"password", w.probe_password}}.dump();
  } else if (key == "POST /api/v1/session/totp") {
    // A real code for the one caller whose session waits for it.
    std::string code =
        c.kind == CallerKind::kLoginIncomplete ? c.session->NextTotpCode() : "000000";
    p.body = json{{"code", code}}.dump();
  } else if (key == "POST /api/v1/session/totp-enrolment") {
    p.after = [&c](const HttpResponse& r) {
      if (r.status == 200) c.pending_totp = r.Json()["secret"];
    };
  } else if (key == "POST /api/v1/session/totp-enrolment/confirm") {
    std::string code = "000000";
    std::string old_secret = c.HasSession() ? c.session->totp_secret() : "";
    if (!c.pending_totp.empty()) {
      c.session->set_totp_secret(c.pending_totp, c.session->last_step());
      code = c.session->NextTotpCode();
    }
    p.body = json{{"code", code}}.dump();
    p.after = [&c, old_secret](const HttpResponse& r) {
      if (!c.HasSession()) return;
      if (r.status == 200) {
        c.recovery_codes = r.Json()["recovery_codes"].get<std::vector<std::string>>();
      } else if (!c.pending_totp.empty()) {
        c.session->set_totp_secret(old_secret, c.session->last_step());
      }
      c.pending_totp.clear();
    };
  } else if (key == "POST /api/v1/session/password") {
    std::string next = TestPassword(c.username.empty() ? "nobody" : c.username);
    p.body = json{{"current_password", c.password}, {"new_password", next}}.dump();
    p.after = [&c, next](const HttpResponse& r) {
      if (r.status == 200) c.password = next;
    };
  } else if (key == "DELETE /api/v1/me/sessions/{id}") {
    if (relation == Relation::kSelf) {
      // Another session of the caller's own, made for this request.
      SessionClient other(w.server->port());
      auto r = other.Login(c.username, c.password);
      if (r.status != 200) p.error = "second session: " + r.body;
      replace("{id}", w.NewestSessionId(c.user_id));
    } else {
      replace("{id}", w.other_user_session_id);
    }
  } else if (key == "POST /api/v1/me/recovery-codes") {
    bool active = c.kind == CallerKind::kUser;
    p.body = json{{"code", active ? c.session->NextTotpCode() : "000000"}}.dump();
    p.after = [&c](const HttpResponse& r) {
      if (r.status == 200) {
        c.recovery_codes = r.Json()["recovery_codes"].get<std::vector<std::string>>();
      }
    };
  } else if (key == "POST /api/v1/me/notifications/{id}/read") {
    replace("{id}", relation == Relation::kSelf ? c.notification_id : w.other_user_notification_id);
  } else if (key == "GET /api/v1/users") {
    bool own = relation == Relation::kOwnOrganisation;
    p.path += "?organisation_id=" + w.orgs.at(own ? c.org : "M2").id;
  } else if (key == "GET /api/v1/audit/events") {
    bool own = relation == Relation::kOwnOrganisation;
    p.path += "?organisation_id=" + w.orgs.at(own ? c.org : "M2").id;
  } else if (key == "GET /api/v1/audit/proofs/inclusion") {
    p.path += "?seq=0";  // in the tree of the latest checkpoint
  } else if (key == "GET /api/v1/audit/proofs/consistency") {
    p.path += "?from=1";  // to the latest checkpoint
  } else if (key == "POST /api/v1/users") {
    bool own = relation == Relation::kOwnOrganisation || relation == Relation::kOwnAdmin;
    bool administrator = relation == Relation::kOwnAdmin || relation == Relation::kOtherAdmin;
    const Org& org = w.orgs.at(own ? c.org : "M2");
    p.body = json{{"organisation_id", org.id},
                  {"username", "mx-new-" + Unique()},
                  {"display_name", "Matris ny"},
                  {"roles", {administrator ? "organisation_administrator" : org.plain_role}}}
                 .dump();
  } else if (key == "GET /api/v1/users/{id}" || key == "POST /api/v1/users/{id}/password-reset" ||
             key == "POST /api/v1/users/{id}/totp-reset") {
    replace("{id}", UserTarget(w, relation, c));
  } else if (key == "PATCH /api/v1/users/{id}") {
    std::string id = UserTarget(w, relation, c);
    replace("{id}", id);
    p.body =
        "{\"version\":" + UserVersion(w, id) + ",\"display_name\":\"Matris " + Unique() + "\"}";
  } else if (key == "POST /api/v1/tokens") {
    // An expiry within the longest lifetime a token may have.
    std::time_t t = std::time(nullptr) + 7 * 24 * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    p.body =
        json{{"name", "Matris " + Unique()}, {"actions", {"directory.read"}}, {"expires_at", day}}
            .dump();
  } else if (key == "DELETE /api/v1/tokens/{id}") {
    replace("{id}",
            relation == Relation::kOwnOrganisation ? c.own_token_id : w.orgs.at("M2").token_id);
  }
  if (p.path.find('{') != std::string::npos && p.error.empty()) {
    p.error = "no request builder fills the parameters of " + key;
  }
  return p;
}

}  // namespace opennrm::testing::matrix