#include "storage/sql_database.hpp"

#include "storage/migrations/embedded.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/repo/lease_repo.hpp"
#include "storage/repo/organisation_repo.hpp"
#include "storage/repo/reference_repo.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::storage {

namespace {

class SqlUnitOfWork final : public ports::UnitOfWork {
 public:
  explicit SqlUnitOfWork(sql::Pool::Lease lease)
      : lease_(std::move(lease)), organisations_(*lease_), reference_(*lease_), leases_(*lease_) {}
  ~SqlUnitOfWork() override {
    if (!done_) (void)lease_->Exec("ROLLBACK");
  }
  ports::OrganisationRepository& organisations() override { return organisations_; }
  ports::ReferenceRepository& reference() override { return reference_; }
  ports::LeaseRepository& leases() override { return leases_; }
  Status Commit() override {
    done_ = true;
    auto st = lease_->Exec("COMMIT");
    if (!st) (void)lease_->Exec("ROLLBACK");
    return st;
  }

 private:
  sql::Pool::Lease lease_;
  repo::SqlOrganisationRepository organisations_;
  repo::SqlReferenceRepository reference_;
  repo::SqlLeaseRepository leases_;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<SqlDatabase>> SqlDatabase::Open(const DatabaseOptions& o) {
  sql::Dialect dialect;
  sql::ConnectionFactory factory;
  if (o.driver == "sqlite") {
    dialect = sqlite::SqliteDialect();
    sqlite::Options so{o.sqlite_path, o.busy_timeout};
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
  return std::unique_ptr<SqlDatabase>(new SqlDatabase(std::move(dialect), std::move(*pool)));
}

Result<std::unique_ptr<ports::UnitOfWork>> SqlDatabase::Begin(ports::Access access) {
  auto lease = pool_->Acquire();
  if (!lease) return tl::unexpected(lease.error());
  const std::string& begin =
      access == ports::Access::kWrite ? dialect_.begin_write : dialect_.begin_read;
  if (auto st = (*lease)->Exec(begin); !st) return tl::unexpected(st.error());
  return std::unique_ptr<ports::UnitOfWork>(new SqlUnitOfWork(std::move(*lease)));
}

Status SqlDatabase::Ping() {
  auto lease = pool_->Acquire();
  if (!lease) return tl::unexpected(lease.error());
  auto rows = (*lease)->Query("SELECT 1", {});
  if (!rows) return tl::unexpected(rows.error());
  return {};
}

Result<sql::MigrationReport> SqlDatabase::Migrate(long long now_us) {
  auto lease = pool_->Acquire();
  if (!lease) return tl::unexpected(lease.error());
  const auto& list = dialect_.name == "sqlite" ? migrations::Sqlite() : migrations::Postgres();
  return sql::Migrate(**lease, dialect_, list, now_us);
}

Result<int> SqlDatabase::SchemaVersion() {
  auto lease = pool_->Acquire();
  if (!lease) return tl::unexpected(lease.error());
  return sql::CurrentVersion(**lease);
}

}  // namespace opennrm::storage
