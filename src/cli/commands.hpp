// The opennrm command line: serve, migrate, backup, restore, version, routes.
// `serve` and `routes` need the HTTP layer, so the composition root passes
// them in.
#pragma once

#include <functional>
#include <string>

#include "cli/config.hpp"

namespace opennrm::cli {

struct ServeFlags {
  bool benchmark_routes = false;
};

struct Verbs {
  std::function<int(const Config&, const ServeFlags&)> serve;
  std::function<int(const Config&)> routes;  // prints "METHOD /path" lines
};

// Parses argv and runs the verb; returns the process exit code.
int Main(int argc, char** argv, const Verbs& verbs, const std::string& version);

// Sets up JSON logging to stderr at `level`.
void SetUpLogging(const std::string& level);

// Prints `e` (message and named fields) to stderr for a command; returns 1.
int Report(const Error& e);

}  // namespace opennrm::cli
