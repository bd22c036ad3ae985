#include "storage/repo/audit_repo.hpp"

#include <algorithm>
#include <climits>
#include <map>

#include "storage/repo/audit_sql.hpp"

namespace opennrm::storage::repo {

using audit_sql::ChunkRows;
using audit_sql::Damaged;
using audit_sql::Placeholders;
using audit_sql::Signed;
using audit_sql::ValuesList;
using sql::Value;

Status SqlAuditRepository::AppendPending(const std::vector<std::string>& bodies, long long now_us) {
  for (size_t done = 0; done < bodies.size();) {
    const size_t rows = ChunkRows(bodies.size() - done, 128);
    std::vector<Value> params;
    params.reserve(rows * 2);
    for (size_t i = 0; i < rows; ++i) {
      params.emplace_back(now_us);
      params.emplace_back(bodies[done + i]);
    }
    auto r = conn_.Execute(
        "INSERT INTO audit_pending (appended_at_us, body) VALUES " + ValuesList(rows, 2), params);
    if (!r) return tl::unexpected(r.error());
    done += rows;
  }
  return {};
}

Result<std::vector<ports::PendingAuditEvent>> SqlAuditRepository::Pending(int limit) {
  auto rows = conn_.Query("SELECT id, body, appended_at_us FROM audit_pending ORDER BY id LIMIT $1",
                          {Value(static_cast<long long>(limit))});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::PendingAuditEvent> out;
  out.reserve(rows->size());
  for (size_t r = 0; r < rows->size(); ++r)
    out.push_back({rows->Int(r, 0), rows->Text(r, 1), rows->Int(r, 2)});
  return out;
}

Status SqlAuditRepository::RemovePending(const std::vector<long long>& ids) {
  long long removed = 0;
  for (size_t done = 0; done < ids.size();) {
    const size_t rows = ChunkRows(ids.size() - done, 256);
    std::vector<Value> params(ids.begin() + static_cast<std::ptrdiff_t>(done),
                              ids.begin() + static_cast<std::ptrdiff_t>(done + rows));
    auto r = conn_.Execute("DELETE FROM audit_pending WHERE id IN (" + Placeholders(rows, 1) + ")",
                           params);
    if (!r) return tl::unexpected(r.error());
    removed += *r;
    done += rows;
  }
  if (removed != static_cast<long long>(ids.size())) {
    return Fail(ErrorCode::kConflict, "Pending audit events were removed by someone else.");
  }
  return {};
}

Result<long long> SqlAuditRepository::CountPending() {
  auto rows = conn_.Query("SELECT count(*) FROM audit_pending", {});
  if (!rows) return tl::unexpected(rows.error());
  return rows->Int(0, 0);
}

Result<audit::StoredTree> SqlAuditRepository::Tree() {
  auto rows = conn_.Query("SELECT size, root, subtree_roots FROM audit_tree WHERE id = 1", {});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() != 1) return tl::unexpected(Damaged("the tree state row is missing"));
  return audit::StoredTree{static_cast<uint64_t>(rows->Int(0, 0)), rows->Text(0, 1),
                           rows->Text(0, 2)};
}

Status SqlAuditRepository::AppendEntries(const std::vector<audit::StoredEntry>& entries) {
  for (size_t done = 0; done < entries.size();) {
    const size_t rows = ChunkRows(entries.size() - done, 64);
    std::vector<Value> params;
    params.reserve(rows * 10);
    for (size_t i = 0; i < rows; ++i) {
      const audit::StoredEntry& e = entries[done + i];
      params.insert(params.end(), {Value(Signed(e.seq)), e.leaf, e.leaf_hash_hex, e.root_hex,
                                   e.index.at_us, e.index.actor_user_id, e.index.actor_token_id,
                                   e.index.organisation_id, e.index.action, e.index.outcome});
    }
    auto r = conn_.Execute(
        "INSERT INTO audit_entries (seq, leaf, leaf_hash, root, at_us, actor_user_id,"
        " actor_token_id, organisation_id, action, outcome) VALUES " +
            ValuesList(rows, 10),
        params);
    if (!r) return tl::unexpected(r.error());
    done += rows;
  }
  std::vector<Value> objects;
  for (const auto& e : entries) {
    for (size_t p = 0; p < e.index.objects.size(); ++p) {
      const auto& o = e.index.objects[p];
      objects.insert(objects.end(), {Value(Signed(e.seq)), Value(static_cast<long long>(p)), o.type,
                                     o.id, o.organisation_id});
    }
  }
  const size_t total = objects.size() / 5;
  for (size_t done = 0; done < total;) {
    const size_t rows = ChunkRows(total - done, 128);
    std::vector<Value> params(objects.begin() + static_cast<std::ptrdiff_t>(done * 5),
                              objects.begin() + static_cast<std::ptrdiff_t>((done + rows) * 5));
    auto r = conn_.Execute(
        "INSERT INTO audit_entry_objects (seq, position, object_type, object_id,"
        " organisation_id) VALUES " +
            ValuesList(rows, 5),
        params);
    if (!r) return tl::unexpected(r.error());
    done += rows;
  }
  return {};
}

Status SqlAuditRepository::SaveTree(const audit::StoredTree& tree, uint64_t expected_size,
                                    long long now_us) {
  auto r = conn_.Execute(
      "UPDATE audit_tree SET size = $1, root = $2, subtree_roots = $3, updated_at_us = $4"
      " WHERE id = 1 AND size = $5",
      {Signed(tree.size), tree.root_hex, tree.subtree_roots, now_us, Signed(expected_size)});
  if (!r) return tl::unexpected(r.error());
  if (*r != 1) return Fail(ErrorCode::kConflict, "The audit tree moved on in another transaction.");
  return {};
}

Status SqlAuditRepository::AddCheckpoint(const audit::SignedCheckpoint& s) {
  auto r = conn_.Execute(
      "INSERT INTO audit_checkpoints (size, root, time_us, key_id, signature)"
      " VALUES ($1, $2, $3, $4, $5)",
      {Signed(s.checkpoint.size), audit::ToHex(s.checkpoint.root), s.checkpoint.time_us, s.key_id,
       audit::BytesToHex(s.signature)});
  if (!r) return tl::unexpected(r.error());
  return {};
}

Status SqlAuditRepository::AddKey(const ports::AuditKey& key) {
  auto r = conn_.Execute(
      "INSERT INTO audit_keys (key_id, public_key, first_used_at_us) VALUES ($1, $2, $3)"
      " ON CONFLICT (key_id) DO NOTHING",
      {key.key_id, audit::BytesToHex(key.public_key), key.first_used_at_us});
  if (!r) return tl::unexpected(r.error());
  return {};
}

Result<ports::JournalPosition> SqlAuditRepository::JournalApplied() {
  auto rows = conn_.Query("SELECT segment, end_offset FROM audit_journal_state WHERE id = 1", {});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() != 1) return tl::unexpected(Damaged("the journal state row is missing"));
  if (rows->Int(0, 0) < 0 || rows->Int(0, 1) < 0) {
    return tl::unexpected(Damaged("the journal state is negative"));
  }
  return ports::JournalPosition{static_cast<uint64_t>(rows->Int(0, 0)),
                                static_cast<uint64_t>(rows->Int(0, 1))};
}

Status SqlAuditRepository::SaveJournalApplied(ports::JournalPosition position) {
  auto r =
      conn_.Execute("UPDATE audit_journal_state SET segment = $1, end_offset = $2 WHERE id = 1",
                    {Value(Signed(position.segment)), Value(Signed(position.offset))});
  if (!r) return tl::unexpected(r.error());
  if (*r != 1) return tl::unexpected(Damaged("the journal state row is missing"));
  return {};
}

Result<ports::AuditEntryPage> SqlAuditRepository::Find(const ports::AuditEventFilter& f) {
  std::string where = " WHERE 1 = 1";
  std::vector<Value> params;
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (f.from_us) where += " AND e.at_us >= " + param(*f.from_us);
  if (f.to_us) where += " AND e.at_us < " + param(*f.to_us);
  if (f.actor) {
    std::string p = param(*f.actor);
    where += " AND (e.actor_user_id = " + p + " OR e.actor_token_id = " + p + ")";
  }
  if (f.action) where += " AND e.action = " + param(*f.action);
  if (f.object_type || f.object_id) {
    // The indexed entries through the object index, the later ones by seq (ADR 16).
    std::string indexed, recent;
    if (f.object_type) {
      std::string p = param(*f.object_type);
      indexed += " AND i.object_type = " + p;
      recent += " AND o.object_type = " + p;
    }
    if (f.object_id) {
      std::string p = param(*f.object_id);
      indexed += " AND i.object_id = " + p;
      recent += " AND o.object_id = " + p;
    }
    where +=
        " AND e.seq IN (SELECT i.seq FROM audit_object_index i WHERE 1 = 1" + indexed +
        " UNION ALL SELECT o.seq FROM audit_entry_objects o WHERE o.seq >= (SELECT indexed_below"
        " FROM audit_object_index_state WHERE id = 1)" +
        recent + ")";
  }
  if (f.organisation_id) {
    std::string p = param(*f.organisation_id);
    where += " AND (e.organisation_id = " + p +
             " OR EXISTS (SELECT 1 FROM audit_entry_objects o WHERE o.seq = e.seq"
             " AND o.organisation_id = " +
             p + "))";
  }
  ports::AuditEntryPage page;
  auto count = conn_.Query("SELECT count(*) FROM audit_entries e" + where, params);
  if (!count) return tl::unexpected(count.error());
  page.total = count->Int(0, 0);
  std::string limit = param(static_cast<long long>(f.limit));
  std::string offset = param(static_cast<long long>(f.offset));
  auto rows = conn_.Query("SELECT e.seq, e.leaf FROM audit_entries e" + where +
                              " ORDER BY e.seq DESC LIMIT " + limit + " OFFSET " + offset,
                          params);
  if (!rows) return tl::unexpected(rows.error());
  for (size_t r = 0; r < rows->size(); ++r) {
    page.items.push_back({static_cast<uint64_t>(rows->Int(r, 0)), rows->Text(r, 1)});
  }
  return page;
}

Result<std::vector<audit::StoredEntry>> SqlAuditRepository::Entries(uint64_t from_seq,
                                                                    uint64_t to_seq, int limit) {
  auto rows = conn_.Query(
      "SELECT seq, leaf, leaf_hash, root, at_us, actor_user_id, actor_token_id, organisation_id,"
      " action, outcome FROM audit_entries WHERE seq >= $1 AND seq < $2 ORDER BY seq LIMIT $3",
      {Signed(from_seq), Signed(to_seq), Value(static_cast<long long>(limit))});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<audit::StoredEntry> out;
  out.reserve(rows->size());
  std::map<uint64_t, size_t> by_seq;
  for (size_t r = 0; r < rows->size(); ++r) {
    audit::StoredEntry e;
    e.seq = static_cast<uint64_t>(rows->Int(r, 0));
    e.leaf = rows->Text(r, 1);
    e.leaf_hash_hex = rows->Text(r, 2);
    e.root_hex = rows->Text(r, 3);
    e.index.at_us = rows->Int(r, 4);
    e.index.actor_user_id = rows->Text(r, 5);
    e.index.actor_token_id = rows->Text(r, 6);
    e.index.organisation_id = rows->Text(r, 7);
    e.index.action = rows->Text(r, 8);
    e.index.outcome = rows->Text(r, 9);
    by_seq[e.seq] = out.size();
    out.push_back(std::move(e));
  }
  if (out.empty()) return out;
  auto objects = conn_.Query(
      "SELECT seq, object_type, object_id, organisation_id FROM audit_entry_objects"
      " WHERE seq >= $1 AND seq <= $2 ORDER BY seq, position",
      {Signed(out.front().seq), Signed(out.back().seq)});
  if (!objects) return tl::unexpected(objects.error());
  for (size_t r = 0; r < objects->size(); ++r) {
    auto it = by_seq.find(static_cast<uint64_t>(objects->Int(r, 0)));
    if (it == by_seq.end()) continue;
    out[it->second].index.objects.push_back(
        {objects->Text(r, 1), objects->Text(r, 2), objects->Text(r, 3)});
  }
  return out;
}

Result<std::vector<audit::Hash>> SqlAuditRepository::LeafHashes(uint64_t count) {
  auto rows = conn_.Query("SELECT seq, leaf_hash FROM audit_entries WHERE seq < $1 ORDER BY seq",
                          {Signed(count)});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<audit::Hash> out;
  out.reserve(rows->size());
  for (size_t r = 0; r < rows->size(); ++r) {
    auto h = audit::FromHex(rows->Text(r, 1));
    if (rows->Int(r, 0) != static_cast<long long>(r) || !h) {
      return tl::unexpected(Damaged("at entry " + std::to_string(r)));
    }
    out.push_back(*h);
  }
  if (out.size() != count) return tl::unexpected(Damaged("entries are missing"));
  return out;
}

Result<std::vector<audit::SignedCheckpoint>> SqlAuditRepository::Checkpoints(uint64_t min_size,
                                                                             uint64_t max_size,
                                                                             int limit,
                                                                             bool newest_first) {
  auto rows =
      conn_.Query(std::string("SELECT size, root, time_us, key_id, signature FROM audit_checkpoints"
                              " WHERE size >= $1 AND size <= $2 ORDER BY size ") +
                      (newest_first ? "DESC" : "ASC") + " LIMIT $3",
                  {Signed(min_size), Signed(max_size), Value(static_cast<long long>(limit))});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<audit::SignedCheckpoint> out;
  out.reserve(rows->size());
  for (size_t r = 0; r < rows->size(); ++r) {
    auto root = audit::FromHex(rows->Text(r, 1));
    auto signature = audit::HexToBytes(rows->Text(r, 4));
    if (!root || !signature) {
      return tl::unexpected(Damaged("the checkpoint of size " + rows->Text(r, 0)));
    }
    out.push_back(
        {audit::Checkpoint{static_cast<uint64_t>(rows->Int(r, 0)), *root, rows->Int(r, 2)},
         rows->Text(r, 3), std::move(*signature)});
  }
  return out;
}

Result<std::vector<ports::AuditKey>> SqlAuditRepository::Keys() {
  auto rows = conn_.Query(
      "SELECT key_id, public_key, first_used_at_us FROM audit_keys ORDER BY first_used_at_us,"
      " key_id",
      {});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::AuditKey> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto key = audit::HexToBytes(rows->Text(r, 1));
    if (!key) return tl::unexpected(Damaged("the public key " + rows->Text(r, 0)));
    out.push_back({rows->Text(r, 0), std::move(*key), rows->Int(r, 2)});
  }
  return out;
}

}  // namespace opennrm::storage::repo
