// An in-memory data_keys table standing in for the database, for the security unit tests of
// the key ring and the package box (both only ever use data_keys()). Header-only, tests only.
// Thread-safe as the real repository is: every access takes the table's mutex.
#pragma once

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "ports/database.hpp"
#include "security/master_key.hpp"

namespace opennrm::security::testing {

// The data_keys table. Writes apply at once (no rollback): the key ring
// commits right after its one insert. `stale_reads` makes the next reads see
// an empty table, as a server that lost the creation race would.
struct KeyTable {
  std::mutex mu;
  std::vector<ports::WrappedDataKey> rows;
  int stale_reads = 0;
  std::atomic<int> begins{0};

  std::vector<ports::WrappedDataKey> Snapshot() {
    std::lock_guard lock(mu);
    return rows;
  }
};

class TableDataKeys final : public ports::DataKeyRepository {
 public:
  explicit TableDataKeys(KeyTable& t) : t_(t) {}
  Status Insert(const ports::WrappedDataKey& key) override {
    std::lock_guard lock(t_.mu);
    for (const auto& r : t_.rows) {
      if (r.organisation_id == key.organisation_id && r.version == key.version) {
        return Fail(ErrorCode::kConflict, "exists");
      }
    }
    t_.rows.push_back(key);
    return Ok();
  }
  Result<std::vector<ports::WrappedDataKey>> All() override {
    auto all = t_.Snapshot();
    std::sort(all.begin(), all.end(), [](auto& a, auto& b) {
      return std::tie(a.organisation_id, a.version) < std::tie(b.organisation_id, b.version);
    });
    return all;
  }
  Result<std::vector<ports::WrappedDataKey>> ForOrganisation(const std::string& owner) override {
    std::lock_guard lock(t_.mu);
    std::vector<ports::WrappedDataKey> out;
    if (t_.stale_reads > 0) {
      --t_.stale_reads;
      return out;
    }
    for (const auto& r : t_.rows)
      if (r.organisation_id == owner) out.push_back(r);
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
    return out;
  }
  Result<bool> Rewrap(const std::string& owner, int version, const std::string& expected,
                      const std::string& wrapped, const std::string& fingerprint) override {
    std::lock_guard lock(t_.mu);
    for (auto& r : t_.rows) {
      if (r.organisation_id == owner && r.version == version && r.master_fingerprint == expected) {
        r.wrapped = wrapped;
        r.master_fingerprint = fingerprint;
        return true;
      }
    }
    return false;
  }

 private:
  KeyTable& t_;
};

// Only data_keys() is used by the key ring; any other repository is a bug.
class TableUnitOfWork final : public ports::UnitOfWork {
 public:
  explicit TableUnitOfWork(KeyTable& t) : keys_(t) {}
  ports::OrganisationRepository& organisations() override { std::abort(); }
  ports::ReferenceRepository& reference() override { std::abort(); }
  ports::LeaseRepository& leases() override { std::abort(); }
  ports::AuditRepository& audit() override { std::abort(); }
  ports::UserRepository& users() override { std::abort(); }
  ports::LoginAttemptRepository& login_attempts() override { std::abort(); }
  ports::SessionRepository& sessions() override { std::abort(); }
  ports::ApiTokenRepository& api_tokens() override { std::abort(); }
  ports::DataKeyRepository& data_keys() override { return keys_; }
  ports::NotificationRepository& notifications() override { std::abort(); }
  ports::CaseRepository& cases() override { std::abort(); }
  ports::PersonRepository& persons() override { std::abort(); }
  ports::CaseRecordRepository& case_records() override { std::abort(); }
  ports::CaseNoteRepository& case_notes() override { std::abort(); }
  ports::CaseClockRepository& case_clocks() override { std::abort(); }
  ports::CaseTaskRepository& case_tasks() override { std::abort(); }
  ports::ChildTrackRepository& child_track() override { std::abort(); }
  ports::CaseLogRepository& case_log() override { std::abort(); }
  ports::CaseTrackRepository& case_tracks() override { std::abort(); }
  ports::StatisticsFactRepository& statistics_facts() override { std::abort(); }
  ports::ReferralRepository& referrals() override { std::abort(); }
  ports::ConsentRepository& consents() override { std::abort(); }
  ports::ConsultationRepository& consultations() override { std::abort(); }
  ports::KnowledgeRepository& knowledge() override { std::abort(); }
  ports::StatisticsReleaseRepository& statistics_releases() override { std::abort(); }
  ports::CrimeFigureRepository& crime_figures() override { std::abort(); }
  Status Commit() override { return Ok(); }

 private:
  TableDataKeys keys_;
};

class TableDatabase final : public ports::Database {
 public:
  Result<std::unique_ptr<ports::UnitOfWork>> Begin(ports::Access) override {
    ++table.begins;
    return std::unique_ptr<ports::UnitOfWork>(std::make_unique<TableUnitOfWork>(table));
  }
  std::string Dialect() const override { return "table"; }
  Status Ping() override { return Ok(); }
  ports::PoolState Pool() const override { return {}; }
  KeyTable table;
};

inline MasterKey Master(char fill) {
  const std::string raw(32, fill);
  std::string b64(sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(raw.data()), 32,
                    sodium_base64_VARIANT_ORIGINAL);
  b64.pop_back();
  return std::move(*MasterKey::FromBase64("TEST", b64));
}

}  // namespace opennrm::security::testing
