// Files that hold raw secret bytes: the master key and the audit signing seed.
//
// A secret file must be a regular file of exactly the expected size that grants nothing to group
// or others (no r, w or x bits: a group-writable key file would let someone substitute the key).
// Symbolic links are followed, because secret mounts (systemd credentials, Kubernetes) use them;
// the checks apply to the file they point at, read through the same descriptor (no check-then-use
// race). Error messages name the path and what is wrong, never the contents.
//
// Thread-safe: no shared state. Concurrent LoadOrCreate calls on one path, even from several
// processes, end with every caller holding the same secret (creation is an atomic link()).
#pragma once

#include <cstddef>
#include <filesystem>

#include "core/error.hpp"
#include "security/secure_buffer.hpp"

namespace opennrm::security {

// The `size` bytes of the file at `path`. kNotFound if it does not exist; kInvalid if it is not a
// regular file, is open to group or others, or has another size; kInternal for I/O errors.
Result<SecureBuffer> ReadSecretFile(const std::filesystem::path& path, std::size_t size);

struct LoadedSecret {
  SecureBuffer bytes;
  bool created = false;  // true when this call made the file
};

// Reads the file at `path`, or, if there is none, creates it with mode 0600 holding `size` fresh
// random bytes (written to a temporary file, synced, then linked into place). The parent
// directory must exist.
Result<LoadedSecret> LoadOrCreateSecretFile(const std::filesystem::path& path, std::size_t size);

}  // namespace opennrm::security
