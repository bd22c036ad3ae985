// `opennrm admin` (users and API tokens from the command line) and `opennrm
// keys` (the master key's rotation). Both act as the system: audited, never
// printing a secret except the one-time password or token a command exists to
// show. Not thread-safe: one per process.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/config.hpp"

namespace opennrm::cli {

class AdminCommands {
 public:
  // Adds the subcommands to `app`; `config_path` receives -c for each.
  void Register(CLI::App& app, std::string& config_path);
  // Whether one of them was parsed.
  bool Parsed() const;
  // Runs the parsed one; the exit status.
  int Run(const Config& config);

 private:
  CLI::App* admin_ = nullptr;
  CLI::App* create_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* disable_ = nullptr;
  CLI::App* enable_ = nullptr;
  CLI::App* reset_ = nullptr;
  CLI::App* create_token_ = nullptr;
  CLI::App* keys_ = nullptr;
  CLI::App* rotate_ = nullptr;
  CLI::App* status_ = nullptr;
  std::string organisation_;
  std::string username_;
  std::string display_name_;
  std::vector<std::string> roles_;
  std::string token_name_;
  std::vector<std::string> actions_;
  int expires_days_ = 30;
  bool new_data_keys_ = false;
};

}  // namespace opennrm::cli
