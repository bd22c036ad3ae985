// A backup taken while the server writes restores into a new directory with
// every table equal to the backup.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "harness.hpp"
#include "session_client.hpp"

namespace opennrm::testing {
namespace {

using namespace std::chrono_literals;

// Every row of every table, in a stable order, as text.
std::map<std::string, std::vector<std::string>> Dump(const std::string& path) {
  std::map<std::string, std::vector<std::string>> out;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> tables;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1,
                     &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW)
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  for (const auto& t : tables) {
    sqlite3_prepare_v2(db, ("SELECT * FROM " + t).c_str(), -1, &s, nullptr);
    auto& rows = out[t];
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const unsigned char* v = sqlite3_column_text(s, c);
        row += (v ? reinterpret_cast<const char*>(v) : "<null>") + std::string("|");
      }
      rows.push_back(row);
    }
    sqlite3_finalize(s);
    std::sort(rows.begin(), rows.end());
  }
  sqlite3_close(db);
  return out;
}

TEST(Backup, UnderWriteLoadRestoresIntoANewDirectoryWithEveryTableEqual) {
  ServerProcess server;
  ASSERT_TRUE(server.Started()) << server.Log();
  SessionClient admin(server.port());
  std::string password = TestPassword("admin");
  ASSERT_EQ(admin.SignIn("admin", FirstAdminPassword(server), password), "") << server.Log();
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      std::string body =
          R"({"name":"Lastorganisation )" + std::to_string(i) +
          R"(","kind":"other","coverage":{"scope":"municipalities","codes":["0180"]}})";
      if (admin.Post("/api/v1/organisations", body).status == 201) ++written;
    }
  });
  while (written < 20) std::this_thread::sleep_for(10ms);
  std::string backup = server.dir() + "/backup.db";
  std::string out;
  ASSERT_EQ(RunCli({"backup", "-c", server.config_path(), "--to", backup}, &out), 0) << out;
  int during = written;
  while (written < during + 20) std::this_thread::sleep_for(10ms);
  stop = true;
  writer.join();

  // Restoring over the running server's data directory is refused.
  EXPECT_NE(RunCli({"restore", "-c", server.config_path(), "--from", backup, "--force"}, &out), 0);
  EXPECT_NE(out.find("running server"), std::string::npos) << out;

  std::string target = TempDir("opennrm-restore");
  std::string config = target + "/opennrm.toml";
  std::ofstream(config) << "[storage]\ndata_dir = \"" << target
                        << "/data\"\n[security]\nmaster_key_file = \"" << target
                        << "/keys/master.key\"\n";
  ASSERT_EQ(RunCli({"restore", "-c", config, "--from", backup}, &out), 0) << out;
  auto restored = Dump(target + "/data/opennrm.db");
  auto original = Dump(backup);
  ASSERT_FALSE(original.empty());
  EXPECT_EQ(restored, original);
  // The audit log's own file is backed up and restored beside it (storage/sqlite/audit_file.hpp).
  auto restored_log = Dump(target + "/data/opennrm-audit.db");
  auto original_log = Dump(server.dir() + "/backup-audit.db");
  ASSERT_TRUE(original_log.count("audit_entries"));
  EXPECT_FALSE(original_log.at("audit_entries").empty());
  EXPECT_FALSE(original.count("audit_entries")) << "the log is not in the database's file";
  EXPECT_EQ(restored_log, original_log);
  EXPECT_EQ(original.at("municipalities").size(), 290u);
  EXPECT_GE(original.at("organisations").size(), 331u + 20u);
  // A consistent snapshot: every organisation not national has its coverage rows.
  size_t national = 0;
  for (const auto& row : original.at("organisations"))
    national += row.find("|national|") != std::string::npos;
  EXPECT_EQ(original.at("organisation_coverage").size(),
            original.at("organisations").size() - national);
  // A second restore over an existing database needs --force.
  EXPECT_NE(RunCli({"restore", "-c", config, "--from", backup}, &out), 0);
  EXPECT_NE(out.find("--force"), std::string::npos);
  EXPECT_EQ(server.Terminate(), 0);
  // The restored database serves, with the master key kept apart from it:
  // without the key the backup's data keys cannot be opened.
  std::filesystem::create_directories(target + "/keys");
  std::filesystem::copy_file(server.dir() + "/keys/master.key", target + "/keys/master.key");
  std::filesystem::copy_file(server.dir() + "/keys/audit-signing.key",
                             target + "/keys/audit-signing.key");
  ServerProcess again("", target);
  ASSERT_TRUE(again.Started()) << again.Log();
  SessionClient back(again.port());
  back.set_totp_secret(admin.totp_secret(), admin.last_step());
  ASSERT_EQ(back.SignIn("admin", password, password), "") << again.Log();
  auto total = back.Get("/api/v1/organisations?active=all&limit=1").Json()["total"];
  EXPECT_EQ(total.get<size_t>(), original.at("organisations").size());
}

}  // namespace
}  // namespace opennrm::testing
