// Consultation requests of the authorization matrix (matrix_hotline_requests.hpp).
// Not thread-safe.
#include "matrix_hotline_requests.hpp"

#include <set>

#include "matrix_case_requests.hpp"
#include "raw_database.hpp"

namespace opennrm::testing::matrix {

using nlohmann::json;

namespace {

constexpr const char* kBase = "/api/v1/consultations";

json NewConsultation() {
  return json{{"topic", "other"},
              {"caller", {{"organisation_name", "Matrisens uppringare"}}},
              {"situation", "Matrisfall."}};
}

// A consultation of `c`'s own made through the API as `c` (a hotline
// operator), closed first when `closed`; its id and version, or "" with
// `error` set.
std::string MadeThroughApi(Caller& c, bool closed, long long& version, std::string& error) {
  auto r = c.session->Post(kBase, NewConsultation().dump());
  if (r.status != 201) {
    error = "create a consultation as " + c.column + ": " + r.body;
    return "";
  }
  std::string id = r.Json()["id"];
  version = 1;
  if (closed) {
    auto done =
        c.session->Post(std::string(kBase) + "/" + id + "/close", json{{"version", 1}}.dump());
    if (done.status != 200) {
      error = "close a consultation as " + c.column + ": " + done.body;
      return "";
    }
    version = 2;
  }
  return id;
}

// A consultation of organisation `org_id` written straight to the database:
// for callers who may not open it (its body is never read).
std::string Inserted(World& w, const std::string& org_id, bool closed, std::string& error) {
  RawDatabase db(*w.server);
  std::string id = "mx-kon-" + Unique();
  std::string values = SqlQuote(id) + ", " + SqlQuote("KON-MX-" + Unique()) + ", " +
                       SqlQuote(org_id) +
                       ", 'phone', 1780000000000000, 'swe', 'other', 'unknown', 'unknown', "
                       "'unknown', 'normal', 'none', 'AAAA', " +
                       SqlQuote(closed ? "closed" : "new") +
                       ", 1780000000000000, 1780000000000000, 1780000000000000, 1";
  if (!db.Exec("INSERT INTO consultations (id, code, organisation_id, channel, received_at_us,"
               " language, topic, age_group, gender, citizenship, urgency, identity_basis,"
               " body_sealed, status, respond_by_us, created_at_us, updated_at_us, version)"
               " VALUES (" +
               values + ")")) {
    error = "insert a consultation of " + org_id;
    return "";
  }
  return id;
}

bool IsOperator(const Caller& c) {
  return c.kind == CallerKind::kUser && c.role == "hotline_operator";
}

}  // namespace

bool IsConsultationRoute(const std::string& key) {
  static const std::set<std::string> kKeys{
      "POST /api/v1/consultations",
      "GET /api/v1/consultations",
      "GET /api/v1/hotline/operators",
      "GET /api/v1/consultations/{id}",
      "PUT /api/v1/consultations/{id}",
      "POST /api/v1/consultations/{id}/assign",
      "POST /api/v1/consultations/{id}/close",
      "POST /api/v1/consultations/{id}/reopen",
      "POST /api/v1/consultations/{id}/follow-ups",
      "POST /api/v1/consultations/{id}/follow-ups/{follow_up_id}/done",
      "POST /api/v1/consultations/{id}/danger-steps",
  };
  return kKeys.count(key) > 0;
}

void PrepareConsultation(World& w, const RouteRows& route, Relation relation, Caller& c,
                         Prepared& p) {
  const std::string key = std::string(route.method) + " " + route.path;
  if (relation == Relation::kNone) {
    if (key == "POST /api/v1/consultations") p.body = NewConsultation().dump();
    return;
  }
  const bool reopen = key.ends_with("/reopen");
  long long version = 1;
  std::string id;
  if (relation == Relation::kOwnOrganisation && IsOperator(c)) {
    id = MadeThroughApi(c, reopen, version, p.error);
  } else {
    // The caller's own organisation (nobody and the tokens: M1's), or Z's.
    const std::string& org =
        w.orgs.at(relation == Relation::kOwnOrganisation ? c.org : std::string("Z")).id;
    id = Inserted(w, org, reopen, p.error);
  }
  if (!p.error.empty()) return;
  FillParameter(p, "{id}", id);
  if (key.ends_with("/done")) {
    std::string follow_up = "mx-no-follow-up";
    if (relation == Relation::kOwnOrganisation && IsOperator(c)) {
      auto r = c.session->Post(std::string(kBase) + "/" + id + "/follow-ups",
                               json{{"text", "Matrisuppföljning"}}.dump());
      if (r.status != 201) {
        p.error = "add a follow-up as " + c.column + ": " + r.body;
        return;
      }
      follow_up = r.Json()["id"];
    }
    FillParameter(p, "{follow_up_id}", follow_up);
    p.body = "{}";
  } else if (key == "PUT /api/v1/consultations/{id}") {
    json body = NewConsultation();
    body["version"] = version;
    p.body = body.dump();
  } else if (key.ends_with("/assign")) {
    p.body =
        json{{"version", version}, {"user_id", c.user_id.empty() ? "nobody" : c.user_id}}.dump();
  } else if (key.ends_with("/close") || reopen) {
    p.body = json{{"version", version}}.dump();
  } else if (key.ends_with("/follow-ups")) {
    p.body = json{{"text", "Matrisuppföljning"}}.dump();
  } else if (key.ends_with("/danger-steps")) {
    p.body = json{{"step", "called_112"}}.dump();
  }
}

}  // namespace opennrm::testing::matrix
