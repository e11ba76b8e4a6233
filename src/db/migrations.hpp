#pragma once
// Numbered SQL migrations (migrations/NNNN_name.sql), embedded in the binary.
// A file NNNN_name.sqlite.sql or NNNN_name.postgresql.sql replaces NNNN_name.sql
// on that backend. Each migration runs once, in order, in its own transaction,
// and is recorded in schema_migrations with its checksum; a failed migration
// changes nothing.
#include <string>
#include <vector>

#include "db/database.hpp"

namespace kassa::db {

struct MigrationFile {
  const char* file_name;
  const char* sql;
};

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
  std::string checksum;  // sha256 hex of sql
};

const std::vector<MigrationFile>& embedded_migration_files();

// The migrations for one backend, ordered by version. Throws std::invalid_argument
// for a malformed file name, a duplicate version or a gap in the numbering.
std::vector<Migration> migrations_for(Backend backend, const std::vector<MigrationFile>& files);

struct MigrationReport {
  std::vector<int> applied;  // versions applied by this call
  int version = 0;           // the schema version afterwards
};

// Applies the pending migrations. Throws if an applied migration's checksum
// differs from the file's (someone edited history) or a migration fails.
MigrationReport migrate(Database& database, const std::vector<Migration>& migrations);
int schema_version(Database& database);

}  // namespace kassa::db
