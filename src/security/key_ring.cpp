#include "security/key_ring.hpp"

#include <sodium.h>

#include <set>

#include "security/blind_digest.hpp"
#include "security/field_sealer.hpp"
#include "security/key_wrap.hpp"

namespace opennrm::security {

namespace {

std::string Hex(const unsigned char* p, size_t n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[p[i] >> 4]);
    out.push_back(kDigits[p[i] & 15]);
  }
  return out;
}

// The organisation whose package key `owner` is; empty if it is no package-box owner.
std::string PackageBoxOrganisation(const std::string& owner) {
  std::string_view suffix = kPackageBoxKeySuffix;
  if (!owner.ends_with(suffix)) return {};
  std::string organisation_id = owner.substr(0, owner.size() - suffix.size());
  return IsReservedOwner(organisation_id) ? std::string() : organisation_id;
}

}  // namespace

bool IsReservedOwner(const std::string& organisation_id) {
  return organisation_id.empty() || organisation_id == kPlatformKeyOwner ||
         organisation_id.find('/') != std::string::npos;
}

std::string BlindIndexKeyOwner(const std::string& organisation_id) {
  return organisation_id + kBlindIndexKeySuffix;
}

std::string PackageBoxKeyOwner(const std::string& organisation_id) {
  return organisation_id + kPackageBoxKeySuffix;
}

std::string Fingerprint(const MasterKey& key) {
  unsigned char out[16];
  static const unsigned char kLabel[] = "opennrm/master-key-fingerprint/v1";
  crypto_generichash(out, sizeof out, kLabel, sizeof kLabel - 1, key.bytes().data(),
                     key.bytes().size());
  return Hex(out, sizeof out);
}

KeyRing::KeyRing(ports::Database& db, const Clock& clock, MasterKey current,
                 std::optional<MasterKey> previous)
    : db_(db), clock_(clock), current_(std::move(current)), previous_(std::move(previous)) {
  current_fp_ = Fingerprint(current_);
  if (previous_) previous_fp_ = Fingerprint(*previous_);
}

Result<DataKey> KeyRing::Unwrap(const ports::WrappedDataKey& k) const {
  if (k.master_fingerprint == current_fp_) {
    return UnwrapDataKey(current_, k.organisation_id, static_cast<uint32_t>(k.version), k.wrapped);
  }
  if (previous_ && k.master_fingerprint == previous_fp_) {
    return UnwrapDataKey(*previous_, k.organisation_id, static_cast<uint32_t>(k.version),
                         k.wrapped);
  }
  return Fail(ErrorCode::kInternal,
              "A data key is wrapped under a master key this server does not hold (fingerprint " +
                  k.master_fingerprint + ").");
}

Status KeyRing::Load(const std::string& organisation_id) {
  std::lock_guard lock(load_mu_);
  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto keys = (*uow)->data_keys().ForOrganisation(organisation_id);
  if (!keys) return tl::unexpected(keys.error());
  uow->reset();
  for (const auto& k : *keys) {  // ascending versions: the last one becomes current
    auto version = static_cast<uint32_t>(k.version);
    auto key = Unwrap(k);
    if (!key) return tl::unexpected(key.error());
    auto added = cache_.AddKey(organisation_id, version, std::move(*key), true);
    if (!added && added.error().code != ErrorCode::kConflict) return added;
  }
  if (!keys->empty()) {
    // AddKey does not make an already-loaded version current again.
    auto latest = static_cast<uint32_t>(keys->back().version);
    if (cache_.CurrentVersion(organisation_id) != latest) {
      auto key = Unwrap(keys->back());
      if (!key) return tl::unexpected(key.error());
      (void)cache_.AddKey(organisation_id, latest, std::move(*key), true);
    }
  }
  return Ok();
}

Status KeyRing::Create(const std::string& organisation_id, int version) {
  auto key = DataKey::Generate();
  if (!key) return tl::unexpected(key.error());
  auto wrapped = WrapDataKey(current_, organisation_id, static_cast<uint32_t>(version), *key);
  if (!wrapped) return tl::unexpected(wrapped.error());
  auto uow = db_.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  ports::WrappedDataKey row{organisation_id, version, *wrapped, current_fp_,
                            ToEpochMicros(clock_.Now())};
  if (auto st = (*uow)->data_keys().Insert(row); !st) return st;
  return (*uow)->Commit();
}

Result<std::string> KeyRing::Seal(const ports::FieldLocation& where, std::string_view plaintext) {
  if (IsReservedOwner(where.organisation_id)) {
    return Fail(ErrorCode::kInvalid, "A sealed field needs its owning organisation.");
  }
  if (!cache_.CurrentVersion(where.organisation_id)) {
    if (auto st = Load(where.organisation_id); !st) return tl::unexpected(st.error());
    if (!cache_.CurrentVersion(where.organisation_id)) {
      auto created = Create(where.organisation_id, 1);
      if (!created && created.error().code != ErrorCode::kConflict) {
        return tl::unexpected(created.error());
      }
      if (auto st = Load(where.organisation_id); !st) return tl::unexpected(st.error());
    }
  }
  return cache_.Seal(where, plaintext);
}

Result<std::string> KeyRing::Open(const ports::FieldLocation& where, std::string_view sealed) {
  // Else a reserved owner's keys (a package key, the platform secret) would be
  // loaded below into the field cipher.
  if (IsReservedOwner(where.organisation_id)) {
    return Fail(ErrorCode::kInvalid, "A sealed field needs its owning organisation.");
  }
  auto version = KeyVersionOf(sealed);
  if (!version) return tl::unexpected(version.error());
  auto opened = cache_.Open(where, sealed);
  if (opened) return opened;
  // A version another server created since we loaded: load and try once more.
  auto current = cache_.CurrentVersion(where.organisation_id);
  if (!current || *version > *current) {
    if (auto st = Load(where.organisation_id); !st) return tl::unexpected(st.error());
    return cache_.Open(where, sealed);
  }
  return opened;
}

Result<std::vector<ports::WrappedDataKey>> KeyRing::Rows(const std::string& owner, bool create) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto uow = db_.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto rows = (*uow)->data_keys().ForOrganisation(owner);
    if (!rows) return tl::unexpected(rows.error());
    uow->reset();
    if (!rows->empty() || !create) return rows;
    if (attempt == 1) break;
    auto created = Create(owner, 1);
    if (!created && created.error().code != ErrorCode::kConflict) {
      return tl::unexpected(created.error());
    }
    // Created here, or by another server first (kConflict): read it back.
  }
  return Internal("The key of " + owner + " could not be created.");
}

Result<DataKey> KeyRing::SingleKey(const std::string& owner) {
  auto rows = Rows(owner, true);
  if (!rows) return tl::unexpected(rows.error());
  return Unwrap(rows->front());
}

Result<std::vector<OwnerKey>> KeyRing::OwnerKeys(const std::string& owner, bool create) {
  if (PackageBoxOrganisation(owner).empty()) {
    return Fail(ErrorCode::kInvalid, "Only an organisation's package keys leave the key ring.");
  }
  auto rows = Rows(owner, create);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<OwnerKey> out;
  out.reserve(rows->size());
  for (const auto& row : *rows) {
    if (row.version < 1) return Internal("A key of " + owner + " has an invalid version.");
    auto key = Unwrap(row);
    if (!key) return tl::unexpected(key.error());
    out.push_back(OwnerKey{row.version, std::move(*key)});
  }
  return out;
}

Result<DataKey> KeyRing::PlatformSecret() { return SingleKey(kPlatformKeyOwner); }

Result<std::vector<std::string>> KeyRing::Digests(const std::string& organisation_id,
                                                  const std::vector<std::string>& inputs) {
  if (IsReservedOwner(organisation_id)) {
    return Fail(ErrorCode::kInvalid, "A blind index needs its owning organisation.");
  }
  if (inputs.empty()) return std::vector<std::string>{};
  std::shared_ptr<const DataKey> key;
  {
    std::lock_guard lock(index_mu_);
    if (auto it = index_keys_.find(organisation_id); it != index_keys_.end()) key = it->second;
  }
  if (!key) {
    // Outside the lock: loading may create the key and wait on the database.
    auto loaded = SingleKey(BlindIndexKeyOwner(organisation_id));
    if (!loaded) return tl::unexpected(loaded.error());
    auto fresh = std::make_shared<const DataKey>(std::move(*loaded));
    std::lock_guard lock(index_mu_);
    key = index_keys_.try_emplace(organisation_id, std::move(fresh)).first->second;
  }
  std::vector<std::string> out;
  out.reserve(inputs.size());
  for (const auto& input : inputs) out.push_back(BlindDigest(key->bytes(), input));
  return out;
}

Result<RewrapReport> KeyRing::RewrapAll() {
  RewrapReport report;
  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto all = (*uow)->data_keys().All();
  if (!all) return tl::unexpected(all.error());
  uow->reset();
  for (const auto& k : *all) {
    if (k.master_fingerprint == current_fp_) {
      ++report.already_current;
      continue;
    }
    auto key = Unwrap(k);
    if (!key) {
      ++report.unreadable;
      continue;
    }
    auto wrapped = WrapDataKey(current_, k.organisation_id, static_cast<uint32_t>(k.version), *key);
    if (!wrapped) return tl::unexpected(wrapped.error());
    auto w = db_.Begin(ports::Access::kWrite);
    if (!w) return tl::unexpected(w.error());
    auto done = (*w)->data_keys().Rewrap(k.organisation_id, k.version, k.master_fingerprint,
                                         *wrapped, current_fp_);
    if (!done) return tl::unexpected(done.error());
    if (auto c = (*w)->Commit(); !c) return tl::unexpected(c.error());
    if (*done)
      ++report.rewrapped;
    else
      ++report.already_current;  // another process moved it first
  }
  return report;
}

Result<int> KeyRing::NewDataKeyVersions() {
  auto uow = db_.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto all = (*uow)->data_keys().All();
  if (!all) return tl::unexpected(all.error());
  uow->reset();
  // owner -> its latest version. Only data keys and package keys: a new
  // platform secret would void every token, a new index key every stored
  // digest, and any other owner is left alone until someone decides otherwise.
  std::map<std::string, int> latest;
  for (const auto& k : *all) {
    if (IsReservedOwner(k.organisation_id) && PackageBoxOrganisation(k.organisation_id).empty()) {
      continue;
    }
    latest[k.organisation_id] = std::max(latest[k.organisation_id], k.version);
  }
  std::set<std::string> organisations;
  for (const auto& [owner, version] : latest) {
    auto st = Create(owner, version + 1);
    if (!st && st.error().code != ErrorCode::kConflict) return tl::unexpected(st.error());
    const bool package_key = IsReservedOwner(owner);
    if (st) organisations.insert(package_key ? PackageBoxOrganisation(owner) : owner);
    // The field cipher serves data keys only: a package key stays out of it
    // (the package box unwraps its own through OwnerKeys).
    if (package_key) continue;
    if (auto l = Load(owner); !l) return tl::unexpected(l.error());
  }
  return static_cast<int>(organisations.size());
}

}  // namespace opennrm::security
