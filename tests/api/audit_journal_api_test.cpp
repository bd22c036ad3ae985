// The audit journal (ADR 14) end to end: a served request's audit events are durable in the
// journal before the request is answered, so a server killed before it sequenced them into the
// log's tables sequences them when it starts again — each once. SQLite only: on PostgreSQL the
// servers append pending events instead (ADR 8).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>

#include "harness.hpp"
#include "session_client.hpp"

namespace opennrm::testing {
namespace {

namespace fs = std::filesystem;

// SELECT count(*) of the log's entries with this action, read beside the running server from the
// audit log's own file (storage/sqlite/audit_file.hpp).
long long LoggedCount(const std::string& db_path, const std::string& action) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM audit_entries WHERE action = ?1", -1, &s, nullptr);
  sqlite3_bind_text(s, 1, action.c_str(), -1, SQLITE_TRANSIENT);
  long long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  sqlite3_close(db);
  return n;
}

// The bytes in the journal's segments beyond their 8-byte headers.
uintmax_t JournalBytes(const std::string& dir) {
  uintmax_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".journal" && e.file_size() > 8) n += e.file_size() - 8;
  }
  return n;
}

TEST(AuditJournal, EventsOfAKilledServerReachTheLogOnceWhenItStartsAgain) {
  if (PostgresBackend()) GTEST_SKIP() << "the audit journal is SQLite's";
  // Nothing is sequenced for ten minutes: every event of this run stays in the journal.
  setenv("OPENNRM_STORAGE_AUDIT_JOURNAL_APPLY_MS", "600000", 1);
  ServerProcess server;
  unsetenv("OPENNRM_STORAGE_AUDIT_JOURNAL_APPLY_MS");
  ASSERT_TRUE(server.Started()) << server.Log();
  SessionClient admin(server.port());
  const std::string password = TestPassword("admin");
  ASSERT_EQ(admin.SignIn("admin", FirstAdminPassword(server), password), "") << server.Log();
  const std::string journal = server.dir() + "/data/audit-journal";
  EXPECT_GT(JournalBytes(journal), 0u) << "the sign-in's events are in the journal";
  EXPECT_EQ(LoggedCount(server.sqlite_audit_path(), "session.login"), 0)
      << "and not yet in the log's tables";
  // Operators see the backlog in /metrics.
  const std::string metrics = admin.Get("/metrics").body;
  const std::string gauge = "\nopennrm_audit_journal_backlog_events ";
  const auto at = metrics.find(gauge);
  ASSERT_NE(at, std::string::npos) << metrics;
  EXPECT_GE(std::stoll(metrics.substr(at + gauge.size())), 3) << metrics;

  EXPECT_EQ(server.Kill(), 128 + 9);

  // Started again with the journal turned off: what the journal holds is still sequenced.
  setenv("OPENNRM_STORAGE_AUDIT_JOURNAL", "false", 1);
  ServerProcess again("", server.dir());
  unsetenv("OPENNRM_STORAGE_AUDIT_JOURNAL");
  ASSERT_TRUE(again.Started()) << again.Log();
  EXPECT_NE(again.Log().find("audit journal recovered"), std::string::npos) << again.Log();
  const long long logins = LoggedCount(server.sqlite_audit_path(), "session.login");
  EXPECT_GE(logins, 1) << "sequenced before the server answered again";
  // The same administrator signs in again (same authenticator) and can read the event.
  SessionClient back(again.port());
  back.set_totp_secret(admin.totp_secret(), admin.last_step());
  ASSERT_EQ(back.SignIn("admin", password, password), "") << again.Log();
  EXPECT_EQ(again.Terminate(), 0);
  // A normal stop sequences everything: the next start has nothing to recover, and the first
  // run's events were applied once (the new sign-in added its own).
  EXPECT_EQ(LoggedCount(server.sqlite_audit_path(), "session.login"), logins + 1);
  ServerProcess third("", server.dir());
  ASSERT_TRUE(third.Started()) << third.Log();
  // One log file for the three runs: only the second run recovered anything.
  const std::string log = third.Log();
  const auto first = log.find("audit journal recovered");
  EXPECT_NE(first, std::string::npos);
  EXPECT_EQ(log.find("audit journal recovered", first + 1), std::string::npos) << log;
  EXPECT_EQ(LoggedCount(server.sqlite_audit_path(), "session.login"), logins + 1);
}

}  // namespace
}  // namespace opennrm::testing
