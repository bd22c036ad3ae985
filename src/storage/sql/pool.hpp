// A fixed-size pool of connections. Acquire blocks up to a timeout; a lease
// returns its connection on destruction and replaces a broken one.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "ports/database.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::sql {

using ConnectionFactory = std::function<Result<std::unique_ptr<Connection>>()>;

class Pool {
 public:
  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  // Opens `size` connections up front; fails if any cannot be opened.
  static Result<std::unique_ptr<Pool>> Open(ConnectionFactory factory, int size,
                                            std::chrono::milliseconds acquire_timeout);

  Result<Lease> Acquire();
  ports::PoolState State() const;

 private:
  Pool(ConnectionFactory factory, std::chrono::milliseconds timeout)
      : factory_(std::move(factory)), timeout_(timeout) {}
  void Release(std::unique_ptr<Connection> conn);

  ConnectionFactory factory_;
  std::chrono::milliseconds timeout_;
  mutable std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(mu_)
  int size_ = 0;                                   // GUARDED_BY(mu_)
  int waiting_ = 0;                                // GUARDED_BY(mu_)
  long long acquired_total_ = 0;                   // GUARDED_BY(mu_)
  long long timeouts_total_ = 0;                   // GUARDED_BY(mu_)
};

}  // namespace opennrm::storage::sql
