#include "storage/repo/lease_repo.hpp"

namespace opennrm::storage::repo {

Result<bool> SqlLeaseRepository::TryAcquire(const std::string& name, const std::string& holder,
                                            long long now_us, long long expires_at_us) {
  // Insert, or take over when the lease is ours or has expired; otherwise
  // the WHERE clause leaves the row as it is and no row is returned.
  auto rows = conn_.Query(
      "INSERT INTO leases (name, holder, expires_at_us) VALUES ($1, $2, $3)"
      " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
      " expires_at_us = excluded.expires_at_us"
      " WHERE leases.holder = excluded.holder OR leases.expires_at_us <= $4"
      " RETURNING holder",
      {name, holder, expires_at_us, now_us});
  if (!rows) return tl::unexpected(rows.error());
  return rows->size() == 1 && rows->Text(0, 0) == holder;
}

Status SqlLeaseRepository::Release(const std::string& name, const std::string& holder) {
  auto r = conn_.Execute("DELETE FROM leases WHERE name = $1 AND holder = $2", {name, holder});
  if (!r) return tl::unexpected(r.error());
  return {};
}

}  // namespace opennrm::storage::repo
