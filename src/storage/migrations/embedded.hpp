// The numbered migrations of each dialect, compiled into the binary from
// src/storage/migrations/<dialect>/NNNN_name.sql (see CMakeLists.txt).
#pragma once

#include <vector>

#include "storage/sql/migrator.hpp"

namespace opennrm::storage::migrations {

const std::vector<sql::Migration>& Sqlite();
const std::vector<sql::Migration>& Postgres();

}  // namespace opennrm::storage::migrations
