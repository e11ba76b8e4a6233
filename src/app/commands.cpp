#include "app/commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/master_key.hpp"
#include "app/node_lease.hpp"
#include "app/system_routes.hpp"
#include "common/clock.hpp"
#include "common/id.hpp"
#include "common/log.hpp"
#include "db/migrations.hpp"
#include "http/pipeline.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

namespace kassa::app {
namespace {

struct ListenAddress {
  std::string host;
  uint16_t port;
};

Result<ListenAddress> parse_listen(const std::string& text) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return Error::invalid("bad-listen", "--listen must be HOST:PORT");
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port_text = text.substr(colon + 1);
  int port = -1;
  try {
    size_t used = 0;
    port = std::stoi(port_text, &used);
    if (used != port_text.size()) port = -1;
  } catch (const std::exception&) {
    port = -1;
  }
  if (port < 0 || port > 65535) return Error::invalid("bad-listen", "--listen port must be 0..65535");
  return ListenAddress{host, static_cast<uint16_t>(port)};
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

}  // namespace

int run_migrate(const Config& config) {
  auto database = open_database(config);
  const int version = migrate_database(*database);
  std::cout << "schema at version " << version << " (" << db::to_string(database->backend()) << ")\n";
  return kExitOk;
}

int run_seed(const Config& config) {
  auto database = open_database(config);
  migrate_database(*database);
  // Demo companies, users and payments are added by the contexts that own them
  // (identity, payments) as they land; the foundation has nothing to seed.
  std::cout << "seed: schema ready; no demo data to add yet\n";
  return kExitOk;
}

int run_serve(const Config& config) {
  const auto listen = parse_listen(config.listen);
  if (!listen) {
    std::cerr << "kassa serve: " << listen.error().detail << "\n";
    return kExitUsage;
  }
  const auto master_key = load_or_create_master_key(config);
  if (!master_key) {
    std::cerr << "kassa serve: " << master_key.error().detail << "\n";
    return kExitFailure;
  }

  SystemClock clock;
  auto database = open_database(config);
  migrate_database(*database);
  NodeLease node_lease(*database, clock);
  IdGenerator ids(clock, node_lease.node());

  http::Router router;
  http::Metrics metrics;
  add_system_routes(router, *database, metrics);
  const http::StaticFiles web(config.web_dir);
  router.set_fallback([&web](http::Request& request) { return web.serve(request); });

  const http::Pipeline pipeline(router, metrics, {.access_log = config.access_log});
  http::ServerOptions options;
  options.host = listen->host;
  options.port = listen->port;
  options.io_threads = config.io_threads;
  options.worker_threads = config.worker_threads;
  http::Server server(pipeline, options);
  const uint16_t port = server.listen();
  if (!config.port_file.empty()) {
    std::ofstream(config.port_file) << port << "\n";
  }
  log::info("serving", {{"url", "http://" + listen->host + ":" + std::to_string(port)},
                        {"database", std::string(db::to_string(database->backend()))},
                        {"id_node", node_lease.node()}});
  server.run();
  return kExitOk;
}

}  // namespace kassa::app
