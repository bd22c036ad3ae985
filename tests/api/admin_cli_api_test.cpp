// `opennrm admin create-token` against a running server: the token printed
// on stdout works as a Bearer token within its actions only, its creation is
// audited, and bad input exits non-zero with a clear message and creates
// nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "harness.hpp"
#include "raw_database.hpp"
#include "session_client.hpp"

namespace opennrm::testing {
namespace {

struct CliRun {
  int rc = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the binary keeping stdout and stderr apart (RunCli merges them).
CliRun RunSplit(const std::vector<std::string>& args) {
  std::string dir = TempDir("opennrm-cli");
  std::string cmd = "'" + Binary() + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " > '" + dir + "/out' 2> '" + dir + "/err'";
  int rc = std::system(cmd.c_str());
  CliRun r;
  r.rc = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadAll(dir + "/out");
  r.err = ReadAll(dir + "/err");
  std::filesystem::remove_all(dir);
  return r;
}

class AdminCliTokens : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>();
    ASSERT_TRUE(server_->Started()) << server_->Log();
    db_ = std::make_unique<RawDatabase>(*server_);
    ASSERT_TRUE(db_->ok()) << db_->error();
    // The first administrator sits in the national unit's organisation.
    auto org = db_->Scalar("SELECT organisation_id FROM users WHERE username = 'admin'");
    ASSERT_TRUE(org.has_value()) << db_->error();
    org_ = *org;
    for (auto [name, role] : {std::pair{"cli-orgadmin", "organisation_administrator"},
                              std::pair{"cli-statistician", "statistician"},
                              std::pair{"cli-disabled", "organisation_administrator"}}) {
      std::string out;
      ASSERT_EQ(RunCli({"admin", "create-user", "-c", server_->config_path(), "--organisation",
                        org_, "--username", name, "--name", "CLI test user", "--role", role},
                       &out),
                0)
          << out;
    }
    std::string out;
    ASSERT_EQ(RunCli({"admin", "disable-user", "-c", server_->config_path(), "cli-disabled"}, &out),
              0)
        << out;
  }
  static void TearDownTestSuite() {
    db_.reset();
    if (server_) {
      EXPECT_EQ(server_->Terminate(), 0) << server_->Log();
    }
    server_.reset();
  }

  static CliRun CreateToken(const std::string& user, const std::string& name,
                            const std::string& actions, const std::string& days = "") {
    std::vector<std::string> args{"admin",     "create-token", "-c",     server_->config_path(),
                                  "--user",    user,           "--name", name,
                                  "--actions", actions};
    if (!days.empty()) {
      args.push_back("--expires-days");
      args.push_back(days);
    }
    return RunSplit(args);
  }
  static HttpResponse GetWith(const std::string& token, const std::string& path) {
    return Request(server_->port(), "GET", path, "", "application/json",
                   {{"Authorization", "Bearer " + token}});
  }
  // Events `token.created` in the audit log, sequenced or still pending.
  static long long TokenCreatedEvents() {
    auto n = db_->Scalar(
        "SELECT (SELECT COUNT(*) FROM audit_pending WHERE body LIKE '%\"token.created\"%') + "
        "(SELECT COUNT(*) FROM audit_entries WHERE action = 'token.created')");
    EXPECT_TRUE(n.has_value()) << db_->error();
    return n ? std::stoll(*n) : -1;
  }
  static long long Tokens() {
    auto n = db_->Scalar("SELECT COUNT(*) FROM api_tokens");
    EXPECT_TRUE(n.has_value()) << db_->error();
    return n ? std::stoll(*n) : -1;
  }

  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::unique_ptr<RawDatabase> db_;
  static inline std::string org_;
};

TEST_F(AdminCliTokens, PrintsOnlyTheTokenWhichWorksWithinItsActionsAndIsAudited) {
  long long events = TokenCreatedEvents();
  CliRun r = CreateToken("cli-orgadmin", "CLI integration", "directory.read, statistics.read", "7");
  ASSERT_EQ(r.rc, 0) << r.out << r.err;
  // Only the token, on its own line: a script captures it with $(...).
  ASSERT_TRUE(std::regex_match(r.out, std::regex("[A-Za-z0-9_-]{40,64}\n"))) << r.out;
  std::string token = r.out.substr(0, r.out.size() - 1);
  EXPECT_EQ(r.err.find(token), std::string::npos) << "the token is printed once, on stdout";
  EXPECT_NE(r.err.find("directory.read,statistics.read"), std::string::npos) << r.err;

  // Allowed: the directory (directory.read).
  auto ok = GetWith(token, "/api/v1/organisations/coverage?municipality=0180");
  EXPECT_EQ(ok.status, 200) << ok.body;
  // Outside its actions: reference data and its organisation's users are 403
  // (the caller may know they exist), never served.
  auto geo = GetWith(token, "/api/v1/geo/municipalities?county=01");
  EXPECT_EQ(geo.status, 403) << geo.body;
  auto users = GetWith(token, "/api/v1/users");
  EXPECT_EQ(users.status, 403) << users.body;
  // Never a way in to the account routes either.
  auto me = GetWith(token, "/api/v1/me/sessions");
  EXPECT_EQ(me.status / 100, 4) << me.body;
  EXPECT_NE(me.status, 200);

  // Stored for the user's organisation, created by that user, as a digest.
  auto row = db_->Query(
      "SELECT t.organisation_id, u.username, t.actions, t.token_hash, t.id FROM api_tokens t "
      "JOIN users u ON u.id = t.created_by WHERE t.name = 'CLI integration'");
  ASSERT_TRUE(row.has_value()) << db_->error();
  ASSERT_EQ(row->size(), 1u);
  EXPECT_EQ((*row)[0][0], org_);
  EXPECT_EQ((*row)[0][1], "cli-orgadmin");
  EXPECT_NE((*row)[0][2].find("statistics.read"), std::string::npos);
  EXPECT_EQ((*row)[0][3].find(token), std::string::npos);
  // Audited like the API's creation, as the command line (request id "cli").
  EXPECT_EQ(TokenCreatedEvents(), events + 1);
  std::string id = (*row)[0][4];
  auto audited = db_->Scalar(
      "SELECT (SELECT COUNT(*) FROM audit_pending WHERE body LIKE " + SqlQuote("%" + id + "%") +
      " AND body LIKE '%\"cli\"%') + (SELECT COUNT(*) FROM audit_entries e JOIN "
      "audit_entry_objects o ON o.seq = e.seq WHERE e.action = 'token.created' AND "
      "e.actor_user_id = '' AND o.object_type = 'api_token' AND o.object_id = " +
      SqlQuote(id) + ")");
  ASSERT_TRUE(audited.has_value()) << db_->error();
  EXPECT_EQ(*audited, "1");
}

TEST_F(AdminCliTokens, BadInputExitsNonZeroWithAClearMessageAndCreatesNothing) {
  struct Case {
    std::string user, name, actions, days, message;
  };
  const std::vector<Case> cases{
      {"nobody-here", "x", "directory.read", "", "There is no such user."},
      {"cli-orgadmin", "x", "directory.read,teleport", "", "--actions \"teleport\""},
      {"cli-orgadmin", "x", "directory.read,teleport", "", "There is no such action."},
      {"cli-orgadmin", "x", "users.manage", "", "API tokens cannot hold this action."},
      {"cli-orgadmin", "x", "record.read", "", "API tokens cannot hold this action."},
      {"cli-disabled", "x", "directory.read", "", "The user is disabled"},
      // A statistician's roles do not allow creating tokens, not even for
      // the action the role itself has.
      {"cli-statistician", "x", "statistics.read", "", "roles do not allow"},
      {"cli-orgadmin", " ", "directory.read", "", "Say what the token is for."},
      {"cli-orgadmin", "x", "directory.read", "0", "--expires-days"},
      {"cli-orgadmin", "x", "directory.read", "400", "--expires-days"},
  };
  long long tokens = Tokens();
  long long events = TokenCreatedEvents();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.user + " " + c.actions + " " + c.days);
    CliRun r = CreateToken(c.user, c.name, c.actions, c.days);
    EXPECT_NE(r.rc, 0);
    EXPECT_EQ(r.out, "") << "nothing on stdout";
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  EXPECT_EQ(Tokens(), tokens);
  EXPECT_EQ(TokenCreatedEvents(), events);
}

}  // namespace
}  // namespace opennrm::testing
