// The security core's adapters, set up for a running server or a command:
// the master key (file or environment), the key ring, the package box over
// it, tokens and digests, Argon2id, TOTP, the audit log with its sequencer and
// checkpoint signer. Owns them; `services` points into them.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/audit/checkpoint_exporter.hpp"
#include "app/audit/group_commit_log.hpp"
#include "app/audit/journal_applier.hpp"
#include "app/audit/sequencer.hpp"
#include "app/auth/services.hpp"
#include "app/auth/session_cache.hpp"
#include "cli/config.hpp"
#include "core/clock.hpp"
#include "ports/database.hpp"
#include "security/argon2_hasher.hpp"
#include "security/ed25519_signer.hpp"
#include "security/key_ring.hpp"
#include "security/package_box.hpp"
#include "security/secrets.hpp"
#include "security/totp.hpp"
#include "storage/journal/segment_journal.hpp"

namespace opennrm::cli {

struct SecurityRuntime {
  std::unique_ptr<security::KeyRing> keys;
  std::unique_ptr<security::PackageBox> packages;  // over `keys`: declared after it
  std::unique_ptr<security::SodiumSecrets> secrets;
  std::unique_ptr<security::Argon2Hasher> hasher;
  std::unique_ptr<security::OathTotp> totp;
  std::unique_ptr<security::Ed25519Signer> signer;
  std::unique_ptr<app::audit::CheckpointExporter> exporter;
  // The server's audit journal (SQLite, storage.audit_journal) and its applier; before `audit`,
  // which appends through them and so is destroyed first.
  std::unique_ptr<storage::journal::SegmentJournal> journal_file;
  std::unique_ptr<app::audit::JournalApplier> journal;
  std::unique_ptr<app::audit::GroupCommitAuditLog> audit;
  std::unique_ptr<app::audit::Sequencer> sequencer;
  std::unique_ptr<app::SessionCache> session_checks;  // the server's (security.session_cache)
  std::unique_ptr<app::SecurityServices> services;
  ~SecurityRuntime();
};

// Loads or creates the keys and starts the audit log's writer. `holder`
// names this process for leases. `serving`: the server, which holds the data directory's lock;
// on SQLite it then appends through the audit journal (after applying what a previous run left
// in it), unless storage.audit_journal is false.
Result<std::unique_ptr<SecurityRuntime>> StartSecurity(const Config& config, ports::Database& db,
                                                       const Clock& clock,
                                                       const std::string& holder,
                                                       bool serving = false);

// The audit journal's directory inside the data directory.
std::string AuditJournalDir(const Config& config);

// The master key from OPENNRM_SECURITY_MASTER_KEY or the key file.
Result<security::MasterKey> LoadMasterKey(const Config& config);

// A name for this process in leases: host, pid and a random part.
std::string ProcessHolderName();

}  // namespace opennrm::cli
