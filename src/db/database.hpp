#pragma once
// One data-access layer, two backends (SQLite, PostgreSQL).
//
// SQL is written once with PostgreSQL-style numbered parameters ($1, $2, ...);
// the SQLite backend rewrites them to ?1, ?2. Statements are prepared once per
// connection and cached by their text. Portable schema rules: BIGINT for ids,
// money and times (ms since epoch), TEXT for strings, SMALLINT 0/1 for flags.
//
// Writes go through Database::write(fn): fn runs inside a transaction and is
// durably committed before write() returns. On SQLite one writer thread
// commits the waiting writes of many requests together in one fsync (group
// commit); each write runs in its own savepoint, so one failing write leaves
// the others in its batch untouched.
#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "common/result.hpp"

namespace kassa::db {

enum class Backend { sqlite, postgresql };
std::string_view to_string(Backend backend);

// A bound parameter. string_view params must outlive the call (temporaries in
// the initializer list do).
using Param = std::variant<std::nullptr_t, int64_t, double, std::string_view>;

class DatabaseError : public std::runtime_error {
 public:
  enum class Kind { other, unique_violation, foreign_key_violation, serialization_failure, busy, connection };
  DatabaseError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// A pool had no connection free within its wait limit.
class PoolTimeout : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Row {
 public:
  virtual ~Row() = default;
  virtual int column_count() const = 0;
  virtual bool is_null(int column) const = 0;
  virtual int64_t int64(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual std::string_view text(int column) const = 0;  // valid until the next row

  std::optional<int64_t> optional_int64(int column) const {
    return is_null(column) ? std::nullopt : std::optional<int64_t>(int64(column));
  }
  std::optional<std::string> optional_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
  }
};

using RowCallback = std::function<void(const Row&)>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;

  // Several statements without parameters (migrations, BEGIN/COMMIT).
  virtual void exec_script(std::string_view sql) = 0;
  // One statement, prepared and cached; on_row is called for each result row.
  // Returns the number of rows changed (INSERT/UPDATE/DELETE) or returned.
  virtual int64_t run(std::string_view sql, std::span<const Param> params, const RowCallback& on_row) = 0;

  // A statement whose result is not needed, inside a write transaction. PostgreSQL sends it
  // with the next statement whose result is needed (or the commit): one round trip for
  // several. An error it raises is thrown there. SQLite runs it at once.
  virtual void run_later(std::string_view sql, std::span<const Param> params) { run(sql, params, nullptr); }

  int64_t execute(std::string_view sql, std::initializer_list<Param> params = {}) {
    return run(sql, std::span<const Param>(params.begin(), params.size()), nullptr);
  }
  void execute_later(std::string_view sql, std::initializer_list<Param> params = {}) {
    run_later(sql, std::span<const Param>(params.begin(), params.size()));
  }
  void query(std::string_view sql, std::initializer_list<Param> params, const RowCallback& on_row) {
    run(sql, std::span<const Param>(params.begin(), params.size()), on_row);
  }
  std::optional<int64_t> query_int64(std::string_view sql, std::initializer_list<Param> params = {}) {
    std::optional<int64_t> out;
    query(sql, params, [&](const Row& row) { if (!out && !row.is_null(0)) out = row.int64(0); });
    return out;
  }
  std::optional<std::string> query_text(std::string_view sql, std::initializer_list<Param> params = {}) {
    std::optional<std::string> out;
    query(sql, params, [&](const Row& row) { if (!out && !row.is_null(0)) out = std::string(row.text(0)); });
    return out;
  }
};

// A connection borrowed from a pool; returned when this goes out of scope.
class ConnectionLease {
 public:
  using Release = std::function<void(Connection*)>;
  ConnectionLease(Connection* connection, Release release) : connection_(connection), release_(std::move(release)) {}
  ConnectionLease(ConnectionLease&& other) noexcept
      : connection_(std::exchange(other.connection_, nullptr)), release_(std::move(other.release_)) {}
  ConnectionLease& operator=(ConnectionLease&&) = delete;
  ConnectionLease(const ConnectionLease&) = delete;
  ~ConnectionLease() { if (connection_) release_(connection_); }

  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_; }

 private:
  Connection* connection_;
  Release release_;
};

struct PoolStats {
  int connections_total = 0;
  int connections_in_use = 0;
  int waiting = 0;           // callers waiting for a connection
  int write_queue = 0;       // writes waiting for the writer (SQLite)
  uint64_t write_jobs = 0;   // writes committed or rolled back so far
  uint64_t write_commits = 0;  // transactions committed (fsyncs on SQLite)
};

struct Options {
  int pool_size = 8;                              // reader connections (SQLite) or all connections (PostgreSQL)
  std::chrono::milliseconds pool_wait_max{5000};  // how long to wait for a free connection
  std::chrono::milliseconds busy_timeout{5000};   // SQLite busy_timeout
  bool group_commit = true;                       // SQLite: commit many writes in one transaction
  int group_commit_batch_max = 512;               // SQLite: writes per commit at most
  bool synchronous_full = true;                   // SQLite: synchronous=FULL (durable); else NORMAL
};

// A write's body: returns true to keep its changes, false to roll them back.
using WriteBody = std::function<bool(Connection&)>;

class Database {
 public:
  virtual ~Database() = default;

  // url: "sqlite:PATH" (or a path ending in .db), "postgresql://..." or "postgres://...".
  static std::unique_ptr<Database> open(const std::string& url, const Options& options = {});

  virtual Backend backend() const = 0;
  virtual ConnectionLease reader() = 0;
  virtual bool ping() = 0;
  virtual PoolStats stats() const = 0;

  template <class F>
  auto read(F&& fn) {
    auto lease = reader();
    return fn(*lease);
  }

  // Runs fn(Connection&) in a transaction that is committed before write() returns.
  // A thrown exception, or a returned Result holding an error, rolls fn's changes back.
  template <class F>
  auto write(F&& fn) -> std::invoke_result_t<F, Connection&> {
    using R = std::invoke_result_t<F, Connection&>;
    if constexpr (std::is_void_v<R>) {
      run_write([&](Connection& c) { fn(c); return true; });
    } else {
      std::optional<R> out;
      run_write([&](Connection& c) {
        out.reset();
        out.emplace(fn(c));
        if constexpr (is_result_v<R>) return out->ok();
        return true;
      });
      return std::move(*out);
    }
  }

 protected:
  virtual void run_write(const WriteBody& body) = 0;
};

// Rewrites $1..$n to ?1..?n outside quoted literals (for SQLite).
std::string numbered_to_sqlite_params(std::string_view sql);

}  // namespace kassa::db
