#include "app/commands.hpp"

#include <boost/json/object.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "app/master_key.hpp"
#include "app/periodic.hpp"
#include "app/services.hpp"
#include "analytics/analytics_routes.hpp"
#include "app/system_routes.hpp"
#include "audit/audit_routes.hpp"
#include "common/log.hpp"
#include "db/migrations.hpp"
#include "http/pipeline.hpp"
#include "http/problem.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "identity/credentials.hpp"
#include "identity/guard.hpp"
#include "identity/identity_routes.hpp"
#include "org/org_routes.hpp"
#include "payments/demo_history.hpp"
#include "payments/payment_routes.hpp"
#include "webhooks/webhook_routes.hpp"

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

// Opens and migrates the database and builds every service.
std::unique_ptr<Services> make_services(const Config& config) {
  const auto master_key = load_or_create_master_key(config);
  if (!master_key) throw std::runtime_error(master_key.error().detail);
  auto database = open_database(config);
  migrate_database(*database);
  return std::make_unique<Services>(config, std::move(database), *master_key);
}

void add_all_routes(http::Router& router, identity::Guard& guard, Services& s, http::Metrics& metrics, const Config& config) {
  add_system_routes(router, *s.database, metrics);
  identity::add_identity_routes(router, guard, s.identity, s.clock, {.auth_requests_per_minute = config.auth_requests_per_minute});
  org::add_org_routes(guard, s.org);
  audit::add_audit_routes(guard, s.audit, *s.database);
  payments::add_payment_routes(guard, s.payments, s.ledger, *s.database);
  webhooks::add_webhook_routes(guard, s.webhooks);
  analytics::add_analytics_routes(guard, s.analytics);
  if (config.unsafe_test_clock) {
    router.add(http::Method::post, "/__test/clock", [&s](http::Request& r) {
      const auto ms = r.query("advance_ms");
      s.clock.advance(std::chrono::milliseconds(ms ? std::stoll(std::string(*ms)) : 0));
      return http::json_response(200, boost::json::object{{"now_ms", s.clock.now_ms()}});
    });
  }
}

int fail(const Error& e) {
  std::cerr << "kassa: " << e.detail << "\n";
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.message << "\n";
  return e.code == ErrorCode::invalid_argument ? kExitUsage : kExitFailure;
}

}  // namespace

int run_migrate(const Config& config) {
  auto database = open_database(config);
  const int version = migrate_database(*database);
  std::cout << "schema at version " << version << " (" << db::to_string(database->backend()) << ")\n";
  return kExitOk;
}

int run_routes(const Config&) {
  // The route table with each route's access, for the authorization matrix (no database needed).
  Config config;
  const auto path = std::filesystem::temp_directory_path() / ("kassa-routes-" + std::to_string(::getpid()) + ".db");
  struct Remove {
    std::filesystem::path p;
    ~Remove() { for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix); }
  } remove{path};
  http::Router router;
  http::Metrics metrics;
  auto database = db::Database::open("sqlite:" + path.string());
  migrate_database(*database);
  {
    Services services(config, std::move(database), std::string(kMasterKeyBytes, '\0'));
    identity::Guard guard(services.identity, router, services.idempotency);
    add_all_routes(router, guard, services, metrics, config);
  for (const auto& route : router.routes()) {
    const std::string access = !route->options.authenticated ? "public"
                               : route->options.permission.empty() ? "authenticated"
                                                                   : route->options.permission;
      std::cout << http::to_string(route->method) << " " << route->pattern << " " << access << "\n";
    }
  }
  return kExitOk;
}

int run_serve(const Config& config) {
  const auto listen = parse_listen(config.listen);
  if (!listen) {
    std::cerr << "kassa serve: " << listen.error().detail << "\n";
    return kExitUsage;
  }
  auto services = make_services(config);
  http::Router router;
  http::Metrics metrics;
  identity::Guard guard(services->identity, router, services->idempotency);
  add_all_routes(router, guard, *services, metrics, config);
  const http::StaticFiles web(config.web_dir);
  router.set_fallback([&web](http::Request& request) { return web.serve(request); });

  const http::Pipeline pipeline(router, metrics, {.access_log = config.access_log});
  http::ServerOptions options;
  options.host = listen->host;
  options.port = listen->port;
  options.io_threads = config.io_threads;
  options.worker_threads = config.worker_threads;
  options.on_shutdown = [&services] { services->analytics.close_streams(); };
  http::Server server(pipeline, options);
  const Periodic purge("idempotency_purge", std::chrono::minutes(10), [&services] {
    if (const int64_t purged = services->idempotency.purge_expired(); purged > 0) log::info("idempotency_keys_purged", {{"count", purged}});
  });
  services->jobs.start(2, std::chrono::milliseconds(500));
  const Periodic reconcile("payments_reconcile", std::chrono::minutes(1), [&services] {
    if (const int64_t failed = services->payments.reconcile_stuck(std::chrono::minutes(15)); failed > 0) {
      log::warn("stuck_operations_failed", {{"count", failed}});
    }
  });
  // PostgreSQL: audit events of payments are written unchained and chained here (see AuditService::fold).
  std::optional<Periodic> audit_fold;
  if (services->database->backend() == db::Backend::postgresql) {
    audit_fold.emplace("audit_fold", std::chrono::seconds(1), [&services] { services->audit.fold(*services->database, std::nullopt); });
  }
  services->analytics.build();
  services->analytics.start_following(std::chrono::milliseconds(config.analytics_poll_ms));
  const uint16_t port = server.listen();
  if (!config.port_file.empty()) std::ofstream(config.port_file) << port << "\n";
  log::info("serving", {{"url", "http://" + listen->host + ":" + std::to_string(port)},
                        {"database", std::string(db::to_string(services->database->backend()))},
                        {"id_node", services->node_lease->node()}});
  server.run();
  return kExitOk;
}

int run_seed(const Config& config, const SeedOptions& seed_options) {
  constexpr std::string_view kCompany = "Demo Shop";
  constexpr std::string_view kOwner = "owner@demo-shop.example";
  constexpr std::string_view kPassword = "Kassa-demo-2026";
  auto services = make_services(config);
  auto& identity = services->identity;
  const bool exists = services->database->read([&](db::Connection& c) {
    return services->org.find_company_by_name(c, std::string(kCompany)).has_value();
  });
  if (!exists) {
    auto owner = identity.create_user(std::string(kCompany), std::string(kOwner), "Olivia Owner", std::string(kPassword), "owner");
    if (!owner) return fail(owner.error());
    const std::vector<std::pair<std::string, std::string>> projects = {{"Web Store", "EUR"}, {"Mobile App", "EUR"}, {"Marketplace", "USD"}};
    for (const auto& [name, currency] : projects) {
      const auto created = services->database->write([&](db::Connection& c) {
        return services->org.create_project(c, owner->company_id, name, currency, audit::Actor::system("seed"));
      });
      if (!created) return fail(created.error());
    }
    for (const std::string role : {"administrator", "finance", "operator", "fraud_analyst", "support", "developer", "viewer"}) {
      std::string local = role;
      std::replace(local.begin(), local.end(), '_', '-');
      auto user = identity.create_user(std::string(kCompany), local + "@demo-shop.example", "", std::string(kPassword), role);
      if (!user) return fail(user.error());
    }
    const auto secret = identity.enroll_totp_for(std::string(kOwner));
    if (!secret) return fail(secret.error());
  }
  if (seed_options.operations > 0) {
    const auto company = services->database->read([&](db::Connection& c) {
      return services->org.find_company_by_name(c, std::string(kCompany));
    });
    const bool empty = services->database->read([&](db::Connection& c) {
      return c.query_int64("SELECT COUNT(*) FROM payments WHERE company_id = $1", {static_cast<int64_t>(company->id)}) == 0;
    });
    if (empty) {
      std::vector<payments::HistoryProject> projects;
      for (const auto& p : services->org.projects(company->id)) projects.push_back({p.id, p.default_currency});
      payments::HistoryOptions history;
      history.operations = seed_options.operations;
      history.end_ms = services->clock.now_ms();
      history.id_node = services->node_lease->node();
      std::cout << "seeding " << seed_options.operations << " operations of payment history...\n" << std::flush;
      const auto report = payments::seed_history(*services->database, services->ledger, company->id, projects, history);
      // Daily FX rates for the year of history, so consolidated figures convert.
      const int64_t last_day = history.end_ms / 86'400'000;
      services->analytics.seed_demo_rates(company->id, last_day - history.days - 7, last_day);
      std::cout << "  " << report.payments << " payments, " << report.operations << " operations in "
                << static_cast<int64_t>(report.seconds * 1000) << " ms ("
                << static_cast<int64_t>(static_cast<double>(report.operations) / std::max(report.seconds, 0.001)) << " operations/s)\n";
    } else {
      std::cout << "the demo company has payments already; no history added\n";
      // A database seeded before FX rates existed gets them now.
      const bool no_rates = services->database->read([&](db::Connection& c) {
        return c.query_int64("SELECT COUNT(*) FROM fx_rates WHERE company_id = $1", {static_cast<int64_t>(company->id)}) == 0;
      });
      if (no_rates) {
        const int64_t last_day = services->clock.now_ms() / 86'400'000;
        services->analytics.seed_demo_rates(company->id, last_day - payments::HistoryOptions{}.days - 7, last_day);
      }
    }
  }
  const auto secret = identity.totp_secret_of(std::string(kOwner));
  std::cout << "\nDemo company \"" << kCompany << "\" " << (exists ? "is ready" : "created") << ". Sign in with:\n"
            << "  e-mail:       " << kOwner << "\n"
            << "  password:     " << kPassword << "\n"
            << "  TOTP secret:  " << secret.value_or("(not enrolled)") << "  (add it to an authenticator app, or run:\n"
            << "                build/kassa totp code --secret " << secret.value_or("SECRET") << ")\n"
            << "  Other users (same password, enrol at first sign-in): administrator@, finance@, operator@,\n"
            << "  fraud-analyst@, support@, developer@, viewer@demo-shop.example\n";
  return kExitOk;
}

int run_analytics_verify(const Config& config) {
  auto services = make_services(config);
  const auto built = services->analytics.build();
  const auto report = services->analytics.verify();
  std::cout << "analytics index: " << built.operations << " operations, " << built.bytes << " bytes of columns ("
            << (built.operations ? built.bytes / static_cast<size_t>(built.operations) : 0) << " per operation), built in "
            << static_cast<int64_t>(built.seconds * 1000) << " ms\n";
  if (report.differences.empty()) {
    std::cout << "analytics verify: " << report.operations << " operations in " << report.groups
              << " groups equal the SQL aggregates\n";
    return kExitOk;
  }
  for (const auto& d : report.differences) std::cout << "  " << d << "\n";
  std::cout << "analytics verify: " << report.differences.size() << " differences\n";
  return kExitFailure;
}

int run_payments_reconcile(const Config& config, int older_than_minutes) {
  auto services = make_services(config);
  const int64_t failed = services->payments.reconcile_stuck(std::chrono::minutes(older_than_minutes));
  std::cout << "payments reconcile: " << failed << " stuck operations failed\n";
  return kExitOk;
}

int run_fx_import(const Config& config, const std::string& company, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "kassa fx import: cannot read " << file << "\n";
    return kExitUsage;
  }
  const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto services = make_services(config);
  const auto imported = services->analytics.import_fx_for(company, csv);
  if (!imported) return fail(imported.error());
  std::cout << "imported " << *imported << " rates into " << company << "\n";
  return kExitOk;
}

int run_user_create(const Config& config, const UserCreate& args, const std::string& password) {
  auto services = make_services(config);
  const auto user = services->identity.create_user(args.company, args.email, args.name, password, args.role);
  if (!user) return fail(user.error());
  std::cout << "created " << user->email << " (" << args.role << ") in " << args.company << "\n";
  return kExitOk;
}

int run_project_create(const Config& config, const std::string& company_name, const std::string& name, const std::string& currency) {
  auto services = make_services(config);
  const auto project = services->database->write([&](db::Connection& c) -> Result<org::Project> {
    const auto company = services->org.find_company_by_name(c, company_name);
    if (!company) return Error::invalid("unknown-company", "no company named " + company_name);
    return services->org.create_project(c, company->id, name, currency, audit::Actor::system("cli"));
  });
  if (!project) return fail(project.error());
  std::cout << "created project " << project->name << "\n";
  return kExitOk;
}

int run_apikey_create(const Config& config, const std::string& company, const std::string& project, const std::string& name,
                      const std::optional<std::vector<std::string>>& permissions) {
  auto services = make_services(config);
  const auto key = services->identity.create_api_key_for(company, project, name, permissions);
  if (!key) return fail(key.error());
  std::cout << key->secret << "\n";
  return kExitOk;
}

int run_totp_code(const std::string& secret_base32) {
  const auto secret = identity::base32_decode(secret_base32);
  if (!secret || secret->empty()) {
    std::cerr << "kassa totp code: --secret must be base32\n";
    return kExitUsage;
  }
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::cout << identity::totp_code(*secret, identity::totp_step_at(now)) << "\n";
  return kExitOk;
}

int run_totp_enroll(const Config& config, const std::string& email) {
  auto services = make_services(config);
  const auto secret = services->identity.enroll_totp_for(email);
  if (!secret) return fail(secret.error());
  std::cout << *secret << "\n";
  return kExitOk;
}

int run_ledger_verify(const Config& config) {
  auto database = open_database(config);
  migrate_database(*database);
  SystemClock clock;
  IdGenerator ids(clock, 0);
  const ledger::LedgerService ledger(ids, clock);
  const auto report = ledger.verify(*database);
  for (const auto& problem : report.problems) std::cout << "MISMATCH: " << problem << "\n";
  std::cout << report.accounts_checked << " accounts and " << report.transactions_checked << " transactions checked: "
            << (report.problems.empty() ? "balanced" : std::to_string(report.problems.size()) + " problems") << "\n";
  return report.problems.empty() ? kExitOk : kExitFailure;
}

int run_audit_verify(const Config& config) {
  auto database = open_database(config);
  migrate_database(*database);
  SystemClock clock;
  IdGenerator ids(clock, 0);
  const audit::AuditService audit(ids, clock);
  const auto report = audit.verify(*database);
  for (const auto& problem : report.problems) std::cout << "TAMPERED: " << problem << "\n";
  std::cout << report.events_checked << " audit events checked: "
            << (report.problems.empty() ? "the chain is intact" : std::to_string(report.problems.size()) + " problems") << "\n";
  return report.problems.empty() ? kExitOk : kExitFailure;
}

}  // namespace kassa::app
