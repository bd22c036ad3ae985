// Verifies the stored audit log against its signed checkpoints (opennrm audit verify): reads the
// database in the order that keeps a log growing meanwhile from looking damaged, and hands
// everything to audit::LogVerifier. Thread-safe (one read unit of work per call).
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/log_verifier.hpp"
#include "ports/database.hpp"

namespace opennrm::app::audit {

struct VerifyInputs {
  // Checkpoints from outside the database (exported files an outside party kept), read before
  // the call.
  std::vector<opennrm::audit::CheckpointSource> exported;
  // Trusted Ed25519 public keys (32 raw bytes). Empty: trust the keys stored in the database,
  // which whoever can write the database could replace (VerifyOutcome says so).
  std::vector<std::string> trusted_keys;
  int page_size = 10'000;  // entries read per query
};

struct VerifyOutcome {
  opennrm::audit::VerifyReport report;
  uint64_t tree_size = 0;  // the tree state's size when the check began
  size_t database_checkpoints = 0;
  size_t exported_checkpoints = 0;
  bool used_database_keys = false;
};

// kUnavailable/kInternal only when the database cannot be read; damage is reported in the outcome.
Result<VerifyOutcome> VerifyAuditLog(ports::Database& db, const VerifyInputs& inputs);

}  // namespace opennrm::app::audit
