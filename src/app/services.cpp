#include "app/services.hpp"

#include <filesystem>

#include "common/crypto.hpp"
#include "common/log.hpp"
#include "db/migrations.hpp"

namespace kassa::app {

namespace {
identity::Options identity_options(const Config& config) {
  identity::Options o;
  o.idle_timeout_ms = int64_t{config.session_idle_seconds} * 1000;
  o.public_url = config.public_url;
  return o;
}
}  // namespace

Services::Services(const Config& config, std::unique_ptr<db::Database> db, const std::string& master_key)
    : database(std::move(db)),
      node_lease(std::make_unique<NodeLease>(*database, clock)),
      ids(clock, node_lease->node()),
      secrets(master_key),
      audit(ids, clock),
      org(*database, ids, clock, audit),
      identity(*database, ids, clock, secrets, audit, org, identity_options(config)),
      ledger(ids, clock),
      jobs(*database, ids, clock),
      webhooks(*database, ids, clock, secrets, jobs, audit, org, {.allow_private_addresses = config.webhooks_allow_private}),
      payments(*database, ids, clock, sandbox, ledger, audit, org, identity, webhooks,
               // The card fingerprint key is derived from the master key, so tokens stay stable across restarts.
               crypto::sha256("kassa card fingerprint v1:" + master_key)),
      idempotency(*database, clock),
      analytics(*database, clock, audit) {
  payments.set_change_listener([this] { analytics.notify(); });
}

std::unique_ptr<db::Database> open_database(const Config& config) {
  if (config.database_url.starts_with("sqlite:")) {
    const std::filesystem::path file(config.database_url.substr(7));
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  }
  db::Options options;
  options.pool_size = config.db_pool_size;
  return db::Database::open(config.database_url, options);
}

int migrate_database(db::Database& database) {
  const auto migrations = db::migrations_for(database.backend(), db::embedded_migration_files());
  const auto report = db::migrate(database, migrations);
  log::info("schema_migrated", {{"applied", report.applied.size()}, {"version", report.version}});
  return report.version;
}

}  // namespace kassa::app
