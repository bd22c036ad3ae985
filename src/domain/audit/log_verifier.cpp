#include "domain/audit/log_verifier.hpp"

#include <algorithm>
#include <map>
#include <span>

#include "domain/audit/canonical_event.hpp"

namespace opennrm::audit {
namespace {

std::string N(uint64_t n) { return std::to_string(n); }

std::string Origins(const std::vector<std::string>& origins) {
  std::string out;
  for (const auto& o : origins) {
    if (!out.empty()) out += ", ";
    out += o;
  }
  return out;
}

std::string Range(uint64_t first, uint64_t end) {
  return end == first + 1 ? "entry " + N(first) : "entries " + N(first) + ".." + N(end - 1);
}

// "entry 4" or "one of entries 3..5".
std::string OneOf(uint64_t first, uint64_t end) {
  return end == first + 1 ? Range(first, end) : "one of " + Range(first, end);
}

// "entry 8 is missing" or "entries 8..9 are missing".
std::string Missing(uint64_t first, uint64_t end) {
  return Range(first, end) + (end == first + 1 ? " is missing" : " are missing");
}

}  // namespace

std::string_view ToString(Fault fault) {
  switch (fault) {
    case Fault::kMissingEntry:
      return "missing_entry";
    case Fault::kOutOfOrder:
      return "out_of_order";
    case Fault::kUnsequencedEntry:
      return "unsequenced_entry";
    case Fault::kMalformedEntry:
      return "malformed_entry";
    case Fault::kLeafHashMismatch:
      return "leaf_hash_mismatch";
    case Fault::kRootMismatch:
      return "root_mismatch";
    case Fault::kIndexMismatch:
      return "index_mismatch";
    case Fault::kCheckpointMismatch:
      return "checkpoint_mismatch";
    case Fault::kFork:
      return "fork";
    case Fault::kTruncated:
      return "truncated";
    case Fault::kBadSignature:
      return "bad_signature";
    case Fault::kTreeStateMismatch:
      return "tree_state_mismatch";
  }
  return "unknown";
}

std::optional<uint64_t> VerifyReport::FirstBadEntry() const {
  std::optional<uint64_t> best;
  auto consider = [&](uint64_t seq) {
    if (!best || seq < *best) best = seq;
  };
  for (const Finding& f : findings) {
    if (f.about_entries && f.certain) consider(f.first);
  }
  // A range only says "one of these"; a certain finding inside it is the better answer.
  for (const Finding& f : findings) {
    if (!f.about_entries || f.certain) continue;
    bool explained = std::any_of(findings.begin(), findings.end(), [&](const Finding& g) {
      return g.about_entries && g.certain && g.first >= f.first && g.first < f.end;
    });
    if (!explained) consider(f.first);
  }
  return best;
}

LogVerifier::LogVerifier(const std::vector<std::string>& public_keys,
                         std::vector<CheckpointSource> checkpoints) {
  std::map<std::string, std::string> keys;
  for (const auto& key : public_keys) keys[KeyId(key)] = key;
  for (auto& source : checkpoints) {
    const SignedCheckpoint& s = source.signed_checkpoint;
    const std::string what =
        "The checkpoint of size " + N(s.checkpoint.size) + " (" + source.origin + ")";
    auto key = keys.find(s.key_id);
    if (key == keys.end()) {
      AddFinding(Fault::kBadSignature, 0, 0,
                 what + " is signed by key " + s.key_id + ", which is not trusted.", false, false);
      continue;
    }
    if (!VerifyCheckpointSignature(s, key->second)) {
      AddFinding(Fault::kBadSignature, 0, 0, what + " has a signature that does not verify.", false,
                 false);
      continue;
    }
    auto same = std::find_if(points_.begin(), points_.end(), [&](const Point& p) {
      return p.size == s.checkpoint.size && p.root == s.checkpoint.root;
    });
    if (same == points_.end()) {
      points_.push_back(Point{s.checkpoint.size, s.checkpoint.root, {}, std::nullopt});
      same = points_.end() - 1;
    }
    same->origins.push_back(source.origin);
  }
  std::sort(points_.begin(), points_.end(), [](const Point& a, const Point& b) {
    return a.size != b.size ? a.size < b.size : a.root < b.root;
  });
  for (Point& p : points_) {
    keep_leaves_up_to_ = std::max(keep_leaves_up_to_, p.size);
    if (p.size == 0) {
      p.computed = EmptyRoot();
      ++next_point_;
    }
  }
}

void LogVerifier::AddFinding(Fault fault, uint64_t first, uint64_t end, std::string detail,
                             bool certain, bool about_entries) {
  report_.findings.push_back(Finding{fault, about_entries, certain, first, end, std::move(detail)});
}

void LogVerifier::Add(const StoredEntry& entry) {
  const uint64_t seq = entry.seq;
  ++report_.entries;
  const Hash leaf_hash = LeafHash(entry.leaf);
  auto event = DecodeEvent(entry.leaf);
  if (!event) {
    AddFinding(Fault::kMalformedEntry, seq, seq + 1,
               "Entry " + N(seq) + " is not a canonical audit event.", true);
  } else if (IndexOf(*event) != entry.index) {
    AddFinding(Fault::kIndexMismatch, seq, seq + 1,
               "Entry " + N(seq) + "'s filter columns do not match its event.", true);
  }
  const bool leaf_hash_bad = ToHex(leaf_hash) != entry.leaf_hash_hex;
  if (leaf_hash_bad) {
    AddFinding(Fault::kLeafHashMismatch, seq, seq + 1,
               "Entry " + N(seq) + "'s event does not have its stored leaf hash: it was edited.",
               true);
  }

  if (report_.entries > 1 && seq < next_seq_) {
    AddFinding(Fault::kOutOfOrder, seq, seq + 1,
               "Entry " + N(seq) + " is stored after entry " + N(next_seq_ - 1) + ".", true);
    sequence_broken_ = true;
    return;
  }
  if (seq > next_seq_) {
    AddFinding(Fault::kMissingEntry, next_seq_, seq,
               Missing(next_seq_, seq) + ": the log goes on at entry " + N(seq) + ".", true);
    sequence_broken_ = true;
  }
  next_seq_ = seq + 1;
  end_ = std::max(end_, seq + 1);
  if (sequence_broken_) return;  // positions no longer match the tree's

  computed_.Append(leaf_hash);
  if (leaves_.size() < keep_leaves_up_to_) leaves_.push_back(leaf_hash);
  if (!roots_diverged_) {
    if (leaf_hash_bad) {
      roots_diverged_ = true;
    } else if (ToHex(computed_.Root()) != entry.root_hex) {
      AddFinding(Fault::kRootMismatch, seq, seq + 1,
                 "Entry " + N(seq) +
                     "'s running root does not match the entries up to it: it was edited, moved "
                     "or inserted.",
                 true);
      roots_diverged_ = true;
    }
  }
  CheckPoints(computed_.size());
}

void LogVerifier::CheckPoints(uint64_t size) {
  while (next_point_ < points_.size() && points_[next_point_].size <= size) {
    if (points_[next_point_].size == size) points_[next_point_].computed = computed_.Root();
    ++next_point_;
  }
}

VerifyReport LogVerifier::Finish(const StoredTree& tree, std::optional<uint64_t> unsequenced_from) {
  if (end_ < tree.size) {
    AddFinding(Fault::kMissingEntry, end_, tree.size,
               "The tree state has " + N(tree.size) + " entries but the log ends after " + N(end_) +
                   ": " + Missing(end_, tree.size) + " (truncated).",
               true);
  }
  if (unsequenced_from) {
    AddFinding(Fault::kUnsequencedEntry, *unsequenced_from, *unsequenced_from + 1,
               "Entry " + N(*unsequenced_from) +
                   " lies beyond the tree state: the sequencer did not write it.",
               true);
  }
  // Only when the entries agree with their own derived columns: otherwise the difference is the
  // entries' (already reported), not the tree state row's.
  if (!sequence_broken_ && !roots_diverged_ && end_ == tree.size) {
    auto range = FromStoredTree(tree);
    if (!range || range->subtree_roots() != computed_.subtree_roots()) {
      AddFinding(Fault::kTreeStateMismatch, 0, 0,
                 "The stored tree state (root and right edge at size " + N(tree.size) +
                     ") is not the one the entries give.",
                 false, false);
    }
  }

  // Checkpoints, grouped by size, smallest first.
  uint64_t last_match = 0;
  bool mismatch_reported = false;
  std::optional<size_t> truncated_at;  // the largest checkpoint beyond the end
  std::optional<size_t> previous_match;
  auto matches = [](const Point& p) { return p.computed && *p.computed == p.root; };
  for (size_t i = 0; i < points_.size();) {
    size_t j = i;
    while (j < points_.size() && points_[j].size == points_[i].size) ++j;
    const uint64_t size = points_[i].size;
    if (size > end_) {
      truncated_at = i;
      i = j;
      continue;
    }
    std::optional<size_t> match;
    for (size_t k = i; k < j; ++k) {
      if (matches(points_[k])) match = k;
    }
    if (j - i > 1) {
      AddFinding(Fault::kFork, last_match, size,
                 "Signed checkpoints of size " + N(size) + " have different roots (" +
                     Origins(points_[i].origins) + "; " + Origins(points_[i + 1].origins) + ").",
                 false);
    }
    for (size_t k = i; k < j && j - i == 1; ++k) {
      const Point& p = points_[k];
      if (!p.computed || matches(p)) continue;
      // Is a later checkpoint the entries match an extension of this one?
      auto later =
          std::find_if(points_.begin() + static_cast<std::ptrdiff_t>(j), points_.end(), matches);
      if (later != points_.end()) {
        auto proof = ConsistencyProof(std::span<const Hash>(leaves_).first(later->size), size);
        if (!VerifyConsistency(size, later->size, p.root, later->root, proof)) {
          AddFinding(Fault::kFork, last_match, size,
                     "The checkpoint of size " + N(size) + " (" + Origins(p.origins) +
                         ") is not a prefix of the checkpoint of size " + N(later->size) + " (" +
                         Origins(later->origins) + "): " + OneOf(last_match, size) +
                         " was rewritten and signed again.",
                     false);
          continue;
        }
      }
      if (!mismatch_reported) {
        AddFinding(Fault::kCheckpointMismatch, last_match, size,
                   "The entries do not have the root of the checkpoint of size " + N(size) + " (" +
                       Origins(p.origins) + "): " + OneOf(last_match, size) +
                       " was changed after it was signed.",
                   false);
        mismatch_reported = true;
      }
    }
    if (match) {
      const Point& p = points_[*match];
      // Consecutive verified checkpoints must be consistent (RFC 6962 §2.1.2).
      if (previous_match) {
        const Point& old = points_[*previous_match];
        auto proof = ConsistencyProof(std::span<const Hash>(leaves_).first(size), old.size);
        if (!VerifyConsistency(old.size, size, old.root, p.root, proof)) {
          AddFinding(Fault::kFork, old.size, size,
                     "No consistency proof links the checkpoints of size " + N(old.size) + " and " +
                         N(size) + ".",
                     false);
        }
      }
      previous_match = match;
      last_match = size;
      report_.checkpoints_verified += p.origins.size();
      report_.largest_verified_size = size;
    }
    i = j;
  }
  if (truncated_at) {
    const Point& p = points_[*truncated_at];
    AddFinding(Fault::kTruncated, end_, p.size,
               "The log ends after " + N(end_) + " entries but the checkpoint of size " +
                   N(p.size) + " (" + Origins(p.origins) +
                   ") was signed: " + Missing(end_, p.size) + " (truncated).",
               true);
  }
  return std::move(report_);
}

}  // namespace opennrm::audit
