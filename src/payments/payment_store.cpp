#include "payments/payment_store.hpp"

#include <algorithm>

#include "common/id.hpp"

namespace kassa::payments::store {
namespace {

int64_t i64(uint64_t v) { return static_cast<int64_t>(v); }
uint64_t u64(int64_t v) { return static_cast<uint64_t>(v); }

constexpr std::string_view kPaymentColumns =
    "id, company_id, project_id, merchant_reference, amount, currency, method, status, capture, authorized_amount,"
    " captured_amount, refunded_amount, charged_back_amount, cancelled, first_status, customer_email, customer_id,"
    " customer_ip, customer_country, card_token, card_first6, card_last4, card_brand, card_exp_month, card_exp_year,"
    " card_issuer_country, description, metadata_json, processor, processor_reference, version, created_at_ms, updated_at_ms";

constexpr std::string_view kOperationColumns =
    "id, payment_id, company_id, project_id, type, status, amount, currency, fee, method, processor_reference,"
    " decline_code, decline_message, created_at_ms, updated_at_ms, change_seq, country, card_brand";

Payment read_payment(const db::Row& r) {
  Payment p;
  p.id = u64(r.int64(0));
  p.company_id = u64(r.int64(1));
  p.project_id = u64(r.int64(2));
  p.merchant_reference = r.text(3);
  p.amount = r.int64(4);
  p.currency = r.text(5);
  p.method = r.text(6);
  p.status = payment_status_from(r.text(7)).value_or(PaymentStatus::processing);
  p.capture = r.int64(8) != 0;
  p.totals.authorized = r.int64(9);
  p.totals.captured = r.int64(10);
  p.totals.refunded = r.int64(11);
  p.totals.charged_back = r.int64(12);
  p.totals.cancelled = r.int64(13) != 0;
  p.totals.first = p.capture ? OperationType::sale : OperationType::auth;
  p.totals.first_status = operation_status_from(r.text(14)).value_or(OperationStatus::processing);
  p.customer_email = r.text(15);
  p.customer_id = r.text(16);
  p.customer_ip = r.text(17);
  p.customer_country = r.text(18);
  p.card.token = r.text(19);
  p.card.first6 = r.text(20);
  p.card.last4 = r.text(21);
  p.card.brand = r.text(22);
  p.card.exp_month = static_cast<int>(r.int64(23));
  p.card.exp_year = static_cast<int>(r.int64(24));
  p.card.issuer_country = r.text(25);
  p.description = r.text(26);
  p.metadata_json = r.text(27);
  p.processor = r.text(28);
  p.processor_reference = r.text(29);
  p.version = r.int64(30);
  p.created_at_ms = r.int64(31);
  p.updated_at_ms = r.int64(32);
  return p;
}

Operation read_operation(const db::Row& r) {
  Operation o;
  o.id = u64(r.int64(0));
  o.payment_id = u64(r.int64(1));
  o.company_id = u64(r.int64(2));
  o.project_id = u64(r.int64(3));
  o.type = operation_type_from(r.text(4)).value_or(OperationType::sale);
  o.status = operation_status_from(r.text(5)).value_or(OperationStatus::error);
  o.amount = r.int64(6);
  o.currency = r.text(7);
  o.fee = r.int64(8);
  o.method = r.text(9);
  o.processor_reference = r.text(10);
  o.decline_code = r.text(11);
  o.decline_message = r.text(12);
  o.created_at_ms = r.int64(13);
  o.updated_at_ms = r.int64(14);
  o.change_seq = r.int64(15);
  o.country = r.text(16);
  o.card_brand = r.text(17);
  return o;
}

// Builds "AND column IN ($n, ...)" and the like onto a query, keeping the bound strings alive.
class Where {
 public:
  explicit Where(std::string base) : sql_(std::move(base)) {}
  void equals(std::string_view column, db::Param value) {
    params_.push_back(value);
    sql_ += " AND " + std::string(column) + " = $" + std::to_string(params_.size());
  }
  void compare(std::string_view column, std::string_view op, int64_t value) {
    params_.push_back(value);
    sql_ += " AND " + std::string(column) + " " + std::string(op) + " $" + std::to_string(params_.size());
  }
  void in(std::string_view column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    sql_ += " AND " + std::string(column) + " IN (";
    for (size_t i = 0; i < values.size(); ++i) {
      params_.push_back(std::string_view(values[i]));
      sql_ += (i ? ", $" : "$") + std::to_string(params_.size());
    }
    sql_ += ")";
  }
  void in_ids(std::string_view column, const std::set<uint64_t>& values) {
    sql_ += " AND " + std::string(column) + " IN (";
    size_t i = 0;
    for (const uint64_t v : values) {
      params_.push_back(i64(v));
      sql_ += (i++ ? ", $" : "$") + std::to_string(params_.size());
    }
    sql_ += ")";
  }
  void finish(std::string_view order, int64_t limit) {
    params_.push_back(limit);
    sql_ += " " + std::string(order) + " LIMIT $" + std::to_string(params_.size());
  }
  const std::string& sql() const { return sql_; }
  const std::vector<db::Param>& params() const { return params_; }

 private:
  std::string sql_;
  std::vector<db::Param> params_;
};

void common_filters(Where& w, const ProjectSet& projects, const Filter& f) {
  if (!projects.all) w.in_ids("project_id", projects.project_ids);
  if (f.project_id) w.equals("project_id", i64(*f.project_id));
  w.in("currency", f.currencies);
  w.in("method", f.methods);
  if (f.amount_min) w.compare("amount", ">=", *f.amount_min);
  if (f.amount_max) w.compare("amount", "<=", *f.amount_max);
  // Ids are time-ordered: a time range is an id range, served by the (company_id, id) index.
  if (f.from_ms) w.compare("id", ">=", i64(IdGenerator::lowest_at(*f.from_ms)));
  if (f.to_ms) w.compare("id", "<", i64(IdGenerator::lowest_at(*f.to_ms)));
  if (f.starting_after) w.compare("id", "<", i64(*f.starting_after));
}

}  // namespace

void insert_payment(db::Connection& c, const Payment& p) {
  c.execute_later("INSERT INTO payments (" + std::string(kPaymentColumns) +
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,"
                " $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33)",
            {i64(p.id), i64(p.company_id), i64(p.project_id), p.merchant_reference, p.amount, p.currency, p.method,
             to_string(p.status), int64_t{p.capture ? 1 : 0}, p.totals.authorized, p.totals.captured, p.totals.refunded,
             p.totals.charged_back, int64_t{p.totals.cancelled ? 1 : 0}, to_string(p.totals.first_status), p.customer_email,
             p.customer_id, p.customer_ip, p.customer_country, p.card.token, p.card.first6, p.card.last4, p.card.brand,
             int64_t{p.card.exp_month}, int64_t{p.card.exp_year}, p.card.issuer_country, p.description, p.metadata_json,
             p.processor, p.processor_reference, p.version, p.created_at_ms, p.updated_at_ms});
}

bool lock_payment(db::Connection& c, uint64_t company_id, uint64_t payment_id) {
  return c.execute("UPDATE payments SET version = version + 1 WHERE id = $1 AND company_id = $2",
                   {i64(payment_id), i64(company_id)}) == 1;
}

std::optional<Payment> payment_by_id(db::Connection& c, uint64_t company_id, uint64_t payment_id) {
  std::optional<Payment> out;
  c.query("SELECT " + std::string(kPaymentColumns) + " FROM payments WHERE id = $1 AND company_id = $2",
          {i64(payment_id), i64(company_id)}, [&](const db::Row& r) { out = read_payment(r); });
  return out;
}

std::optional<Payment> payment_by_reference(db::Connection& c, uint64_t project_id, const std::string& reference) {
  std::optional<Payment> out;
  c.query("SELECT " + std::string(kPaymentColumns) + " FROM payments WHERE project_id = $1 AND merchant_reference = $2",
          {i64(project_id), reference}, [&](const db::Row& r) { out = read_payment(r); });
  return out;
}

void update_payment_state(db::Connection& c, const Payment& p) {
  c.execute("UPDATE payments SET status = $1, authorized_amount = $2, captured_amount = $3, refunded_amount = $4,"
            " charged_back_amount = $5, cancelled = $6, first_status = $7, processor_reference = $8, updated_at_ms = $9,"
            " version = version + 1 WHERE id = $10",
            {to_string(p.status), p.totals.authorized, p.totals.captured, p.totals.refunded, p.totals.charged_back,
             int64_t{p.totals.cancelled ? 1 : 0}, to_string(p.totals.first_status), p.processor_reference, p.updated_at_ms,
             i64(p.id)});
}

std::vector<Payment> list_payments(db::Connection& c, uint64_t company_id, const ProjectSet& projects, const Filter& f) {
  Where w("");
  w.equals("company_id", i64(company_id));
  common_filters(w, projects, f);
  w.in("status", f.statuses);
  w.in("customer_country", f.countries);
  w.in("card_brand", f.card_brands);
  if (f.email) w.equals("customer_email", std::string_view(*f.email));
  if (f.last4) w.equals("card_last4", std::string_view(*f.last4));
  if (f.merchant_reference) w.equals("merchant_reference", std::string_view(*f.merchant_reference));
  w.finish("ORDER BY id DESC", f.limit + 1);
  std::vector<Payment> out;
  c.run("SELECT " + std::string(kPaymentColumns) + " FROM payments WHERE 1 = 1" + w.sql(), w.params(),
        [&](const db::Row& r) { out.push_back(read_payment(r)); });
  return out;
}

int64_t next_change_seq(db::Connection& c) {
  if (c.backend() == db::Backend::postgresql) return *c.query_int64("SELECT nextval('change_numbers')");
  return *c.query_int64("UPDATE change_sequence SET value = value + 1 WHERE id = 1 RETURNING value");
}

std::vector<int64_t> next_change_seqs(db::Connection& c, int64_t count) {
  std::vector<int64_t> out;
  if (count <= 0) return out;
  out.reserve(static_cast<size_t>(count));
  if (c.backend() == db::Backend::postgresql) {
    c.query_int64("SELECT pg_current_xact_id()::text::bigint");  // see the header: the transaction id comes first
    c.query("SELECT nextval('change_numbers') FROM generate_series(1, $1)", {count},
            [&](const db::Row& r) { out.push_back(r.int64(0)); });
    std::sort(out.begin(), out.end());
    return out;
  }
  const int64_t last = *c.query_int64("UPDATE change_sequence SET value = value + $1 WHERE id = 1 RETURNING value", {count});
  for (int64_t n = last - count + 1; n <= last; ++n) out.push_back(n);
  return out;
}

void insert_operation(db::Connection& c, const Operation& o) {
  c.execute_later("INSERT INTO operations (" + std::string(kOperationColumns) +
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
            {i64(o.id), i64(o.payment_id), i64(o.company_id), i64(o.project_id), to_string(o.type), to_string(o.status),
             o.amount, o.currency, o.fee, o.method, o.processor_reference, o.decline_code, o.decline_message,
             o.created_at_ms, o.updated_at_ms, o.change_seq, o.country, o.card_brand});
}

void insert_operation_numbered(db::Connection& c, Operation& o) {
  if (c.backend() == db::Backend::sqlite) {
    o.change_seq = next_change_seq(c);
    insert_operation(c, o);
    return;
  }
  static const std::string sql =
      "INSERT INTO operations (" + std::string(kOperationColumns) +
      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, nextval('change_numbers'), $16, $17)"
      " RETURNING change_seq";
  o.change_seq = *c.query_int64(sql, {i64(o.id), i64(o.payment_id), i64(o.company_id), i64(o.project_id), to_string(o.type),
                                      to_string(o.status), o.amount, o.currency, o.fee, o.method, o.processor_reference,
                                      o.decline_code, o.decline_message, o.created_at_ms, o.updated_at_ms, o.country,
                                      o.card_brand});
}

void update_operation(db::Connection& c, const Operation& o) {
  c.execute("UPDATE operations SET status = $1, fee = $2, processor_reference = $3, decline_code = $4, decline_message = $5,"
            " updated_at_ms = $6, change_seq = $7 WHERE id = $8",
            {to_string(o.status), o.fee, o.processor_reference, o.decline_code, o.decline_message, o.updated_at_ms,
             o.change_seq, i64(o.id)});
}

void update_operation_numbered(db::Connection& c, Operation& o) {
  if (c.backend() == db::Backend::sqlite) {
    o.change_seq = next_change_seq(c);
    update_operation(c, o);
    return;
  }
  o.change_seq = *c.query_int64(
      "UPDATE operations SET status = $1, fee = $2, processor_reference = $3, decline_code = $4, decline_message = $5,"
      " updated_at_ms = $6, change_seq = nextval('change_numbers') WHERE id = $7 RETURNING change_seq",
      {to_string(o.status), o.fee, o.processor_reference, o.decline_code, o.decline_message, o.updated_at_ms, i64(o.id)});
}

std::optional<Operation> operation_by_id(db::Connection& c, uint64_t operation_id) {
  std::optional<Operation> out;
  c.query("SELECT " + std::string(kOperationColumns) + " FROM operations WHERE id = $1", {i64(operation_id)},
          [&](const db::Row& r) { out = read_operation(r); });
  return out;
}

std::vector<Operation> operations_of(db::Connection& c, uint64_t payment_id) {
  std::vector<Operation> out;
  c.query("SELECT " + std::string(kOperationColumns) + " FROM operations WHERE payment_id = $1 ORDER BY id",
          {i64(payment_id)}, [&](const db::Row& r) { out.push_back(read_operation(r)); });
  return out;
}

std::vector<Operation> list_operations(db::Connection& c, uint64_t company_id, const ProjectSet& projects, const Filter& f) {
  Where w("");
  w.equals("company_id", i64(company_id));
  common_filters(w, projects, f);
  w.in("status", f.statuses);
  w.in("type", f.types);
  w.in("country", f.countries);
  w.in("card_brand", f.card_brands);
  w.in("decline_code", f.decline_codes);
  w.finish("ORDER BY id DESC", f.limit + 1);
  std::vector<Operation> out;
  c.run("SELECT " + std::string(kOperationColumns) + " FROM operations WHERE 1 = 1" + w.sql(), w.params(),
        [&](const db::Row& r) { out.push_back(read_operation(r)); });
  return out;
}

int64_t processing_amount(db::Connection& c, uint64_t payment_id, std::string_view type) {
  return c.query_int64("SELECT COALESCE(SUM(amount), 0) FROM operations WHERE payment_id = $1 AND type = $2 AND status = 'processing'",
                       {i64(payment_id), type}).value_or(0);
}

FeePlan fee_plan(db::Connection& c, uint64_t project_id, const std::string& method) {
  FeePlan plan;
  if (method == "sepa") plan = FeePlan{35, 10};
  c.query("SELECT percent_bp, fixed_minor FROM fee_plans WHERE project_id = $1 AND method = $2", {i64(project_id), method},
          [&](const db::Row& r) { plan = FeePlan{r.int64(0), r.int64(1)}; });
  return plan;
}

std::vector<Operation> stuck_operations(db::Connection& c, int64_t before_ms, int64_t limit) {
  std::vector<Operation> out;
  c.query("SELECT " + std::string(kOperationColumns) + " FROM operations WHERE status = 'processing' AND created_at_ms < $1"
          " AND processor_reference = '' ORDER BY created_at_ms LIMIT $2",
          {before_ms, limit}, [&](const db::Row& r) { out.push_back(read_operation(r)); });
  return out;
}

bool still_stuck(db::Connection& c, uint64_t operation_id) {
  return c.query_int64("SELECT COUNT(*) FROM operations WHERE id = $1 AND status = 'processing' AND processor_reference = ''",
                       {i64(operation_id)}) == 1;
}

}  // namespace kassa::payments::store
