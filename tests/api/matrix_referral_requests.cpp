// Referral requests of the authorization matrix (matrix_referral_requests.hpp).
// Not thread-safe.
#include "matrix_referral_requests.hpp"

#include "matrix_case_requests.hpp"
#include "raw_database.hpp"

namespace opennrm::testing::matrix {

using nlohmann::json;

namespace {

// A consent of `person_id` in `case_id` for `recipient`, recorded by `by`
// through the API; its id, or "" with `error` set.
std::string RecordConsent(Caller& by, const std::string& case_id, const std::string& person_id,
                          const std::string& recipient, std::string& error) {
  auto r = by.session->Post("/api/v1/cases/" + case_id + "/consents",
                            json{{"person_id", person_id},
                                 {"recipient_organisation_id", recipient},
                                 {"purpose", "support"},
                                 {"sections", {"identity"}},
                                 {"given_on", "2026-01-02"},
                                 {"form", "spoken"},
                                 {"language", "swe"}}
                                .dump());
  if (r.status != 201) {
    error = "record a consent as " + by.column + ": " + r.body;
    return "";
  }
  return r.Json()["id"];
}

json Body(const std::string& person_id, const std::string& recipient,
          const std::string& consent_id) {
  return json{{"person_id", person_id}, {"recipient_organisation_id", recipient},
              {"purpose", "support"},   {"sections", {"identity"}},
              {"basis", "consent"},     {"consent_id", consent_id}};
}

// A referral sent by `sender` from its assigned case to `recipient`, through
// the API; the referral as answered (empty with `error` set on failure).
json SendThroughApi(World& w, Caller& sender, const std::string& recipient, std::string& error) {
  const std::string case_id = sender.assigned_case_id;
  std::string person = PersonTarget(w, Relation::kAssigned, sender, case_id, error);
  if (!error.empty()) return json::object();
  std::string consent = RecordConsent(sender, case_id, person, recipient, error);
  if (!error.empty()) return json::object();
  auto r = sender.session->Post("/api/v1/cases/" + case_id + "/referrals",
                                Body(person, recipient, consent).dump());
  if (r.status != 201) {
    error = "send a referral as " + sender.column + ": " + r.body;
    return json::object();
  }
  return r.Json();
}

// A referral from `case_id` of organisation `sender_org` to Z, written
// straight to the database (no package): for callers who may not act on it.
std::string InsertReferral(World& w, const std::string& sender_org, const std::string& case_id,
                           const std::string& person_id, std::string& error) {
  RawDatabase db(*w.server);
  const std::string id = "mx-referral-" + Unique();
  if (!db.Exec("INSERT INTO referrals (id, code, sender_organisation_id, source_kind, source_id,"
               " person_id, recipient_organisation_id, purpose, sections, basis_code,"
               " basis_valid_from, status, sent_on, respond_by, sent_by, delivery, created_at_us,"
               " updated_at_us, version) VALUES (" +
               SqlQuote(id) + ", " + SqlQuote("REF-2026-9" + Unique()) + ", " +
               SqlQuote(sender_org) + ", 'case', " + SqlQuote(case_id) + ", " +
               SqlQuote(person_id) + ", " + SqlQuote(w.orgs.at("Z").id) +
               ", 'support', 'identity', 'own_task_necessity', '2009-06-30', 'sent',"
               " '2026-01-02', '2026-01-09', " +
               SqlQuote(w.orgs.at("M2").plain_id) +
               ", 'in_app', 1780000000000000, 1780000000000000, 1)")) {
    error = "insert a referral: " + db.error();
  }
  return id;
}

// The referral of the row, as JSON with at least its id and version.
json Target(World& w, const RouteRows& route, Relation r, Caller& c, std::string& error) {
  const Org& own = w.orgs.at(c.org);
  switch (r) {
    case Relation::kAssigned:
      // The caller sends it from its own case, to Z (no users: by other means).
      return SendThroughApi(w, c, w.orgs.at("Z").id, error);
    case Relation::kDisclosed: {
      // Sent to the caller's organisation by a social worker of M1 (or, to
      // M1, by the regional coordinator).
      Caller& sender = w.ByColumn(c.org == "M1" ? "reg" : "soc");
      json sent = SendThroughApi(w, sender, own.id, error);
      if (error.empty() && std::string(route.path).ends_with("/complete") && c.session) {
        // Completing follows an acceptance by the caller (refused for callers
        // who may not answer; the completion is then refused too).
        auto a = c.session->Post("/api/v1/referrals/" + sent["id"].get<std::string>() + "/accept",
                                 json{{"version", sent["version"]}}.dump());
        if (a.status == 200) sent = a.Json();
      }
      return sent;
    }
    case Relation::kUnassigned:
      return json{{"id", InsertReferral(w, own.id, own.unassigned_case_id, "", error)},
                  {"version", 1}};
    case Relation::kBreakGlass: {
      std::string case_id = CaseTarget(w, route, r, c, error);
      std::string person = PersonTarget(w, r, c, case_id, error);
      return json{{"id", InsertReferral(w, own.id, case_id, person, error)}, {"version", 1}};
    }
    case Relation::kOtherOrganisation: {
      const Org& m2 = w.orgs.at("M2");
      return json{{"id", InsertReferral(w, m2.id, m2.unassigned_case_id, "", error)},
                  {"version", 1}};
    }
    default:
      error = "no referral stands in this relation";
      return json::object();
  }
}

}  // namespace

void PrepareReferral(World& w, const RouteRows& route, Relation relation, Caller& c, Prepared& p) {
  json target = Target(w, route, relation, c, p.error);
  FillParameter(p, "{id}", target.value("id", std::string("mx-no-referral")));
  const std::string path = route.path;
  json body{{"version", target.value("version", 1)}};
  if (path.ends_with("/decline")) {
    body["reason"] = "Matrisen: ingen plats.";
  } else if (path.ends_with("/complete")) {
    const bool answered = target.contains("answered_on") && target["answered_on"].is_string();
    body["completed_on"] = answered ? target["answered_on"].get<std::string>() : "2026-01-03";
    body["outcome"] = "support_given";
  }
  if (std::string(route.method) == "POST") p.body = body.dump();
}

std::string SendReferralBody(World& w, Relation relation, Caller& c, const std::string& case_id,
                             std::string& error) {
  if (relation != Relation::kAssigned || !c.session || case_id.empty()) {
    return Body("mx-no-person", w.orgs.at("Z").id, "mx-no-consent").dump();
  }
  std::string person = PersonTarget(w, relation, c, case_id, error);
  std::string consent = RecordConsent(c, case_id, person, w.orgs.at("Z").id, error);
  return Body(person, w.orgs.at("Z").id, consent).dump();
}

}  // namespace opennrm::testing::matrix
