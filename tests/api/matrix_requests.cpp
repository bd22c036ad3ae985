#include "matrix_requests.hpp"

#include <ctime>
#include <map>

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

// Case routes: the case that stands in the relation to the caller. Nobody
// and the tokens (nominally of M1) get M1's cases.
std::string CaseTarget(World& w, const RouteRows& route, Relation r, const Caller& c,
                       std::string& error) {
  const Org& own = w.orgs.at(c.org);
  std::string id;
  switch (r) {
    case Relation::kAssigned:
      id = c.assigned_case_id;
      // Closing and reopening: a fresh case of the caller's (closed for a
      // reopen), so that no other row meets a closed case.
      if (std::string(route.path) == "/api/v1/cases/{id}/close" ||
          std::string(route.path) == "/api/v1/cases/{id}/reopen") {
        id = c.user_id.empty() ? "" : w.InsertCase(c.org, c.user_id);
        if (!id.empty() && std::string(route.path) == "/api/v1/cases/{id}/reopen") {
          RawDatabase db(*w.server);
          if (!db.Exec("UPDATE cases SET status = 'closed', closure_reason = 'lost_contact'"
                       " WHERE id = " +
                       SqlQuote(id))) {
            error = "close the case to reopen: " + db.error();
          }
        }
      }
      break;
    case Relation::kUnassigned:
      if (std::string(route.path) == "/api/v1/cases/{id}/break-glass") {
        id = w.InsertCase(c.org, own.plain_id);
      } else {
        id = own.unassigned_case_id;
      }
      break;
    case Relation::kBreakGlass:
      id = c.break_glass_case_id;
      // An opening holds in the session it was made in: open it again in the
      // caller's current one (rows before may have renewed it).
      if (!id.empty() && c.session) {
        auto r = c.session->Post("/api/v1/cases/" + id + "/break-glass",
                                 json{{"reason", "Matrisen: öppnad igen i denna session."}}.dump());
        if (r.status != 200) error = "break-glass again: " + r.body;
      }
      break;
    case Relation::kOtherOrganisation:
      id = w.orgs.at("M2").unassigned_case_id;
      break;
    default:
      break;
  }
  if (id.empty()) error = "no case stands in this relation to " + c.column;
  return id;
}

// Record routes about a person ({person_id}): a Swedish-speaking person the
// caller added to their own case once, linked into the other case of their
// organisation they stand in a relation to (break-glass reads it). Callers
// without a case of their own are refused before the person matters.
std::string PersonTarget(World& w, Relation r, Caller& c, const std::string& case_id,
                         std::string& error) {
  static std::map<std::string, std::string> made;  // caller column -> person id
  if (r == Relation::kOtherOrganisation || c.assigned_case_id.empty() || !c.session) {
    return "mx-no-person";
  }
  std::string& id = made[c.column];
  if (id.empty()) {
    auto added = c.session->Post("/api/v1/cases/" + c.assigned_case_id + "/persons",
                                 json{{"role", "presumed_victim"},
                                      {"names", {{{"kind", "name"}, {"latin", "Matris Journal"}}}},
                                      {"languages", {"swe"}}}
                                     .dump());
    if (added.status != 201) {
      error = "add a person for record routes: " + added.body;
      return "";
    }
    id = added.Json()["id"];
  }
  if (case_id != c.assigned_case_id && !case_id.empty()) {
    RawDatabase db(*w.server);
    if (!db.Exec("INSERT INTO case_persons (case_id, person_id, role, added_by, added_at_us)"
                 " VALUES (" +
                 SqlQuote(case_id) + ", " + SqlQuote(id) + ", 'presumed_victim', " +
                 SqlQuote(c.user_id) + ", 0) ON CONFLICT DO NOTHING")) {
      error = "link the person: " + db.error();
    }
  }
  return id;
}

// Clocks, tasks and the child track (the team's saves succeed): on the
// caller's assigned case the record a route needs is made first through the
// API — a child (claimed minor) for the child track, an applied or running
// clock, an open task; every other relation is refused on the case itself
// before the record is looked up.
struct ClockWorld {
  std::string person_id, clock_id, task_id;
};
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

// Valid bodies of the clock, task and child-track routes.
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

// Valid bodies of the record routes (the team's saves succeed).
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

// Notes and attachments: an attachment the request can fetch. On the
// caller's own assigned case the caller uploads it; for break-glass, the
// caller makes a case, uploads, hands the case to a colleague, leaves the
// team and opens it by break-glass (`case_id` becomes that case). Other
// relations are refused on the case itself, before any attachment is looked up.
std::string AttachmentFor(World& w, Relation r, Caller& c, std::string& case_id,
                          std::string& error) {
  if ((r != Relation::kAssigned && r != Relation::kBreakGlass) || !c.session) {
    return "mx-attachment";
  }
  auto upload = [&](const std::string& id) -> std::string {
    auto up = c.session->Call("POST", "/api/v1/cases/" + id + "/attachments",
                              "Matrisen: en bilaga i klartext.\n",
                              {{"X-Attachment-Name", "matris.txt"}}, "text/plain");
    if (up.status != 201) error = "upload: " + up.body;
    return up.status == 201 ? up.Json()["id"].get<std::string>() : "";
  };
  if (r == Relation::kAssigned) return upload(case_id);
  auto made = c.session->Post("/api/v1/cases", json{{"type", "human_exploitation"}}.dump());
  if (made.status != 201) {
    error = "create a case: " + made.body;
    return "";
  }
  case_id = made.Json()["id"];
  std::string attachment = upload(case_id);
  const std::string colleague = w.orgs.at(c.org).plain_id;
  auto steps = {
      c.session->Post("/api/v1/cases/" + case_id + "/team", json{{"user_id", colleague}}.dump()),
      c.session->Delete("/api/v1/cases/" + case_id + "/team/" + c.user_id),
      c.session->Post(
          "/api/v1/cases/" + case_id + "/break-glass",
          json{{"reason", "Matrisen: bilagan behövs i kväll, teamet nås inte."}}.dump())};
  for (const auto& step : steps) {
    if (step.status >= 300) error = "hand over and break the glass: " + step.body;
  }
  return attachment;
}

// Merging persons: on the caller's assigned case a fresh duplicate of the
// caller's person is added first, and both versions are read; elsewhere the
// case refuses before the persons matter.
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

// Correcting a person: the record routes' person as PersonTarget made it
// (still Swedish-speaking, for the rows after this one) with a phone number
// added, at the version read on the assigned case; elsewhere the case
// refuses before the version matters.
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

}  // namespace

Prepared Prepare(World& w, const RouteRows& route, Relation relation, Caller& c) {
  Prepared p{route.method, route.path, "", "", nullptr};
  const std::string key = std::string(route.method) + " " + route.path;
  auto replace = [&](const std::string& param, const std::string& value) {
    auto at = p.path.find(param);
    if (at != std::string::npos) p.path.replace(at, param.size(), value);
  };
  if (route.path[0] != '/') {
    p.error = "no request builder for " + key;
  } else if (route.family == Family::kCaseRecord) {
    std::string id = CaseTarget(w, route, relation, c, p.error);
    if (key == "GET /api/v1/cases/{id}/attachments/{attachment_id}" && p.error.empty()) {
      replace("{attachment_id}", AttachmentFor(w, relation, c, id, p.error));
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
    } else if (key == "GET /api/v1/cases/{id}/export") {
      p.path += "?format=json";
    }
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
