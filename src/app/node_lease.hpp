#pragma once
// Each serving process leases a node number for its id generator from the
// database, so several `kassa serve` processes never make the same id.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "common/clock.hpp"
#include "db/database.hpp"

namespace kassa::app {

class NodeLease {
 public:
  static constexpr int64_t kLeaseMs = 60'000;
  static constexpr int64_t kRenewEveryMs = 15'000;

  // Claims the lowest free node number; throws if all 1024 are leased.
  NodeLease(db::Database& database, const Clock& clock);
  ~NodeLease();  // stops renewing and releases the lease

  uint32_t node() const { return node_; }

 private:
  void renew_loop();

  db::Database& database_;
  const Clock& clock_;
  std::string holder_;
  uint32_t node_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread renewer_;
};

}  // namespace kassa::app
