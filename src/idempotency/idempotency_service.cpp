#include "idempotency/idempotency.hpp"

namespace kassa::idempotency {
namespace {

constexpr std::string_view kClaim =
    "INSERT INTO idempotency_keys (scope, key, request_hash, state, response_status, response_type, response_body,"
    " created_at_ms, lease_until_ms) VALUES ($1, $2, $3, 'running', 0, '', '', $4, $5) ON CONFLICT (scope, key) DO NOTHING";
constexpr std::string_view kRead =
    "SELECT request_hash, state, response_status, response_type, response_body, lease_until_ms FROM idempotency_keys"
    " WHERE scope = $1 AND key = $2";
constexpr std::string_view kTakeOver =
    "UPDATE idempotency_keys SET lease_until_ms = $1 WHERE scope = $2 AND key = $3 AND state = 'running' AND lease_until_ms < $4";
constexpr std::string_view kFinish =
    "UPDATE idempotency_keys SET state = 'done', response_status = $1, response_type = $2, response_body = $3"
    " WHERE scope = $4 AND key = $5";
constexpr std::string_view kAbandon = "DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'running'";
constexpr std::string_view kPurge = "DELETE FROM idempotency_keys WHERE created_at_ms < $1";

}  // namespace

Begin IdempotencyService::begin(const std::string& scope, const std::string& key, const std::string& request_hash) {
  const int64_t now = clock_.now_ms();
  return database_.write([&](db::Connection& c) -> Begin {
    if (c.execute(kClaim, {scope, key, request_hash, now, now + kLeaseMs}) == 1) return {Begin::Kind::proceed, std::nullopt};
    Begin out{Begin::Kind::in_progress, std::nullopt};
    std::string stored_hash, state;
    int64_t lease_until = 0;
    c.query(kRead, {scope, key}, [&](const db::Row& r) {
      stored_hash = r.text(0);
      state = r.text(1);
      out.response = StoredResponse{static_cast<int>(r.int64(2)), std::string(r.text(3)), std::string(r.text(4))};
      lease_until = r.int64(5);
    });
    if (stored_hash != request_hash) return {Begin::Kind::mismatch, std::nullopt};
    if (state == "done") return {Begin::Kind::replay, out.response};
    // Still running: ours only if the first attempt's process died (its lease ran out).
    if (lease_until < now && c.execute(kTakeOver, {now + kLeaseMs, scope, key, now}) == 1) return {Begin::Kind::proceed, std::nullopt};
    return {Begin::Kind::in_progress, std::nullopt};
  });
}

void IdempotencyService::finish(const std::string& scope, const std::string& key, const StoredResponse& response) {
  database_.write([&](db::Connection& c) {
    c.execute(kFinish, {int64_t{response.status}, response.content_type, response.body, scope, key});
  });
}

void IdempotencyService::abandon(const std::string& scope, const std::string& key) {
  database_.write([&](db::Connection& c) { c.execute(kAbandon, {scope, key}); });
}

int64_t IdempotencyService::purge_expired() {
  const int64_t cutoff = clock_.now_ms() - kRetentionMs;
  return database_.write([&](db::Connection& c) { return c.execute(kPurge, {cutoff}); });
}

}  // namespace kassa::idempotency
