#include "payments/demo_history.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <unordered_map>

#include "common/id.hpp"
#include "common/log.hpp"
#include "payments/payment_store.hpp"

namespace kassa::payments {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kHourMs = 3'600'000;

// Relative volume by hour of the day (UTC, European shoppers) and by weekday (Monday first).
constexpr double kHourWeights[24] = {0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.0, 1.4, 1.6, 1.7, 1.8,
                                     1.9, 1.8, 1.7, 1.7, 1.8, 2.0, 2.4, 2.8, 3.0, 2.7, 2.0, 1.3};
constexpr double kWeekdayWeights[7] = {0.95, 0.92, 0.94, 0.98, 1.08, 1.18, 1.12};

template <class T>
struct Weighted {
  T value;
  double weight;
};

template <class T, size_t N>
const T& pick(std::mt19937_64& rng, const Weighted<T> (&table)[N]) {
  double total = 0;
  for (const auto& w : table) total += w.weight;
  double x = std::uniform_real_distribution<double>(0, total)(rng);
  for (const auto& w : table) {
    if ((x -= w.weight) <= 0) return w.value;
  }
  return table[N - 1].value;
}

const Weighted<std::string_view> kCountries[] = {{"DE", 30}, {"FR", 12}, {"GB", 10}, {"US", 12}, {"NL", 8},
                                                 {"ES", 8},  {"IT", 8},  {"PL", 5},  {"SE", 4},  {"AT", 3}};
const Weighted<std::string_view> kMethods[] = {{"card", 75}, {"apple_pay", 10}, {"google_pay", 8}, {"sepa", 7}};
struct CardKind {
  std::string_view brand, first6;
};
const Weighted<CardKind> kCards[] = {{{"visa", "424242"}, 58}, {{"mastercard", "555555"}, 32}, {{"amex", "378282"}, 10}};
struct Decline {
  OperationStatus status;
  std::string_view code, message;
};
const Weighted<Decline> kDeclines[] = {{{OperationStatus::decline, "05", "Do not honour"}, 40},
                                       {{OperationStatus::decline, "51", "Insufficient funds"}, 30},
                                       {{OperationStatus::decline, "54", "Expired card"}, 10},
                                       {{OperationStatus::decline, "82", "Incorrect CVC"}, 10},
                                       {{OperationStatus::decline, "43", "Stolen card, pick up"}, 5},
                                       {{OperationStatus::error, "timeout", "The issuer did not answer in time"}, 5}};

std::string currency_for(std::mt19937_64& rng, const std::string& project_currency, std::string_view country) {
  if (std::uniform_real_distribution<double>(0, 1)(rng) < 0.7) return project_currency;
  if (country == "GB") return "GBP";
  if (country == "US") return "USD";
  if (country == "PL") return "PLN";
  if (country == "SE") return "SEK";
  return "EUR";
}

class IdSource {
 public:
  explicit IdSource(uint32_t node) : node_(node) {}
  uint64_t at(int64_t ms) {
    uint32_t& sequence = next_[ms];
    return IdGenerator::compose(ms, node_, sequence++);
  }

 private:
  uint32_t node_;
  std::unordered_map<int64_t, uint32_t> next_;
};

struct Planned {
  Payment payment;
  std::vector<Operation> operations;
};

}  // namespace

HistoryReport seed_history(db::Database& database, ledger::LedgerService& ledger, uint64_t company_id,
                           const std::vector<HistoryProject>& projects, const HistoryOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  std::mt19937_64 rng(options.random_seed);
  std::uniform_real_distribution<double> unit(0, 1);
  IdSource ids(options.id_node);
  const int64_t payments_total = std::max<int64_t>(1, options.operations * 100 / 118);  // 1.18 operations per payment
  // The last of the days is today: the history runs up to now.
  const int64_t start_ms = (options.end_ms / kDayMs - options.days + 1) * kDayMs;

  // Payments per day: weekday rhythm and 30 % growth over the year.
  std::vector<double> day_weights(static_cast<size_t>(options.days));
  double day_total = 0;
  for (int d = 0; d < options.days; ++d) {
    const int weekday = static_cast<int>(((start_ms / kDayMs + d) + 3) % 7);  // 1970-01-01 was a Thursday
    day_weights[static_cast<size_t>(d)] = kWeekdayWeights[weekday] * (1.0 + 0.3 * d / options.days);
    day_total += day_weights[static_cast<size_t>(d)];
  }
  double hour_total = 0;
  for (double w : kHourWeights) hour_total += w;

  HistoryReport report;
  int64_t operations_made = 0;
  std::vector<Planned> batch;
  const auto flush = [&] {
    if (batch.empty()) return;
    database.write([&](db::Connection& c) {
      int64_t ops_in_batch = 0;
      for (const auto& planned : batch) ops_in_batch += static_cast<int64_t>(planned.operations.size());
      const std::vector<int64_t> seqs = store::next_change_seqs(c, ops_in_batch);
      size_t next_seq = 0;
      for (auto& planned : batch) {
        store::insert_payment(c, planned.payment);
        for (auto& op : planned.operations) {
          op.change_seq = seqs[next_seq++];
          store::insert_operation(c, op);
          if (op.status != OperationStatus::success) continue;
          const ledger::Posting posting = posting_for(op);
          if (!posting.lines.empty()) ledger.post(c, posting);
        }
      }
    });
    batch.clear();
  };

  int64_t made = 0;
  for (int d = 0; d < options.days && made < payments_total; ++d) {
    const int64_t day_count = d == options.days - 1
                                  ? payments_total - made
                                  : std::llround(payments_total * day_weights[static_cast<size_t>(d)] / day_total);
    std::vector<int64_t> times;
    times.reserve(static_cast<size_t>(day_count));
    for (int64_t i = 0; i < day_count; ++i) {
      double x = unit(rng) * hour_total;
      int hour = 0;
      while (hour < 23 && (x -= kHourWeights[hour]) > 0) ++hour;
      times.push_back(start_ms + d * kDayMs + hour * kHourMs + static_cast<int64_t>(unit(rng) * kHourMs));
    }
    std::sort(times.begin(), times.end());
    for (const int64_t t : times) {
      if (t >= options.end_ms) continue;
      const auto& project = projects[static_cast<size_t>(rng() % projects.size())];
      Planned plan;
      Payment& p = plan.payment;
      p.id = ids.at(t);
      p.company_id = company_id;
      p.project_id = project.id;
      p.merchant_reference = "ORD-" + std::to_string(100000 + report.payments);
      p.customer_country = std::string(pick(rng, kCountries));
      p.currency = currency_for(rng, project.currency, p.customer_country);
      // Amounts: log-normal around 45 in the major unit, ending in 0, 5 or 9.
      const double major = std::exp(std::normal_distribution<double>(3.8, 0.9)(rng));
      p.amount = std::max<int64_t>(100, static_cast<int64_t>(major * 100) / 100 * 100 + (rng() % 3 == 0 ? 99 : 0));
      if (p.currency == "SEK" || p.currency == "PLN") p.amount *= 4;
      p.method = std::string(pick(rng, kMethods));
      p.capture = !(p.method == "card" && unit(rng) < 0.2);
      p.customer_email = "customer" + std::to_string(rng() % static_cast<uint64_t>(std::max<int64_t>(10, payments_total / 3))) + "@example.com";
      p.customer_id = "cus_" + std::to_string(rng() % 1'000'000);
      p.customer_ip = "203.0.113." + std::to_string(rng() % 254 + 1);
      if (p.method != "sepa") {
        const auto& card = pick(rng, kCards);
        p.card.brand = std::string(card.brand);
        p.card.first6 = std::string(card.first6);
        p.card.last4 = std::to_string(1000 + rng() % 9000);
        p.card.token = "card_" + std::to_string(rng());
        p.card.exp_month = static_cast<int>(rng() % 12 + 1);
        p.card.exp_year = 2027 + static_cast<int>(rng() % 5);
        p.card.issuer_country = p.customer_country;
      }
      p.description = "Order " + p.merchant_reference;
      p.processor = "sandbox";
      p.processor_reference = "sbx_" + std::to_string(rng());
      p.created_at_ms = t;

      const auto add = [&](OperationType type, OperationStatus status, int64_t amount, int64_t at, const Decline* decline) {
        if (at >= options.end_ms) return false;
        Operation op{ids.at(at), p.id, company_id, p.project_id, type, status, amount, p.currency, 0, p.method,
                     "sbx_" + std::to_string(rng()), "", "", at, at, 0, p.customer_country, p.card.brand};
        if (decline) {
          op.decline_code = std::string(decline->code);
          op.decline_message = std::string(decline->message);
        }
        if (status == OperationStatus::success && (type == OperationType::sale || type == OperationType::capture)) {
          op.fee = fee_for(p.method == "sepa" ? FeePlan{35, 10} : FeePlan{}, amount);
        }
        p.totals = apply(p.totals, type, status, amount);
        p.updated_at_ms = at;
        plan.operations.push_back(op);
        return true;
      };
      const bool declined = unit(rng) < 0.15;
      const Decline* decline = declined ? &pick(rng, kDeclines) : nullptr;
      add(p.capture ? OperationType::sale : OperationType::auth, declined ? decline->status : OperationStatus::success,
          p.amount, t, decline);
      if (!declined) {
        int64_t now = t;
        if (!p.capture) {
          const double r = unit(rng);
          now += static_cast<int64_t>(unit(rng) * 48 * kHourMs) + 60'000;
          if (r < 0.03) add(OperationType::cancel, OperationStatus::success, 0, now, nullptr);
          else if (r > 0.05) add(OperationType::capture, OperationStatus::success, p.amount, now, nullptr);
        }
        if (p.totals.captured > 0 && unit(rng) < 0.06) {
          const int64_t amount = unit(rng) < 0.6 ? p.totals.refundable() : std::max<int64_t>(1, p.totals.refundable() / 2);
          add(OperationType::refund, OperationStatus::success, amount, now + static_cast<int64_t>((1 + unit(rng) * 19) * kDayMs), nullptr);
        }
        if (p.totals.refundable() > 0 && unit(rng) < 0.006) {
          add(OperationType::chargeback, OperationStatus::success, p.totals.refundable(),
              now + static_cast<int64_t>((15 + unit(rng) * 45) * kDayMs), nullptr);
        }
      }
      p.status = derive_status(p.totals);
      operations_made += static_cast<int64_t>(plan.operations.size());
      ++report.payments;
      ++made;
      batch.push_back(std::move(plan));
      if (static_cast<int>(batch.size()) >= options.payments_per_transaction) {
        flush();
        if (report.payments % 50'000 < options.payments_per_transaction) {
          log::info("seed_progress", {{"payments", report.payments}, {"operations", operations_made}});
        }
      }
    }
  }
  flush();
  report.operations = operations_made;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace kassa::payments
