#pragma once
#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "db/database.hpp"
#include "db/pool.hpp"

struct sqlite3;

namespace kassa::db {

class SqliteConnection;

// SQLite in WAL mode: a pool of reader connections and one writer thread that
// group-commits the writes waiting for it.
class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const Options& options);
  ~SqliteDatabase() override;

  Backend backend() const override { return Backend::sqlite; }
  ConnectionLease reader() override { return readers_.acquire(); }
  bool ping() override;
  PoolStats stats() const override;

 protected:
  void run_write(const WriteBody& body) override;

 private:
  struct WriteJob {
    const WriteBody* body;
    std::promise<void> done;
  };

  void writer_loop();
  void run_batch(std::vector<WriteJob*>& batch);

  const std::string path_;
  const Options options_;
  std::unique_ptr<SqliteConnection> writer_connection_;
  ConnectionPool readers_;

  mutable std::mutex queue_mutex_;
  std::condition_variable queue_ready_;
  std::deque<WriteJob*> queue_;
  bool stopping_ = false;
  uint64_t write_jobs_ = 0;
  uint64_t write_commits_ = 0;
  std::thread writer_;
};

}  // namespace kassa::db
