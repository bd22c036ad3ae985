#include "app/audit/log_append.hpp"

#include "domain/audit/log_entry.hpp"

namespace opennrm::app::audit {

namespace oa = opennrm::audit;

Result<uint64_t> AppendToLog(ports::AuditRepository& audit, std::vector<std::string> leaves,
                             long long now_us, size_t* bad_leaf) {
  auto tree = audit.Tree();
  if (!tree) return tl::unexpected(tree.error());
  auto range = oa::FromStoredTree(*tree);
  if (!range) {
    return Fail(ErrorCode::kInternal,
                "Audit sequencing stopped: the stored tree state is not well-formed. Run `opennrm "
                "audit verify`.");
  }
  const uint64_t old_size = range->size();
  if (leaves.empty()) return old_size;
  std::vector<oa::StoredEntry> entries;
  entries.reserve(leaves.size());
  for (size_t i = 0; i < leaves.size(); ++i) {
    auto entry = oa::AppendEntry(*range, std::move(leaves[i]));
    if (!entry) {
      if (bad_leaf) *bad_leaf = i;
      return Fail(ErrorCode::kInternal,
                  "Audit sequencing stopped: an event is not a canonical event. Run `opennrm audit "
                  "verify`.");
    }
    entries.push_back(std::move(*entry));
  }
  if (auto st = audit.AppendEntries(entries); !st) return tl::unexpected(st.error());
  if (auto st = audit.SaveTree(oa::ToStoredTree(*range), old_size, now_us); !st) {
    return tl::unexpected(st.error());
  }
  return range->size();
}

}  // namespace opennrm::app::audit
