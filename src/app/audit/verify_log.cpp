#include "app/audit/verify_log.hpp"

#include <algorithm>
#include <limits>

namespace opennrm::app::audit {

namespace oa = opennrm::audit;

Result<VerifyOutcome> VerifyAuditLog(ports::Database& db, const VerifyInputs& inputs) {
  constexpr uint64_t kAnySize = static_cast<uint64_t>(std::numeric_limits<long long>::max());
  VerifyOutcome outcome;
  auto uow = db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto& audit = (*uow)->audit();

  // Order matters on a live log: checkpoints before the tree state (a checkpoint is never larger
  // than the tree it was signed from), the tree state before the entries (read up to its size),
  // and the tree state again before looking beyond it (an entry sequenced meanwhile is fine).
  std::vector<oa::CheckpointSource> checkpoints = inputs.exported;
  outcome.exported_checkpoints = inputs.exported.size();
  auto stored = audit.Checkpoints(0, kAnySize, std::numeric_limits<int>::max(), false);
  if (!stored) return tl::unexpected(stored.error());
  outcome.database_checkpoints = stored->size();
  for (auto& c : *stored) checkpoints.push_back({std::move(c), "database"});

  std::vector<std::string> keys = inputs.trusted_keys;
  if (keys.empty()) {
    auto stored_keys = audit.Keys();
    if (!stored_keys) return tl::unexpected(stored_keys.error());
    for (auto& k : *stored_keys) keys.push_back(std::move(k.public_key));
    outcome.used_database_keys = true;
  }

  auto tree = audit.Tree();
  if (!tree) return tl::unexpected(tree.error());
  outcome.tree_size = tree->size;

  oa::LogVerifier verifier(keys, std::move(checkpoints));
  uint64_t next = 0;
  while (next < tree->size) {
    auto page = audit.Entries(next, tree->size, inputs.page_size);
    if (!page) return tl::unexpected(page.error());
    if (page->empty()) break;
    for (const auto& entry : *page) verifier.Add(entry);
    next = page->back().seq + 1;
  }

  // An entry beyond the tree state was not written by the sequencer (which moves both at once).
  auto tree_now = audit.Tree();
  if (!tree_now) return tl::unexpected(tree_now.error());
  auto beyond = audit.Entries(std::max(tree_now->size, tree->size), kAnySize, 1);
  if (!beyond) return tl::unexpected(beyond.error());
  std::optional<uint64_t> unsequenced;
  if (!beyond->empty()) unsequenced = beyond->front().seq;
  outcome.report = verifier.Finish(*tree, unsequenced);
  return outcome;
}

}  // namespace opennrm::app::audit
