// Bodies of the case-record rows of the authorization matrix, and the clocks
// and tasks they act on (declared in matrix_case_requests.hpp). Not thread-safe.
#include "matrix_case_requests.hpp"

namespace opennrm::testing::matrix {

using nlohmann::json;

ClockWorld ClockTargets(Relation r, Caller& c, const std::string& key, const std::string& case_id,
                        const std::string& adult_id, std::string& error) {
  ClockWorld out{"mx-no-person", "mx-no-clock", "mx-no-task"};
  if (r != Relation::kAssigned || !c.session || case_id.empty()) return out;
  auto post = [&](const std::string& path, const json& body) {
    auto res = c.session->Post("/api/v1/cases/" + case_id + path, body.dump());
    if (res.status >= 300 && res.status != 409 && res.status != 404) {
      error = "prepare " + path + ": " + res.body;
    }
    return res;
  };
  out.person_id = adult_id;
  if (key.find("child-track") != std::string::npos || key.find("/missing") != std::string::npos) {
    auto child = post("/persons", json{{"role", "presumed_victim"}, {"claimed_minor", true}});
    if (child.status == 201) out.person_id = child.Json()["id"];
    if (key.ends_with("/missing/resolved")) {
      post("/persons/" + out.person_id + "/missing", json::object());
    }
  }
  const json permit_conditions = {"needed_for_proceedings", "clearly_wants_to_cooperate",
                                  "broke_contact_with_suspects", "public_order_and_security_allow"};
  if (key.ends_with("/decision")) {
    auto applied = post("/clocks", json{{"rule_id", "reflection_period"},
                                        {"person_id", adult_id},
                                        {"applicant", "social_welfare_board"},
                                        {"applied_on", "2026-01-02"}});
    if (applied.status == 201) out.clock_id = applied.Json()["id"];
  } else if (key.ends_with("/renewal") || key.ends_with("/revocation")) {
    auto running = post("/clocks", json{{"rule_id", "residence_permit_cooperation"},
                                        {"person_id", adult_id},
                                        {"applicant", "head_of_preliminary_investigation"},
                                        {"applied_on", "2026-01-02"},
                                        {"decided_on", "2026-01-05"},
                                        {"starts_on", "2026-01-05"},
                                        {"conditions", permit_conditions}});
    if (running.status == 201) out.clock_id = running.Json()["id"];
  } else if (key.ends_with("/done")) {
    auto task = post(
        "/tasks",
        json{{"title", "Matrisen"}, {"assignee_user_id", c.user_id}, {"due_on", "2026-01-09"}});
    if (task.status == 201) out.task_id = task.Json()["id"];
  }
  return out;
}

std::string ClockBody(const std::string& key, const Caller& c, const std::string& person_id) {
  auto ends = [&](const char* tail) { return key.ends_with(tail); };
  if (ends("/clocks")) {
    return json{{"rule_id", "reflection_period"},
                {"person_id", person_id},
                {"applicant", "social_welfare_board"},
                {"applied_on", "2026-01-02"}}
        .dump();
  }
  if (ends("/decision")) {
    return json{
        {"outcome", "granted"},
        {"decided_on", "2026-01-05"},
        {"starts_on", "2026-01-05"},
        {"conditions", {"foreign_national_without_residence_permit", "reason_to_believe_victim"}}}
        .dump();
  }
  if (ends("/renewal")) {
    return json{{"decided_on", "2026-06-01"},
                {"ends_on", "2027-01-31"},
                {"applicant", "head_of_preliminary_investigation"},
                {"applied_on", "2026-05-20"},
                {"conditions",
                 {"needed_for_proceedings", "clearly_wants_to_cooperate",
                  "broke_contact_with_suspects", "public_order_and_security_allow"}}}
        .dump();
  }
  if (ends("/revocation")) return json{{"revoked_on", "2026-02-01"}}.dump();
  if (ends("/tasks")) {
    return json{{"title", "Matrisen"}, {"assignee_user_id", c.user_id}, {"due_on", "2026-01-09"}}
        .dump();
  }
  if (ends("/child-track")) {
    return json{{"kind", "report_of_concern"}, {"on", "2026-01-31"}, {"municipality", "0180"}}
        .dump();
  }
  return "";
}

std::string RecordBody(const std::string& key) {
  auto ends = [&](const char* tail) { return key.ends_with(tail); };
  if (ends("/indicators")) {
    return json{
        {"catalog_version", "2026-1"},
        {"assessed_on", "2026-01-02"},
        {"answers", {{{"indicator_id", "recruitment.deceived_about_work"}, {"answer", "no"}}}}}
        .dump();
  }
  if (ends("/assessment")) {
    return json{{"assessed_on", "2026-01-02"},
                {"conclusion", "presumed_victim"},
                {"grounds", "Matrisen: skäl att anta."}}
        .dump();
  }
  if (ends("/safety-plan")) {
    return json{{"who_to_call", {{{"name", "Polisen"}, {"phone", "112"}}}},
                {"made_on", "2026-01-02"}}
        .dump();
  }
  if (ends("/wishes")) {
    return json{{"step", "identification"}, {"wish", "Matrisen."}, {"recorded_on", "2026-01-02"}}
        .dump();
  }
  if (ends("/conversations")) return json{{"held_on", "2026-01-02"}, {"language", "swe"}}.dump();
  if (ends("/consents")) {
    return json{
        {"purpose", "Matrisen"}, {"taken_on", "2026-01-02"}, {"language", "swe"}, {"given", true}}
        .dump();
  }
  if (ends("/exploitation")) {
    return json{{"forms", {{{"form", "sexual"}}}}, {"places", {{"exploitation_countries", {"SE"}}}}}
        .dump();
  }
  return "";
}

std::string MergeBody(Relation r, Caller& c, const std::string& case_id,
                      const std::string& person_id, std::string& error) {
  json body{{"duplicate_person_id", "mx-no-person"},
            {"expected_version", 1},
            {"duplicate_expected_version", 1}};
  if (r != Relation::kAssigned || !c.session || case_id.empty()) return body.dump();
  auto dup = c.session->Post("/api/v1/cases/" + case_id + "/persons",
                             json{{"role", "presumed_victim"},
                                  {"names", {{{"kind", "name"}, {"latin", "Matris Dubblett"}}}}}
                                 .dump());
  if (dup.status != 201) {
    error = "add a duplicate to merge: " + dup.body;
    return body.dump();
  }
  body["duplicate_person_id"] = dup.Json()["id"];
  auto list = c.session->Get("/api/v1/cases/" + case_id + "/persons");
  const json items = list.Json()["items"];  // a copy: Json() returns a temporary
  for (const auto& item : items) {
    if (item["id"] == person_id) body["expected_version"] = item["version"];
  }
  return body.dump();
}

std::string PersonUpdateBody(Relation r, Caller& c, const std::string& case_id,
                             const std::string& person_id) {
  json body{{"names", {{{"kind", "name"}, {"latin", "Matris Journal"}}}},
            {"languages", {"swe"}},
            {"contact", {{"phones", {"+46 70 000 00 00"}}}},
            {"expected_version", 1}};
  if (r != Relation::kAssigned || !c.session || case_id.empty()) return body.dump();
  const json items = c.session->Get("/api/v1/cases/" + case_id + "/persons").Json()["items"];
  for (const auto& item : items) {
    if (item["id"] == person_id) body["expected_version"] = item["version"];
  }
  return body.dump();
}

}  // namespace opennrm::testing::matrix
