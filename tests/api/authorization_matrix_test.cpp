// Runs the authorization matrix (authorization_matrix_table.hpp) against the
// real server: every route the server has × every caller × every relation,
// with requests that are well-formed (so a deny is a real deny) and allowed
// requests that succeed (so an allow proves access). One server and one set
// of accounts per suite; on PostgreSQL when OPENNRM_TEST_BACKEND=postgres.
#include <gtest/gtest.h>

#include <iostream>
#include <set>
#include <sstream>

#include "authorization_matrix_table.hpp"
#include "matrix_requests.hpp"
#include "matrix_world.hpp"

namespace opennrm::testing::matrix {
namespace {

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
      // kDisclosed joins when referrals make disclosures.
      return {R::kAssigned, R::kUnassigned, R::kBreakGlass, R::kOtherOrganisation};
    case Family::kCaseCollection:
      return {R::kNone};
    case Family::kReferral:
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
    case 'S':  // allowed; the account's state decides between success and 409
      return (status >= 200 && status < 300) || status == 409;
  }
  return false;
}

std::string Key(const std::string& method, const std::string& path) { return method + " " + path; }

// The first path segments under /api/v1 that hold no case records. A route
// elsewhere is taken to be about case records (issue 4) and must have their rows.
bool OutsideCaseRecords(const std::string& path) {
  static const std::vector<std::string> kKnown{
      "geo",           "ref", "organisations", "session", "me", "roles", "users", "tokens", "audit",
      "indicators",     // the indicator checklist: reference data
      "clock-rules",    // the clock rules in force: reference data
      "offences",       // the offences in force: reference data
      "consultations",  // the hotline's own records (organisation rows), not cases
      "hotline",        // the hotline's operators, routing and setup
      "admin",          // the product's administration (reloading the routing rules)
      "knowledge",      // the operators' knowledge base: articles, no personal data
      "public",         // the public call-back form: lands in the hotline's queue
      "statistics",     // aggregates only: published tables, crime figures, own figures
  };
  if (path.rfind("/api/v1/", 0) != 0) return true;
  std::string first = path.substr(8, path.find('/', 8) - 8);
  for (const auto& k : kKnown) {
    if (first == k) return true;
  }
  return false;
}

class AuthorizationMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Every caller comes from 127.0.0.1: the call-back form's per-address limit must let them all
    // in.
    server_ = std::make_unique<ServerProcess>("[hotline]\ncallback_per_address_per_hour = 1000\n");
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

  static void RunCell(const RouteRows& route, const Cells& cells, size_t column, int& checked);

  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::unique_ptr<SessionClient> admin_;
  static inline std::unique_ptr<World> world_;
  static inline std::string built_ = "not built";
};

void AuthorizationMatrix::RunCell(const RouteRows& route, const Cells& cells, size_t column,
                                  int& checked) {
  char expected = Letters(cells.expect)[column];
  if (expected == '-') return;
  Caller& c = world_->callers[column];
  std::string where = Key(route.method, route.path) + " [" + Name(cells.relation) + "] as " +
                      c.column + (c.role.empty() ? "" : " (" + c.role + ")");
  Prepared p = Prepare(*world_, route, cells.relation, c);
  if (!p.error.empty()) {
    ADD_FAILURE() << where << ": " << p.error;
    return;
  }
  HttpResponse r;
  if (c.kind == CallerKind::kAnonymous) {
    r = Request(server_->port(), p.method, p.path, p.body, "application/json", p.headers);
  } else if (c.kind == CallerKind::kToken) {
    auto headers = p.headers;
    headers.emplace_back("Authorization", "Bearer " + c.bearer);
    r = Request(server_->port(), p.method, p.path, p.body, "application/json", headers);
  } else if (route.flags & kFreshSession) {
    std::string error;
    auto fresh = world_->FreshSession(c, error);
    if (!fresh) {
      ADD_FAILURE() << where << ": " << error;
      return;
    }
    r = fresh->Call(p.method, p.path, p.body, p.headers);
  } else {
    r = c.session->Call(p.method, p.path, p.body, p.headers);
  }
  ++checked;
  EXPECT_TRUE(Answers(expected, r.status))
      << where << ": expected " << expected
      << " (A 2xx, U 401, F 403, N 404, D 403/404, S 2xx/409), got " << r.status << " "
      << r.body.substr(0, 300);
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
        EXPECT_NE(std::string("AUFNDS-").find(letters[i]), std::string::npos)
            << key << " column " << Columns()[i];
        // Only nobody and the tokens have no "self"; everyone else has one.
        // Relations to one's own organisation's cases are held only by some.
        bool selfless = Columns()[i] == "anon" || Columns()[i] == "tok" || Columns()[i] == "nar";
        bool own_case = cells.relation == Relation::kAssigned ||
                        cells.relation == Relation::kUnassigned ||
                        cells.relation == Relation::kBreakGlass;
        if (!own_case) {
          EXPECT_EQ(letters[i] == '-', cells.relation == Relation::kSelf && selfless)
              << key << " [" << Name(cells.relation) << "] column " << Columns()[i];
        }
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
      bool one_record = path.find('{') != std::string::npos;
      const Family family = it->second->family;
      EXPECT_TRUE(one_record ? family == Family::kCaseRecord || family == Family::kReferral
                             : family == Family::kCaseCollection)
          << key
          << " is about case records: give it rows for assigned, unassigned, "
             "break-glass and other organisation";
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
