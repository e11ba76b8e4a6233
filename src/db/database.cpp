#include "db/database.hpp"

#include "db/pool.hpp"
#include "db/postgres_database.hpp"
#include "db/sqlite_database.hpp"

namespace kassa::db {

std::string_view to_string(Backend backend) {
  switch (backend) {
    case Backend::sqlite: return "sqlite";
    case Backend::postgresql: return "postgresql";
  }
  return "unknown";
}

std::unique_ptr<Database> Database::open(const std::string& url, const Options& options) {
  const std::string_view u(url);
  if (u.starts_with("postgresql://") || u.starts_with("postgres://")) {
    return std::make_unique<PostgresDatabase>(url, options);
  }
  if (u.starts_with("sqlite:")) {
    std::string path(u.substr(7));
    if (path.starts_with("//")) path.erase(0, 2);  // sqlite://PATH
    if (path.empty()) throw std::invalid_argument("sqlite: URL needs a file path");
    return std::make_unique<SqliteDatabase>(path, options);
  }
  throw std::invalid_argument("database URL must start with sqlite: or postgresql://");
}

std::string numbered_to_sqlite_params(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
      continue;
    }
    if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '1' && sql[i + 1] <= '9') {
      out.push_back('?');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

Connection*& current_write_connection() {
  thread_local Connection* connection = nullptr;
  return connection;
}

void run_nested_write(Connection& connection, const WriteBody& body) {
  connection.exec_script("SAVEPOINT kassa_nested");
  bool keep = false;
  try {
    keep = body(connection);
  } catch (...) {
    connection.exec_script("ROLLBACK TO SAVEPOINT kassa_nested; RELEASE SAVEPOINT kassa_nested");
    throw;
  }
  if (keep) {
    connection.exec_script("RELEASE SAVEPOINT kassa_nested");
  } else {
    connection.exec_script("ROLLBACK TO SAVEPOINT kassa_nested; RELEASE SAVEPOINT kassa_nested");
  }
}

}  // namespace kassa::db
