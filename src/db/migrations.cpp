#include "db/migrations.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>

#include "common/crypto.hpp"

namespace kassa::db {
namespace {

constexpr std::string_view kCreateSchemaTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " checksum TEXT NOT NULL,"
    " applied_at_ms BIGINT NOT NULL)";

// PostgreSQL: one migrator at a time across processes (key: "kassa" in ASCII).
constexpr std::string_view kAdvisoryLock = "SELECT pg_advisory_xact_lock(1801548659)";

struct ParsedName {
  int version;
  std::string name;
  std::string dialect;  // "", "sqlite" or "postgresql"
};

ParsedName parse_file_name(std::string_view file) {
  if (!file.ends_with(".sql") || file.size() < 10 || file[4] != '_') {
    throw std::invalid_argument("migration file name must be NNNN_name.sql: " + std::string(file));
  }
  for (int i = 0; i < 4; ++i) {
    if (file[static_cast<size_t>(i)] < '0' || file[static_cast<size_t>(i)] > '9') {
      throw std::invalid_argument("migration file name must start with 4 digits: " + std::string(file));
    }
  }
  std::string stem(file.substr(5, file.size() - 5 - 4));
  std::string dialect;
  for (const std::string_view suffix : {".sqlite", ".postgresql"}) {
    if (std::string_view(stem).ends_with(suffix)) {
      dialect = std::string(suffix.substr(1));
      stem.resize(stem.size() - suffix.size());
    }
  }
  return {std::stoi(std::string(file.substr(0, 4))), stem, dialect};
}

}  // namespace

std::vector<Migration> migrations_for(Backend backend, const std::vector<MigrationFile>& files) {
  std::map<int, Migration> generic;
  std::map<int, Migration> specific;
  for (const auto& file : files) {
    const ParsedName parsed = parse_file_name(file.file_name);
    Migration m{parsed.version, parsed.name, file.sql, crypto::sha256_hex(file.sql)};
    if (parsed.dialect.empty()) {
      const auto [it, inserted] = generic.emplace(parsed.version, m);
      if (!inserted) {
        if (!it->second.checksum.empty()) throw std::invalid_argument("duplicate migration version " + std::to_string(parsed.version));
        it->second = m;  // replaces the other dialect's placeholder
      }
    } else if (parsed.dialect == to_string(backend)) {
      if (!specific.emplace(parsed.version, m).second) throw std::invalid_argument("duplicate migration version " + std::to_string(parsed.version));
    } else {
      generic.try_emplace(parsed.version, Migration{parsed.version, parsed.name, "", ""});  // placeholder, must be overridden
    }
  }
  for (auto& [version, m] : specific) generic[version] = m;
  std::vector<Migration> out;
  int expected = 1;
  for (auto& [version, m] : generic) {
    if (version != expected) throw std::invalid_argument("migration numbering has a gap before " + std::to_string(version));
    if (m.checksum.empty()) throw std::invalid_argument("migration " + std::to_string(version) + " has no file for " + std::string(to_string(backend)));
    out.push_back(m);
    ++expected;
  }
  return out;
}

int schema_version(Database& database) {
  return database.write([](Connection& c) {
    c.exec_script(kCreateSchemaTable);
    return static_cast<int>(c.query_int64("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").value_or(0));
  });
}

MigrationReport migrate(Database& database, const std::vector<Migration>& migrations) {
  MigrationReport report;
  for (const Migration& m : migrations) {
    const bool applied = database.write([&](Connection& c) {
      if (c.backend() == Backend::postgresql) c.execute(kAdvisoryLock);
      c.exec_script(kCreateSchemaTable);
      const auto checksum = c.query_text("SELECT checksum FROM schema_migrations WHERE version = $1", {int64_t{m.version}});
      if (checksum) {
        if (*checksum != m.checksum) {
          throw std::runtime_error("migration " + std::to_string(m.version) + " (" + m.name +
                                   ") was changed after it was applied; add a new migration instead");
        }
        return false;
      }
      c.exec_script(m.sql);
      const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch()).count();
      c.execute("INSERT INTO schema_migrations (version, name, checksum, applied_at_ms) VALUES ($1, $2, $3, $4)",
                {int64_t{m.version}, m.name, m.checksum, now_ms});
      return true;
    });
    if (applied) report.applied.push_back(m.version);
  }
  report.version = schema_version(database);
  return report;
}

}  // namespace kassa::db
