#pragma once
// A fixed-size pool of connections, created lazily, with a bounded wait.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "db/database.hpp"

namespace kassa::db {

class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;
  // Called before a connection is handed out again; returns false if it must be replaced.
  using Check = std::function<bool(Connection&)>;

  ConnectionPool(Factory factory, int size_max, std::chrono::milliseconds wait_max, Check check = nullptr)
      : factory_(std::move(factory)), check_(std::move(check)), size_max_(size_max), wait_max_(wait_max) {}

  ConnectionLease acquire() {
    std::unique_lock lock(mutex_);
    ++waiting_;
    const bool got = available_.wait_for(lock, wait_max_, [&] {
      return !idle_.empty() || static_cast<int>(all_.size()) < size_max_;
    });
    --waiting_;
    if (!got) throw PoolTimeout("no database connection free within the wait limit");
    Connection* connection = nullptr;
    if (!idle_.empty()) {
      connection = idle_.back();
      idle_.pop_back();
    } else {
      all_.push_back(nullptr);  // reserve the slot while connecting without the lock
      lock.unlock();
      std::unique_ptr<Connection> created;
      try {
        created = factory_();
      } catch (...) {
        lock.lock();
        all_.pop_back();
        available_.notify_one();
        throw;
      }
      lock.lock();
      connection = created.get();
      for (auto& slot : all_) {
        if (!slot) { slot = std::move(created); break; }
      }
    }
    ++in_use_;
    lock.unlock();
    if (check_ && !check_(*connection)) {
      try {
        connection = replace(connection);
      } catch (...) {
        release(connection);
        throw;
      }
    }
    return ConnectionLease(connection, [this](Connection* c) { release(c); });
  }

  PoolStats stats() const {
    std::lock_guard lock(mutex_);
    PoolStats s;
    s.connections_total = static_cast<int>(all_.size());
    s.connections_in_use = in_use_;
    s.waiting = waiting_;
    return s;
  }

 private:
  void release(Connection* connection) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(connection);
      --in_use_;
    }
    available_.notify_one();
  }

  Connection* replace(Connection* broken) {
    auto fresh = factory_();  // throws if the database is still away; the slot stays with the broken one
    std::lock_guard lock(mutex_);
    for (auto& slot : all_) {
      if (slot.get() == broken) { slot = std::move(fresh); return slot.get(); }
    }
    return broken;
  }

  Factory factory_;
  Check check_;
  const int size_max_;
  const std::chrono::milliseconds wait_max_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> idle_;
  int in_use_ = 0;
  int waiting_ = 0;
};

// Runs a write body inside a savepoint of the transaction already open on connection
// (a write started from within another write).
void run_nested_write(Connection& connection, const WriteBody& body);

// The connection of the write transaction this thread is running, if any.
Connection*& current_write_connection();

}  // namespace kassa::db
