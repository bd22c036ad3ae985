// The canary (issue 3, item 6). Known markers written into every secret or
// encrypted field type — passwords (also a wrong one), one-time passwords,
// TOTP secrets (enrolled and pending), recovery codes, the session token, the
// CSRF token, API token secrets, an organisation's protected address and a
// break-glass reason (in its case and in the administrators' notifications),
// every identity and contact field of a person in a case, and the sealed
// records of a case (a safety plan's risk, a wish), a note, an attachment's
// name and content, and what referrals seal (canary_referrals.hpp: a
// consent's note and revocation reason, a justification, a reason for
// declining, and a package's contents) —
// reach none of the places someone could copy: the database files (SQLite's
// file, -wal and -shm; on PostgreSQL the cluster directory that
// OPENNRM_TEST_PG_DIR names), a backup (`opennrm backup`; pg_dump on
// PostgreSQL) and the server's log, neither in the clear nor in a plain
// encoding. Values stored in the clear (names) must be found in the same
// bytes, which proves the search reads what was written. And a sealed value
// moved to another record does not open there.
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <random>
#include <sstream>
#include <thread>

#include "byte_search.hpp"
#include "canary_referrals.hpp"
#include "harness.hpp"
#include "raw_database.hpp"
#include "session_client.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

std::string Tag() {
  static std::mt19937_64 random{std::random_device{}()};
  std::ostringstream s;
  s << std::hex << random();
  return s.str();
}

std::string InAWeek() {
  std::time_t t = std::time(nullptr) + 7 * 24 * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// The cluster directory on PostgreSQL; "" on SQLite. Fails (never skips)
// when PostgreSQL is asked for and the directory is not named.
std::string ClusterDir() {
  if (!PostgresBackend()) return "";
  const char* dir = std::getenv("OPENNRM_TEST_PG_DIR");
  return dir ? dir : "";
}

// A session's secrets: its token (the cookie's value), CSRF token, TOTP
// secret and recovery codes.
void AddSessionSecrets(MarkerSearch& search, const SessionClient& c, const std::string& who) {
  const std::string& cookie = c.cookie();
  search.Add("session token (" + who + ")", cookie.substr(cookie.find('=') + 1));
  search.Add("CSRF token (" + who + ")", c.csrf());
  search.Add("TOTP secret (" + who + ")", c.totp_secret());
  for (const auto& code : c.recovery_codes()) search.Add("recovery code (" + who + ")", code);
}

std::string Describe(const std::map<std::string, std::set<std::string>>& found) {
  std::string out;
  for (const auto& [label, files] : found) {
    out += "\n  " + label + " in";
    for (const auto& f : files) out += " " + f;
  }
  return out;
}

// A backup of the server's database: the shipped command on SQLite, pg_dump on PostgreSQL.
std::string Backup(const ServerProcess& server, std::string& output) {
  std::string file = server.dir() + "/canary-backup";
  if (!server.postgres()) {
    if (RunCli({"backup", "-c", server.config_path(), "--to", file}, &output) != 0) return "";
    return file;
  }
  const char* bindir = std::getenv("PG_BINDIR");
  std::string pg_dump = std::string(bindir ? bindir : "/usr/lib/postgresql/15/bin") + "/pg_dump";
  std::string command =
      "'" + pg_dump + "' --no-password -d \"" + server.postgres_url() + "\" -f '" + file + "' 2>&1";
  if (std::system(command.c_str()) != 0) {
    output = "pg_dump failed: " + command;
    return "";
  }
  return file;
}

TEST(Canary, NoSecretReachesTheDatabaseFilesABackupOrTheLog) {
  std::string cluster = ClusterDir();
  if (PostgresBackend()) {
    ASSERT_FALSE(cluster.empty()) << "OPENNRM_TEST_PG_DIR must name the PostgreSQL cluster's "
                                     "directory (scripts/run-tests sets it)";
  }
  ServerProcess server;
  ASSERT_TRUE(server.Started()) << server.Log();
  const std::string tag = Tag();
  MarkerSearch secrets;  // must be found nowhere
  MarkerSearch visible;  // stored in the clear: must be found in the database and the backup

  SessionClient admin(server.port());
  std::string admin_password = "Kanariefågel administratör " + tag;
  ASSERT_EQ(admin.SignIn("admin", FirstAdminPassword(server), admin_password), "") << server.Log();
  secrets.Add("password (first administrator)", admin_password);
  AddSessionSecrets(secrets, admin, "first administrator");

  // A shelter's protected address, when created and when changed; never returned.
  std::string name = "Kanarieboendet " + tag;
  std::string address = "Kanarievägen " + tag + " 1, 981 31 Kiruna";
  std::string moved = "Kanariestigen " + tag + " 2, 981 32 Kiruna";
  visible.Add("organisation name", name);
  secrets.Add("protected address (created)", address);
  secrets.Add("protected address (updated)", moved);
  json shelter{{"name", name},
               {"kind", "ngo_shelter"},
               {"coverage", {{"scope", "counties"}, {"codes", {"25"}}}},
               {"protected_address", address}};
  auto created = admin.Post("/api/v1/organisations", shelter.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(created.Json()["has_protected_address"].get<bool>());
  EXPECT_EQ(created.body.find(address), std::string::npos) << "the address is never returned";
  std::string org_id = created.Json()["id"];
  shelter["protected_address"] = moved;
  shelter["version"] = created.Json()["version"];
  auto updated = admin.Put("/api/v1/organisations/" + org_id, shelter.dump());
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.body.find(moved), std::string::npos) << "the address is never returned";

  // An administrator of the shelter: its one-time password, password, TOTP
  // secret, recovery codes (twice), a token, and an enrolment started after a reset.
  std::string person = "Kanarie Synligsson " + tag;
  visible.Add("display name", person);
  std::string username = "kanarie-" + tag;
  auto made = admin.Post("/api/v1/users", json{{"organisation_id", org_id},
                                               {"username", username},
                                               {"display_name", person},
                                               {"roles", {"organisation_administrator"}}}
                                              .dump());
  ASSERT_EQ(made.status, 201) << made.body;
  std::string user_id = made.Json()["user"]["id"];
  std::string otp = made.Json()["one_time_password"];
  secrets.Add("one-time password (new user)", otp);
  SessionClient user(server.port());
  std::string password = "Kanariefågel användare " + tag;
  ASSERT_EQ(user.SignIn(username, otp, password), "");
  secrets.Add("password (user)", password);
  AddSessionSecrets(secrets, user, "user");
  auto codes = user.Post("/api/v1/me/recovery-codes", json{{"code", user.NextTotpCode()}}.dump());
  ASSERT_EQ(codes.status, 200) << codes.body;
  const auto regenerated = codes.Json()["recovery_codes"];  // not a temporary: range-for
  for (const auto& code : regenerated) {
    secrets.Add("recovery code (regenerated)", code.get<std::string>());
  }
  auto token = user.Post(
      "/api/v1/tokens",
      json{{"name", "Kanarie " + tag}, {"actions", {"directory.read"}}, {"expires_at", InAWeek()}}
          .dump());
  ASSERT_EQ(token.status, 201) << token.body;
  std::string secret = token.Json()["token"];
  secrets.Add("API token secret", secret);
  auto used = Request(server.port(), "GET", "/api/v1/organisations?limit=1", "", "application/json",
                      {{"Authorization", "Bearer " + secret}});
  EXPECT_EQ(used.status, 200) << used.body;

  // A TOTP reset by the system administrator, then an enrolment started and
  // not confirmed: the pending secret.
  ASSERT_EQ(admin.Post("/api/v1/users/" + user_id + "/totp-reset").status, 204);
  SessionClient again(server.port());
  ASSERT_EQ(again.Login(username, password).status, 200);
  ASSERT_EQ(again.stage(), "enrol_totp");
  auto pending = again.Post("/api/v1/session/totp-enrolment");
  ASSERT_EQ(pending.status, 200) << pending.body;
  secrets.Add("TOTP secret (pending enrolment)", pending.Json()["secret"].get<std::string>());

  // A break-glass reason: a social worker opens a colleague's case of their
  // own municipality; the reason is sealed there and in the administrator's
  // notification.
  auto municipality =
      admin.Post("/api/v1/organisations",
                 json{{"name", "Kanariekommunens socialtjänst " + tag},
                      {"kind", "municipal_social_services"},
                      {"coverage", {{"scope", "municipalities"}, {"codes", {"2584"}}}}}
                     .dump());
  ASSERT_EQ(municipality.status, 201) << municipality.body;
  std::string municipality_id = municipality.Json()["id"];
  auto make = [&](SessionClient& by, const std::string& who, const std::string& role) {
    auto r = by.Post("/api/v1/users", json{{"organisation_id", municipality_id},
                                           {"username", who + "-" + tag},
                                           {"display_name", "Kanarie " + who},
                                           {"roles", {role}}}
                                          .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    auto c = std::make_unique<SessionClient>(server.port());
    EXPECT_EQ(c->SignIn(who + "-" + tag, r.Json()["one_time_password"], TestPassword(who)), "");
    return c;
  };
  auto municipal_admin = make(admin, "kanarieadmin", "organisation_administrator");
  auto owner = make(*municipal_admin, "kanarieagare", "social_worker");
  auto colleague = make(*municipal_admin, "kanariekollega", "social_worker");
  auto opened = owner->Post("/api/v1/cases", json{{"type", "human_exploitation"}}.dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  std::string reason = "Kanarieskäl " + tag + ": handläggaren är sjuk och personen ringer nu.";
  secrets.Add("break-glass reason", reason);
  auto glass =
      colleague->Post("/api/v1/cases/" + opened.Json()["id"].get<std::string>() + "/break-glass",
                      json{{"reason", reason}}.dump());
  ASSERT_EQ(glass.status, 200) << glass.body;
  // A person in the case: every identity and contact field type holds a marker.
  std::string case_id = opened.Json()["id"];
  std::string latin = "Kanarina Markovna " + tag;
  std::string original = "Канарина Марковна " + tag;
  std::string alias = "Kanarialias" + tag;
  std::string passport = "KP" + tag;
  std::string phone = "+46 70 " + std::to_string(100000 + std::hash<std::string>{}(tag) % 900000);
  std::string email = "kanarie." + tag + "@example.org";
  std::string home = "Kanariegränd " + tag + ", Kiruna";
  std::string contact_note = "Kanarieanteckning " + tag;
  for (const auto& [label, value] :
       std::vector<std::pair<std::string, std::string>>{{"person name (Latin)", latin},
                                                        {"person name (original script)", original},
                                                        {"person alias", alias},
                                                        {"identity document number", passport},
                                                        {"phone", phone},
                                                        {"e-mail", email},
                                                        {"contact address", home},
                                                        {"contact notes", contact_note}}) {
    secrets.Add(label, value);
  }
  auto recorded = owner->Post(
      "/api/v1/cases/" + case_id + "/persons",
      json{{"role", "presumed_victim"},
           {"names",
            {{{"kind", "name"}, {"latin", latin}, {"original", original}},
             {{"kind", "alias"}, {"latin", alias}}}},
           {"date_of_birth", {{"date", "1999-02-03"}}},
           {"documents", {{{"type", "passport"}, {"number", passport}, {"issuing_country", "RO"}}}},
           {"contact",
            {{"phones", {phone}}, {"emails", {email}}, {"address", home}, {"notes", contact_note}}}}
          .dump());
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  auto persons = owner->Get("/api/v1/cases/" + case_id + "/persons");
  ASSERT_EQ(persons.status, 200) << persons.body;
  EXPECT_NE(persons.body.find(original), std::string::npos) << "the team reads the names back";
  // The person's safety plan and a wish: sealed records of the case.
  std::string person_path =
      "/api/v1/cases/" + case_id + "/persons/" + recorded.Json()["id"].get<std::string>();
  std::string risk = "Kanarierisk " + tag + ": rekryteraren vet var hon bor.";
  std::string wish = "Kanarieönskan " + tag + ": bo nära systern.";
  secrets.Add("safety plan risk", risk);
  secrets.Add("wish", wish);
  auto plan = owner->Put(person_path + "/safety-plan",
                         json{{"risks", {{{"description", risk}, {"level", "high"}}}},
                              {"measures", {{{"description", "Skyddat boende."}}}},
                              {"who_to_call", {{{"name", "Polisen"}, {"phone", "112"}}}},
                              {"made_on", "2026-01-02"}}
                             .dump());
  ASSERT_EQ(plan.status, 200) << plan.body;
  auto wished = owner->Post(
      person_path + "/wishes",
      json{{"step", "identification"}, {"wish", wish}, {"recorded_on", "2026-01-02"}}.dump());
  ASSERT_EQ(wished.status, 201) << wished.body;
  auto read_back = owner->Get(person_path + "/safety-plan");
  EXPECT_NE(read_back.body.find(risk), std::string::npos) << "the team reads the plan back";

  // A note and an attachment (its name and its content) in the case: sealed,
  // read back by the team, and exported (the export is a response, never stored).
  std::string note = "Kanarienotering " + tag + ": hon berättade om skulden till rekryteraren.";
  std::string file_name = "Kanariebilaga " + tag + " beslut.txt";
  std::string file_text = "Kanarieinnehåll " + tag + ": socialnämndens beslut om skyddat boende.\n";
  secrets.Add("note text", note);
  secrets.Add("attachment name", file_name);
  secrets.Add("attachment content", file_text);
  auto noted = owner->Post("/api/v1/cases/" + case_id + "/notes", json{{"text", note}}.dump());
  ASSERT_EQ(noted.status, 201) << noted.body;
  std::string encoded_name;
  for (unsigned char ch : file_name) {
    static const char* kHex = "0123456789ABCDEF";
    encoded_name += std::isalnum(ch) ? std::string(1, static_cast<char>(ch))
                                     : std::string{'%', kHex[ch >> 4], kHex[ch & 0xf]};
  }
  auto attached = owner->Call("POST", "/api/v1/cases/" + case_id + "/attachments", file_text,
                              {{"X-Attachment-Name", encoded_name}}, "application/octet-stream");
  ASSERT_EQ(attached.status, 201) << attached.body;
  auto downloaded = owner->Get("/api/v1/cases/" + case_id + "/attachments/" +
                               attached.Json()["id"].get<std::string>());
  EXPECT_EQ(downloaded.body, file_text) << "the team downloads the file back";
  EXPECT_NE(owner->Get("/api/v1/cases/" + case_id + "/notes").body.find(note), std::string::npos)
      << "the team reads the note back";
  auto exported = owner->Get("/api/v1/cases/" + case_id + "/export?format=html");
  ASSERT_EQ(exported.status, 200) << exported.body;

  // Referrals from the case: consent, packages, justification, decline.
  ASSERT_NO_FATAL_FAILURE(AddReferralCanaries(server.port(), admin, *owner, case_id, tag, secrets));

  auto notices = municipal_admin->Get("/api/v1/me/notifications");
  ASSERT_EQ(notices.status, 200) << notices.body;
  EXPECT_NE(notices.body.find("Kanarieskäl " + tag), std::string::npos)
      << "the administrator reads the reason in the notification: " << notices.body;

  // A wrong password is logged without the password.
  std::string wrong = "Kanariefel " + tag;
  secrets.Add("wrong password", wrong);
  auto refused = Request(server.port(), "POST", "/api/v1/session",
                         json{{"username", username}, {"password", wrong}}.dump());
  EXPECT_EQ(refused.status, 401) << refused.body;
  auto reset = admin.Post("/api/v1/users/" + user_id + "/password-reset");
  ASSERT_EQ(reset.status, 200) << reset.body;
  secrets.Add("one-time password (reset)", reset.Json()["one_time_password"].get<std::string>());
  ASSERT_GT(secrets.forms(), 300u);

  std::string output;
  std::string backup = Backup(server, output);
  ASSERT_FALSE(backup.empty()) << output;
  std::this_thread::sleep_for(1500ms);  // let the audit log sequence and sign

  // Everything the server wrote (its directory: database files, log, keys,
  // checkpoints, the backup) and, on PostgreSQL, the whole cluster directory.
  std::vector<std::string> everything{server.dir()};
  std::string database = server.dir() + "/data";
  if (server.postgres()) {
    everything.push_back(cluster);
    database = cluster;
  }
  auto search = [&](const std::string& when) {
    if (server.postgres()) {
      RawDatabase db(server);
      ASSERT_TRUE(db.Exec("CHECKPOINT")) << db.error();  // table pages to their files
    }
    auto found = secrets.FindInFiles(everything);
    EXPECT_TRUE(found.empty()) << "secrets found " << when << ":" << Describe(found);
    auto shown = visible.FindInFiles({database});
    EXPECT_EQ(shown.size(), 2u) << "names stored in the clear should be found " << when << " in "
                                << database << ":" << Describe(shown);
  };
  search("while the server runs");
  auto in_backup = visible.FindInFiles({backup});
  EXPECT_EQ(in_backup.size(), 2u) << "the backup should hold the names:" << Describe(in_backup);
  ASSERT_EQ(server.Terminate(), 0) << server.Log();
  search("after the server stopped");
}

// The sealed TOTP secrets of two accounts of one organisation (one data key)
// swapped in the database: neither opens at the other's record, so neither
// account's code nor the other's is accepted; swapped back, they work again.
TEST(Canary, ASealedValueMovedToAnotherRecordDoesNotOpen) {
  auto server = std::make_unique<ServerProcess>();
  ASSERT_TRUE(server->Started()) << server->Log();
  SessionClient admin(server->port());
  ASSERT_EQ(admin.SignIn("admin", FirstAdminPassword(*server), TestPassword("admin")), "");
  auto org = admin.Post("/api/v1/organisations",
                        json{{"name", "Bytesorganisation " + Tag()},
                             {"kind", "other"},
                             {"coverage", {{"scope", "municipalities"}, {"codes", {"0180"}}}}}
                            .dump());
  ASSERT_EQ(org.status, 201) << org.body;
  struct Account {
    std::string name, password, id, sealed;
    std::unique_ptr<SessionClient> client;
  };
  std::vector<Account> accounts(2);
  for (size_t i = 0; i < accounts.size(); ++i) {
    Account& a = accounts[i];
    a.name = "byte-" + std::to_string(i) + "-" + Tag();
    auto made = admin.Post("/api/v1/users", json{{"organisation_id", org.Json()["id"]},
                                                 {"username", a.name},
                                                 {"display_name", "Byte " + std::to_string(i)},
                                                 {"roles", {"organisation_administrator"}}}
                                                .dump());
    ASSERT_EQ(made.status, 201) << made.body;
    a.id = made.Json()["user"]["id"];
    a.password = TestPassword(a.name);
    a.client = std::make_unique<SessionClient>(server->port());
    ASSERT_EQ(a.client->SignIn(a.name, made.Json()["one_time_password"], a.password), "");
  }
  std::string dir = server->dir();
  ASSERT_EQ(server->Terminate(), 0) << server->Log();
  auto set_sealed = [&](const ServerProcess& on, const std::string& id, const std::string& value) {
    RawDatabase db(on);
    ASSERT_TRUE(db.Exec("UPDATE users SET totp_secret_sealed = " + SqlQuote(value) +
                        " WHERE id = " + SqlQuote(id)))
        << db.error();
  };
  {
    RawDatabase db(*server);
    ASSERT_TRUE(db.ok()) << db.error();
    for (auto& a : accounts) {
      a.sealed = db.Scalar("SELECT totp_secret_sealed FROM users WHERE id = " + SqlQuote(a.id))
                     .value_or("");
      ASSERT_FALSE(a.sealed.empty()) << db.error();
    }
    ASSERT_NE(accounts[0].sealed, accounts[1].sealed);
  }
  set_sealed(*server, accounts[0].id, accounts[1].sealed);
  set_sealed(*server, accounts[1].id, accounts[0].sealed);

  // The stopped server owns the directory (it removes it when destroyed): kept until the end.
  auto stopped = std::move(server);
  server = std::make_unique<ServerProcess>("", dir);
  ASSERT_TRUE(server->Started()) << server->Log();
  // A session waiting for the TOTP code of account `i`, whose authenticator it keeps.
  auto waiting = [&](size_t i) {
    auto c = std::make_unique<SessionClient>(server->port());
    EXPECT_EQ(c->Login(accounts[i].name, accounts[i].password).status, 200);
    EXPECT_EQ(c->stage(), "totp");
    c->set_totp_secret(accounts[i].client->totp_secret(), accounts[i].client->last_step());
    return c;
  };
  for (size_t i = 0; i < accounts.size(); ++i) {
    auto own = waiting(i);
    Account& other = accounts[1 - i];
    auto with_own = own->Post("/api/v1/session/totp", json{{"code", own->NextTotpCode()}}.dump());
    EXPECT_NE(with_own.status, 200) << "account " << i << " signed in with a secret sealed for "
                                    << "another record: " << with_own.body;
    SessionClient other_device(server->port());
    other_device.set_totp_secret(other.client->totp_secret(), other.client->last_step());
    auto with_other =
        own->Post("/api/v1/session/totp", json{{"code", other_device.NextTotpCode()}}.dump());
    EXPECT_NE(with_other.status, 200)
        << "the other account's secret opened at account " << i << ": " << with_other.body;
  }
  EXPECT_EQ(server->Log().find(accounts[0].client->totp_secret()), std::string::npos);

  // Put back, they open again (with the codes refused above, which were not
  // used up): what failed was the move.
  set_sealed(*server, accounts[0].id, accounts[0].sealed);
  set_sealed(*server, accounts[1].id, accounts[1].sealed);
  for (size_t i = 0; i < accounts.size(); ++i) {
    auto own = waiting(i);
    auto r = own->Post("/api/v1/session/totp", json{{"code", own->NextTotpCode()}}.dump());
    EXPECT_EQ(r.status, 200) << "account " << i << " after the swap back: " << r.body;
  }
  EXPECT_EQ(server->Terminate(), 0) << server->Log();
}

}  // namespace
}  // namespace opennrm::testing
