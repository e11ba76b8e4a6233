#include "webhooks/webhook_store.hpp"

namespace kassa::webhooks::store {
namespace {

int64_t i64(uint64_t v) { return static_cast<int64_t>(v); }
uint64_t u64(int64_t v) { return static_cast<uint64_t>(v); }

constexpr std::string_view kEndpointColumns =
    "id, company_id, project_id, url, description, secret_enc, previous_secret_enc, previous_expires_at_ms, status,"
    " disabled_reason, version, created_at_ms";
constexpr std::string_view kDeliveryColumns =
    "id, endpoint_id, company_id, project_id, event_type, subject_id, payload, status, attempts, response_status,"
    " response_body, last_error, duration_ms, next_attempt_at_ms, created_at_ms, updated_at_ms";

Endpoint read_endpoint(const db::Row& r) {
  return Endpoint{u64(r.int64(0)), u64(r.int64(1)), u64(r.int64(2)), std::string(r.text(3)), std::string(r.text(4)),
                  std::string(r.text(5)), std::string(r.text(6)), r.int64(7), std::string(r.text(8)),
                  std::string(r.text(9)), r.int64(10), r.int64(11)};
}

Delivery read_delivery(const db::Row& r) {
  return Delivery{u64(r.int64(0)), u64(r.int64(1)), u64(r.int64(2)), u64(r.int64(3)), std::string(r.text(4)),
                  std::string(r.text(5)), std::string(r.text(6)), std::string(r.text(7)), r.int64(8), r.int64(9),
                  std::string(r.text(10)), std::string(r.text(11)), r.int64(12), r.int64(13), r.int64(14), r.int64(15)};
}

std::string select(std::string_view columns, std::string_view rest) { return "SELECT " + std::string(columns) + " " + std::string(rest); }

}  // namespace

void insert_endpoint(db::Connection& c, const Endpoint& e) {
  c.execute("INSERT INTO webhook_endpoints (" + std::string(kEndpointColumns) + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            {i64(e.id), i64(e.company_id), i64(e.project_id), e.url, e.description, e.secret_enc, e.previous_secret_enc,
             e.previous_expires_at_ms, e.status, e.disabled_reason, e.version, e.created_at_ms});
}

std::optional<Endpoint> endpoint_by_id(db::Connection& c, uint64_t company_id, uint64_t id) {
  std::optional<Endpoint> out;
  c.query(select(kEndpointColumns, "FROM webhook_endpoints WHERE company_id = $1 AND id = $2"), {i64(company_id), i64(id)},
          [&](const db::Row& r) { out = read_endpoint(r); });
  return out;
}

std::optional<Endpoint> endpoint_any(db::Connection& c, uint64_t id) {
  std::optional<Endpoint> out;
  c.query(select(kEndpointColumns, "FROM webhook_endpoints WHERE id = $1"), {i64(id)}, [&](const db::Row& r) { out = read_endpoint(r); });
  return out;
}

std::vector<Endpoint> endpoints_of(db::Connection& c, uint64_t company_id) {
  std::vector<Endpoint> out;
  c.query(select(kEndpointColumns, "FROM webhook_endpoints WHERE company_id = $1 ORDER BY id DESC"), {i64(company_id)},
          [&](const db::Row& r) { out.push_back(read_endpoint(r)); });
  return out;
}

std::vector<Endpoint> enabled_endpoints(db::Connection& c, uint64_t project_id) {
  std::vector<Endpoint> out;
  c.query(select(kEndpointColumns, "FROM webhook_endpoints WHERE project_id = $1 AND status = 'enabled'"), {i64(project_id)},
          [&](const db::Row& r) { out.push_back(read_endpoint(r)); });
  return out;
}

bool update_endpoint(db::Connection& c, const Endpoint& e, int64_t expected_version) {
  return c.execute("UPDATE webhook_endpoints SET url = $1, description = $2, secret_enc = $3, previous_secret_enc = $4,"
                   " previous_expires_at_ms = $5, status = $6, disabled_reason = $7, version = version + 1"
                   " WHERE id = $8 AND version = $9",
                   {e.url, e.description, e.secret_enc, e.previous_secret_enc, e.previous_expires_at_ms, e.status,
                    e.disabled_reason, i64(e.id), expected_version}) == 1;
}

void disable_endpoint(db::Connection& c, uint64_t id, const std::string& reason) {
  c.execute("UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = $1, version = version + 1 WHERE id = $2",
            {reason, i64(id)});
}

void delete_endpoint(db::Connection& c, uint64_t id) {
  c.execute("DELETE FROM webhook_deliveries WHERE endpoint_id = $1", {i64(id)});
  c.execute("DELETE FROM webhook_endpoints WHERE id = $1", {i64(id)});
}

void insert_delivery(db::Connection& c, const Delivery& d) {
  c.execute("INSERT INTO webhook_deliveries (" + std::string(kDeliveryColumns) +
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
            {i64(d.id), i64(d.endpoint_id), i64(d.company_id), i64(d.project_id), d.event_type, d.subject_id, d.payload,
             d.status, d.attempts, d.response_status, d.response_body, d.last_error, d.duration_ms, d.next_attempt_at_ms,
             d.created_at_ms, d.updated_at_ms});
}

std::optional<Delivery> delivery_by_id(db::Connection& c, uint64_t id) {
  std::optional<Delivery> out;
  c.query(select(kDeliveryColumns, "FROM webhook_deliveries WHERE id = $1"), {i64(id)}, [&](const db::Row& r) { out = read_delivery(r); });
  return out;
}

void update_delivery(db::Connection& c, const Delivery& d) {
  c.execute("UPDATE webhook_deliveries SET status = $1, attempts = $2, response_status = $3, response_body = $4, last_error = $5,"
            " duration_ms = $6, next_attempt_at_ms = $7, updated_at_ms = $8 WHERE id = $9",
            {d.status, d.attempts, d.response_status, d.response_body, d.last_error, d.duration_ms, d.next_attempt_at_ms,
             d.updated_at_ms, i64(d.id)});
}

std::vector<Delivery> deliveries_of(db::Connection& c, uint64_t company_id, std::optional<uint64_t> endpoint_id,
                                    const std::optional<std::set<uint64_t>>& projects, const std::string& subject_id,
                                    int limit, std::optional<uint64_t> starting_after) {
  std::string sql = select(kDeliveryColumns, "FROM webhook_deliveries WHERE company_id = $1");
  std::vector<db::Param> params{i64(company_id)};
  if (projects) {
    if (projects->empty()) return {};
    sql += " AND project_id IN (";
    size_t i = 0;
    for (const uint64_t p : *projects) {
      params.push_back(i64(p));
      sql += (i++ ? ", $" : "$") + std::to_string(params.size());
    }
    sql += ")";
  }
  if (endpoint_id) {
    params.push_back(i64(*endpoint_id));
    sql += " AND endpoint_id = $" + std::to_string(params.size());
  }
  if (!subject_id.empty()) {
    params.push_back(std::string_view(subject_id));
    sql += " AND subject_id = $" + std::to_string(params.size());
  }
  if (starting_after) {
    params.push_back(i64(*starting_after));
    sql += " AND id < $" + std::to_string(params.size());
  }
  params.push_back(int64_t{limit + 1});
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(params.size());
  std::vector<Delivery> out;
  c.run(sql, params, [&](const db::Row& r) { out.push_back(read_delivery(r)); });
  return out;
}

}  // namespace kassa::webhooks::store
