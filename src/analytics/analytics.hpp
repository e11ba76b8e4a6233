#pragma once
// Analytics: consolidated figures over every operation, from an in-memory
// column store that is built from the database at start-up and follows every
// operation change in change-sequence order, whichever process made it.
// Also the daily FX rates into each company's reporting currency, and the
// live feed of operations.
#include <boost/json/object.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "analytics/change_cursor.hpp"
#include "analytics/column_store.hpp"
#include "analytics/fx.hpp"
#include "analytics/query_engine.hpp"
#include "analytics/time_zone.hpp"
#include "audit/audit.hpp"
#include "common/clock.hpp"
#include "common/principal.hpp"
#include "common/result.hpp"
#include "db/database.hpp"

namespace kassa::analytics {

// The query as the API takes it: parameter name → raw value.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct LiveEvent {
  OperationFact fact;
  int64_t change = 0;    // its change number (the SSE event id)
  int64_t position = 0;  // its place in this process's feed (numbers can arrive out of order)
};

struct BuildReport {
  int64_t operations = 0;
  int64_t companies = 0;
  double seconds = 0;
  size_t bytes = 0;  // column memory
};

struct VerifyReport {
  int64_t operations = 0;
  int64_t groups = 0;
  std::vector<std::string> differences;  // empty: the index equals the SQL aggregates
};

boost::json::value to_json(const LiveEvent& event);

class AnalyticsService {
 public:
  AnalyticsService(db::Database& database, const Clock& clock, audit::AuditService& audit);
  ~AnalyticsService();
  AnalyticsService(const AnalyticsService&) = delete;
  AnalyticsService& operator=(const AnalyticsService&) = delete;

  // Loads every operation and the FX rates (start-up; logs progress).
  BuildReport build();
  // Follows changes made by this and other processes; poll: how often to look without being told.
  void start_following(std::chrono::milliseconds poll);
  void stop();
  // A write committed in this process: look now.
  void notify();
  // Applies every change committed so far (tests and the CLI).
  void catch_up();

  Result<boost::json::object> query(const Principal& principal, const QueryParams& params);
  // The projects a caller's figures cover: nullopt for all; `asked` (comma-separated ids) narrows
  // them, a project without analytics.read is 403, a malformed id goes to `errors`.
  Result<std::optional<std::set<uint64_t>>> visible_projects(const Principal& principal, const std::optional<std::string>& asked,
                                                             std::vector<FieldError>& errors) const;
  std::shared_ptr<const Snapshot> snapshot() const { return store_.snapshot(); }
  VerifyReport verify();

  // Live feed: the latest operations of a company, then each change as it is applied.
  // `projects` nullopt: all. Returns events after feed position `after_position` (updated); blocks up to `wait` for one.
  std::vector<LiveEvent> backlog(uint64_t company_id, const std::optional<std::set<uint64_t>>& projects, size_t count);
  std::vector<LiveEvent> wait_events(uint64_t company_id, const std::optional<std::set<uint64_t>>& projects,
                                     int64_t& after_position, std::chrono::milliseconds wait);
  int64_t live_position() const;
  // Streams end: the server is shutting down.
  bool stopping() const { return streams_closing_.load(); }
  void close_streams();
  // SSE streams open at once; refuses more than `max`.
  bool try_open_stream(size_t max);
  void close_stream();

  // FX rates.
  Result<boost::json::object> list_fx(const Principal& principal, const QueryParams& params);
  Result<boost::json::object> put_fx(const Principal& principal, const std::string& day, const std::string& currency,
                                     const std::string& rate);
  Result<int64_t> import_fx(const Principal& principal, std::string_view csv);
  // From the CLI: by company name.
  Result<int64_t> import_fx_for(const std::string& company_name, std::string_view csv);
  // Demo rates for every day in [first_day, last_day] (days since the epoch).
  void seed_demo_rates(uint64_t company_id, int64_t first_day, int64_t last_day);

 private:
  struct CompanyState {
    std::string reporting_currency;
    int64_t fx_revision = -1;
  };
  void follow_loop(std::chrono::milliseconds poll);
  void sync_companies(db::Connection& c);
  int64_t apply_changes(db::Connection& c);  // returns how many changes were applied
  Result<TimeZone> zone(const std::string& name);
  Result<int64_t> store_rates(uint64_t company_id, const audit::Actor& actor, const std::vector<FxRate>& rates, std::string_view what);

  db::Database& database_;
  const Clock& clock_;
  audit::AuditService& audit_;
  ColumnStore store_;
  ScanPool pool_;

  std::mutex follow_mutex_;  // one applier at a time
  std::map<uint64_t, CompanyState> companies_;
  ChangeCursor cursor_;

  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread follower_;

  mutable std::mutex live_mutex_;
  std::condition_variable live_changed_;
  std::map<uint64_t, std::deque<LiveEvent>> live_;
  int64_t live_position_ = 0;  // of the newest event in the feed
  size_t streams_ = 0;
  std::atomic<bool> streams_closing_{false};

  std::mutex zones_mutex_;
  std::map<std::string, TimeZone, std::less<>> zones_;
};

}  // namespace kassa::analytics
