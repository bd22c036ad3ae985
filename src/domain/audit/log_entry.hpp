// What the audit log stores per sequenced entry and for the tree, in the form the database holds
// it (hashes as hex text), so that the verifier can judge a damaged row instead of failing to
// read it. Plain values and pure functions; thread-safe.
//
// An entry is its canonical event (the Merkle leaf), the leaf hash, the root of the tree that ends
// with it, and index columns copied from the event for filtering. Only the leaf is authoritative:
// the other columns are derived from it and checked against it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/event.hpp"
#include "domain/audit/merkle.hpp"

namespace opennrm::audit {

struct IndexedObject {
  std::string type;
  std::string id;
  std::string organisation_id;
  bool operator==(const IndexedObject&) const = default;
};

// The columns a filter uses, copied from the event when it is sequenced.
struct EntryIndex {
  long long at_us = 0;
  std::string actor_user_id;
  std::string actor_token_id;
  std::string organisation_id;
  std::string action;
  std::string outcome;
  std::vector<IndexedObject> objects;  // in the event's order
  bool operator==(const EntryIndex&) const = default;
};

EntryIndex IndexOf(const Event& event);

struct StoredEntry {
  uint64_t seq = 0;           // the leaf index, from 0
  std::string leaf;           // the canonical event
  std::string leaf_hash_hex;  // LeafHash(leaf)
  std::string root_hex;       // the root of the tree of the first seq + 1 leaves
  EntryIndex index;
};

// The sequencer's state: the tree's size, root and right edge (CompactRange).
struct StoredTree {
  uint64_t size = 0;
  std::string root_hex;
  std::string subtree_roots;  // FormatSubtreeRoots
};

// Appends the canonical event `leaf` at index range.size(): the entry the sequencer stores.
// kInvalid (and `range` unchanged) unless `leaf` is a canonical event.
Result<StoredEntry> AppendEntry(CompactRange& range, std::string leaf);

// The subtree roots of a compact range as comma-separated hex, largest first.
std::string FormatSubtreeRoots(const CompactRange& range);

// The compact range of `size` leaves from FormatSubtreeRoots' text; nullopt if malformed.
std::optional<CompactRange> ParseSubtreeRoots(uint64_t size, std::string_view text);

// The stored form of `range`.
StoredTree ToStoredTree(const CompactRange& range);

// The compact range a stored tree describes, if its root agrees with its subtree roots.
std::optional<CompactRange> FromStoredTree(const StoredTree& tree);

}  // namespace opennrm::audit
