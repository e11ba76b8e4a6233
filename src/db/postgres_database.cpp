#include "db/postgres_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "db/text_hash.hpp"

namespace kassa::db {
namespace {

DatabaseError::Kind kind_of_state(const char* state) {
  if (!state) return DatabaseError::Kind::other;
  const std::string_view s(state);
  if (s == "23505") return DatabaseError::Kind::unique_violation;
  if (s == "23503") return DatabaseError::Kind::foreign_key_violation;
  if (s == "40001" || s == "40P01") return DatabaseError::Kind::serialization_failure;
  if (s.starts_with("08")) return DatabaseError::Kind::connection;
  return DatabaseError::Kind::other;
}

class PgRow final : public Row {
 public:
  PgRow(const PGresult* result, int row) : result_(result), row_(row) {}
  int column_count() const override { return PQnfields(result_); }
  bool is_null(int column) const override { return PQgetisnull(result_, row_, column) == 1; }
  int64_t int64(int column) const override {
    const char* text = PQgetvalue(result_, row_, column);
    const int length = PQgetlength(result_, row_, column);
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text, text + length, value);
    if (error != std::errc() || end != text + length) {
      // A NUMERIC from SUM() may come as "12.0"; anything else is a schema bug.
      if (error == std::errc() && *end == '.') return value;
      throw DatabaseError(DatabaseError::Kind::other, "PostgreSQL: column is not an integer");
    }
    return value;
  }
  double real(int column) const override {
    const char* text = PQgetvalue(result_, row_, column);
    const int length = PQgetlength(result_, row_, column);
    double value = 0;
    std::from_chars(text, text + length, value);
    return value;
  }
  std::string_view text(int column) const override {
    return {PQgetvalue(result_, row_, column), static_cast<size_t>(PQgetlength(result_, row_, column))};
  }

 private:
  const PGresult* result_;
  int row_;
};

constexpr size_t kDeferredMax = 64;

struct ResultGuard {
  PGresult* result;
  ~ResultGuard() { PQclear(result); }
};

}  // namespace

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      throw DatabaseError(DatabaseError::Kind::connection, "cannot connect to PostgreSQL: " + message);
    }
    exec_script("SET client_min_messages = warning");
  }
  ~PgConnection() override { PQfinish(conn_); }

  Backend backend() const override { return Backend::postgresql; }
  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

  void exec_script(std::string_view sql) override {
    // A rollback drops what was deferred since the transaction or savepoint began (it was
    // flushed before the SAVEPOINT); anything else runs after it.
    if (sql.starts_with("ROLLBACK")) deferred_.clear();
    else flush();
    const std::string text(sql);
    ResultGuard guard{PQexec(conn_, text.c_str())};
    check(guard.result);
  }

  int64_t run(std::string_view sql, std::span<const Param> params, const RowCallback& on_row) override {
    Statement statement = bind(sql, params);
    ResultGuard guard{deferred_.empty() ? exec(statement) : pipeline(&statement)};
    const int rows = PQntuples(guard.result);
    if (on_row) {
      for (int r = 0; r < rows; ++r) on_row(PgRow(guard.result, r));
    }
    const char* affected = PQcmdTuples(guard.result);
    if (affected && *affected) return std::strtoll(affected, nullptr, 10);
    return rows;
  }

  void run_later(std::string_view sql, std::span<const Param> params) override {
    deferred_.push_back(bind(sql, params));
    // Bounded, so that neither side's socket buffer fills while the other waits (blocking mode).
    if (deferred_.size() >= kDeferredMax) flush();
  }

 private:
  // A prepared statement's name and its parameters as text (owned: a deferred one outlives the caller's).
  struct Statement {
    const std::string* name;
    std::vector<std::string> values;
    std::vector<bool> nulls;
    std::vector<const char*> pointers() const {
      std::vector<const char*> out(values.size());
      for (size_t i = 0; i < values.size(); ++i) out[i] = nulls[i] ? nullptr : values[i].c_str();
      return out;
    }
  };

  Statement bind(std::string_view sql, std::span<const Param> params) {
    Statement out{&prepare(sql), std::vector<std::string>(params.size()), std::vector<bool>(params.size(), false)};
    for (size_t i = 0; i < params.size(); ++i) {
      if (std::holds_alternative<std::nullptr_t>(params[i])) out.nulls[i] = true;
      else if (const auto* v = std::get_if<int64_t>(&params[i])) out.values[i] = std::to_string(*v);
      else if (const auto* d = std::get_if<double>(&params[i])) out.values[i] = fmt_double(*d);
      else out.values[i] = std::string(std::get<std::string_view>(params[i]));
    }
    return out;
  }

  PGresult* exec(const Statement& s) {
    const auto values = s.pointers();
    PGresult* result = PQexecPrepared(conn_, s.name->c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0);
    ResultGuard guard{result};
    check(result);
    guard.result = nullptr;
    return result;
  }

  void flush() {
    if (!deferred_.empty()) PQclear(pipeline(nullptr));
  }

  // Sends the deferred statements and then `last` (if any) in one pipeline, reads every
  // result, and returns last's. The first error is thrown once the pipeline is drained (the
  // statements after it were not run; the transaction is aborted).
  PGresult* pipeline(const Statement* last) {
    std::vector<Statement> batch = std::move(deferred_);
    deferred_.clear();
    if (PQenterPipelineMode(conn_) != 1) throw DatabaseError(DatabaseError::Kind::connection, "PostgreSQL: cannot enter pipeline mode");
    size_t sent = 0;
    bool send_failed = false;
    const auto send = [&](const Statement& s) {
      const auto values = s.pointers();
      if (PQsendQueryPrepared(conn_, s.name->c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0) == 1) ++sent;
      else send_failed = true;
    };
    for (const auto& s : batch) if (!send_failed) send(s);
    if (last && !send_failed) send(*last);
    const bool synced = PQpipelineSync(conn_) == 1;
    std::optional<DatabaseError> error;
    if (send_failed || !synced) error = DatabaseError(DatabaseError::Kind::connection, "PostgreSQL: " + connection_message());
    PGresult* out = nullptr;
    for (size_t i = 0; i < sent; ++i) {
      PGresult* result = PQgetResult(conn_);
      while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);  // each statement's results end with a null
      const ExecStatusType status = PQresultStatus(result);
      if (!error && status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_PIPELINE_ABORTED) {
        error = error_of(result);
      }
      if (last && i + 1 == sent && !send_failed) out = result;
      else PQclear(result);
    }
    if (synced) {
      while (PGresult* result = PQgetResult(conn_)) {  // the sync point
        const bool sync = PQresultStatus(result) == PGRES_PIPELINE_SYNC;
        PQclear(result);
        if (sync) break;
      }
    }
    PQexitPipelineMode(conn_);
    if (error) {
      PQclear(out);
      throw *error;
    }
    return out;
  }

 private:
  static std::string fmt_double(double d) {
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, d);
    return std::string(buffer, end);
  }

  const std::string& prepare(std::string_view sql) {
    const auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    std::string name = "k" + std::to_string(statements_.size());
    const std::string text(sql);
    ResultGuard guard{PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr)};
    check(guard.result);
    return statements_.emplace(text, std::move(name)).first->second;
  }

  static std::string trimmed(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
  }
  std::string connection_message() const { return trimmed(PQerrorMessage(conn_)); }

  DatabaseError error_of(const PGresult* result) const {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    DatabaseError::Kind kind = kind_of_state(state);
    if (PQstatus(conn_) != CONNECTION_OK) kind = DatabaseError::Kind::connection;
    return DatabaseError(kind, "PostgreSQL: " + trimmed(result && *PQresultErrorMessage(result) ? PQresultErrorMessage(result)
                                                                                          : PQerrorMessage(conn_)));
  }

  void check(const PGresult* result) {
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return;
    throw error_of(result);
  }

  PGconn* conn_;
  // Statement names by SQL text (found without copying the text); node-based, so the names stay put.
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> statements_;
  std::vector<Statement> deferred_;
};

PostgresDatabase::PostgresDatabase(std::string url, const Options& options)
    : url_(std::move(url)),
      pool_([this] { return std::make_unique<PgConnection>(url_); }, options.pool_size, options.pool_wait_max,
            [](Connection& c) { return static_cast<PgConnection&>(c).healthy(); }) {
  pool_.acquire();  // connect once now, so a wrong URL fails at start-up
}

bool PostgresDatabase::ping() {
  try {
    return read([](Connection& c) { return c.query_int64("SELECT 1") == 1; });
  } catch (const std::exception&) {
    return false;
  }
}

PoolStats PostgresDatabase::stats() const {
  PoolStats s = pool_.stats();
  s.write_jobs = write_jobs_.load();
  s.write_commits = write_commits_.load();
  return s;
}

void PostgresDatabase::run_write(const WriteBody& body) {
  if (Connection* open = current_write_connection()) {
    run_nested_write(*open, body);
    return;
  }
  for (int attempt = 0;; ++attempt) {
    auto lease = pool_.acquire();
    Connection& c = *lease;
    current_write_connection() = &c;
    try {
      c.execute_later("BEGIN");  // sent with the first statement
      const bool keep = body(c);
      if (keep) c.execute("COMMIT");  // with what the body deferred: one round trip
      else c.exec_script("ROLLBACK");
      current_write_connection() = nullptr;
      ++write_jobs_;
      if (keep) ++write_commits_;
      return;
    } catch (const DatabaseError& error) {
      current_write_connection() = nullptr;
      try { c.exec_script("ROLLBACK"); } catch (...) {}
      if (error.kind() == DatabaseError::Kind::serialization_failure && attempt < kSerializationRetriesMax) continue;
      ++write_jobs_;
      throw;
    } catch (...) {
      current_write_connection() = nullptr;
      try { c.exec_script("ROLLBACK"); } catch (...) {}
      ++write_jobs_;
      throw;
    }
  }
}

}  // namespace kassa::db
