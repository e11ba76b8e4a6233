#include "db/postgres_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

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
    const std::string text(sql);
    ResultGuard guard{PQexec(conn_, text.c_str())};
    check(guard.result);
  }

  int64_t run(std::string_view sql, std::span<const Param> params, const RowCallback& on_row) override {
    const std::string& name = prepare(sql);
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      if (std::holds_alternative<std::nullptr_t>(params[i])) {
        values[i] = nullptr;
        continue;
      }
      if (const auto* v = std::get_if<int64_t>(&params[i])) storage[i] = std::to_string(*v);
      else if (const auto* d = std::get_if<double>(&params[i])) storage[i] = fmt_double(*d);
      else storage[i] = std::string(std::get<std::string_view>(params[i]));
      values[i] = storage[i].c_str();
    }
    ResultGuard guard{PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), nullptr,
                                     nullptr, 0)};
    check(guard.result);
    const int rows = PQntuples(guard.result);
    if (on_row) {
      for (int r = 0; r < rows; ++r) on_row(PgRow(guard.result, r));
    }
    const char* affected = PQcmdTuples(guard.result);
    if (affected && *affected) return std::strtoll(affected, nullptr, 10);
    return rows;
  }

 private:
  static std::string fmt_double(double d) {
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, d);
    return std::string(buffer, end);
  }

  const std::string& prepare(std::string_view sql) {
    const auto it = statements_.find(std::string(sql));
    if (it != statements_.end()) return it->second;
    std::string name = "k" + std::to_string(statements_.size());
    const std::string text(sql);
    ResultGuard guard{PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr)};
    check(guard.result);
    return statements_.emplace(text, std::move(name)).first->second;
  }

  void check(const PGresult* result) {
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return;
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    DatabaseError::Kind kind = kind_of_state(state);
    if (PQstatus(conn_) != CONNECTION_OK) kind = DatabaseError::Kind::connection;
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw DatabaseError(kind, "PostgreSQL: " + message);
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> statements_;
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
      c.exec_script("BEGIN");
      const bool keep = body(c);
      c.exec_script(keep ? "COMMIT" : "ROLLBACK");
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
