#include "storage/repo/login_attempt_repo.hpp"

#include <algorithm>
#include <climits>

namespace opennrm::storage::repo {

namespace {

// Counts saturate rather than wrap, however hard an address is hammered.
int Saturated(long long count) { return static_cast<int>(std::min<long long>(count, INT_MAX)); }

}  // namespace

Status SqlLoginAttemptRepository::RecordFailure(const std::string& account_key,
                                                const std::string& address_key, long long at_us) {
  auto r = conn_.Execute(
      "INSERT INTO login_failures (account_key, address_key, at_us) VALUES ($1, $2, $3)",
      {account_key, address_key, at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<ports::FailureCounts> SqlLoginAttemptRepository::Count(const std::string& account_key,
                                                              const std::string& address_key,
                                                              long long since_us) {
  // Two index range scans (account_key, at_us) and (address_key, at_us). The
  // window includes `since_us`; the latest address failure is taken within it,
  // so it is 0 exactly when the address count is.
  auto rows = conn_.Query(
      "SELECT (SELECT COUNT(*) FROM login_failures WHERE account_key = $1 AND at_us >= $3),"
      " (SELECT COUNT(*) FROM login_failures WHERE address_key = $2 AND at_us >= $3),"
      " (SELECT MAX(at_us) FROM login_failures WHERE address_key = $2 AND at_us >= $3)",
      {account_key, address_key, since_us});
  if (!rows) return tl::unexpected(rows.error());
  ports::FailureCounts counts;
  counts.account = Saturated(rows->Int(0, 0));
  counts.address = Saturated(rows->Int(0, 1));
  counts.last_address_at_us = rows->Int(0, 2);  // NULL (none) reads as 0
  return counts;
}

Result<long long> SqlLoginAttemptRepository::Prune(long long before_us) {
  return conn_.Execute("DELETE FROM login_failures WHERE at_us < $1", {before_us});
}

}  // namespace opennrm::storage::repo
