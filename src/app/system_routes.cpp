#include "app/system_routes.hpp"

#include <boost/json/object.hpp>
#include <fmt/format.h>

#include "http/problem.hpp"

namespace kassa::app {

void add_system_routes(http::Router& router, db::Database& database, http::Metrics& metrics) {
  using http::Method;
  const std::string backend(db::to_string(database.backend()));

  router.add(Method::get, "/healthz", [](http::Request&) {
    return http::json_response(200, boost::json::object{{"status", "ok"}});
  }, {.run_inline = true});

  router.add(Method::get, "/readyz", [&database, backend](http::Request&) {
    if (!database.ping()) return http::problem(503, "database-unavailable", "the database does not answer");
    return http::json_response(200, boost::json::object{{"status", "ready"}, {"database", backend}});
  });

  router.add(Method::get, "/metrics", [&metrics](http::Request&) {
    return http::text_response(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  }, {.run_inline = true});

  router.add(Method::get, "/api/v1/version", [backend](http::Request&) {
    return http::json_response(200, boost::json::object{{"version", KASSA_VERSION}, {"database", backend}});
  }, {.run_inline = true});

  metrics.add_collector([&database] {
    const db::PoolStats s = database.stats();
    return fmt::format(
        "# HELP kassa_db_connections Database connections in the pool.\n"
        "# TYPE kassa_db_connections gauge\n"
        "kassa_db_connections{{state=\"total\"}} {}\n"
        "kassa_db_connections{{state=\"in_use\"}} {}\n"
        "# HELP kassa_db_pool_waiting Callers waiting for a database connection.\n"
        "# TYPE kassa_db_pool_waiting gauge\n"
        "kassa_db_pool_waiting {}\n"
        "# HELP kassa_db_write_queue Writes waiting for the writer (SQLite group commit).\n"
        "# TYPE kassa_db_write_queue gauge\n"
        "kassa_db_write_queue {}\n"
        "# HELP kassa_db_writes_total Write transactions run.\n"
        "# TYPE kassa_db_writes_total counter\n"
        "kassa_db_writes_total {}\n"
        "# HELP kassa_db_commits_total Commits (on SQLite one commit holds a group of writes).\n"
        "# TYPE kassa_db_commits_total counter\n"
        "kassa_db_commits_total {}\n",
        s.connections_total, s.connections_in_use, s.waiting, s.write_queue, s.write_jobs, s.write_commits);
  });
}

}  // namespace kassa::app
