#include "app/audit/queries.hpp"

#include <limits>
#include <span>

#include "domain/audit/canonical_event.hpp"
#include "domain/audit/merkle.hpp"

namespace opennrm::app::audit {

namespace oa = opennrm::audit;

namespace {

constexpr uint64_t kAnySize = static_cast<uint64_t>(std::numeric_limits<long long>::max());

}  // namespace

Result<EventPage> AuditQueries::ListEvents(const ports::AuditEventFilter& filter) {
  Problems problems;
  if (filter.limit < 1 || filter.limit > kMaxEventsPerPage) {
    problems.Add("limit", "range", "limit must be between 1 and 1000.");
  }
  if (filter.offset < 0) problems.Add("offset", "range", "offset must not be negative.");
  if (filter.from_us && filter.to_us && *filter.to_us < *filter.from_us) {
    problems.Add("to", "after_from", "to must not be before from.");
  }
  if (auto st = problems.ToStatus(); !st) return tl::unexpected(st.error());

  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto found = (*uow)->audit().Find(filter);
  if (!found) return tl::unexpected(found.error());
  EventPage page;
  page.total = found->total;
  page.items.reserve(found->items.size());
  for (const auto& row : found->items) {
    auto event = oa::DecodeEvent(row.leaf);
    LoggedEvent item;
    item.seq = row.seq;
    item.intact = event.has_value();
    if (event) item.event = std::move(*event);
    page.items.push_back(std::move(item));
  }
  return page;
}

Result<std::vector<oa::SignedCheckpoint>> AuditQueries::Checkpoints(
    int limit, std::optional<uint64_t> before_size) {
  if (limit < 1 || limit > kMaxCheckpointsPerPage) {
    return Invalid("limit", "range", "limit must be between 1 and 1000.");
  }
  if (before_size && *before_size == 0) return std::vector<oa::SignedCheckpoint>{};
  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->audit().Checkpoints(0, before_size ? *before_size - 1 : kAnySize, limit, true);
}

Result<uint64_t> AuditQueries::ProofSize(ports::AuditRepository& audit, uint64_t asked,
                                         const char* field) {
  auto tree = audit.Tree();
  if (!tree) return tl::unexpected(tree.error());
  if (asked == 0) {
    auto latest = audit.Checkpoints(0, kAnySize, 1, true);
    if (!latest) return tl::unexpected(latest.error());
    if (latest->empty()) return NotFound("No audit checkpoint has been signed yet.");
    return latest->front().checkpoint.size;
  }
  if (asked > tree->size) {
    return Invalid(field, "range",
                   std::string(field) + " is larger than the audit log (" +
                       std::to_string(tree->size) + " entries).");
  }
  return asked;
}

Result<InclusionProof> AuditQueries::Inclusion(uint64_t seq, uint64_t tree_size) {
  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto& audit = (*uow)->audit();
  auto size = ProofSize(audit, tree_size, "size");
  if (!size) return tl::unexpected(size.error());
  if (seq >= *size) {
    return Invalid("seq", "range", "seq must be smaller than the tree size.");
  }
  auto leaves = audit.LeafHashes(*size);
  if (!leaves) return tl::unexpected(leaves.error());
  InclusionProof proof;
  proof.seq = seq;
  proof.tree_size = *size;
  proof.leaf_hash = (*leaves)[seq];
  proof.root = oa::Root(*leaves);
  proof.path = oa::InclusionProof(*leaves, seq);
  return proof;
}

Result<ConsistencyProof> AuditQueries::Consistency(uint64_t from_size, uint64_t to_size) {
  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto& audit = (*uow)->audit();
  auto to = ProofSize(audit, to_size, "to");
  if (!to) return tl::unexpected(to.error());
  if (from_size > *to) return Invalid("from", "range", "from must not be larger than to.");
  auto leaves = audit.LeafHashes(*to);
  if (!leaves) return tl::unexpected(leaves.error());
  ConsistencyProof proof;
  proof.from_size = from_size;
  proof.to_size = *to;
  proof.from_root = oa::Root(std::span<const oa::Hash>(*leaves).first(from_size));
  proof.to_root = oa::Root(*leaves);
  proof.proof = oa::ConsistencyProof(*leaves, from_size);
  return proof;
}

Result<std::vector<ports::AuditKey>> AuditQueries::PublicKeys() {
  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->audit().Keys();
}

Result<TreeHead> AuditQueries::Head() {
  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto tree = (*uow)->audit().Tree();
  if (!tree) return tl::unexpected(tree.error());
  auto root = oa::FromHex(tree->root_hex);
  if (!root) return Internal("The audit tree state is damaged; run `opennrm audit verify`.");
  auto pending = (*uow)->audit().CountPending();
  if (!pending) return tl::unexpected(pending.error());
  return TreeHead{tree->size, *root, *pending};
}

}  // namespace opennrm::app::audit
