#include "domain/audit/log_entry.hpp"

#include "domain/audit/canonical_event.hpp"

namespace opennrm::audit {

EntryIndex IndexOf(const Event& e) {
  EntryIndex index;
  index.at_us = e.at_us;
  index.actor_user_id = e.actor_user_id;
  index.actor_token_id = e.actor_token_id;
  index.organisation_id = e.organisation_id;
  index.action = e.action;
  index.outcome = e.outcome;
  index.objects.reserve(e.objects.size());
  for (const ObjectRef& o : e.objects) index.objects.push_back({o.type, o.id, o.organisation_id});
  return index;
}

Result<StoredEntry> AppendEntry(CompactRange& range, std::string leaf) {
  auto event = DecodeEvent(leaf);
  if (!event) return tl::unexpected(event.error());
  StoredEntry entry;
  entry.seq = range.size();
  const Hash leaf_hash = LeafHash(leaf);
  range.Append(leaf_hash);
  entry.leaf = std::move(leaf);
  entry.leaf_hash_hex = ToHex(leaf_hash);
  entry.root_hex = ToHex(range.Root());
  entry.index = IndexOf(*event);
  return entry;
}

std::string FormatSubtreeRoots(const CompactRange& range) {
  std::string out;
  for (const Hash& h : range.subtree_roots()) {
    if (!out.empty()) out.push_back(',');
    out += ToHex(h);
  }
  return out;
}

std::optional<CompactRange> ParseSubtreeRoots(uint64_t size, std::string_view text) {
  std::vector<Hash> roots;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    auto h = FromHex(item);
    if (!h || ToHex(*h) != item) return std::nullopt;
    roots.push_back(*h);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
    if (text.empty()) return std::nullopt;  // a trailing comma
  }
  return CompactRange::FromSubtreeRoots(size, std::move(roots));
}

StoredTree ToStoredTree(const CompactRange& range) {
  return StoredTree{range.size(), ToHex(range.Root()), FormatSubtreeRoots(range)};
}

std::optional<CompactRange> FromStoredTree(const StoredTree& tree) {
  auto range = ParseSubtreeRoots(tree.size, tree.subtree_roots);
  if (!range || ToHex(range->Root()) != tree.root_hex) return std::nullopt;
  return range;
}

}  // namespace opennrm::audit
