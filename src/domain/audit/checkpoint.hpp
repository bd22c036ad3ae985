// Signed checkpoints of the audit log: (size, root, time), signed with Ed25519 by the server that
// sequences the log, stored in the database and exported as files an outside party can copy.
//
// The signed message is plain text, so that a verifier in any language can rebuild it:
//
//   opennrm-audit-checkpoint v1
//   size 42
//   root <64 lower-case hex digits>
//   time_us 1764374400000000
//
// (each line ends with \n). An exported file is that message followed by "key_id <16 hex>\n" and
// "signature <128 hex>\n". A key id is the first 16 hex digits of SHA-256(public key).
//
// Pure functions (signature verification is computation, not I/O); thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/merkle.hpp"

namespace opennrm::audit {

struct Checkpoint {
  uint64_t size = 0;
  Hash root{};
  long long time_us = 0;  // when it was signed, microseconds since the epoch (UTC)
  bool operator==(const Checkpoint&) const = default;
};

struct SignedCheckpoint {
  Checkpoint checkpoint;
  std::string key_id;     // KeyId(public key) of the signer
  std::string signature;  // 64 raw bytes
  bool operator==(const SignedCheckpoint&) const = default;
};

// The bytes that are signed.
std::string CheckpointMessage(const Checkpoint& checkpoint);

// 16 lower-case hex digits naming an Ed25519 public key (32 raw bytes).
std::string KeyId(std::string_view public_key);

// True when `signed_checkpoint.signature` is a valid Ed25519 signature of its message under
// `public_key` (32 raw bytes) and the key id names that key.
bool VerifyCheckpointSignature(const SignedCheckpoint& signed_checkpoint,
                               std::string_view public_key);

// The exported file's text.
std::string FormatCheckpointFile(const SignedCheckpoint& signed_checkpoint);

// Reads an exported file; kInvalid unless it is exactly what FormatCheckpointFile writes.
Result<SignedCheckpoint> ParseCheckpointFile(std::string_view text);

// "checkpoint-" and the size in 20 digits, so that names sort by size.
std::string CheckpointFileName(uint64_t size);

// "public-key-" and the key id.
std::string PublicKeyFileName(std::string_view key_id);

// A public key file: the key in 64 lower-case hex digits and a newline.
std::string FormatPublicKeyFile(std::string_view public_key);

// The 32 raw bytes of a public key file: 64 hex digits (surrounding whitespace ignored) or exactly
// 32 raw bytes. kInvalid otherwise.
Result<std::string> ParsePublicKeyFile(std::string_view text);

// Lower-case hex of any bytes, and back (nullopt unless an even number of hex digits).
std::string BytesToHex(std::string_view bytes);
std::optional<std::string> HexToBytes(std::string_view hex);

}  // namespace opennrm::audit
