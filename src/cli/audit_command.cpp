#include "cli/audit_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <limits>
#include <map>

#include "app/audit/verify_log.hpp"
#include "cli/audit_checkpoint_dir.hpp"
#include "cli/runtime.hpp"

namespace opennrm::cli {

namespace {

constexpr int kVerified = 0;
constexpr int kDamaged = 1;
constexpr int kCannotCheck = 2;

int CannotCheck(const std::string& message) {
  std::cerr << "opennrm audit: " << message << "\n";
  return kCannotCheck;
}

void PrintReport(const app::audit::VerifyOutcome& outcome,
                 const std::vector<std::string>& file_problems) {
  const auto& r = outcome.report;
  std::cout << "Entries checked: " << r.entries << " (tree state: " << outcome.tree_size << ")\n"
            << "Checkpoints: " << outcome.database_checkpoints << " in the database, "
            << outcome.exported_checkpoints << " exported; " << r.checkpoints_verified
            << " verified, the largest of size " << r.largest_verified_size << "\n";
  if (r.ok() && file_problems.empty()) {
    std::cout << "OK: the audit log verifies.\n";
    return;
  }
  std::cout << "FAILED: the audit log does not verify.\n";
  if (auto first = r.FirstBadEntry()) std::cout << "First bad entry: " << *first << "\n";
  for (const auto& f : r.findings) {
    std::cout << "  " << audit::ToString(f.fault) << ": " << f.detail << "\n";
  }
  for (const auto& p : file_problems) std::cout << "  bad_file: " << p << "\n";
}

}  // namespace

int RunAuditVerify(const Config& config, const std::string& dir,
                   const std::vector<std::string>& key_files) {
  app::audit::VerifyInputs inputs;
  std::vector<std::string> file_problems;
  std::vector<std::string> dir_keys;
  if (!dir.empty()) {
    auto contents = ReadCheckpointDirectory(dir);
    if (!contents) return CannotCheck(contents.error().message);
    inputs.exported = std::move(contents->checkpoints);
    file_problems = std::move(contents->problems);
    dir_keys = std::move(contents->public_keys);
  }
  for (const auto& file : key_files) {
    auto text = ReadSmallFile(file);
    if (!text) return CannotCheck(text.error().message);
    auto key = audit::ParsePublicKeyFile(*text);
    if (!key) return CannotCheck(file + ": " + key.error().message);
    inputs.trusted_keys.push_back(*key);
  }
  std::string keys_from = "the key(s) given with --public-key";
  if (inputs.trusted_keys.empty() && !dir_keys.empty()) {
    inputs.trusted_keys = dir_keys;
    keys_from = "the public keys in " + dir;
  }

  auto db = OpenDatabase(config);
  if (!db) return CannotCheck(db.error().message);
  auto outcome = app::audit::VerifyAuditLog(**db, inputs);
  if (!outcome) return CannotCheck(outcome.error().message);
  if (outcome->used_database_keys) {
    keys_from =
        "the keys stored in the database (whoever can write the database could replace them: "
        "pass --public-key or --checkpoints)";
  }
  std::cout << "Signatures checked against " << keys_from << ".\n";
  PrintReport(*outcome, file_problems);
  return outcome->report.ok() && file_problems.empty() ? kVerified : kDamaged;
}

int RunAuditExportCheckpoints(const Config& config, const std::string& dir) {
  auto db = OpenDatabase(config);
  if (!db) return CannotCheck(db.error().message);
  std::vector<audit::SignedCheckpoint> checkpoints;
  std::map<std::string, std::string> keys;
  {
    auto uow = (*db)->Begin(ports::Access::kRead);
    if (!uow) return CannotCheck(uow.error().message);
    auto found = (*uow)->audit().Checkpoints(0, std::numeric_limits<long long>::max(),
                                             std::numeric_limits<int>::max(), false);
    if (!found) return CannotCheck(found.error().message);
    checkpoints = std::move(*found);
    auto stored_keys = (*uow)->audit().Keys();
    if (!stored_keys) return CannotCheck(stored_keys.error().message);
    for (auto& k : *stored_keys) keys[k.key_id] = std::move(k.public_key);
  }
  CheckpointDirectory out(dir);
  int conflicts = 0;
  for (const auto& c : checkpoints) {
    auto key = keys.find(c.key_id);
    if (key == keys.end()) {
      std::cerr << "opennrm audit: the key " << c.key_id << " of the checkpoint of size "
                << c.checkpoint.size << " is not in the database.\n";
      ++conflicts;
      continue;
    }
    auto st = out.Export(c, key->second);
    if (!st && st.error().code != ErrorCode::kConflict) return CannotCheck(st.error().message);
    if (!st) {
      std::cerr << "opennrm audit: " << st.error().message << "\n";
      ++conflicts;
    }
  }
  std::cout << checkpoints.size() - static_cast<size_t>(conflicts) << " of " << checkpoints.size()
            << " checkpoints are in " << dir << ".\n";
  return conflicts == 0 ? kVerified : kDamaged;
}

void AuditCommands::Register(CLI::App& app, std::string& config_path) {
  audit_ = app.add_subcommand("audit", "Verify or export the tamper-evident audit log");
  audit_->require_subcommand(1);
  verify_ = audit_->add_subcommand(
      "verify",
      "Check every entry, the tree, the checkpoints' signatures and consistency; print the "
      "first bad entry (exit 1 when the log does not verify)");
  verify_->add_option("--checkpoints", checkpoints_dir_,
                      "A copy of the exported checkpoints (checks the log is not shorter)");
  verify_->add_option("--public-key", public_key_files_,
                      "A trusted public key file (hex); may be repeated");
  export_ = audit_->add_subcommand("export-checkpoints",
                                   "Write every signed checkpoint and public key to a directory");
  export_->add_option("--to", export_dir_, "Directory to write (created if missing)")->required();
  for (auto* sub : {audit_, verify_, export_}) {
    sub->add_option("-c,--config", config_path, "Configuration file");
  }
}

bool AuditCommands::Parsed() const { return audit_ != nullptr && audit_->parsed(); }

int AuditCommands::Run(const Config& config) const {
  if (verify_->parsed()) return RunAuditVerify(config, checkpoints_dir_, public_key_files_);
  if (export_->parsed()) return RunAuditExportCheckpoints(config, export_dir_);
  return kCannotCheck;
}

}  // namespace opennrm::cli
