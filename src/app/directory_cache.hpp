// The active organisations held in memory, as of the database's directory
// version. Every read checks the version in the database (one primary-key
// lookup), so a change made through any server is seen by the next read.
// Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "core/error.hpp"
#include "domain/orgs/organisation.hpp"
#include "ports/database.hpp"

namespace opennrm::app {

class DirectoryCache {
 public:
  using Snapshot = std::shared_ptr<const std::vector<orgs::Organisation>>;
  // Active organisations in name order; reloads when the version moved.
  Result<Snapshot> Active(ports::Database& db);

 private:
  std::mutex mu_;
  long long version_ = -1;  // GUARDED_BY(mu_)
  Snapshot active_;         // GUARDED_BY(mu_)
};

}  // namespace opennrm::app
