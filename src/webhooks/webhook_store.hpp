#pragma once
// The SQL of webhooks.
#include <optional>
#include <set>
#include <vector>

#include "db/database.hpp"
#include "webhooks/webhooks.hpp"

namespace kassa::webhooks::store {

void insert_endpoint(db::Connection& c, const Endpoint& e);
std::optional<Endpoint> endpoint_by_id(db::Connection& c, uint64_t company_id, uint64_t id);
std::optional<Endpoint> endpoint_any(db::Connection& c, uint64_t id);
std::vector<Endpoint> endpoints_of(db::Connection& c, uint64_t company_id);
std::vector<Endpoint> enabled_endpoints(db::Connection& c, uint64_t project_id);
bool update_endpoint(db::Connection& c, const Endpoint& e, int64_t expected_version);
void disable_endpoint(db::Connection& c, uint64_t id, const std::string& reason);
void delete_endpoint(db::Connection& c, uint64_t id);

void insert_delivery(db::Connection& c, const Delivery& d);
std::optional<Delivery> delivery_by_id(db::Connection& c, uint64_t id);
void update_delivery(db::Connection& c, const Delivery& d);
// projects: only these (nullopt: all of the company's).
std::vector<Delivery> deliveries_of(db::Connection& c, uint64_t company_id, std::optional<uint64_t> endpoint_id,
                                    const std::optional<std::set<uint64_t>>& projects, const std::string& subject_id,
                                    int limit, std::optional<uint64_t> starting_after);

}  // namespace kassa::webhooks::store
