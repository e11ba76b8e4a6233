#include "analytics/analytics_store.hpp"

#include "analytics/time_zone.hpp"
#include "payments/payment.hpp"

namespace kassa::analytics::store {
namespace {

int64_t i64(uint64_t v) { return static_cast<int64_t>(v); }
uint64_t u64(int64_t v) { return static_cast<uint64_t>(v); }

constexpr std::string_view kFactColumns =
    "id, payment_id, company_id, project_id, type, status, amount, fee, currency, method, country, card_brand,"
    " decline_code, change_seq";

OperationFact read_fact(const db::Row& r) {
  OperationFact f;
  f.id = u64(r.int64(0));
  f.payment_id = u64(r.int64(1));
  f.company_id = u64(r.int64(2));
  f.project_id = u64(r.int64(3));
  f.type = static_cast<uint8_t>(payments::operation_type_from(r.text(4)).value_or(payments::OperationType::sale));
  f.status = static_cast<uint8_t>(payments::operation_status_from(r.text(5)).value_or(payments::OperationStatus::error));
  f.amount = r.int64(6);
  f.fee = r.int64(7);
  f.currency = r.text(8);
  f.method = r.text(9);
  f.country = r.text(10);
  f.card_brand = r.text(11);
  f.decline_code = r.text(12);
  f.change_seq = r.int64(13);
  return f;
}

std::optional<int64_t> day_of(std::string_view text) {
  const auto date = parse_date(text);
  if (!date) return std::nullopt;
  return days_from_civil(*date);
}

constexpr std::string_view kCompanyColumns =
    "SELECT c.id, c.name, c.reporting_currency, c.time_zone, COALESCE(r.revision, 0)"
    " FROM companies c LEFT JOIN fx_revisions r ON r.company_id = c.id";

CompanySettings read_company(const db::Row& r) {
  return {u64(r.int64(0)), std::string(r.text(1)), std::string(r.text(2)), std::string(r.text(3)), r.int64(4)};
}

}  // namespace

int64_t last_change(db::Connection& c) {
  if (c.backend() == db::Backend::postgresql) {
    return c.query_int64("SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM change_numbers").value_or(0);
  }
  return c.query_int64("SELECT value FROM change_sequence WHERE id = 1").value_or(0);
}

std::optional<RunningTransactions> running_transactions(db::Connection& c) {
  if (c.backend() != db::Backend::postgresql) return std::nullopt;
  std::optional<RunningTransactions> out;
  c.query("SELECT pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint FROM pg_current_snapshot() s", {},
          [&](const db::Row& r) { out = RunningTransactions{r.int64(0), r.int64(1)}; });
  return out;
}

std::vector<OperationFact> changes_between(db::Connection& c, int64_t first, int64_t last) {
  std::vector<OperationFact> out;
  c.query("SELECT " + std::string(kFactColumns) + " FROM operations WHERE change_seq BETWEEN $1 AND $2 ORDER BY change_seq",
          {first, last}, [&](const db::Row& r) { out.push_back(read_fact(r)); });
  return out;
}

void each_operation(db::Connection& c, const std::function<void(const OperationFact&)>& on_fact) {
  c.query("SELECT " + std::string(kFactColumns) + " FROM operations", {}, [&](const db::Row& r) { on_fact(read_fact(r)); });
}

std::vector<OperationFact> changes_after(db::Connection& c, int64_t after, int64_t limit) {
  std::vector<OperationFact> out;
  c.query("SELECT " + std::string(kFactColumns) + " FROM operations WHERE change_seq > $1 ORDER BY change_seq LIMIT $2",
          {after, limit}, [&](const db::Row& r) { out.push_back(read_fact(r)); });
  return out;
}

std::vector<OperationFact> latest_operations(db::Connection& c, uint64_t company_id, const std::optional<std::set<uint64_t>>& projects,
                                             int64_t limit) {
  std::vector<OperationFact> out;
  std::string sql = "SELECT " + std::string(kFactColumns) + " FROM operations WHERE company_id = $1";
  if (projects) {
    if (projects->empty()) return out;
    sql += " AND project_id IN (";
    bool first = true;
    for (const uint64_t p : *projects) {  // ids are numbers: no injection
      sql += (first ? "" : ", ") + std::to_string(i64(p));
      first = false;
    }
    sql += ")";
  }
  sql += " ORDER BY id DESC LIMIT $2";
  c.query(sql, {i64(company_id), limit}, [&](const db::Row& r) { out.push_back(read_fact(r)); });
  return out;
}

std::vector<CompanySettings> companies(db::Connection& c) {
  std::vector<CompanySettings> out;
  c.query(kCompanyColumns, {}, [&](const db::Row& r) { out.push_back(read_company(r)); });
  return out;
}

std::optional<CompanySettings> company(db::Connection& c, uint64_t company_id) {
  std::optional<CompanySettings> out;
  c.query(std::string(kCompanyColumns) + " WHERE c.id = $1", {i64(company_id)}, [&](const db::Row& r) { out = read_company(r); });
  return out;
}

std::optional<CompanySettings> company_by_name(db::Connection& c, const std::string& name) {
  std::optional<CompanySettings> out;
  c.query(std::string(kCompanyColumns) + " WHERE c.name = $1", {name}, [&](const db::Row& r) { out = read_company(r); });
  return out;
}

std::vector<FxRate> fx_rates(db::Connection& c, uint64_t company_id) {
  std::vector<FxRate> out;
  c.query("SELECT day, currency, rate_e9 FROM fx_rates WHERE company_id = $1", {i64(company_id)}, [&](const db::Row& r) {
    if (const auto day = day_of(r.text(0))) out.push_back({*day, std::string(r.text(1)), r.int64(2)});
  });
  return out;
}

std::vector<FxRate> fx_rates(db::Connection& c, uint64_t company_id, const std::vector<std::string>& currencies,
                             std::optional<int64_t> from_day, std::optional<int64_t> to_day, int64_t limit) {
  std::vector<FxRate> out;
  std::string sql = "SELECT day, currency, rate_e9 FROM fx_rates WHERE company_id = $1 AND day >= $2 AND day < $3";
  std::vector<db::Param> params{i64(company_id)};
  const std::string from = from_day ? date_text(civil_from_days(*from_day)) : "0000-00-00";
  const std::string to = to_day ? date_text(civil_from_days(*to_day)) : "9999-99-99";
  params.emplace_back(std::string_view(from));
  params.emplace_back(std::string_view(to));
  if (!currencies.empty()) {
    sql += " AND currency IN (";
    for (size_t i = 0; i < currencies.size(); ++i) {
      params.emplace_back(std::string_view(currencies[i]));
      sql += (i ? ", $" : "$") + std::to_string(params.size());
    }
    sql += ")";
  }
  params.emplace_back(limit);
  sql += " ORDER BY day DESC, currency LIMIT $" + std::to_string(params.size());
  c.run(sql, params, [&](const db::Row& r) {
    if (const auto day = day_of(r.text(0))) out.push_back({*day, std::string(r.text(1)), r.int64(2)});
  });
  return out;
}

void upsert_fx_rate(db::Connection& c, uint64_t company_id, const FxRate& rate, int64_t now_ms) {
  const std::string day = date_text(civil_from_days(rate.day));
  c.execute("INSERT INTO fx_rates (company_id, day, currency, rate_e9, updated_at_ms) VALUES ($1, $2, $3, $4, $5)"
            " ON CONFLICT (company_id, currency, day) DO UPDATE SET rate_e9 = excluded.rate_e9, updated_at_ms = excluded.updated_at_ms",
            {i64(company_id), day, rate.currency, rate.rate_e9, now_ms});
}

void bump_fx_revision(db::Connection& c, uint64_t company_id) {
  c.execute("INSERT INTO fx_revisions (company_id, revision) VALUES ($1, 1)"
            " ON CONFLICT (company_id) DO UPDATE SET revision = fx_revisions.revision + 1",
            {i64(company_id)});
}

void each_aggregate(db::Connection& c, const std::function<void(const AggregateRow&)>& on_row) {
  // The day comes from the id's time bits, as the index's does.
  c.query("SELECT company_id, project_id, ((id >> 22) + 1704067200000) / 86400000 AS day, type, status, method, currency,"
          " country, card_brand, decline_code, COUNT(*), SUM(amount), SUM(fee) FROM operations"
          " GROUP BY company_id, project_id, ((id >> 22) + 1704067200000) / 86400000, type, status, method, currency,"
          " country, card_brand, decline_code",
          {}, [&](const db::Row& r) {
            on_row({u64(r.int64(0)), u64(r.int64(1)), r.int64(2), std::string(r.text(3)), std::string(r.text(4)),
                    std::string(r.text(5)), std::string(r.text(6)), std::string(r.text(7)), std::string(r.text(8)),
                    std::string(r.text(9)), r.int64(10), r.int64(11), r.int64(12)});
          });
}

}  // namespace kassa::analytics::store
