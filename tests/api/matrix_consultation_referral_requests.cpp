// Requests of the authorization matrix for a consultation's consents and
// referrals (matrix_consultation_referral_requests.hpp). Not thread-safe.
#include "matrix_consultation_referral_requests.hpp"

#include <ctime>
#include <set>

#include "matrix_case_requests.hpp"
#include "matrix_hotline_requests.hpp"

namespace opennrm::testing::matrix {

using nlohmann::json;

namespace {

constexpr const char* kBase = "/api/v1/consultations";

std::string TodayUtc() {
  std::time_t now = std::time(nullptr);
  char day[11];
  std::strftime(day, sizeof day, "%Y-%m-%d", std::gmtime(&now));
  return day;
}

json ConsentBody(const std::string& recipient) {
  return json{{"recipient_organisation_id", recipient},
              {"purpose", "support"},
              {"sections", {"identity", "notes"}},
              {"given_on", TodayUtc()},
              {"form", "spoken"},
              {"language", "swe"}};
}

// A consultation in `relation` to `c`, made as the consultation rows make
// one (through the API for an operator's own, else in the database).
std::string Consultation(World& w, Relation relation, Caller& c, std::string& error) {
  static const RouteRows kOne{"GET", "/api/v1/consultations/{id}", Family::kOrganisation, {}};
  Prepared one{"GET", kOne.path, "", "", nullptr};
  PrepareConsultation(w, kOne, relation, c, one);
  if (!one.error.empty()) {
    error = one.error;
    return "";
  }
  return one.path.substr(std::string(kBase).size() + 1);
}

// An operator's own consultation in which the person consented to being
// identified, and a consent on it for the regional coordinator: the
// consultation's id and the consent's.
std::pair<std::string, std::string> Identified(World& w, Caller& c, std::string& error) {
  json body{{"topic", "suspected_trafficking"},
            {"caller", {{"organisation_name", "Matrisens uppringare"}}},
            {"situation", "Matrisfall med samtycke."},
            {"identity_basis", "consent"},
            {"identity", {{"name", "Matris Samtycke"}}}};
  auto r = c.session->Post(kBase, body.dump());
  if (r.status != 201) {
    error = "create an identified consultation as " + c.column + ": " + r.body;
    return {};
  }
  std::string id = r.Json()["id"];
  auto consent = c.session->Post(std::string(kBase) + "/" + id + "/consents",
                                 ConsentBody(w.orgs.at("RC").id).dump());
  if (consent.status != 201) {
    error = "record a consent as " + c.column + ": " + consent.body;
    return {};
  }
  return {id, consent.Json()["id"]};
}

bool IsOperator(const Caller& c) {
  return c.kind == CallerKind::kUser && c.role == "hotline_operator";
}

}  // namespace

bool IsConsultationReferralRoute(const std::string& key) {
  static const std::set<std::string> kKeys{
      "POST /api/v1/consultations/{id}/consents",
      "GET /api/v1/consultations/{id}/consents",
      "POST /api/v1/consultations/{id}/referrals",
      "GET /api/v1/consultations/{id}/referrals",
  };
  return kKeys.count(key) > 0;
}

void PrepareConsultationReferral(World& w, const RouteRows& route, Relation relation, Caller& c,
                                 Prepared& p) {
  const std::string key = std::string(route.method) + " " + route.path;
  const std::string recipient = w.orgs.at("RC").id;
  if (key == "POST /api/v1/consultations/{id}/referrals") {
    json body{{"recipient_organisation_id", recipient},
              {"purpose", "support"},
              {"sections", {"identity", "notes"}},
              {"basis", "consent"}};
    std::string id;
    if (relation == Relation::kOwnOrganisation && IsOperator(c)) {
      auto made = Identified(w, c, p.error);
      id = made.first;
      body["consent_id"] = made.second;
    } else {
      id = Consultation(w, relation, c, p.error);
      body["consent_id"] = "mx-no-consent";
    }
    if (!p.error.empty()) return;
    FillParameter(p, "{id}", id);
    p.body = body.dump();
    return;
  }
  std::string id = Consultation(w, relation, c, p.error);
  if (!p.error.empty()) return;
  FillParameter(p, "{id}", id);
  if (route.method == std::string("POST")) p.body = ConsentBody(recipient).dump();
}

}  // namespace opennrm::testing::matrix
