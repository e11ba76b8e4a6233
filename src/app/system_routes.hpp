#pragma once
// Operational endpoints: /healthz, /readyz, /metrics, /api/v1/version.
#include "db/database.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace kassa::app {

void add_system_routes(http::Router& router, db::Database& database, http::Metrics& metrics);

}  // namespace kassa::app
