#include "cli/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace opennrm::cli {
namespace {

namespace fs = std::filesystem;

// A TOML file in a fresh temporary directory, removed afterwards.
class ConfigFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "opennrm-config-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& toml) {
    std::string path = (dir_ / "opennrm.toml").string();
    std::ofstream(path, std::ios::binary) << toml;
    return path;
  }

  fs::path dir_;
};

// The single field problem of a failed load.
FieldProblem Problem(const Result<Config>& r) {
  EXPECT_FALSE(r);
  if (r) return {};
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().fields.size(), 1u);
  return r.error().fields.empty() ? FieldProblem{} : r.error().fields[0];
}

TEST_F(ConfigFile, NoFileGivesDefaults) {
  auto c = LoadConfig("", {});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->listen, "127.0.0.1");  // not exposed to the network by default
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->driver, "sqlite");
  EXPECT_EQ(c->reference_dir, "data");
  EXPECT_EQ(c->SqlitePath(), "var/data/opennrm.db");
  EXPECT_TRUE(c->postgres_url.empty());
}

TEST_F(ConfigFile, EmptyFileGivesDefaults) {
  auto c = LoadConfig(Write(""), {});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->workers, 0) << "two per core";
  EXPECT_EQ(c->slow_workers, 16);
  EXPECT_TRUE(c->audit_journal);
  EXPECT_EQ(c->audit_journal_apply_ms, 100);
  EXPECT_EQ(c->audit_journal_batch, 500);
  EXPECT_EQ(c->audit_index_after, 100000);
  EXPECT_EQ(c->audit_index_batch, 100000);
  EXPECT_EQ(c->audit_index_slice, 5000);
  EXPECT_TRUE(c->session_cache);
}

TEST_F(ConfigFile, ReadsEverySection) {
  auto c = LoadConfig(Write(R"(
[server]
listen = "0.0.0.0"
port = 9000
metrics = false
[http]
max_body_bytes = 2048
[storage]
driver = "sqlite"
data_dir = "/srv/opennrm"
pool_size = 2
sqlite_cache_mib = 128
[reference]
dir = "/usr/share/opennrm/data"
[log]
level = "warn"
)"),
                      {});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->listen, "0.0.0.0");
  EXPECT_EQ(c->port, 9000);
  EXPECT_FALSE(c->metrics);
  EXPECT_EQ(c->max_body_bytes, 2048);
  EXPECT_EQ(c->SqlitePath(), "/srv/opennrm/opennrm.db");
  EXPECT_EQ(c->pool_size, 2);
  EXPECT_EQ(c->sqlite_cache_mib, 128);
  EXPECT_EQ(c->reference_dir, "/usr/share/opennrm/data");
  EXPECT_EQ(c->log_level, "warn");
}

TEST_F(ConfigFile, UnknownKeyIsNamed) {
  auto r = LoadConfig(Write("[server]\nprot = 8080\n"), {});
  auto p = Problem(r);
  EXPECT_EQ(p.field, "server.prot");
  EXPECT_EQ(p.rule, "unknown_key");
  EXPECT_NE(r.error().message.find("server.prot"), std::string::npos) << r.error().message;
}

TEST_F(ConfigFile, UnknownSectionIsNamed) {
  auto p = Problem(LoadConfig(Write("[sever]\nport = 8080\n"), {}));
  EXPECT_EQ(p.field, "sever.port");
  EXPECT_EQ(p.rule, "unknown_key");
}

TEST_F(ConfigFile, TopLevelKeyOutsideASectionIsNamed) {
  auto p = Problem(LoadConfig(Write("port = 8080\n"), {}));
  EXPECT_EQ(p.field, "port");
}

TEST_F(ConfigFile, WrongTypeNamesTheKey) {
  auto p = Problem(LoadConfig(Write("[server]\nport = \"8080\"\n"), {}));
  EXPECT_EQ(p.field, "server.port");
  EXPECT_EQ(p.rule, "type");
  p = Problem(LoadConfig(Write("[server]\nmetrics = \"yes\"\n"), {}));
  EXPECT_EQ(p.field, "server.metrics");
  p = Problem(LoadConfig(Write("[storage]\ndata_dir = 42\n"), {}));
  EXPECT_EQ(p.field, "storage.data_dir");
  EXPECT_EQ(p.rule, "type");
  p = Problem(LoadConfig(Write("[server]\nport = 8080.0\n"), {}));
  EXPECT_EQ(p.field, "server.port");
}

TEST_F(ConfigFile, OutOfRangePortIsRejected) {
  for (const char* port : {"0", "65536", "-1", "70000"}) {
    auto r = LoadConfig(Write(std::string("[server]\nport = ") + port + "\n"), {});
    auto p = Problem(r);
    EXPECT_EQ(p.field, "server.port") << port;
    EXPECT_EQ(p.rule, "range") << port;
    if (!r) {
      EXPECT_NE(r.error().message.find("65535"), std::string::npos) << r.error().message;
    }
  }
  auto ok = LoadConfig(Write("[server]\nport = 65535\n"), {});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->port, 65535);
}

TEST_F(ConfigFile, EnumValuesAreChecked) {
  auto p = Problem(LoadConfig(Write("[storage]\ndriver = \"mysql\"\n"), {}));
  EXPECT_EQ(p.field, "storage.driver");
  EXPECT_EQ(p.rule, "enum");
  p = Problem(LoadConfig(Write("[log]\nlevel = \"verbose\"\n"), {}));
  EXPECT_EQ(p.field, "log.level");
}

TEST_F(ConfigFile, EnvironmentWinsOverTheFile) {
  auto c = LoadConfig(Write("[server]\nport = 8081\nlisten = \"10.0.0.1\"\n"),
                      {{"OPENNRM_SERVER_PORT", "9090"},
                       {"OPENNRM_STORAGE_DATA_DIR", "/tmp/x"},
                       {"OPENNRM_SERVER_METRICS", "false"},
                       {"OPENNRM_REFERENCE_DIR", "/ref"}});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->port, 9090);
  EXPECT_EQ(c->listen, "10.0.0.1");  // not overridden
  EXPECT_EQ(c->data_dir, "/tmp/x");
  EXPECT_FALSE(c->metrics);
  EXPECT_EQ(c->reference_dir, "/ref");
}

TEST_F(ConfigFile, BadEnvironmentValueNamesTheVariable) {
  for (const char* value : {"abc", "", "80x", "8080 ", "70000"}) {
    auto r = LoadConfig("", {{"OPENNRM_SERVER_PORT", value}});
    ASSERT_FALSE(r) << "'" << value << "'";
    EXPECT_NE(r.error().message.find("OPENNRM_SERVER_PORT"), std::string::npos)
        << r.error().message;
  }
  auto r = LoadConfig("", {{"OPENNRM_SERVER_METRICS", "yes"}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("OPENNRM_SERVER_METRICS"), std::string::npos);
  r = LoadConfig("", {{"OPENNRM_STORAGE_DRIVER", "oracle"}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("OPENNRM_STORAGE_DRIVER"), std::string::npos);
}

TEST_F(ConfigFile, PostgresDriverNeedsAUrl) {
  auto p = Problem(LoadConfig(Write("[storage]\ndriver = \"postgres\"\n"), {}));
  EXPECT_EQ(p.field, "storage.postgres_url");
  EXPECT_EQ(p.rule, "required");
  auto c = LoadConfig(Write("[storage]\ndriver = \"postgres\"\n"),
                      {{"OPENNRM_STORAGE_POSTGRES_URL", "postgresql://opennrm@localhost/opennrm"}});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->driver, "postgres");
}

TEST_F(ConfigFile, EmptyRequiredStringsAreRejected) {
  EXPECT_EQ(Problem(LoadConfig(Write("[server]\nlisten = \"\"\n"), {})).field, "server.listen");
  EXPECT_EQ(Problem(LoadConfig("", {{"OPENNRM_STORAGE_DATA_DIR", ""}})).field, "storage.data_dir");
}

TEST_F(ConfigFile, MalformedTomlNamesTheFile) {
  std::string path = Write("[server\nport = 8080\n");
  auto r = LoadConfig(path, {});
  auto p = Problem(r);
  EXPECT_EQ(p.field, path);
  EXPECT_EQ(p.rule, "toml");
  EXPECT_NE(r.error().message.find(path), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("line 1"), std::string::npos) << r.error().message;
}

TEST_F(ConfigFile, MissingFileIsAnErrorNamingIt) {
  std::string path = (dir_ / "absent.toml").string();
  auto r = LoadConfig(path, {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find(path), std::string::npos) << r.error().message;
}

TEST_F(ConfigFile, HotlineDefaultsAreTheNationalUnitsOfficeHours) {
  auto c = LoadConfig("", {});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->hotline_weekdays, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(c->hotline_opens, "09:00");
  EXPECT_EQ(c->hotline_closes, "16:00");
  EXPECT_EQ(c->hotline_holidays_file, "data/rules/holidays.toml");
  EXPECT_EQ(c->hotline_urgent_minutes, 60);
  EXPECT_EQ(c->hotline_normal_minutes, 480);
  EXPECT_EQ(c->callback_per_address_per_hour, 5);
  EXPECT_EQ(c->callback_max_bytes, 4096);
  EXPECT_EQ(c->RoutingRulesPath(), "data/rules/routing.toml");
}

TEST_F(ConfigFile, ReadsTheHotlineSection) {
  auto c = LoadConfig(Write(R"([hotline]
weekdays = [5, 1, 3]
opens = "08:30"
closes = "24:00"
holidays_file = "/etc/opennrm/holidays.toml"
urgent_minutes = 30
normal_minutes = 960
callback_per_address_per_hour = 3
callback_max_bytes = 2048
routing_rules_file = "/etc/opennrm/routing.toml"
)"),
                      {{"OPENNRM_HOTLINE_WEEKDAYS", "1,2"}});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->hotline_weekdays, (std::vector<int>{1, 2}));  // the environment wins
  EXPECT_EQ(c->hotline_opens, "08:30");
  EXPECT_EQ(MinuteOfDay(c->hotline_closes), 24 * 60);
  EXPECT_EQ(c->hotline_holidays_file, "/etc/opennrm/holidays.toml");
  EXPECT_EQ(c->hotline_urgent_minutes, 30);
  EXPECT_EQ(c->hotline_normal_minutes, 960);
  EXPECT_EQ(c->callback_per_address_per_hour, 3);
  EXPECT_EQ(c->callback_max_bytes, 2048);
  EXPECT_EQ(c->RoutingRulesPath(), "/etc/opennrm/routing.toml");
}

TEST_F(ConfigFile, BadHotlineSettingsNameTheKey) {
  struct Case {
    const char* toml;
    const char* field;
    const char* rule;
  };
  for (const Case& k : std::vector<Case>{
           {"weekdays = []", "hotline.weekdays", "required"},
           {"weekdays = [0, 1]", "hotline.weekdays", "range"},
           {"weekdays = [1, 8]", "hotline.weekdays", "range"},
           {"weekdays = [1, 1]", "hotline.weekdays", "duplicate"},
           {"weekdays = \"1-5\"", "hotline.weekdays", "type"},
           {"weekdays = [1, \"2\"]", "hotline.weekdays", "type"},
           {"opens = \"9:00\"", "hotline.opens", "format"},
           {"opens = \"09:60\"", "hotline.opens", "format"},
           {"opens = 900", "hotline.opens", "type"},
           {"closes = \"24:01\"", "hotline.closes", "format"},
           {"opens = \"17:00\"", "hotline.closes", "before_opens"},
           {"opens = \"10:00\"\ncloses = \"10:00\"", "hotline.closes", "before_opens"},
           {"holidays_file = \"\"", "hotline.holidays_file", "required"},
           {"urgent_minutes = 0", "hotline.urgent_minutes", "range"},
           {"normal_minutes = -5", "hotline.normal_minutes", "range"},
           {"callback_per_address_per_hour = 0", "hotline.callback_per_address_per_hour", "range"},
           {"callback_max_bytes = 10", "hotline.callback_max_bytes", "range"},
           {"open = \"09:00\"", "hotline.open", "unknown_key"},
       }) {
    auto r = LoadConfig(Write(std::string("[hotline]\n") + k.toml + "\n"), {});
    auto p = Problem(r);
    EXPECT_EQ(p.field, k.field) << k.toml;
    EXPECT_EQ(p.rule, k.rule) << k.toml;
    if (!r) {
      EXPECT_NE(r.error().message.find(k.field), std::string::npos) << r.error().message;
    }
  }
  auto r = LoadConfig("", {{"OPENNRM_HOTLINE_WEEKDAYS", "1,,2"}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("OPENNRM_HOTLINE_WEEKDAYS"), std::string::npos);
}

TEST(MinuteOfDay, ReadsWallClockTimes) {
  EXPECT_EQ(MinuteOfDay("00:00"), 0);
  EXPECT_EQ(MinuteOfDay("09:00"), 540);
  EXPECT_EQ(MinuteOfDay("23:59"), 1439);
  EXPECT_EQ(MinuteOfDay("24:00"), 1440);
  for (const char* bad : {"", "9:00", "09:0", "0900", "09-00", "25:00", "24:30", "ab:cd"}) {
    EXPECT_EQ(MinuteOfDay(bad), std::nullopt) << bad;
  }
}

TEST(OpennrmEnvironment, PicksUpOnlyOpennrmVariables) {
  ASSERT_EQ(setenv("OPENNRM_TEST_ONLY_VARIABLE", "ja", 1), 0);
  ASSERT_EQ(setenv("NOT_OPENNRM_VARIABLE", "nej", 1), 0);
  auto env = OpennrmEnvironment();
  unsetenv("OPENNRM_TEST_ONLY_VARIABLE");
  unsetenv("NOT_OPENNRM_VARIABLE");
  EXPECT_EQ(env["OPENNRM_TEST_ONLY_VARIABLE"], "ja");
  EXPECT_EQ(env.count("NOT_OPENNRM_VARIABLE"), 0u);
  for (const auto& [k, v] : env) EXPECT_EQ(k.rfind("OPENNRM_", 0), 0u) << k;
}

}  // namespace
}  // namespace opennrm::cli
