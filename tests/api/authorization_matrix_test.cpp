// Runs the authorization matrix (authorization_matrix_table.hpp) against the
// real server: every route the server has × every caller × every relation,
// with requests that are well-formed (so a deny is a real deny) and allowed
// requests that succeed (so an allow proves access). One server and one set
// of accounts per suite; on PostgreSQL when OPENNRM_TEST_BACKEND=postgres.
#include <gtest/gtest.h>

#include <ctime>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

#include "authorization_matrix_table.hpp"
#include "matrix_world.hpp"
#include "raw_database.hpp"

namespace opennrm::testing::matrix {
namespace {

using nlohmann::json;

std::string Name(Relation r) {
  switch (r) {
    case Relation::kNone:
      return "no record";
    case Relation::kSelf:
      return "self";
    case Relation::kOwnOrganisation:
      return "own organisation";
    case Relation::kOwnAdmin:
      return "own organisation, administrator";
    case Relation::kOtherOrganisation:
      return "other organisation";
    case Relation::kOtherAdmin:
      return "other organisation, administrator";
    case Relation::kOtherUser:
      return "another user's";
    case Relation::kAssigned:
      return "assigned";
    case Relation::kUnassigned:
      return "unassigned";
    case Relation::kBreakGlass:
      return "break-glass";
    case Relation::kDisclosed:
      return "disclosed";
  }
  return "?";
}

std::set<Relation> RelationsOf(Family f) {
  using R = Relation;
  switch (f) {
    case Family::kNoRecord:
      return {R::kNone};
    case Family::kOrganisation:
    case Family::kUserList:
    case Family::kToken:
      return {R::kOwnOrganisation, R::kOtherOrganisation};
    case Family::kNewUser:
      return {R::kOwnOrganisation, R::kOwnAdmin, R::kOtherOrganisation, R::kOtherAdmin};
    case Family::kUser:
      return {R::kSelf, R::kOwnOrganisation, R::kOwnAdmin, R::kOtherOrganisation, R::kOtherAdmin};
    case Family::kMine:
      return {R::kSelf, R::kOtherUser};
    case Family::kCaseRecord:
      return {R::kAssigned, R::kUnassigned, R::kBreakGlass, R::kDisclosed, R::kOtherOrganisation};
  }
  return {};
}

// The letters of a row, without the spaces and bars that align it.
std::string Letters(const char* expect) {
  std::string out;
  for (const char* p = expect; *p; ++p) {
    if (*p != ' ' && *p != '|') out += *p;
  }
  return out;
}

bool Answers(char expected, int status) {
  switch (expected) {
    case 'A':
      return status >= 200 && status < 300;
    case 'U':
      return status == 401;
    case 'F':
      return status == 403;
    case 'N':
      return status == 404;
    case 'D':
      return status == 403 || status == 404;
  }
  return false;
}

std::string Key(const std::string& method, const std::string& path) { return method + " " + path; }

// The first path segments under /api/v1 that hold no case records. A route
// elsewhere is taken to be about case records (issue 4) and must have their rows.
bool OutsideCaseRecords(const std::string& path) {
  static const std::vector<std::string> kKnown{"geo",   "ref",   "organisations", "session", "me",
                                               "roles", "users", "tokens",        "audit"};
  if (path.rfind("/api/v1/", 0) != 0) return true;
  std::string first = path.substr(8, path.find('/', 8) - 8);
  for (const auto& k : kKnown) {
    if (first == k) return true;
  }
  return false;
}

// A request for one cell, with what to learn from its answer.
struct Prepared {
  std::string method;
  std::string path;
  std::string body;
  std::string error;  // the request could not be made: a failure of the set-up
  std::function<void(const HttpResponse&)> after;
};

class AuthorizationMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>();
    ASSERT_TRUE(server_->Started()) << server_->Log();
    admin_ = std::make_unique<SessionClient>(server_->port());
    std::string password = FirstAdminPassword(*server_);
    ASSERT_FALSE(password.empty()) << server_->Log();
    ASSERT_EQ(admin_->SignIn("admin", password, TestPassword("admin")), "") << server_->Log();
    world_ = std::make_unique<World>();
    built_ = world_->Build(*server_, *admin_);
    ASSERT_EQ(built_, "") << server_->Log();
  }
  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->Terminate(), 0) << server_->Log();
    }
    world_.reset();
    admin_.reset();
    server_.reset();
  }
  void SetUp() override {
    ASSERT_TRUE(server_ && server_->Started());
    ASSERT_EQ(built_, "");
  }

  static Prepared Prepare(const RouteRows& route, Relation relation, Caller& c);
  static void RunCell(const RouteRows& route, const Cells& cells, size_t column, int& checked);

  static std::string OrgTarget(Relation r, const Caller& c) {
    return r == Relation::kOwnOrganisation ? world_->orgs.at(c.org).id : world_->orgs.at("Z").id;
  }
  static std::string UserTarget(Relation r, const Caller& c) {
    const Org& own = world_->orgs.at(c.org);
    const Org& other = world_->orgs.at("M2");
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
  static std::string OrganisationBody(const std::string& id) {
    auto r = admin_->Get("/api/v1/organisations/" + id);
    if (r.status != 200) return "";
    json o = r.Json();
    for (const char* output_only : {"id", "public_authority", "free_places",
                                    "has_protected_address", "created_at", "updated_at"}) {
      o.erase(output_only);
    }
    if (o["occupancy"].is_null()) o.erase("occupancy");
    return o.dump();
  }
  static long long OrganisationVersion(const std::string& id) {
    auto r = admin_->Get("/api/v1/organisations/" + id);
    return r.status == 200 ? r.Json()["version"].get<long long>() : 1;
  }
  static std::string UserVersion(const std::string& id) {
    RawDatabase db(*server_);
    return db.Scalar("SELECT version FROM users WHERE id = " + SqlQuote(id)).value_or("1");
  }

  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::unique_ptr<SessionClient> admin_;
  static inline std::unique_ptr<World> world_;
  static inline std::string built_ = "not built";
};

Prepared AuthorizationMatrix::Prepare(const RouteRows& route, Relation relation, Caller& c) {
  Prepared p{route.method, route.path, "", "", nullptr};
  const std::string key = Key(route.method, route.path);
  auto replace = [&](const std::string& param, const std::string& value) {
    auto at = p.path.find(param);
    if (at != std::string::npos) p.path.replace(at, param.size(), value);
  };
  if (route.path[0] != '/' || route.family == Family::kCaseRecord) {
    p.error = "no request builder for " + key;
  } else if (key == "GET /api/v1/geo/counties/{code}") {
    replace("{code}", "25");
  } else if (key == "GET /api/v1/geo/municipalities/{code}") {
    replace("{code}", "0180");
  } else if (key == "GET /api/v1/organisations/coverage") {
    p.path += "?municipality=0180";
  } else if (key == "GET /api/v1/organisations/{id}") {
    replace("{id}", OrgTarget(relation, c));
  } else if (key == "POST /api/v1/organisations") {
    p.body = json{{"name", "Matrisorganisation " + Unique()},
                  {"kind", "other"},
                  {"coverage", {{"scope", "municipalities"}, {"codes", {"0180"}}}}}
                 .dump();
  } else if (key == "PUT /api/v1/organisations/{id}") {
    std::string id = OrgTarget(relation, c);
    replace("{id}", id);
    p.body = OrganisationBody(id);
  } else if (key == "POST /api/v1/organisations/{id}/deactivate" ||
             key == "POST /api/v1/organisations/{id}/activate") {
    std::string id = OrgTarget(relation, c);
    replace("{id}", id);
    p.body = json{{"version", OrganisationVersion(id)}}.dump();
  } else if (key == "POST /api/v1/session") {
    p.body =
        json{{"username", world_->probe_username}, {"password", world_->probe_password}}.dump();
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
      SessionClient other(server_->port());
      auto r = other.Login(c.username, c.password);
      if (r.status != 200) p.error = "second session: " + r.body;
      replace("{id}", world_->NewestSessionId(c.user_id));
    } else {
      replace("{id}", world_->other_user_session_id);
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
    replace("{id}",
            relation == Relation::kSelf ? c.notification_id : world_->other_user_notification_id);
  } else if (key == "GET /api/v1/users") {
    bool own = relation == Relation::kOwnOrganisation;
    p.path += "?organisation_id=" + world_->orgs.at(own ? c.org : "M2").id;
  } else if (key == "GET /api/v1/audit/events") {
    bool own = relation == Relation::kOwnOrganisation;
    p.path += "?organisation_id=" + world_->orgs.at(own ? c.org : "M2").id;
  } else if (key == "GET /api/v1/audit/proofs/inclusion") {
    p.path += "?seq=0";  // in the tree of the latest checkpoint
  } else if (key == "GET /api/v1/audit/proofs/consistency") {
    p.path += "?from=1";  // to the latest checkpoint
  } else if (key == "POST /api/v1/users") {
    bool own = relation == Relation::kOwnOrganisation || relation == Relation::kOwnAdmin;
    bool administrator = relation == Relation::kOwnAdmin || relation == Relation::kOtherAdmin;
    const Org& org = world_->orgs.at(own ? c.org : "M2");
    p.body = json{{"organisation_id", org.id},
                  {"username", "mx-new-" + Unique()},
                  {"display_name", "Matris ny"},
                  {"roles", {administrator ? "organisation_administrator" : org.plain_role}}}
                 .dump();
  } else if (key == "GET /api/v1/users/{id}" || key == "POST /api/v1/users/{id}/password-reset" ||
             key == "POST /api/v1/users/{id}/totp-reset") {
    replace("{id}", UserTarget(relation, c));
  } else if (key == "PATCH /api/v1/users/{id}") {
    std::string id = UserTarget(relation, c);
    replace("{id}", id);
    p.body = "{\"version\":" + UserVersion(id) + ",\"display_name\":\"Matris " + Unique() + "\"}";
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
    replace("{id}", relation == Relation::kOwnOrganisation ? c.own_token_id
                                                           : world_->orgs.at("M2").token_id);
  }
  if (p.path.find('{') != std::string::npos && p.error.empty()) {
    p.error = "no request builder fills the parameters of " + key;
  }
  return p;
}

void AuthorizationMatrix::RunCell(const RouteRows& route, const Cells& cells, size_t column,
                                  int& checked) {
  char expected = Letters(cells.expect)[column];
  if (expected == '-') return;
  Caller& c = world_->callers[column];
  std::string where = Key(route.method, route.path) + " [" + Name(cells.relation) + "] as " +
                      c.column + (c.role.empty() ? "" : " (" + c.role + ")");
  Prepared p = Prepare(route, cells.relation, c);
  if (!p.error.empty()) {
    ADD_FAILURE() << where << ": " << p.error;
    return;
  }
  HttpResponse r;
  if (c.kind == CallerKind::kAnonymous) {
    r = Request(server_->port(), p.method, p.path, p.body);
  } else if (c.kind == CallerKind::kToken) {
    r = Request(server_->port(), p.method, p.path, p.body, "application/json",
                {{"Authorization", "Bearer " + c.bearer}});
  } else if (route.flags & kFreshSession) {
    std::string error;
    auto fresh = world_->FreshSession(c, error);
    if (!fresh) {
      ADD_FAILURE() << where << ": " << error;
      return;
    }
    r = fresh->Call(p.method, p.path, p.body);
  } else {
    r = c.session->Call(p.method, p.path, p.body);
  }
  ++checked;
  EXPECT_TRUE(Answers(expected, r.status))
      << where << ": expected " << expected << " (A 2xx, U 401, F 403, N 404, D 403/404), got "
      << r.status << " " << r.body.substr(0, 300);
  if (p.after) p.after(r);
  if ((route.flags & kRenewAfter) && c.HasSession()) {
    std::string error = world_->Renew(c);
    EXPECT_EQ(error, "") << "after " << where;
  }
}

TEST_F(AuthorizationMatrix, TableIsWellFormed) {
  std::set<std::string> seen;
  for (const auto& route : Table()) {
    std::string key = Key(route.method, route.path);
    EXPECT_TRUE(seen.insert(key).second) << key << " appears twice";
    std::set<Relation> relations;
    for (const auto& cells : route.cells) {
      EXPECT_TRUE(relations.insert(cells.relation).second)
          << key << " has two rows for " << Name(cells.relation);
      std::string letters = Letters(cells.expect);
      ASSERT_EQ(letters.size(), Columns().size()) << key << " [" << Name(cells.relation) << "]";
      for (size_t i = 0; i < letters.size(); ++i) {
        EXPECT_NE(std::string("AUFND-").find(letters[i]), std::string::npos)
            << key << " column " << Columns()[i];
        // Only nobody and the tokens have no "self"; everyone else has one.
        bool selfless = Columns()[i] == "anon" || Columns()[i] == "tok" || Columns()[i] == "nar";
        EXPECT_EQ(letters[i] == '-', cells.relation == Relation::kSelf && selfless)
            << key << " [" << Name(cells.relation) << "] column " << Columns()[i];
      }
    }
    EXPECT_EQ(relations, RelationsOf(route.family))
        << key << " lacks rows for a relation its kind of record has";
  }
}

TEST_F(AuthorizationMatrix, EveryRouteOfTheServerHasRows) {
  std::string out;
  ASSERT_EQ(RunCli({"routes", "-c", server_->config_path()}, &out), 0) << out;
  std::set<std::string> served;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    auto space = line.find(' ');
    if (space == std::string::npos || line.find(" /") != space) continue;
    std::string method = line.substr(0, space);
    if (method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) continue;
    served.insert(line);
  }
  ASSERT_GT(served.size(), 20u) << out;
  std::map<std::string, const RouteRows*> table;
  for (const auto& route : Table()) table[Key(route.method, route.path)] = &route;
  for (const auto& key : served) {
    auto it = table.find(key);
    std::string path = key.substr(key.find(' ') + 1);
    if (it == table.end()) {
      ADD_FAILURE() << key << " has no rows in the authorization matrix"
                    << (OutsideCaseRecords(path)
                            ? ""
                            : ": it looks like a route about case records, which needs rows for "
                              "assigned, unassigned, break-glass, disclosed and other "
                              "organisation");
      continue;
    }
    if (!OutsideCaseRecords(path)) {
      EXPECT_EQ(it->second->family, Family::kCaseRecord)
          << key
          << " is about case records: give it rows for assigned, unassigned, "
             "break-glass, disclosed and other organisation";
    }
  }
  for (const auto& [key, route] : table) {
    EXPECT_TRUE(served.count(key)) << key << " has rows but the server has no such route";
  }
}

TEST_F(AuthorizationMatrix, EveryCallerGetsTheExpectedAnswerOnEveryRoute) {
  int checked = 0;
  for (bool last : {false, true}) {
    for (const auto& route : Table()) {
      for (const auto& cells : route.cells) {
        if (((cells.flags & kLast) != 0) != last) continue;
        for (size_t column = 0; column < Columns().size(); ++column) {
          RunCell(route, cells, column, checked);
        }
      }
    }
  }
  int cells = 0;
  for (const auto& route : Table()) {
    for (const auto& row : route.cells) {
      for (char l : Letters(row.expect)) cells += l != '-';
    }
  }
  EXPECT_EQ(checked, cells) << "every cell was sent";
  std::cout << "[ matrix   ] " << Table().size() << " routes, " << checked << " cells on "
            << (server_->postgres() ? "PostgreSQL" : "SQLite") << "\n";
}

}  // namespace
}  // namespace opennrm::testing::matrix
