#include "security/in_memory_field_cipher.hpp"

#include <mutex>
#include <utility>

#include "security/field_sealer.hpp"

namespace opennrm::security {
namespace {

auto NoKeys(std::string_view organisation_id) {
  return NotFound("No data key is loaded for organisation " + std::string(organisation_id) + ".");
}

}  // namespace

Status InMemoryFieldCipher::AddKey(std::string organisation_id, uint32_t version, DataKey key,
                                   bool make_current) {
  if (organisation_id.empty()) {
    return Invalid("organisation_id", "required", "A data key must belong to an organisation.");
  }
  auto shared = std::make_shared<const DataKey>(std::move(key));
  std::unique_lock lock(mu_);
  OrganisationKeys& org = keys_[organisation_id];
  if (!org.versions.emplace(version, std::move(shared)).second) {
    return Fail(ErrorCode::kConflict, "Version " + std::to_string(version) +
                                          " of the data key of organisation " + organisation_id +
                                          " is already loaded.");
  }
  if (make_current) org.current = version;
  return Ok();
}

std::optional<uint32_t> InMemoryFieldCipher::CurrentVersion(
    std::string_view organisation_id) const {
  std::shared_lock lock(mu_);
  auto it = keys_.find(organisation_id);
  if (it == keys_.end()) return std::nullopt;
  return it->second.current;
}

Result<std::string> InMemoryFieldCipher::Seal(const ports::FieldLocation& where,
                                              std::string_view plaintext) {
  std::shared_ptr<const DataKey> key;
  uint32_t version = 0;
  {
    std::shared_lock lock(mu_);
    auto it = keys_.find(where.organisation_id);
    if (it == keys_.end() || !it->second.current) return NoKeys(where.organisation_id);
    version = *it->second.current;
    auto v = it->second.versions.find(version);  // AddKey keeps the current version loaded
    if (v == it->second.versions.end()) return Internal("The current data key is missing.");
    key = v->second;
  }
  return security::Seal(*key, version, where, plaintext);
}

Result<std::string> InMemoryFieldCipher::Open(const ports::FieldLocation& where,
                                              std::string_view sealed) {
  auto version = KeyVersionOf(sealed);
  if (!version) return tl::unexpected(version.error());
  std::shared_ptr<const DataKey> key;
  {
    std::shared_lock lock(mu_);
    auto it = keys_.find(where.organisation_id);
    if (it == keys_.end() || it->second.versions.empty()) return NoKeys(where.organisation_id);
    auto v = it->second.versions.find(*version);
    if (v == it->second.versions.end()) {
      return Invalid("sealed_value", "key_version",
                     "A stored value names a key version that is not loaded.");
    }
    key = v->second;
  }
  return security::Open(*key, *version, where, sealed);
}

}  // namespace opennrm::security
