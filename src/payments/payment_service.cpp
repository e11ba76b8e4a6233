#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include <chrono>

#include "common/ids.hpp"
#include "common/log.hpp"
#include "common/money.hpp"
#include "common/time_text.hpp"
#include "identity/identity.hpp"
#include "payments/payment_store.hpp"
#include "payments/payments.hpp"
#include "webhooks/webhooks.hpp"

namespace kassa::payments {
namespace {


Error not_found() { return Error::make(ErrorCode::not_found, "not-found", "no such payment"); }

bool known_method(std::string_view m) { return m == "card" || m == "apple_pay" || m == "google_pay" || m == "sepa"; }

std::pair<int, int> current_year_month(const Clock& clock) {
  const auto days = std::chrono::floor<std::chrono::days>(clock.now());
  const std::chrono::year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month()))};
}

std::string_view permission_for(OperationType type) {
  switch (type) {
    case OperationType::refund: return "refunds.create";
    case OperationType::chargeback:
    case OperationType::reversal: return "chargebacks.manage";
    default: return "payments.write";
  }
}

}  // namespace

ledger::Posting posting_for(const Operation& o) {
  using ledger::AccountKind;
  ledger::Posting p{o.company_id, o.project_id, o.currency, o.id, {}};
  switch (o.type) {
    case OperationType::sale:
    case OperationType::capture:
      p.lines = {{AccountKind::available, o.amount - o.fee}, {AccountKind::fees, o.fee},
                 {AccountKind::processor_settlement, -o.amount}};
      break;
    case OperationType::refund:
      p.lines = {{AccountKind::available, -o.amount}, {AccountKind::refunds, o.amount}};
      break;
    case OperationType::chargeback:
      p.lines = {{AccountKind::available, -o.amount}, {AccountKind::chargebacks, o.amount}};
      break;
    case OperationType::reversal:
      p.lines = {{AccountKind::available, o.amount}, {AccountKind::chargebacks, -o.amount}};
      break;
    case OperationType::auth:
    case OperationType::cancel:
      break;  // no money moves
  }
  return p;
}

int64_t fee_for(const FeePlan& plan, int64_t amount) {
  // Integer arithmetic only; a percentage fee rounds half up to the minor unit.
  __int128 percent = static_cast<__int128>(amount) * plan.percent_bp;
  percent = (percent + 5000) / 10000;
  const __int128 fee = percent + plan.fixed_minor;
  return static_cast<int64_t>(std::min<__int128>(fee, amount));
}

boost::json::value to_json(const Operation& o) {
  return boost::json::object{{"id", OperationId(o.id).to_string()},
                             {"payment_id", PaymentId(o.payment_id).to_string()},
                             {"project_id", ProjectId(o.project_id).to_string()},
                             {"type", to_string(o.type)},
                             {"status", to_string(o.status)},
                             {"amount", o.amount},
                             {"currency", o.currency},
                             {"fee", o.fee},
                             {"method", o.method},
                             {"processor_reference", o.processor_reference},
                             {"decline_code", o.decline_code.empty() ? boost::json::value(nullptr) : boost::json::value(o.decline_code)},
                             {"decline_message", o.decline_message.empty() ? boost::json::value(nullptr) : boost::json::value(o.decline_message)},
                             {"created_at", iso_utc_from_ms(o.created_at_ms)},
                             {"updated_at", iso_utc_from_ms(o.updated_at_ms)}};
}

boost::json::value to_json(const Payment& p, const std::vector<Operation>& operations) {
  boost::system::error_code ec;
  auto metadata = boost::json::parse(p.metadata_json, ec);
  boost::json::object out{{"id", PaymentId(p.id).to_string()},
                          {"project_id", ProjectId(p.project_id).to_string()},
                          {"merchant_reference", p.merchant_reference},
                          {"amount", p.amount},
                          {"currency", p.currency},
                          {"method", p.method},
                          {"status", to_string(p.status)},
                          {"capture", p.capture},
                          {"authorized_amount", p.totals.authorized},
                          {"captured_amount", p.totals.captured},
                          {"refunded_amount", p.totals.refunded},
                          {"charged_back_amount", p.totals.charged_back},
                          {"refundable_amount", p.totals.refundable()},
                          {"customer", boost::json::object{{"email", p.customer_email}, {"id", p.customer_id},
                                                           {"ip", p.customer_ip}, {"country", p.customer_country}}},
                          {"description", p.description},
                          {"metadata", ec ? boost::json::value(boost::json::object{}) : metadata},
                          {"processor", p.processor},
                          {"version", p.version},
                          {"created_at", iso_utc_from_ms(p.created_at_ms)},
                          {"updated_at", iso_utc_from_ms(p.updated_at_ms)}};
  if (!p.card.last4.empty()) {
    out["card"] = boost::json::object{{"token", p.card.token}, {"first6", p.card.first6}, {"last4", p.card.last4},
                                      {"brand", p.card.brand}, {"exp_month", p.card.exp_month},
                                      {"exp_year", p.card.exp_year}, {"issuer_country", p.card.issuer_country}};
  } else {
    out["card"] = nullptr;
  }
  boost::json::array ops;
  out["next_action"] = nullptr;
  for (const auto& o : operations) {
    ops.push_back(to_json(o));
    const bool first = o.type == OperationType::sale || o.type == OperationType::auth;
    if (first && o.status == OperationStatus::processing && !o.processor_reference.empty()) {
      out["next_action"] = boost::json::object{{"type", "three_ds_challenge"},
                                               {"complete_url", "/api/v1/payments/" + PaymentId(p.id).to_string() + "/three_ds"}};
    }
  }
  out["operations"] = std::move(ops);
  return out;
}

PaymentService::PaymentService(db::Database& database, IdGenerator& ids, const Clock& clock, Connector& connector,
                               ledger::LedgerService& ledger, audit::AuditService& audit, org::OrgService& org,
                               identity::IdentityService& identity, webhooks::WebhookService& webhooks, std::string card_key)
    : database_(database), ids_(ids), clock_(clock), connector_(connector), ledger_(ledger), audit_(audit), org_(org),
      identity_(identity), webhooks_(webhooks), card_key_(std::move(card_key)) {}

Result<PaymentView> PaymentService::create(const Principal& principal, const CreatePayment& in) {
  std::vector<FieldError> errors;
  if (in.amount <= 0) errors.push_back({"/amount", "a positive integer in minor units"});
  if (!Currency::from_code(in.currency)) errors.push_back({"/currency", "an ISO 4217 code such as EUR"});
  if (in.merchant_reference.empty() || in.merchant_reference.size() > 255) errors.push_back({"/merchant_reference", "1 to 255 characters"});
  if (!known_method(in.method)) errors.push_back({"/method", "card, apple_pay, google_pay or sepa"});
  if (in.method == "card" && !in.card) errors.push_back({"/card", "is required for card payments"});
  if ((in.method == "apple_pay" || in.method == "google_pay") && in.wallet_token.empty()) errors.push_back({"/wallet_token", "is required"});
  if (in.method == "sepa" && in.iban.size() < 15) errors.push_back({"/iban", "is required for SEPA payments"});
  if (!in.customer_country.empty() && (in.customer_country.size() != 2 || !std::isupper(static_cast<unsigned char>(in.customer_country[0])))) {
    errors.push_back({"/customer/country", "an ISO 3166-1 alpha-2 code such as DE"});
  }
  if (in.metadata_json.size() > kMetadataBytesMax) errors.push_back({"/metadata", "at most 8 KiB"});
  if (!errors.empty()) return Error::invalid("invalid-payment", "the payment has invalid fields", errors);
  if (!principal.can("payments.write", in.project_id)) {
    return org_.project(principal.company_id, in.project_id)
               ? Error::make(ErrorCode::forbidden, "forbidden", "you may not create payments in this project")
               : Error::invalid("unknown-project", "unknown project", {{"/project_id", "unknown project"}});
  }
  if (!org_.project(principal.company_id, in.project_id)) return Error::invalid("unknown-project", "unknown project", {{"/project_id", "unknown project"}});

  Payment p;
  if (in.card) {
    const auto [year, month] = current_year_month(clock_);
    auto token = tokenize(*in.card, card_key_, year, month);
    if (!token) return token.error();
    p.card = *token;
  }
  const int64_t now = clock_.now_ms();
  p.id = ids_.next();
  p.company_id = principal.company_id;
  p.project_id = in.project_id;
  p.merchant_reference = in.merchant_reference;
  p.amount = in.amount;
  p.currency = in.currency;
  p.method = in.method;
  p.capture = in.capture;
  p.customer_email = in.customer_email;
  p.customer_id = in.customer_id;
  p.customer_ip = in.customer_ip;
  p.customer_country = in.customer_country;
  p.description = in.description;
  p.metadata_json = in.metadata_json;
  p.processor = std::string(connector_.name());
  p.created_at_ms = p.updated_at_ms = now;
  p.totals.first = in.capture ? OperationType::sale : OperationType::auth;
  Operation op{ids_.next(), p.id, p.company_id, p.project_id, *p.totals.first, OperationStatus::processing, p.amount,
               p.currency, 0, p.method, "", "", "", now, now, 0, p.customer_country, p.card.brand};
  // An operation's time is its id's: analytics and time filters read it from the id.
  op.created_at_ms = op.updated_at_ms = IdGenerator::timestamp_ms_of(op.id);

  const auto duplicate = [&](db::Connection& c) -> std::optional<Error> {
    const auto existing = store::payment_by_reference(c, p.project_id, p.merchant_reference);
    if (!existing) return std::nullopt;
    Error e = Error::make(ErrorCode::conflict, "duplicate-merchant-reference",
                          "this project has a payment with this merchant_reference already");
    e.extensions["payment_id"] = PaymentId(existing->id).to_string();
    return e;
  };
  ProcessorRequest request{op.type, op.amount, op.currency, op.method, in.card ? &*in.card : nullptr, in.wallet_token, in.iban, ""};

  if (connector_.in_process()) {
    // One transaction: the decision is made in memory first; the payment and its operation
    // are inserted as decided, with the webhook, ledger and audit rows (one group commit).
    const ProcessorResult result = connector_.process(request);
    auto done = database_.write([&](db::Connection& c) -> Result<PaymentView> {
      if (auto e = duplicate(c)) return *e;
      PaymentView view{p, {op}};
      Operation& decided = view.operations.front();
      apply_result(c, view.payment, decided, result);
      store::insert_payment(c, view.payment);
      record_outcome(c, audit::Actor::of(principal), view, decided);
      store::insert_operation_numbered(c, decided);  // last: nothing refers to it, and its change number is taken last
      return view;
    });
    if (on_change_) on_change_();
    return done;
  }

  const Status started = database_.write([&](db::Connection& c) -> Status {
    if (auto e = duplicate(c)) return *e;
    store::insert_payment(c, p);
    store::insert_operation_numbered(c, op);
    return Ok{};
  });
  if (!started) return started.error();
  const ProcessorResult result = connector_.process(request);
  return finish_operation(principal, op, result);
}

Result<PaymentView> PaymentService::finish_operation(const Principal& principal, const Operation& started,
                                                     const ProcessorResult& result) {
  auto finished = database_.write([&](db::Connection& c) { return finish_in(c, audit::Actor::of(principal), started, result); });
  if (on_change_) on_change_();
  return finished;
}

void PaymentService::apply_result(db::Connection& c, Payment& p, Operation& op, const ProcessorResult& result) const {
  op.status = result.three_ds_required ? OperationStatus::processing : result.status;
  op.processor_reference = result.processor_reference;
  op.decline_code = result.decline_code;
  op.decline_message = result.decline_message;
  op.updated_at_ms = clock_.now_ms();
  if (op.status == OperationStatus::success && (op.type == OperationType::sale || op.type == OperationType::capture)) {
    op.fee = fee_for(store::fee_plan(c, op.project_id, op.method), op.amount);
  }
  p.totals = apply(p.totals, op.type, op.status, op.amount);
  if (op.type == OperationType::sale || op.type == OperationType::auth) p.processor_reference = op.processor_reference;
  p.status = derive_status(p.totals);
  p.updated_at_ms = op.updated_at_ms;
}

void PaymentService::record_outcome(db::Connection& c, const audit::Actor& actor, const PaymentView& view, const Operation& op) {
  const Payment& p = view.payment;
  // The outbox: the event commits with the change, so a crash loses none.
  webhooks_.publish(c, p.company_id, p.project_id, "payment.updated", PaymentId(p.id).to_string(), [&] {
    return boost::json::value(boost::json::object{{"payment", to_json(view.payment, view.operations)},
                                                  {"operation_id", OperationId(op.id).to_string()}});
  });
  // Rows every payment touches (ledger balances, the change sequence) come last, so
  // their locks (PostgreSQL) are held for the shortest time before the commit.
  if (op.status == OperationStatus::success) {
    if (const auto posting = posting_for(op); !posting.lines.empty()) ledger_.post(c, posting);
  }
  // Every money action is audited, sales and authorisations by API keys included. The company's
  // audit chain head is a row every payment of the company locks: taken late, like the change sequence.
  audit_.record(c, {p.company_id, actor, "payment." + std::string(to_string(op.type)), "payment",
                    PaymentId(p.id).to_string(), nullptr,
                    boost::json::object{{"operation_id", OperationId(op.id).to_string()}, {"amount", op.amount},
                                        {"currency", op.currency}, {"status", to_string(op.status)}}});
}

Result<PaymentView> PaymentService::finish_in(db::Connection& c, const audit::Actor& actor, const Operation& started,
                                              const ProcessorResult& result) {
  if (!store::lock_payment(c, started.company_id, started.payment_id)) return not_found();
  PaymentView view{*store::payment_by_id(c, started.company_id, started.payment_id), {}};
  Operation op = started;
  apply_result(c, view.payment, op, result);
  store::update_payment_state(c, view.payment);
  view.payment.version += 1;
  view.operations = store::operations_of(c, view.payment.id);
  Operation* current = nullptr;
  for (auto& o : view.operations) {
    if (o.id == op.id) {
      o = op;
      current = &o;
    }
  }
  if (current == nullptr) return not_found();
  record_outcome(c, actor, view, *current);
  store::update_operation_numbered(c, *current);
  return view;
}

Result<Operation> PaymentService::begin_operation(const Principal& principal, uint64_t payment_id, OperationType type,
                                                  int64_t amount, const std::optional<int64_t>& expected_refunded,
                                                  const std::string& step_up) {
  return database_.write([&](db::Connection& c) -> Result<Operation> {
    if (!store::lock_payment(c, principal.company_id, payment_id)) return not_found();
    const Payment p = *store::payment_by_id(c, principal.company_id, payment_id);
    if (!principal.can("payments.read", p.project_id) && !principal.can(permission_for(type), p.project_id)) return not_found();
    if (!principal.can(permission_for(type), p.project_id)) {
      return Error::make(ErrorCode::forbidden, "forbidden", "you lack the permission " + std::string(permission_for(type)));
    }
    Totals totals = p.totals;
    // Refunds still with the processor are reserved: two concurrent refunds never exceed what is left.
    totals.refunded += store::processing_amount(c, p.id, "refund");
    if (type == OperationType::capture && amount == 0) amount = totals.capturable();
    if (type == OperationType::refund && amount == 0) amount = totals.refundable();
    if (type == OperationType::refund && expected_refunded && *expected_refunded != p.totals.refunded) {
      Error e = Error::make(ErrorCode::precondition_failed, "stale-refunded-amount",
                            "the refunded amount changed since you looked; no money moved");
      e.extensions["current"] = to_json(p, store::operations_of(c, p.id));
      return e;
    }
    if (auto s = check_operation(totals, type, amount); !s) return s.error();
    if (type == OperationType::refund && amount > kRefundStepUpThresholdMinor && principal.kind == Principal::Kind::user) {
      if (!principal.can("refunds.unlimited", p.project_id)) {
        return Error::make(ErrorCode::forbidden, "refund-limit", "refunds above the threshold need the refunds.unlimited permission");
      }
      const boost::json::object action{{"type", "refund"}, {"payment_id", PaymentId(p.id).to_string()},
                                       {"amount", amount}, {"currency", p.currency},
                                       {"payee", p.customer_email.empty() ? p.card.last4 : p.customer_email}};
      if (auto s = identity_.consume_step_up(c, principal, action, step_up); !s) return s.error();
    }
    const uint64_t id = ids_.next();
    const int64_t now = IdGenerator::timestamp_ms_of(id);
    Operation op{id, p.id, p.company_id, p.project_id, type, OperationStatus::processing, amount, p.currency, 0,
                 p.method, "", "", "", now, now, 0, p.customer_country, p.card.brand};
    store::insert_operation_numbered(c, op);
    return op;
  });
}

Result<PaymentView> PaymentService::capture(const Principal& principal, uint64_t payment_id, std::optional<int64_t> amount) {
  auto op = begin_operation(principal, payment_id, OperationType::capture, amount.value_or(0), std::nullopt, "");
  if (!op) return op.error();
  const auto payment = database_.read([&](db::Connection& c) { return store::payment_by_id(c, principal.company_id, payment_id); });
  const ProcessorResult result = connector_.process({OperationType::capture, op->amount, op->currency, op->method, nullptr, "", "", payment->processor_reference});
  return finish_operation(principal, *op, result);
}

Result<PaymentView> PaymentService::cancel(const Principal& principal, uint64_t payment_id) {
  auto op = begin_operation(principal, payment_id, OperationType::cancel, 0, std::nullopt, "");
  if (!op) return op.error();
  const auto payment = database_.read([&](db::Connection& c) { return store::payment_by_id(c, principal.company_id, payment_id); });
  const ProcessorResult result = connector_.process({OperationType::cancel, 0, op->currency, op->method, nullptr, "", "", payment->processor_reference});
  return finish_operation(principal, *op, result);
}

Result<PaymentView> PaymentService::refund(const Principal& principal, uint64_t payment_id, std::optional<int64_t> amount,
                                           std::optional<int64_t> expected_refunded, const std::string& step_up) {
  if (amount && *amount <= 0) return Error::invalid("invalid-amount", "the amount must be positive", {{"/amount", "a positive integer"}});
  auto op = begin_operation(principal, payment_id, OperationType::refund, amount.value_or(0), expected_refunded, step_up);
  if (!op) return op.error();
  const auto payment = database_.read([&](db::Connection& c) { return store::payment_by_id(c, principal.company_id, payment_id); });
  const ProcessorResult result = connector_.process({OperationType::refund, op->amount, op->currency, op->method, nullptr, "", "", payment->processor_reference});
  return finish_operation(principal, *op, result);
}

Result<PaymentView> PaymentService::complete_three_ds(const Principal& principal, uint64_t payment_id, bool passed) {
  const auto waiting = database_.read([&](db::Connection& c) -> Result<Operation> {
    const auto p = store::payment_by_id(c, principal.company_id, payment_id);
    if (!p || !principal.can("payments.write", p->project_id)) return not_found();
    for (const auto& op : store::operations_of(c, payment_id)) {
      const bool first = op.type == OperationType::sale || op.type == OperationType::auth;
      if (first && op.status == OperationStatus::processing) return op;
    }
    return Error::make(ErrorCode::unprocessable, "no-challenge-pending", "the payment is not waiting for 3-D Secure");
  });
  if (!waiting) return waiting.error();
  ProcessorResult result;
  result.status = passed ? OperationStatus::success : OperationStatus::decline;
  result.processor_reference = "sbx_3ds_" + std::to_string(waiting->id);
  if (!passed) {
    result.decline_code = "3ds_failed";
    result.decline_message = "The customer did not pass 3-D Secure";
  }
  return finish_operation(principal, *waiting, result);
}

Result<PaymentView> PaymentService::get(const Principal& principal, uint64_t payment_id) const {
  return database_.read([&](db::Connection& c) -> Result<PaymentView> {
    auto p = store::payment_by_id(c, principal.company_id, payment_id);
    if (!p || !principal.can("payments.read", p->project_id)) return not_found();
    return PaymentView{*p, store::operations_of(c, p->id)};
  });
}

std::pair<std::vector<Payment>, bool> PaymentService::list(const Principal& principal, const Filter& filter) const {
  const auto it = principal.permissions.find("payments.read");
  if (it == principal.permissions.end()) return {{}, false};
  auto rows = database_.read([&](db::Connection& c) { return store::list_payments(c, principal.company_id, it->second, filter); });
  const bool more = static_cast<int>(rows.size()) > filter.limit;
  if (more) rows.pop_back();
  return {std::move(rows), more};
}

std::pair<std::vector<Operation>, bool> PaymentService::operations(const Principal& principal, const Filter& filter) const {
  const auto it = principal.permissions.find("payments.read");
  if (it == principal.permissions.end()) return {{}, false};
  auto rows = database_.read([&](db::Connection& c) { return store::list_operations(c, principal.company_id, it->second, filter); });
  const bool more = static_cast<int>(rows.size()) > filter.limit;
  if (more) rows.pop_back();
  return {std::move(rows), more};
}

int64_t PaymentService::reconcile_stuck(std::chrono::milliseconds older_than) {
  // An operation recorded as processing whose processor answer was never recorded
  // (the process stopped between the two transactions) keeps its amount reserved.
  // After `older_than` it is failed as an error, which releases the reservation; a
  // connector that can ask the acquirer for the outcome would ask here first.
  const int64_t before = clock_.now_ms() - older_than.count();
  const auto stuck = database_.read([&](db::Connection& c) { return store::stuck_operations(c, before, 500); });
  int64_t failed = 0;
  for (const auto& op : stuck) {
    ProcessorResult result;
    result.status = OperationStatus::error;
    result.decline_code = "reconciled";
    result.decline_message = "No answer from the processor was recorded; failed by reconciliation";
    const auto done = database_.write([&](db::Connection& c) -> Result<PaymentView> {
      // Still stuck once the payment is locked (another process may have reconciled it).
      if (!store::lock_payment(c, op.company_id, op.payment_id) || !store::still_stuck(c, op.id)) {
        return Error::make(ErrorCode::conflict, "already-reconciled", "the operation is no longer stuck");
      }
      return finish_in(c, audit::Actor::system("reconciliation"), op, result);
    });
    if (done) ++failed;
  }
  if (failed > 0 && on_change_) on_change_();
  return failed;
}

}  // namespace kassa::payments
