// Helpers for the audit log's storage tests: a signer, synthetic events, raw SQL for tampering,
// and shortcuts for sequencing and verifying. Synthetic ids only.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/audit/group_commit_log.hpp"
#include "app/audit/sequencer.hpp"
#include "app/audit/verify_log.hpp"
#include "cli/audit_checkpoint_dir.hpp"
#include "domain/audit/canonical_event.hpp"
#include "security/ed25519_signer.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage_fixture.hpp"

namespace opennrm::testing {

inline std::unique_ptr<security::Ed25519Signer> TestSigner(unsigned char fill) {
  std::array<unsigned char, 32> seed;
  seed.fill(fill);
  return security::Ed25519Signer::FromSeed(seed).value();
}

// A synthetic event: user u<i % 3> of organisation org-<i % 2> reads case-<i> owned by org-9.
inline audit::Event SyntheticEvent(int i, const std::string& request_id = "") {
  audit::Event e;
  e.at_us = 1'764'374'400'000'000LL + i;
  e.actor_user_id = "u" + std::to_string(i % 3);
  e.organisation_id = "org-" + std::to_string(i % 2);
  e.roles = {"social_worker"};
  e.action = i % 2 ? "case.read" : "case.update";
  e.outcome = "allowed";
  e.objects = {{"case", "case-" + std::to_string(i), "org-9", {"identity"}}};
  e.purpose = "assignment";
  e.request_id = request_id.empty() ? "req-" + std::to_string(i) : request_id;
  return e;
}

class AuditTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure()) return;
    char pattern[] = "/tmp/opennrm-audit-export-XXXXXX";
    export_dir_ = mkdtemp(pattern);
    signer_ = TestSigner(1);
    exporter_ = std::make_unique<cli::CheckpointDirectory>(export_dir_);
    sequencer_ = MakeSequencer("server-a", *signer_, exporter_.get());
  }

  void TearDown() override {
    sequencer_.reset();
    std::filesystem::remove_all(export_dir_);
    StorageTest::TearDown();
  }

  std::unique_ptr<app::audit::Sequencer> MakeSequencer(const std::string& holder,
                                                       ports::Signer& signer,
                                                       app::audit::CheckpointExporter* exporter,
                                                       app::audit::SequencerOptions o = {}) {
    o.holder = holder;
    o.lease_duration = std::chrono::seconds(30);
    o.checkpoint_interval = std::chrono::seconds(60);
    o.batch_size = 4;  // several transactions per step
    return std::make_unique<app::audit::Sequencer>(*db_, signer, o, exporter);
  }

  // Appends events i = first .. first+count-1 as pending entries, appended at `at_us`.
  void Append(int first, int count, long long at_us = 1) {
    std::vector<std::string> bodies;
    for (int i = first; i < first + count; ++i) {
      bodies.push_back(audit::EncodeEvent(SyntheticEvent(i)).value());
    }
    auto uow = db_->Begin(ports::Access::kWrite).value();
    ASSERT_TRUE(uow->audit().AppendPending(bodies, at_us).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }

  app::audit::StepReport Step(bool force_checkpoint) {
    auto r = sequencer_->Step(clock_.Now(), force_checkpoint);
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return r.value_or(app::audit::StepReport{});
  }

  // Runs `sql` on a connection of its own (outside the pool), as an intruder would.
  void Raw(const std::string& sql, const std::vector<storage::sql::Value>& params = {}) {
    auto conn = RawConnection();
    ASSERT_TRUE(conn);
    auto r = conn->Execute(sql, params);
    ASSERT_TRUE(r.has_value()) << sql << ": " << r.error().message;
  }

  std::unique_ptr<storage::sql::Connection> RawConnection() {
    const char* backend = std::getenv("OPENNRM_TEST_BACKEND");
    Result<std::unique_ptr<storage::sql::Connection>> conn =
        backend && std::string(backend) == "postgres"
            ? storage::postgres::Connect(std::getenv("OPENNRM_TEST_PG"))
            : storage::sqlite::Connect({dir_ + "/test.db"});
    EXPECT_TRUE(conn.has_value()) << conn.error().message;
    return conn ? std::move(*conn) : nullptr;
  }

  std::vector<audit::StoredEntry> AllEntries() {
    auto uow = db_->Begin(ports::Access::kRead).value();
    return uow->audit().Entries(0, 1'000'000'000, 1'000'000).value();
  }

  // Verifies with the exported directory (when `with_export`) and the signer's key.
  app::audit::VerifyOutcome Verify(bool with_export = true) {
    app::audit::VerifyInputs in;
    if (with_export) {
      auto contents = cli::ReadCheckpointDirectory(export_dir_);
      EXPECT_TRUE(contents.has_value());
      EXPECT_TRUE(contents->problems.empty());
      in.exported = contents->checkpoints;
    }
    in.trusted_keys = {signer_->PublicKey()};
    in.page_size = 3;  // several pages
    auto out = app::audit::VerifyAuditLog(*db_, in);
    EXPECT_TRUE(out.has_value()) << out.error().message;
    return out.value_or(app::audit::VerifyOutcome{});
  }

  static std::string Findings(const audit::VerifyReport& r) {
    std::string all;
    for (const auto& f : r.findings) {
      all += std::string(audit::ToString(f.fault)) + " @" + std::to_string(f.first) + ": " +
             f.detail + "\n";
    }
    return all;
  }

  FakeClock clock_{FromEpochMicros(1'764'374'400'000'000LL)};
  std::string export_dir_;
  std::unique_ptr<security::Ed25519Signer> signer_;
  std::unique_ptr<cli::CheckpointDirectory> exporter_;
  std::unique_ptr<app::audit::Sequencer> sequencer_;
};

}  // namespace opennrm::testing
