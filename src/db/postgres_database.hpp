#pragma once
#include <atomic>
#include <string>

#include "db/database.hpp"
#include "db/pool.hpp"

namespace kassa::db {

// PostgreSQL through libpq: a pool of connections; each write is its own
// transaction (PostgreSQL batches WAL flushes of concurrent commits itself).
class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, const Options& options);

  Backend backend() const override { return Backend::postgresql; }
  ConnectionLease reader() override { return pool_.acquire(); }
  bool ping() override;
  PoolStats stats() const override;

 protected:
  void run_write(const WriteBody& body) override;

 private:
  static constexpr int kSerializationRetriesMax = 3;

  const std::string url_;
  ConnectionPool pool_;
  std::atomic<uint64_t> write_jobs_{0};
  std::atomic<uint64_t> write_commits_{0};
};

}  // namespace kassa::db
