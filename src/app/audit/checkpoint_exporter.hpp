// Where signed checkpoints go besides the database, so that an outside party can keep copies the
// operator cannot rewrite (an implementation writes files: cli/audit_checkpoint_dir.hpp).
// Implementations are thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "domain/audit/checkpoint.hpp"

namespace opennrm::app::audit {

class CheckpointExporter {
 public:
  virtual ~CheckpointExporter() = default;
  // The largest checkpoint size exported so far; 0 when none.
  virtual Result<uint64_t> LastExportedSize() = 0;
  // Exports the checkpoint and its signer's public key (32 raw bytes). Exporting the same
  // checkpoint again does nothing; kConflict when a different one of that size was exported
  // before: evidence that the log forked or was rolled back.
  virtual Status Export(const opennrm::audit::SignedCheckpoint& checkpoint,
                        std::string_view public_key) = 0;
};

}  // namespace opennrm::app::audit
