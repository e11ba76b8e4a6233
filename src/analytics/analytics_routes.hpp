#pragma once
// HTTP for analytics: the query API, the live feed (server-sent events) and FX rates.
#include "analytics/analytics.hpp"
#include "identity/guard.hpp"

namespace kassa::analytics {

void add_analytics_routes(identity::Guard& guard, AnalyticsService& analytics);

}  // namespace kassa::analytics
