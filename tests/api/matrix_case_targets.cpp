// The records a case-record row of the authorization matrix is sent to: the
// case in the row's relation to the caller, the person, the attachment
// (declared in matrix_case_requests.hpp). Not thread-safe.
#include "matrix_case_requests.hpp"

#include <map>

#include "raw_database.hpp"

namespace opennrm::testing::matrix {

using nlohmann::json;

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

}  // namespace opennrm::testing::matrix

namespace opennrm::testing::matrix {

std::string ConsentFor(World& w, Relation r, Caller& c, const std::string& case_id,
                       std::string& error) {
  if (case_id.empty() || !c.HasSession()) return "mx-no-consent";
  std::string person = PersonTarget(w, r, c, case_id, error);
  const std::string person_sql = person == "mx-no-person" || person.empty()
                                     ? "(SELECT id FROM persons LIMIT 1)"
                                     : SqlQuote(person);
  const std::string id = "mx-consent-" + Unique();
  RawDatabase db(*w.server);
  if (!db.Exec("INSERT INTO consents (id, organisation_id, case_id, person_id,"
               " recipient_organisation_id, purpose, sections, given_on, form, language,"
               " taken_by, created_at_us, version) SELECT " +
               SqlQuote(id) + ", organisation_id, id, " + person_sql + ", " +
               SqlQuote(w.orgs.at("Z").id) +
               ", 'shelter', 'identity', '2026-01-02', 'spoken', 'swe', " + SqlQuote(c.user_id) +
               ", 1780000000000000, 1 FROM cases WHERE id = " + SqlQuote(case_id))) {
    error = "record a consent: " + db.error();
  }
  return id;
}

}  // namespace opennrm::testing::matrix
