#include "cli/commands.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/admin_command.hpp"
#include "cli/audit_command.hpp"
#include "cli/demo_command.hpp"
#include "cli/runtime.hpp"
#include "cli/security_runtime.hpp"
#include "storage/sqlite/audit_file.hpp"
#include "storage/sqlite/backup.hpp"

namespace opennrm::cli {

int Report(const Error& e) {
  std::cerr << "opennrm: " << e.message << "\n";
  for (const auto& f : e.fields) {
    if (f.detail != e.message) std::cerr << "  " << f.field << ": " << f.detail << "\n";
  }
  return 1;
}

namespace {

Result<Config> Configure(const std::string& path) {
  std::string file = path;
  if (file.empty() && std::filesystem::exists("opennrm.toml")) file = "opennrm.toml";
  return LoadConfig(file, OpennrmEnvironment());
}

int Migrate(const Config& config) {
  auto rt = Start(config, StartOptions{false, true});
  if (!rt) return Report(rt.error());
  std::cout << "Database ready (" << (*rt)->db->Dialect() << ").\n";
  return 0;
}

bool HaveProgram(const std::string& name) {
  std::string cmd = "command -v " + name + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

int Backup(const Config& config, const std::string& to) {
  if (config.driver == "postgres") {
    if (!HaveProgram("pg_dump")) {
      std::cerr << "opennrm: pg_dump is not installed; install the postgresql-client package "
                   "(see docs/ops/backup.md).\n";
      return 1;
    }
    std::cerr << "opennrm: for PostgreSQL, back up with pg_dump as docs/ops/backup.md describes:\n"
                 "  pg_dump --format=custom --file="
              << to << " \"$OPENNRM_STORAGE_POSTGRES_URL\"\n";
    return 2;
  }
  if (auto st = storage::sqlite::Backup(config.SqlitePath(), to); !st) return Report(st.error());
  std::cout << "Backup written to " << to << " and its audit log to "
            << storage::sqlite::AuditFilePath(to) << " (keep the two together)\n";
  return 0;
}

int Restore(const Config& config, const std::string& from, bool force) {
  if (config.driver == "postgres") {
    std::cerr
        << "opennrm: for PostgreSQL, restore with pg_restore as docs/ops/backup.md describes.\n";
    return 2;
  }
  if (DataDirInUse(config.data_dir)) {
    std::cerr << "opennrm: a running server has " << config.data_dir
              << " open; stop it before restoring.\n";
    return 1;
  }
  std::error_code ec;
  if (std::filesystem::exists(config.SqlitePath(), ec) && !force) {
    std::cerr << "opennrm: " << config.SqlitePath()
              << " exists; pass --force to replace it with the backup.\n";
    return 1;
  }
  std::filesystem::create_directories(config.data_dir, ec);
  if (auto st = storage::sqlite::Restore(from, config.SqlitePath()); !st) return Report(st.error());
  // The replaced database's audit journal describes that database, not the backup: a server
  // would otherwise sequence its events into the restored log (ADR 14).
  const std::string journal = AuditJournalDir(config);
  if (std::filesystem::remove_all(journal, ec); ec) {
    std::cerr << "opennrm: restored, but the replaced database's audit journal " << journal
              << " cannot be removed (" << ec.message() << "); remove it before serving.\n";
    return 1;
  }
  std::cout << "Restored " << from << " into " << config.SqlitePath() << "\n";
  return 0;
}

}  // namespace

void SetUpLogging(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("opennrm");
  logger->set_formatter(std::make_unique<spdlog::pattern_formatter>(
      R"({"ts":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l",%v})", spdlog::pattern_time_type::utc));
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(logger);
}

int Main(int argc, char** argv, const Verbs& verbs, const std::string& version) {
  CLI::App app{"OpenNRM: national coordination against trafficking in human beings."};
  app.require_subcommand(1);
  std::string config_path;
  app.add_option("-c,--config", config_path,
                 "Configuration file (default ./opennrm.toml if present)");

  auto* serve = app.add_subcommand("serve", "Migrate, load reference data and serve HTTP");
  ServeFlags flags;
  serve->add_flag("--benchmark-routes", flags.benchmark_routes,
                  "Also serve GET /bench/empty, the baseline for benchmarks");
  auto* migrate = app.add_subcommand("migrate", "Apply migrations, load reference data and seed");
  auto* backup =
      app.add_subcommand("backup", "Write a consistent copy of the database, also while serving");
  std::string to;
  backup->add_option("--to", to, "Backup file to create")->required();
  auto* restore =
      app.add_subcommand("restore", "Replace the database with a backup (server stopped)");
  std::string from;
  bool force = false;
  restore->add_option("--from", from, "Backup file to restore")->required();
  restore->add_flag("--force", force, "Replace an existing database");
  auto* ver = app.add_subcommand("version", "Print the version");
  auto* routes = app.add_subcommand("routes", "List the HTTP routes (for the API contract test)");
  for (auto* sub : {serve, migrate, backup, restore, ver, routes}) {
    sub->add_option("-c,--config", config_path, "Configuration file");
  }
  AdminCommands admin;
  admin.Register(app, config_path);
  AuditCommands audit;
  audit.Register(app, config_path);
  DemoCommand demo;
  demo.Register(app, config_path);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (ver->parsed()) {
    std::cout << "opennrm " << version << "\n";
    return 0;
  }
  auto config = Configure(config_path);
  if (!config) return Report(config.error());
  SetUpLogging(config->log_level);
  for (const auto& name : config->unknown_environment) {
    spdlog::warn(
        R"("msg":"environment variable names no configuration key; ignored","variable":"{}")",
        name);
  }
  if (serve->parsed()) return verbs.serve(*config, flags);
  if (migrate->parsed()) return Migrate(*config);
  if (backup->parsed()) return Backup(*config, to);
  if (restore->parsed()) return Restore(*config, from, force);
  if (routes->parsed()) return verbs.routes(*config);
  if (admin.Parsed()) return admin.Run(*config);
  if (audit.Parsed()) return audit.Run(*config);
  if (demo.Parsed()) return demo.Run(*config);
  return 2;
}

}  // namespace opennrm::cli
