#include "storage/sql/pool.hpp"

namespace opennrm::storage::sql {

Pool::Lease::~Lease() {
  if (conn_) pool_->Release(std::move(conn_));
}

Result<std::unique_ptr<Pool>> Pool::Open(ConnectionFactory factory, int size,
                                         std::chrono::milliseconds acquire_timeout) {
  std::unique_ptr<Pool> pool(new Pool(std::move(factory), acquire_timeout));
  for (int i = 0; i < size; ++i) {
    auto conn = pool->factory_();
    if (!conn) return tl::unexpected(conn.error());
    pool->idle_.push_back(std::move(*conn));
  }
  pool->size_ = size;
  return pool;
}

Result<Pool::Lease> Pool::Acquire() {
  std::unique_lock lock(mu_);
  ++waiting_;
  bool ok = freed_.wait_for(lock, timeout_, [&] { return !idle_.empty(); });
  --waiting_;
  if (!ok) {
    ++timeouts_total_;
    return Fail(ErrorCode::kUnavailable, "The database is busy; try again.");
  }
  auto conn = std::move(idle_.back());
  idle_.pop_back();
  ++acquired_total_;
  lock.unlock();
  if (conn->Broken()) {
    auto fresh = factory_();
    if (!fresh) {
      Release(std::move(conn));
      return tl::unexpected(fresh.error());
    }
    conn = std::move(*fresh);
  }
  return Lease(this, std::move(conn));
}

void Pool::Release(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(conn));
  }
  freed_.notify_one();
}

ports::PoolState Pool::State() const {
  std::lock_guard lock(mu_);
  return ports::PoolState{size_, size_ - static_cast<int>(idle_.size()), waiting_, acquired_total_,
                          timeouts_total_};
}

}  // namespace opennrm::storage::sql
