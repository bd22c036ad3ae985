// The request for a case-record row of the authorization matrix: fills the
// path's parameters and the body route by route (matrix_case_requests.hpp).
// Not thread-safe.
#include "matrix_case_requests.hpp"

#include "matrix_referral_requests.hpp"
#include "raw_database.hpp"

namespace opennrm::testing::matrix {

using nlohmann::json;

void PrepareCaseRecord(World& w, const RouteRows& route, Relation relation, Caller& c,
                       Prepared& p) {
  const std::string key = std::string(route.method) + " " + route.path;
  auto replace = [&](const std::string& param, const std::string& value) {
    FillParameter(p, param, value);
  };
  std::string id = CaseTarget(w, route, relation, c, p.error);
  if (key == "GET /api/v1/cases/{id}/attachments/{attachment_id}" && p.error.empty()) {
    replace("{attachment_id}", AttachmentFor(w, relation, c, id, p.error));
  }
  if (key == "POST /api/v1/consents/{id}/revoke" && p.error.empty()) {
    id = ConsentFor(w, relation, c, id, p.error);
  }
  replace("{id}", id);
  replace("{user_id}", w.orgs.at(c.org).plain_id);
  const bool clocks =
      key.find("/clocks") != std::string::npos || key.find("/tasks") != std::string::npos ||
      key.find("/child-track") != std::string::npos || key.find("/missing") != std::string::npos;
  std::string person;
  if (p.path.find("{person_id}") != std::string::npos ||
      (clocks && relation == Relation::kAssigned)) {
    person = PersonTarget(w, relation, c, id, p.error);
  }
  if (clocks && p.error.empty()) {
    ClockWorld t = ClockTargets(relation, c, key, id, person, p.error);
    person = t.person_id;
    replace("{clock_id}", t.clock_id);
    replace("{task_id}", t.task_id);
  }
  if (p.path.find("{person_id}") != std::string::npos) replace("{person_id}", person);
  if (std::string(route.method) != "GET") p.body = RecordBody(key);
  if (clocks && std::string(route.method) != "GET") {
    p.body = ClockBody(key, c, person.empty() ? "mx-no-person" : person);
  }
  if (key == "POST /api/v1/cases/{id}/team") {
    p.body = json{{"user_id", w.orgs.at(c.org).plain_id}}.dump();
  } else if (key == "POST /api/v1/cases/{id}/persons") {
    p.body = json{{"role", "presumed_victim"},
                  {"names", {{{"kind", "name"}, {"latin", "Matris Person"}}}}}
                 .dump();
  } else if (key == "POST /api/v1/cases/{id}/tracks/{track}/moves") {
    replace("{track}", "support");
    p.body = json{{"to", "identification"}}.dump();
    if (relation == Relation::kAssigned && !id.empty()) {
      // Identification needs the indicators recorded: as the indicators
      // record would, straight in the case's log.
      RawDatabase db(*w.server);
      std::string entry = "mx-entry-" + Unique();
      if (!db.Exec("INSERT INTO case_entries (id, case_id, organisation_id, seq, kind, section,"
                   " details, recorded_by, recorded_at_us) SELECT " +
                   SqlQuote(entry) +
                   ", id, organisation_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_entries"
                   " WHERE case_id = " +
                   SqlQuote(id) +
                   "), 'indicators.recorded', 'assessment',"
                   " '[]', " +
                   SqlQuote(c.user_id) +
                   ", 1780000000000000 FROM cases WHERE id = " + SqlQuote(id)) ||
          !db.Exec("INSERT INTO case_facts (case_id, fact, person_id, entry_id, recorded_by,"
                   " recorded_at_us) VALUES (" +
                   SqlQuote(id) + ", 'indicators_recorded', '', " + SqlQuote(entry) + ", " +
                   SqlQuote(c.user_id) + ", 1780000000000000) ON CONFLICT DO NOTHING")) {
        p.error = "record the indicators fact: " + db.error();
      }
    }
  } else if (key == "POST /api/v1/cases/{id}/persons/{person_id}/merge") {
    p.body = MergeBody(relation, c, id, person, p.error);
  } else if (key == "PUT /api/v1/cases/{id}/persons/{person_id}") {
    p.body = PersonUpdateBody(relation, c, id, person);
  } else if (key == "POST /api/v1/cases/{id}/facts") {
    p.body = json{{"fact", "basic_information_given"}}.dump();
  } else if (key == "POST /api/v1/cases/{id}/close") {
    p.body = json{{"reason", "integrated"}}.dump();
  } else if (key == "POST /api/v1/cases/{id}/reopen") {
    p.body = "{}";
  } else if (key == "PUT /api/v1/cases/{id}/proceedings") {
    p.body = json{{"police_report_numbers", {"5000-K123456-26"}}}.dump();
  } else if (key == "POST /api/v1/cases/{id}/break-glass") {
    p.body = json{{"reason", "Matrisen: akut läge, teamet nås inte i kväll."}}.dump();
  } else if (key == "POST /api/v1/cases/{id}/notes") {
    p.body = json{{"text", "Matrisen: en anteckning."}}.dump();
  } else if (key == "POST /api/v1/cases/{id}/attachments") {
    p.body = "Matrisen: en bilaga i klartext.\n";
    p.headers = {{"X-Attachment-Name", "matris.txt"}};
  } else if (key == "POST /api/v1/cases/{id}/consents") {
    p.body = json{
        {"person_id", PersonTarget(w, relation, c, id, p.error)},
        {"recipient_organisation_id", w.orgs.at("Z").id},
        {"purpose", "shelter"},
        {"sections", {"identity"}},
        {"given_on", "2026-01-02"},
        {"form", "spoken"},
        {"language",
         "swe"}}.dump();
  } else if (key == "POST /api/v1/cases/{id}/referrals") {
    p.body = SendReferralBody(w, relation, c, id, p.error);
  } else if (key == "POST /api/v1/consents/{id}/revoke") {
    p.body = json{{"revoked_on", "2026-01-03"}}.dump();
  } else if (key == "GET /api/v1/cases/{id}/export") {
    p.path += "?format=json";
  }
}

}  // namespace opennrm::testing::matrix
