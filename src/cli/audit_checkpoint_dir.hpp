// A directory of exported audit checkpoints that an outside party can copy: one file per
// checkpoint ("checkpoint-<size in 20 digits>") and one per signing key ("public-key-<key id>"),
// in the formats of domain/audit/checkpoint.hpp. Files are written once (atomically, readable by
// all: they hold no personal data) and never rewritten: a different checkpoint of a size already
// exported is refused as evidence of a fork.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/audit/checkpoint_exporter.hpp"
#include "domain/audit/log_verifier.hpp"

namespace opennrm::cli {

// The exporter the sequencer uses. Thread-safe.
class CheckpointDirectory final : public app::audit::CheckpointExporter {
 public:
  // The directory is created (mode 0755) on the first export.
  explicit CheckpointDirectory(std::filesystem::path dir) : dir_(std::move(dir)) {}

  Result<uint64_t> LastExportedSize() override;
  Status Export(const audit::SignedCheckpoint& checkpoint, std::string_view public_key) override;

 private:
  std::mutex mu_;  // one export at a time
  std::filesystem::path dir_;
};

// The exporter for `dir`, which is created (mode 0755) if missing; kInvalid naming
// security.audit_checkpoint_dir when it cannot be.
Result<std::unique_ptr<app::audit::CheckpointExporter>> MakeCheckpointDirectory(
    const std::filesystem::path& dir);

struct CheckpointDirContents {
  std::vector<audit::CheckpointSource> checkpoints;  // origin: the file's name
  std::vector<std::string> public_keys;              // 32 raw bytes each
  std::vector<std::string> problems;                 // "<file>: <what is wrong>"
};

// Reads every checkpoint-* and public-key-* file of `dir`; other files are ignored.
// kNotFound when `dir` does not exist.
Result<CheckpointDirContents> ReadCheckpointDirectory(const std::filesystem::path& dir);

// Reads a whole (small) file.
Result<std::string> ReadSmallFile(const std::filesystem::path& path);

}  // namespace opennrm::cli
