#pragma once
// The audit log: every change and every sensitive read, with who, when, from
// where and what changed. Events of one company form a hash chain (each holds
// the hash of the one before), so an edited or deleted record is detectable.
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/id.hpp"
#include "common/principal.hpp"
#include "common/result.hpp"
#include "db/database.hpp"

namespace kassa::audit {

inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";
inline constexpr int kPageSizeDefault = 50;
inline constexpr int kPageSizeMax = 200;

struct Actor {
  std::string type = "system";  // user, api_key, system, anonymous
  uint64_t id = 0;
  std::string label;
  std::string ip;
  std::string user_agent;

  static Actor of(const Principal& principal);
  static Actor anonymous(std::string ip, std::string user_agent);
  static Actor system(std::string label);
};

struct Event {
  uint64_t company_id = 0;
  Actor actor;
  std::string action;       // "auth.login_succeeded", "user.invited", ...
  std::string target_type;  // "user", "role", "api_key", ...
  std::string target_id;    // the public id ("usr_…")
  boost::json::value before;  // null when nothing was there
  boost::json::value after;
};

struct StoredEvent {
  uint64_t id;
  uint64_t company_id;
  int64_t seq;
  int64_t occurred_at_ms;
  std::string actor_type;
  uint64_t actor_id;
  std::string actor_label;
  std::string action;
  std::string target_type;
  std::string target_id;
  std::string ip;
  std::string user_agent;
  std::string before_json;
  std::string after_json;
  std::string prev_hash;
  std::string hash;
};

struct Filter {
  std::optional<std::string> action;  // exact, or a prefix ending in '.' ("auth.")
  std::optional<uint64_t> actor_id;
  std::optional<std::string> target_type;
  std::optional<std::string> target_id;
  std::optional<int64_t> from_ms;  // inclusive
  std::optional<int64_t> to_ms;    // exclusive
  std::optional<uint64_t> starting_after;
  int limit = kPageSizeDefault;
};

struct Page {
  std::vector<StoredEvent> events;
  bool has_more = false;
};

struct VerifyReport {
  int64_t events_checked = 0;
  std::vector<std::string> problems;  // empty: the chains are intact
};

std::string event_hash(const StoredEvent& event);

class AuditService {
 public:
  AuditService(IdGenerator& ids, const Clock& clock) : ids_(ids), clock_(clock) {}

  // In the caller's write transaction, so the change and its record commit together.
  void record(db::Connection& connection, const Event& event);
  // In a transaction of its own (events with no other change: failed sign-ins).
  void record_now(db::Database& database, const Event& event);
  // PostgreSQL: events are written unchained by record() (the chain head would serialise a
  // company's writes) and chained here, in id order; list() and verify() fold first, and
  // `kassa serve` folds every second. Returns how many events were chained. SQLite: nothing to do.
  int64_t fold(db::Database& database, std::optional<uint64_t> company_id) const;
  // Starts the chain of a new company (in the transaction that creates it).
  void start_chain(db::Connection& connection, uint64_t company_id);

  Page list(db::Database& database, uint64_t company_id, const Filter& filter) const;
  VerifyReport verify(db::Database& database) const;

 private:
  void append(db::Connection& connection, StoredEvent& event) const;  // hashes and inserts
  int64_t fold_company(db::Connection& connection, uint64_t company_id) const;

  IdGenerator& ids_;
  const Clock& clock_;
};

boost::json::value to_json(const StoredEvent& event);

}  // namespace kassa::audit
