#include "app/node_lease.hpp"

#include <optional>
#include <stdexcept>

#include "common/crypto.hpp"
#include "common/id.hpp"
#include "common/log.hpp"

namespace kassa::app {

NodeLease::NodeLease(db::Database& database, const Clock& clock)
    : database_(database), clock_(clock), holder_(crypto::to_hex(crypto::random_bytes(8))) {
  // Two processes may race for the same number: the conditional UPDATE and the
  // primary key let only one win; the loser tries again.
  constexpr int kAttemptsMax = 20;
  for (int attempt = 0;; ++attempt) {
    const int64_t now = clock_.now_ms();
    std::optional<uint32_t> claimed;
    try {
      claimed = database_.write([&](db::Connection& c) -> std::optional<uint32_t> {
        const auto expired = c.query_int64(
            "SELECT node_id FROM id_nodes WHERE lease_until_ms < $1 ORDER BY node_id LIMIT 1", {now});
        if (expired) {
          const int64_t changed = c.execute(
              "UPDATE id_nodes SET holder = $1, lease_until_ms = $2 WHERE node_id = $3 AND lease_until_ms < $4",
              {holder_, now + kLeaseMs, *expired, now});
          if (changed != 1) return std::nullopt;
          return static_cast<uint32_t>(*expired);
        }
        const int64_t next = c.query_int64("SELECT COALESCE(MAX(node_id) + 1, 0) FROM id_nodes").value_or(0);
        if (next > kIdNodeMax) throw std::runtime_error("all 1024 id node numbers are leased");
        c.execute("INSERT INTO id_nodes (node_id, holder, lease_until_ms) VALUES ($1, $2, $3)",
                  {next, holder_, now + kLeaseMs});
        return static_cast<uint32_t>(next);
      });
    } catch (const db::DatabaseError& e) {
      if (e.kind() != db::DatabaseError::Kind::unique_violation || attempt >= kAttemptsMax) throw;
    }
    if (claimed) {
      node_ = *claimed;
      break;
    }
    if (attempt >= kAttemptsMax) throw std::runtime_error("could not lease an id node number");
  }
  log::info("id_node_leased", {{"node", node_}});
  renewer_ = std::thread([this] { renew_loop(); });
}

NodeLease::~NodeLease() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  renewer_.join();
  try {
    database_.write([&](db::Connection& c) {
      c.execute("UPDATE id_nodes SET lease_until_ms = 0 WHERE node_id = $1 AND holder = $2", {int64_t{node_}, holder_});
    });
  } catch (const std::exception& e) {
    log::warn("id_node_release_failed", {{"error", e.what()}});
  }
}

void NodeLease::renew_loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, std::chrono::milliseconds(kRenewEveryMs), [&] { return stopping_; })) {
    lock.unlock();
    try {
      const int64_t changed = database_.write([&](db::Connection& c) {
        return c.execute("UPDATE id_nodes SET lease_until_ms = $1 WHERE node_id = $2 AND holder = $3",
                         {clock_.now_ms() + kLeaseMs, int64_t{node_}, holder_});
      });
      if (changed != 1) log::error("id_node_lease_lost", {{"node", node_}});
    } catch (const std::exception& e) {
      log::warn("id_node_renew_failed", {{"error", e.what()}});
    }
    lock.lock();
  }
}

}  // namespace kassa::app
