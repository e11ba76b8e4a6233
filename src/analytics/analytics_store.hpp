#pragma once
// SQL for analytics: operations for the index and its follower, company
// settings, FX rates, and the aggregates `kassa analytics verify` compares.
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analytics/column_store.hpp"
#include "analytics/fx.hpp"
#include "db/database.hpp"

namespace kassa::analytics::store {

struct CompanySettings {
  uint64_t id = 0;
  std::string name;
  std::string reporting_currency;
  std::string time_zone;
  int64_t fx_revision = 0;
};

// The last change number handed out.
int64_t last_change(db::Connection& c);
void each_operation(db::Connection& c, const std::function<void(const OperationFact&)>& on_fact);
// Changes after `after`, in change order.
std::vector<OperationFact> changes_after(db::Connection& c, int64_t after, int64_t limit);
// Changes numbered first..last (inclusive).
std::vector<OperationFact> changes_between(db::Connection& c, int64_t first, int64_t last);
// PostgreSQL: the oldest transaction id still running and the next one to be given out,
// from a snapshot taken now (see ChangeCursor). SQLite: none (numbers commit in order).
struct RunningTransactions {
  int64_t oldest;
  int64_t next;
};
std::optional<RunningTransactions> running_transactions(db::Connection& c);
std::vector<OperationFact> latest_operations(db::Connection& c, uint64_t company_id, const std::optional<std::set<uint64_t>>& projects, int64_t limit);

std::vector<CompanySettings> companies(db::Connection& c);
std::optional<CompanySettings> company(db::Connection& c, uint64_t company_id);
std::optional<CompanySettings> company_by_name(db::Connection& c, const std::string& name);

std::vector<FxRate> fx_rates(db::Connection& c, uint64_t company_id);
std::vector<FxRate> fx_rates(db::Connection& c, uint64_t company_id, const std::vector<std::string>& currencies,
                             std::optional<int64_t> from_day, std::optional<int64_t> to_day, int64_t limit);
void upsert_fx_rate(db::Connection& c, uint64_t company_id, const FxRate& rate, int64_t now_ms);
void bump_fx_revision(db::Connection& c, uint64_t company_id);

// Per company and every dimension (UTC day from the id): count, amount and fee.
struct AggregateRow {
  uint64_t company_id = 0, project_id = 0;
  int64_t day = 0;
  std::string type, status, method, currency, country, card_brand, decline_code;
  int64_t count = 0, amount = 0, fee = 0;
};
void each_aggregate(db::Connection& c, const std::function<void(const AggregateRow&)>& on_row);

}  // namespace kassa::analytics::store
