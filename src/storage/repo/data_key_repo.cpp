#include "storage/repo/data_key_repo.hpp"

#include "storage/repo/binary_text.hpp"

namespace opennrm::storage::repo {

Status SqlDataKeyRepository::Insert(const ports::WrappedDataKey& k) {
  auto r = conn_.Execute(
      "INSERT INTO data_keys (organisation_id, version, wrapped, master_fingerprint,"
      " created_at_us) VALUES ($1, $2, $3, $4, $5)",
      {k.organisation_id, static_cast<long long>(k.version), ToBase64(k.wrapped),
       k.master_fingerprint, k.created_at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::vector<ports::WrappedDataKey>> SqlDataKeyRepository::Select(
    const std::string& where, const std::vector<sql::Value>& params) {
  auto rows = conn_.Query(
      "SELECT organisation_id, version, wrapped, master_fingerprint, created_at_us"
      " FROM data_keys" +
          where + " ORDER BY organisation_id, version",
      params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::WrappedDataKey> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    ports::WrappedDataKey k;
    k.organisation_id = rows->Text(r, 0);
    k.version = static_cast<int>(rows->Int(r, 1));
    auto wrapped = FromBase64(rows->Text(r, 2), "data_keys.wrapped");
    if (!wrapped) return tl::unexpected(wrapped.error());
    k.wrapped = std::move(*wrapped);
    k.master_fingerprint = rows->Text(r, 3);
    k.created_at_us = rows->Int(r, 4);
    out.push_back(std::move(k));
  }
  return out;
}

Result<std::vector<ports::WrappedDataKey>> SqlDataKeyRepository::All() { return Select("", {}); }

Result<std::vector<ports::WrappedDataKey>> SqlDataKeyRepository::ForOrganisation(
    const std::string& organisation_id) {
  return Select(" WHERE organisation_id = $1", {organisation_id});
}

Result<bool> SqlDataKeyRepository::Rewrap(const std::string& organisation_id, int version,
                                          const std::string& expected_fingerprint,
                                          const std::string& wrapped,
                                          const std::string& fingerprint) {
  // Compare-and-set on the fingerprint: of two servers rotating the master
  // key at once, only the first re-wrap of a version takes effect.
  auto r = conn_.Execute(
      "UPDATE data_keys SET wrapped = $4, master_fingerprint = $5"
      " WHERE organisation_id = $1 AND version = $2 AND master_fingerprint = $3",
      {organisation_id, static_cast<long long>(version), expected_fingerprint, ToBase64(wrapped),
       fingerprint});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

}  // namespace opennrm::storage::repo
