// The `kassa` command.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/commands.hpp"
#include "common/log.hpp"

namespace {

std::string read_password_stdin() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text + ",") {
    if (c == ',' || c == ' ') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else {
      item.push_back(c);
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kassa::app;
  Config config;
  CLI::App app{"Kassa: a self-hosted payment platform back office"};
  app.require_subcommand(1);
  app.fallthrough();
  app.set_config("--config", "", "a TOML or INI file with any of these options");
  app.add_option("--db", config.database_url, "sqlite:PATH or a postgresql:// URL")->envname("KASSA_DB")->capture_default_str();
  app.add_option("--data-dir", config.data_dir, "folder for master.key when no key is configured")
      ->envname("KASSA_DATA_DIR")->capture_default_str();
  app.add_option("--web-dir", config.web_dir, "the built web app to serve")->envname("KASSA_WEB_DIR")->capture_default_str();
  app.add_option("--log-level", config.log_level, "debug, info, warn, error or off")
      ->envname("KASSA_LOG_LEVEL")->check(CLI::IsMember({"debug", "info", "warn", "error", "off"}))->capture_default_str();
  app.add_option("--master-key", config.master_key_hex, "64 hex digits; default: DATA_DIR/master.key (created if absent)")
      ->envname("KASSA_MASTER_KEY");

  auto* serve = app.add_subcommand("serve", "serve the API and the Dashboard");
  serve->add_option("--listen", config.listen, "HOST:PORT (port 0: any free port)")->envname("KASSA_LISTEN")->capture_default_str();
  serve->add_option("--io-threads", config.io_threads, "I/O threads (0: one per core)")->check(CLI::Range(0, 256));
  serve->add_option("--workers", config.worker_threads, "handler threads")->check(CLI::Range(1, 1024))->capture_default_str();
  serve->add_option("--db-pool", config.db_pool_size, "database connections")->check(CLI::Range(1, 512))->capture_default_str();
  serve->add_flag("!--no-access-log", config.access_log, "do not log each request");
  serve->add_option("--port-file", config.port_file, "write the bound port to this file");
  serve->add_option("--public-url", config.public_url, "the address people use, for links in e-mails")
      ->envname("KASSA_PUBLIC_URL")->capture_default_str();
  serve->add_option("--session-idle-seconds", config.session_idle_seconds, "sign out after this long without requests")
      ->check(CLI::Range(30, 86400))->capture_default_str();
  serve->add_option("--auth-rate-per-minute", config.auth_requests_per_minute, "sign-in requests per client address and minute")
      ->check(CLI::Range(1, 1000000))->capture_default_str();
  serve->add_flag("--webhooks-allow-private", config.webhooks_allow_private,
                  "deliver webhooks to loopback and private addresses (tests, local development)");
  serve->add_flag("--unsafe-test-clock", config.unsafe_test_clock, "tests only: POST /__test/clock?advance_ms=N moves the clock");
  serve->add_option("--analytics-poll-ms", config.analytics_poll_ms, "how often the analytics index looks for changes made by other processes")
      ->check(CLI::Range(10, 60000))->envname("KASSA_ANALYTICS_POLL_MS");

  auto* migrate = app.add_subcommand("migrate", "apply pending database migrations");
  auto* seed = app.add_subcommand("seed", "migrate and create the demo company when it does not exist");
  SeedOptions seed_options;
  seed->add_flag("--demo", seed_options.demo, "create the demo company Demo Shop (the default)");
  seed->add_option("--operations", seed_options.operations, "add this many operations of payment history to an empty demo company")
      ->check(CLI::Range(int64_t{0}, int64_t{100'000'000}));
  auto* version = app.add_subcommand("version", "print the version");
  auto* routes = app.add_subcommand("routes", "list every route with who may call it");

  auto* user = app.add_subcommand("user", "manage users")->require_subcommand(1);
  UserCreate user_create;
  bool password_stdin = false;
  auto* user_create_cmd = user->add_subcommand("create", "create a user (and the company when it does not exist yet)");
  user_create_cmd->add_option("--company", user_create.company, "company name")->required();
  user_create_cmd->add_option("--email", user_create.email, "e-mail address")->required();
  user_create_cmd->add_option("--name", user_create.name, "display name");
  user_create_cmd->add_option("--role", user_create.role, "built-in role, on all projects")->capture_default_str();
  user_create_cmd->add_flag("--password-stdin", password_stdin, "read the password from standard input")->required();

  auto* project = app.add_subcommand("project", "manage projects")->require_subcommand(1);
  std::string project_company, project_name, project_currency = "EUR";
  auto* project_create = project->add_subcommand("create", "create a project");
  project_create->add_option("--company", project_company, "company name")->required();
  project_create->add_option("--name", project_name, "project name")->required();
  project_create->add_option("--currency", project_currency, "default ISO 4217 currency")->capture_default_str();

  auto* apikey = app.add_subcommand("apikey", "manage API keys")->require_subcommand(1);
  std::string key_company, key_project, key_name, key_permissions;
  auto* apikey_create = apikey->add_subcommand("create", "create an API key; prints only the secret");
  apikey_create->add_option("--company", key_company, "company name")->required();
  apikey_create->add_option("--project", key_project, "project name")->required();
  apikey_create->add_option("--name", key_name, "key name")->required();
  apikey_create->add_option("--permissions", key_permissions, "comma-separated; default: every project permission");

  auto* totp = app.add_subcommand("totp", "TOTP helpers for demos and tests")->require_subcommand(1);
  std::string totp_secret, totp_email;
  auto* totp_code = totp->add_subcommand("code", "print the current code for a secret");
  totp_code->add_option("--secret", totp_secret, "base32 secret")->required();
  auto* totp_enroll = totp->add_subcommand("enroll", "give a user a new TOTP secret and print it");
  totp_enroll->add_option("--email", totp_email, "the user's e-mail")->required();

  auto* audit = app.add_subcommand("audit", "the audit log")->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "check the hash chains; exit 1 if a record was changed or removed");

  auto* ledger = app.add_subcommand("ledger", "the double-entry ledger")->require_subcommand(1);
  auto* ledger_verify = ledger->add_subcommand("verify", "re-derive every balance from its entries; exit 1 on a difference");

  auto* analytics = app.add_subcommand("analytics", "the analytics index")->require_subcommand(1);
  auto* analytics_verify = analytics->add_subcommand("verify", "build the index and compare it with SQL aggregates; exit 1 on a difference");

  auto* payments = app.add_subcommand("payments", "payments")->require_subcommand(1);
  int reconcile_minutes = 15;
  auto* payments_reconcile = payments->add_subcommand(
      "reconcile", "fail operations left processing without a processor answer (`serve` does this every minute)");
  payments_reconcile->add_option("--older-than-minutes", reconcile_minutes, "only those older than this")
      ->check(CLI::Range(1, 100000))->capture_default_str();

  auto* fx = app.add_subcommand("fx", "FX rates into the reporting currency")->require_subcommand(1);
  std::string fx_company, fx_file;
  auto* fx_import = fx->add_subcommand("import", "load daily rates from a CSV file (day,currency,rate)");
  fx_import->add_option("--company", fx_company, "company name")->required();
  fx_import->add_option("file", fx_file, "the CSV file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  kassa::log::init(config.log_level);
  try {
    if (version->parsed()) {
      std::cout << "kassa " << KASSA_VERSION << "\n";
      return kExitOk;
    }
    if (migrate->parsed()) return run_migrate(config);
    if (seed->parsed()) return run_seed(config, seed_options);
    if (serve->parsed()) return run_serve(config);
    if (routes->parsed()) return run_routes(config);
    if (user_create_cmd->parsed()) return run_user_create(config, user_create, read_password_stdin());
    if (project_create->parsed()) return run_project_create(config, project_company, project_name, project_currency);
    if (apikey_create->parsed()) {
      return run_apikey_create(config, key_company, key_project, key_name,
                               key_permissions.empty() ? std::nullopt : std::optional(split_list(key_permissions)));
    }
    if (totp_code->parsed()) return run_totp_code(totp_secret);
    if (totp_enroll->parsed()) return run_totp_enroll(config, totp_email);
    if (audit_verify->parsed()) return run_audit_verify(config);
    if (ledger_verify->parsed()) return run_ledger_verify(config);
    if (analytics_verify->parsed()) return run_analytics_verify(config);
    if (fx_import->parsed()) return run_fx_import(config, fx_company, fx_file);
    if (payments_reconcile->parsed()) return run_payments_reconcile(config, reconcile_minutes);
  } catch (const std::exception& e) {
    kassa::log::error("fatal", {{"error", e.what()}});
    std::cerr << "kassa: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitUsage;
}
