#include "db/sqlite_database.hpp"

#include <sqlite3.h>

#include <mutex>
#include <unordered_map>

#include "db/text_hash.hpp"

namespace kassa::db {
namespace {

DatabaseError::Kind kind_of(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return DatabaseError::Kind::unique_violation;
    case SQLITE_CONSTRAINT_FOREIGNKEY: return DatabaseError::Kind::foreign_key_violation;
    default: break;
  }
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return DatabaseError::Kind::busy;
    default: return DatabaseError::Kind::other;
  }
}

// SQLite's memory statistics take a global mutex on every allocation; nothing reads them.
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* statement) : statement_(statement) {}
  int column_count() const override { return sqlite3_column_count(statement_); }
  bool is_null(int column) const override { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  int64_t int64(int column) const override { return sqlite3_column_int64(statement_, column); }
  double real(int column) const override { return sqlite3_column_double(statement_, column); }
  std::string_view text(int column) const override {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    const int size = sqlite3_column_bytes(statement_, column);
    return data ? std::string_view(data, static_cast<size_t>(size)) : std::string_view{};
  }

 private:
  sqlite3_stmt* statement_;
};

}  // namespace

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, const Options& options, bool writer) {
    configure_sqlite_once();
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DatabaseError(DatabaseError::Kind::connection, "cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, static_cast<int>(options.busy_timeout.count()));
    exec_script("PRAGMA foreign_keys=ON");
    // Group commit runs every write in a savepoint; SQLite keeps the pages a savepoint
    // changes in a statement sub-journal, a temporary file by default. In memory it costs
    // no system calls: with a file it was 70 pwrite calls a payment.
    exec_script("PRAGMA temp_store=MEMORY");
    if (writer) {
      exec_script("PRAGMA journal_mode=WAL");
      exec_script(options.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    }
  }
  ~SqliteConnection() override {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    sqlite3_close(db_);
  }

  Backend backend() const override { return Backend::sqlite; }

  void exec_script(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      const std::string error = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      throw DatabaseError(kind_of(sqlite3_extended_errcode(db_)), "SQLite: " + error);
    }
  }

  int64_t run(std::string_view sql, std::span<const Param> params, const RowCallback& on_row) override {
    sqlite3_stmt* statement = prepare(sql);
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() { sqlite3_reset(s); sqlite3_clear_bindings(s); }
    } reset{statement};
    bind(statement, params);
    int64_t rows = 0;
    while (true) {
      const int rc = sqlite3_step(statement);
      if (rc == SQLITE_ROW) {
        ++rows;
        if (on_row) on_row(SqliteRow(statement));
        continue;
      }
      if (rc == SQLITE_DONE) break;
      throw DatabaseError(kind_of(sqlite3_extended_errcode(db_)), std::string("SQLite: ") + sqlite3_errmsg(db_));
    }
    return sqlite3_stmt_readonly(statement) ? rows : sqlite3_changes64(db_);
  }

  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    const auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    const std::string translated = numbered_to_sqlite_params(sql);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db_, translated.c_str(), static_cast<int>(translated.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr) != SQLITE_OK) {
      throw DatabaseError(DatabaseError::Kind::other, std::string("SQLite prepare: ") + sqlite3_errmsg(db_));
    }
    statements_.emplace(std::string(sql), statement);
    return statement;
  }

  void bind(sqlite3_stmt* statement, std::span<const Param> params) {
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement)) {
      throw DatabaseError(DatabaseError::Kind::other, "SQLite: wrong number of parameters");
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(params[i])) {
        rc = sqlite3_bind_null(statement, index);
      } else if (const auto* v = std::get_if<int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(statement, index, *v);
      } else if (const auto* d = std::get_if<double>(&params[i])) {
        rc = sqlite3_bind_double(statement, index, *d);
      } else {
        const auto& s = std::get<std::string_view>(params[i]);
        rc = sqlite3_bind_text64(statement, index, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) throw DatabaseError(DatabaseError::Kind::other, std::string("SQLite bind: ") + sqlite3_errstr(rc));
    }
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
};

SqliteDatabase::SqliteDatabase(std::string path, const Options& options)
    : path_(std::move(path)),
      options_(options),
      writer_connection_(std::make_unique<SqliteConnection>(path_, options_, true)),
      readers_([this] { return std::make_unique<SqliteConnection>(path_, options_, false); }, options.pool_size,
               options.pool_wait_max) {
  writer_ = std::thread([this] { writer_loop(); });
}

SqliteDatabase::~SqliteDatabase() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_ready_.notify_all();
  writer_.join();
}

bool SqliteDatabase::ping() {
  try {
    return read([](Connection& c) { return c.query_int64("SELECT 1") == 1; });
  } catch (const std::exception&) {
    return false;
  }
}

PoolStats SqliteDatabase::stats() const {
  PoolStats s = readers_.stats();
  std::lock_guard lock(queue_mutex_);
  s.write_queue = static_cast<int>(queue_.size());
  s.write_jobs = write_jobs_;
  s.write_commits = write_commits_;
  return s;
}

void SqliteDatabase::run_write(const WriteBody& body) {
  if (Connection* open = current_write_connection()) {
    run_nested_write(*open, body);
    return;
  }
  WriteJob job{&body, {}};
  auto done = job.done.get_future();
  {
    std::lock_guard lock(queue_mutex_);
    if (stopping_) throw DatabaseError(DatabaseError::Kind::connection, "database is shutting down");
    queue_.push_back(&job);
  }
  queue_ready_.notify_one();
  done.get();  // rethrows the body's exception or a commit failure
}

void SqliteDatabase::writer_loop() {
  std::vector<WriteJob*> batch;
  while (true) {
    {
      std::unique_lock lock(queue_mutex_);
      queue_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      const size_t take = options_.group_commit
                              ? std::min(queue_.size(), static_cast<size_t>(options_.group_commit_batch_max))
                              : 1;
      batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
    }
    run_batch(batch);
  }
}

void SqliteDatabase::run_batch(std::vector<WriteJob*>& batch) {
  SqliteConnection& c = *writer_connection_;
  std::vector<std::exception_ptr> errors(batch.size());
  const auto fail_all = [&](std::exception_ptr error) {
    for (auto& e : errors) if (!e) e = error;
  };
  current_write_connection() = &c;
  try {
    // Prepared once and reused: the transaction control runs twice per write.
    c.execute("BEGIN IMMEDIATE");
    for (size_t i = 0; i < batch.size(); ++i) {
      c.execute("SAVEPOINT kassa_write");
      bool keep = false;
      try {
        keep = (*batch[i]->body)(c);
      } catch (...) {
        errors[i] = std::current_exception();
      }
      if (!c.in_transaction()) {
        // SQLite rolled the whole transaction back (I/O error, disk full): every write is lost.
        throw DatabaseError(DatabaseError::Kind::other, "SQLite rolled back the write transaction");
      }
      if (!keep || errors[i]) c.execute("ROLLBACK TO SAVEPOINT kassa_write");
      c.execute("RELEASE SAVEPOINT kassa_write");
    }
    c.execute("COMMIT");
  } catch (...) {
    fail_all(std::current_exception());
    if (c.in_transaction()) {
      try { c.exec_script("ROLLBACK"); } catch (...) {}
    }
  }
  current_write_connection() = nullptr;
  {
    std::lock_guard lock(queue_mutex_);
    write_jobs_ += batch.size();
    ++write_commits_;
  }
  for (size_t i = 0; i < batch.size(); ++i) {
    if (errors[i]) batch[i]->done.set_exception(errors[i]);
    else batch[i]->done.set_value();
  }
}

}  // namespace kassa::db
