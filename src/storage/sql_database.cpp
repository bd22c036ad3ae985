#include "storage/sql_database.hpp"

#include "storage/migrations/embedded.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/repo/api_token_repo.hpp"
#include "storage/repo/audit_repo.hpp"
#include "storage/repo/case_clock_repo.hpp"
#include "storage/repo/case_log_repo.hpp"
#include "storage/repo/case_note_repo.hpp"
#include "storage/repo/case_record_repo.hpp"
#include "storage/repo/case_repo.hpp"
#include "storage/repo/case_task_repo.hpp"
#include "storage/repo/case_track_repo.hpp"
#include "storage/repo/child_track_repo.hpp"
#include "storage/repo/consent_repo.hpp"
#include "storage/repo/consultation_repo.hpp"
#include "storage/repo/crime_figure_repo.hpp"
#include "storage/repo/data_key_repo.hpp"
#include "storage/repo/knowledge_repo.hpp"
#include "storage/repo/lease_repo.hpp"
#include "storage/repo/login_attempt_repo.hpp"
#include "storage/repo/notification_repo.hpp"
#include "storage/repo/organisation_repo.hpp"
#include "storage/repo/person_repo.hpp"
#include "storage/repo/reference_repo.hpp"
#include "storage/repo/referral_repo.hpp"
#include "storage/repo/session_repo.hpp"
#include "storage/repo/statistics_fact_repo.hpp"
#include "storage/repo/statistics_release_repo.hpp"
#include "storage/repo/user_repo.hpp"
#include "storage/sqlite/audit_file.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::storage {

namespace {

class SqlUnitOfWork final : public ports::UnitOfWork {
 public:
  // `gate`: held for a write transaction on SQLite (see SqlDatabase::Begin), else empty.
  SqlUnitOfWork(sql::Pool::Lease lease, sql::GatePass gate)
      : gate_(std::move(gate)),
        lease_(std::move(lease)),
        organisations_(*lease_),
        reference_(*lease_),
        leases_(*lease_),
        audit_(*lease_),
        users_(*lease_),
        login_attempts_(*lease_),
        sessions_(*lease_),
        api_tokens_(*lease_),
        data_keys_(*lease_),
        notifications_(*lease_),
        cases_(*lease_),
        persons_(*lease_),
        case_tracks_(*lease_),
        case_log_(*lease_),
        statistics_facts_(*lease_),
        case_clocks_(*lease_),
        case_tasks_(*lease_),
        child_track_(*lease_),
        case_notes_(*lease_),
        case_records_(*lease_),
        referrals_(*lease_),
        consents_(*lease_),
        consultations_(*lease_),
        knowledge_(*lease_),
        statistics_releases_(*lease_),
        crime_figures_(*lease_) {}
  ~SqlUnitOfWork() override {
    if (!done_) (void)lease_->Exec("ROLLBACK");
  }
  ports::OrganisationRepository& organisations() override { return organisations_; }
  ports::ReferenceRepository& reference() override { return reference_; }
  ports::LeaseRepository& leases() override { return leases_; }
  ports::AuditRepository& audit() override { return audit_; }
  ports::UserRepository& users() override { return users_; }
  ports::LoginAttemptRepository& login_attempts() override { return login_attempts_; }
  ports::SessionRepository& sessions() override { return sessions_; }
  ports::ApiTokenRepository& api_tokens() override { return api_tokens_; }
  ports::DataKeyRepository& data_keys() override { return data_keys_; }
  ports::NotificationRepository& notifications() override { return notifications_; }
  ports::CaseRepository& cases() override { return cases_; }
  ports::PersonRepository& persons() override { return persons_; }
  ports::CaseTrackRepository& case_tracks() override { return case_tracks_; }
  ports::CaseLogRepository& case_log() override { return case_log_; }
  ports::StatisticsFactRepository& statistics_facts() override { return statistics_facts_; }
  ports::CaseClockRepository& case_clocks() override { return case_clocks_; }
  ports::CaseTaskRepository& case_tasks() override { return case_tasks_; }
  ports::ChildTrackRepository& child_track() override { return child_track_; }
  ports::CaseNoteRepository& case_notes() override { return case_notes_; }
  ports::CaseRecordRepository& case_records() override { return case_records_; }
  ports::ReferralRepository& referrals() override { return referrals_; }
  ports::ConsentRepository& consents() override { return consents_; }
  ports::ConsultationRepository& consultations() override { return consultations_; }
  ports::KnowledgeRepository& knowledge() override { return knowledge_; }
  ports::StatisticsReleaseRepository& statistics_releases() override {
    return statistics_releases_;
  }
  ports::CrimeFigureRepository& crime_figures() override { return crime_figures_; }
  Status Commit() override {
    done_ = true;
    auto st = lease_->Exec("COMMIT");
    if (!st) (void)lease_->Exec("ROLLBACK");
    gate_.Release();
    return st;
  }

 private:
  sql::GatePass gate_;  // released after the body of the destructor too
  sql::Pool::Lease lease_;
  repo::SqlOrganisationRepository organisations_;
  repo::SqlReferenceRepository reference_;
  repo::SqlLeaseRepository leases_;
  repo::SqlAuditRepository audit_;
  repo::SqlUserRepository users_;
  repo::SqlLoginAttemptRepository login_attempts_;
  repo::SqlSessionRepository sessions_;
  repo::SqlApiTokenRepository api_tokens_;
  repo::SqlDataKeyRepository data_keys_;
  repo::SqlNotificationRepository notifications_;
  repo::SqlCaseRepository cases_;
  repo::SqlPersonRepository persons_;
  repo::SqlCaseTrackRepository case_tracks_;
  repo::SqlCaseLogRepository case_log_;
  repo::SqlStatisticsFactRepository statistics_facts_;
  repo::SqlCaseClockRepository case_clocks_;
  repo::SqlCaseTaskRepository case_tasks_;
  repo::SqlChildTrackRepository child_track_;
  repo::SqlCaseNoteRepository case_notes_;
  repo::SqlCaseRecordRepository case_records_;
  repo::SqlReferralRepository referrals_;
  repo::SqlConsentRepository consents_;
  repo::SqlConsultationRepository consultations_;
  repo::SqlKnowledgeRepository knowledge_;
  repo::SqlStatisticsReleaseRepository statistics_releases_;
  repo::SqlCrimeFigureRepository crime_figures_;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<SqlDatabase>> SqlDatabase::Open(const DatabaseOptions& o) {
  sql::Dialect dialect;
  sql::ConnectionFactory factory;
  std::unique_ptr<sqlite::Checkpointer> checkpointer;
  if (o.driver == "sqlite") {
    dialect = sqlite::SqliteDialect();
    sqlite::Options so{o.sqlite_path, o.busy_timeout, o.durable_commits};
    so.cache_mib = o.sqlite_cache_mib;
    if (!o.sqlite_path.empty() && o.sqlite_path != ":memory:") {
      // The first connection creates the file in WAL mode; the checkpointer then opens it.
      if (auto first = sqlite::Connect(so); !first) return tl::unexpected(first.error());
      auto started = sqlite::Checkpointer::Start(o.sqlite_path);
      if (!started) return tl::unexpected(started.error());
      checkpointer = std::move(*started);
      so.checkpointer = checkpointer.get();
    }
    factory = [so] { return sqlite::Connect(so); };
  } else if (o.driver == "postgres") {
    dialect = postgres::PostgresDialect();
    std::string conninfo = o.postgres_conninfo;
    factory = [conninfo] { return postgres::Connect(conninfo); };
  } else {
    return Invalid("storage.driver", "enum", "storage.driver must be sqlite or postgres.");
  }
  auto pool = sql::Pool::Open(std::move(factory), o.pool_size, o.acquire_timeout);
  if (!pool) return tl::unexpected(pool.error());
  auto db = std::unique_ptr<SqlDatabase>(
      new SqlDatabase(std::move(dialect), std::move(checkpointer), std::move(*pool)));
  if (o.driver == "sqlite") db->writer_gate_ = std::make_unique<sql::WriterGate>();
  db->busy_timeout_ = o.busy_timeout;
  return db;
}

Result<std::unique_ptr<ports::UnitOfWork>> SqlDatabase::Begin(ports::Access access) {
  auto lease = pool_->Acquire();
  if (!lease) return tl::unexpected(lease.error());
  const bool write = access != ports::Access::kRead;
  sql::GatePass gate;
  if (write && writer_gate_) {
    // This process's writers queue here and are woken the moment the writer before them
    // commits; SQLite's own busy handler would sleep up to 100 ms between tries.
    const auto kind = access == ports::Access::kBackgroundWrite ? sql::WriterClass::kBackground
                                                                : sql::WriterClass::kForeground;
    if (!writer_gate_->Enter(busy_timeout_, kind)) {
      return Fail(ErrorCode::kUnavailable, "The database is busy; try again shortly.");
    }
    gate = sql::GatePass(writer_gate_.get());
  }
  const std::string& begin = write ? dialect_.begin_write : dialect_.begin_read;
  if (auto st = (*lease)->Exec(begin); !st) return tl::unexpected(st.error());
  return std::unique_ptr<ports::UnitOfWork>(new SqlUnitOfWork(std::move(*lease), std::move(gate)));
}

Status SqlDatabase::Ping() {
  auto lease = pool_->Acquire();
  if (!lease) return tl::unexpected(lease.error());
  auto rows = (*lease)->Query("SELECT 1", {});
  if (!rows) return tl::unexpected(rows.error());
  return {};
}

Status SqlDatabase::Optimize() {
  if (!writer_gate_) return Ok();
  auto lease = pool_->Acquire();
  if (!lease) return tl::unexpected(lease.error());
  if (!writer_gate_->Enter(busy_timeout_, sql::WriterClass::kBackground)) {
    return Fail(ErrorCode::kUnavailable, "The database is busy; try again shortly.");
  }
  sql::GatePass pass(writer_gate_.get());
  // Without these statistics SQLite guesses, and may read every case of an organisation to
  // find the few whose persons' names match (measured: docs/benchmarks.md).
  if (auto st = (*lease)->Exec("PRAGMA analysis_limit = 1000"); !st) return st;
  return (*lease)->Exec("ANALYZE");
}

Result<sql::MigrationReport> SqlDatabase::Migrate(long long now_us) {
  auto lease = pool_->Acquire();
  if (!lease) return tl::unexpected(lease.error());
  const auto& list = dialect_.name == "sqlite" ? sqlite::Migrations() : migrations::Postgres();
  return sql::Migrate(**lease, dialect_, list, now_us);
}

Result<int> SqlDatabase::SchemaVersion() {
  auto lease = pool_->Acquire();
  if (!lease) return tl::unexpected(lease.error());
  return sql::CurrentVersion(**lease);
}

}  // namespace opennrm::storage
