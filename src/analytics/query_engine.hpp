#pragma once
// Answers an analytics query from a snapshot of the column store: finds each
// time bucket's rows by binary search on the ids, scans them on all cores
// into per-thread cells, and folds the cells into the metrics.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "analytics/column_store.hpp"
#include "analytics/time_zone.hpp"
#include "common/result.hpp"

namespace kassa::analytics {

enum class Dimension { hour, day, week, month, project, type, status, method, country, currency, card_brand, decline_code };
enum class Metric { count, amount, fee, net, average_amount, conversion_rate, decline_rate, refund_rate, chargeback_rate };

std::optional<Dimension> dimension_from(std::string_view text);
std::string_view to_string(Dimension dimension);
bool is_time(Dimension dimension);
std::optional<Metric> metric_from(std::string_view text);
std::string_view to_string(Metric metric);
bool is_money(Metric metric);

struct Bucket {
  int64_t start_ms = 0;  // clipped to the query's range
  int64_t end_ms = 0;
  std::string label;     // "2026-03-29", "2026-03", "2026-03-29T02:00:00+02:00"
};
// The buckets of a time dimension covering [from_ms, to_ms) in this zone; an error past `max_buckets`.
Result<std::vector<Bucket>> make_buckets(const TimeZone& zone, Dimension unit, int64_t from_ms, int64_t to_ms, size_t max_buckets);

struct QuerySpec {
  std::vector<Metric> metrics;
  std::vector<Dimension> group_by;                    // at most two, at most one of them time
  std::map<Dimension, std::vector<std::string>> filters;  // type, status, method, country, currency, card_brand, decline_code; "none" = empty
  std::optional<std::set<uint64_t>> projects;         // only these projects (the caller's and the asked ones); nullopt: all
  int64_t from_ms = 0;
  int64_t to_ms = 0;
  bool original_currency = false;
  TimeZone zone = TimeZone::utc();
  size_t limit = 1000;
};

// The sums every metric is computed from.
struct Measures {
  int64_t count = 0, amount = 0, fee = 0, net = 0;
  int64_t first_all = 0, first_success = 0, first_decline = 0;  // sale and auth operations
  int64_t refunds = 0, chargebacks = 0, sales = 0;              // successful refunds, chargebacks, sales + captures
  void add(const Measures& o);
};

struct ResultRow {
  // One value per QuerySpec::group_by (a time dimension: its bucket label), then the
  // currency with original_currency; nullopt for an empty value.
  std::vector<std::optional<std::string>> dims;
  std::optional<size_t> bucket;     // index into buckets when grouped by time
  Measures m;
};

struct QueryResult {
  std::vector<Bucket> buckets;
  std::vector<ResultRow> rows;
  bool has_more = false;
  std::vector<ResultRow> totals;  // one, or one per currency with original_currency
  std::vector<std::string> currencies_without_rate;
  int64_t rows_scanned = 0;
};

// Runs scans on a fixed set of threads (the caller's thread works too).
class ScanPool {
 public:
  explicit ScanPool(unsigned threads);
  ~ScanPool();
  unsigned threads() const { return static_cast<unsigned>(workers_.size()) + 1; }
  // Runs task(0..n-1), n <= threads(), and returns when all are done.
  void run(unsigned n, const std::function<void(unsigned)>& task);

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::vector<std::thread> workers_;
};

Result<QueryResult> run_query(const CompanyColumns& company, const Dictionaries& dictionaries, const QuerySpec& spec,
                              ScanPool& pool);

// A metric's value from the sums: integers for counts and money, fractions for rates; nullopt: no denominator.
struct MetricValue {
  bool integer = true;
  int64_t whole = 0;
  double fraction = 0;
};
std::optional<MetricValue> metric_value(Metric metric, const Measures& m);

}  // namespace kassa::analytics
