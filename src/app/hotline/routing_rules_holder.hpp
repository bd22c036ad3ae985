// The hotline's routing rules in force (data/rules/routing.toml or
// [hotline] routing_rules_file), held whole and swapped whole on reload, so
// that a routing call always sees one consistent version. Also holds when
// they were loaded, the file they came from, and how to read that file again
// (given by the cli: the app does no file I/O). Thread-safe: Current and
// Replace may run concurrently from any thread.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "core/error.hpp"
#include "domain/hotline/routing_rules.hpp"

namespace opennrm::app {

// Reads the routing rules file again (cli/routing_rules_file.hpp).
using RoutingRulesReader = std::function<Result<hotline::RoutingRules>()>;

class RoutingRulesHolder {
 public:
  // One version of the rules and when it was loaded.
  struct Version {
    std::shared_ptr<const hotline::RoutingRules> rules;  // never null
    long long loaded_at_us = 0;
  };

  // REQUIRES: `rules` already checked against the directory.
  RoutingRulesHolder(hotline::RoutingRules rules, long long loaded_at_us, std::string path,
                     RoutingRulesReader reader = nullptr);

  // The version in force (a snapshot: later swaps do not change it).
  Version Current() const;
  // Puts `rules` in force from `loaded_at_us`; callers holding the old
  // version keep using it until they let it go.
  void Replace(hotline::RoutingRules rules, long long loaded_at_us);

  const std::string& path() const { return path_; }
  // How to read the file again; empty in tests that never reload.
  const RoutingRulesReader& reader() const { return reader_; }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const Version> current_;  // GUARDED_BY(mu_); swapped whole
  const std::string path_;
  const RoutingRulesReader reader_;
};

}  // namespace opennrm::app
