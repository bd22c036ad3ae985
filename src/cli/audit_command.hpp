// `opennrm audit verify [--checkpoints DIR] [--public-key FILE]...` and
// `opennrm audit export-checkpoints --to DIR`.
//
// verify checks every entry, the tree, every checkpoint's signature and the consistency between
// checkpoints, the database's and those exported to DIR, and that the log is not shorter than any
// of them; it prints the first bad entry. Exit codes: 0 the log verifies, 1 it does not, 2 it
// could not be checked (no database, unreadable files).
#pragma once

#include <string>
#include <vector>

#include "cli/config.hpp"

namespace CLI {
class App;
}

namespace opennrm::cli {

// `opennrm audit verify`: prints the outcome to stdout; returns the exit code.
int RunAuditVerify(const Config& config, const std::string& checkpoints_dir,
                   const std::vector<std::string>& public_key_files);

// `opennrm audit export-checkpoints --to DIR`; returns the exit code.
int RunAuditExportCheckpoints(const Config& config, const std::string& dir);

class AuditCommands {
 public:
  // Adds the `audit` verb and its subcommands to `app`; `config_path` receives -c for each.
  void Register(CLI::App& app, std::string& config_path);

  // Whether `audit` was on the command line (after parsing).
  bool Parsed() const;

  // Runs the parsed subcommand; returns the exit code.
  int Run(const Config& config) const;

 private:
  CLI::App* audit_ = nullptr;
  CLI::App* verify_ = nullptr;
  CLI::App* export_ = nullptr;
  std::string checkpoints_dir_;
  std::vector<std::string> public_key_files_;
  std::string export_dir_;
};

}  // namespace opennrm::cli
