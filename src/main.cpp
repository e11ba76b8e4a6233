// The `kassa` command: serve, migrate, seed, version.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/commands.hpp"
#include "common/log.hpp"

int main(int argc, char** argv) {
  using kassa::app::Config;
  Config config;
  CLI::App app{"Kassa: a self-hosted payment platform back office"};
  app.require_subcommand(1);
  app.fallthrough();
  app.set_config("--config", "", "a TOML or INI file with any of these options");
  app.add_option("--db", config.database_url, "sqlite:PATH or a postgresql:// URL")
      ->envname("KASSA_DB")
      ->capture_default_str();
  app.add_option("--data-dir", config.data_dir, "folder for the SQLite file's neighbours and master.key")
      ->envname("KASSA_DATA_DIR")
      ->capture_default_str();
  app.add_option("--web-dir", config.web_dir, "the built web app to serve")->envname("KASSA_WEB_DIR")->capture_default_str();
  app.add_option("--log-level", config.log_level, "debug, info, warn, error or off")
      ->envname("KASSA_LOG_LEVEL")
      ->check(CLI::IsMember({"debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  app.add_option("--master-key", config.master_key_hex, "64 hex digits; default: DATA_DIR/master.key (created if absent)")
      ->envname("KASSA_MASTER_KEY");

  auto* serve = app.add_subcommand("serve", "serve the API and the Dashboard");
  serve->add_option("--listen", config.listen, "HOST:PORT (port 0: any free port)")->envname("KASSA_LISTEN")->capture_default_str();
  serve->add_option("--io-threads", config.io_threads, "I/O threads (0: one per core)")->check(CLI::Range(0, 256));
  serve->add_option("--workers", config.worker_threads, "handler threads")->check(CLI::Range(1, 1024))->capture_default_str();
  serve->add_option("--db-pool", config.db_pool_size, "database connections")->check(CLI::Range(1, 512))->capture_default_str();
  serve->add_flag("!--no-access-log", config.access_log, "do not log each request");
  serve->add_option("--port-file", config.port_file, "write the bound port to this file");

  auto* migrate = app.add_subcommand("migrate", "apply pending database migrations");
  auto* seed = app.add_subcommand("seed", "migrate and add demo data to an empty database");
  auto* version = app.add_subcommand("version", "print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kassa::app::kExitUsage;
  }

  kassa::log::init(config.log_level);
  try {
    if (version->parsed()) {
      std::cout << "kassa " << KASSA_VERSION << "\n";
      return kassa::app::kExitOk;
    }
    if (migrate->parsed()) return kassa::app::run_migrate(config);
    if (seed->parsed()) return kassa::app::run_seed(config);
    if (serve->parsed()) return kassa::app::run_serve(config);
  } catch (const std::exception& e) {
    kassa::log::error("fatal", {{"error", e.what()}});
    std::cerr << "kassa: " << e.what() << "\n";
    return kassa::app::kExitFailure;
  }
  return kassa::app::kExitUsage;
}
