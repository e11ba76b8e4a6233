#pragma once
// The payments use cases: create (sale or auth), capture, cancel, refund, and
// the lists. All operation writes go through one write path that updates the
// payment, posts the ledger and stamps a change sequence number, in one transaction.
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "common/clock.hpp"
#include "common/id.hpp"
#include "common/principal.hpp"
#include "common/result.hpp"
#include "db/database.hpp"
#include "ledger/ledger.hpp"
#include "org/org.hpp"
#include "payments/connector.hpp"
#include "payments/payment.hpp"

namespace kassa::identity { class IdentityService; }
namespace kassa::webhooks { class WebhookService; }

namespace kassa::payments {

inline constexpr int kPageSizeDefault = 25;
inline constexpr int kPageSizeMax = 200;
inline constexpr size_t kMetadataBytesMax = 8 * 1024;
inline constexpr int64_t kRefundStepUpThresholdMinor = 50'000;  // refunds above this need step-up (and refunds.unlimited)

struct Payment {
  uint64_t id = 0;
  uint64_t company_id = 0;
  uint64_t project_id = 0;
  std::string merchant_reference;
  int64_t amount = 0;
  std::string currency;
  std::string method;
  PaymentStatus status = PaymentStatus::processing;
  bool capture = true;
  Totals totals;
  std::string customer_email, customer_id, customer_ip, customer_country;
  CardToken card;
  std::string description;
  std::string metadata_json = "{}";
  std::string processor;
  std::string processor_reference;
  int64_t version = 1;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
};

struct Operation {
  uint64_t id = 0;
  uint64_t payment_id = 0;
  uint64_t company_id = 0;
  uint64_t project_id = 0;
  OperationType type = OperationType::sale;
  OperationStatus status = OperationStatus::processing;
  int64_t amount = 0;
  std::string currency;
  int64_t fee = 0;
  std::string method;
  std::string processor_reference;
  std::string decline_code;
  std::string decline_message;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  int64_t change_seq = 0;
  // Copied from the payment, so analytics read operations alone.
  std::string country;
  std::string card_brand;
};

struct CreatePayment {
  uint64_t project_id = 0;
  int64_t amount = 0;
  std::string currency;
  std::string merchant_reference;
  bool capture = true;
  std::string method = "card";
  std::optional<CardInput> card;
  std::string wallet_token;
  std::string iban;
  std::string customer_email, customer_id, customer_ip, customer_country;
  std::string description;
  std::string metadata_json = "{}";
};

struct Filter {
  std::optional<uint64_t> project_id;
  std::vector<std::string> statuses;
  std::vector<std::string> methods;
  std::vector<std::string> currencies;
  std::vector<std::string> countries;
  std::optional<int64_t> amount_min;  // inclusive (gte)
  std::optional<int64_t> amount_max;  // inclusive (lte)
  std::optional<int64_t> from_ms;     // inclusive
  std::optional<int64_t> to_ms;       // exclusive
  std::optional<std::string> email;
  std::optional<std::string> last4;
  std::optional<std::string> merchant_reference;
  std::vector<std::string> types;     // operations only
  std::vector<std::string> card_brands;    // "" for operations or payments without a card
  std::vector<std::string> decline_codes;  // operations only; "" for none
  std::optional<uint64_t> starting_after;
  int limit = kPageSizeDefault;
};

struct PaymentView {
  Payment payment;
  std::vector<Operation> operations;
};

struct FeePlan {
  int64_t percent_bp = 140;  // 1.40 %
  int64_t fixed_minor = 25;
};
int64_t fee_for(const FeePlan& plan, int64_t amount);

// The ledger transaction a successful operation posts (the live path and the bulk seed share it).
ledger::Posting posting_for(const Operation& operation);

boost::json::value to_json(const Payment& payment, const std::vector<Operation>& operations);
boost::json::value to_json(const Operation& operation);

class PaymentService {
 public:
  PaymentService(db::Database& database, IdGenerator& ids, const Clock& clock, Connector& connector,
                 ledger::LedgerService& ledger, audit::AuditService& audit, org::OrgService& org,
                 identity::IdentityService& identity, webhooks::WebhookService& webhooks, std::string card_key);

  Result<PaymentView> create(const Principal& principal, const CreatePayment& input);
  Result<PaymentView> get(const Principal& principal, uint64_t payment_id) const;
  Result<PaymentView> capture(const Principal& principal, uint64_t payment_id, std::optional<int64_t> amount);
  Result<PaymentView> cancel(const Principal& principal, uint64_t payment_id);
  Result<PaymentView> refund(const Principal& principal, uint64_t payment_id, std::optional<int64_t> amount,
                             std::optional<int64_t> expected_refunded, const std::string& step_up);

  // The simulated 3-D Secure challenge's outcome for a payment waiting for it.
  Result<PaymentView> complete_three_ds(const Principal& principal, uint64_t payment_id, bool passed);

  std::pair<std::vector<Payment>, bool> list(const Principal& principal, const Filter& filter) const;
  std::pair<std::vector<Operation>, bool> operations(const Principal& principal, const Filter& filter) const;

  // Fails operations left processing without a processor answer for longer than
  // `older_than` (a process stopped mid-operation); returns how many.
  int64_t reconcile_stuck(std::chrono::milliseconds older_than);

  // Told after each operation change commits (the analytics index follows at once).
  void set_change_listener(std::function<void()> listener) { on_change_ = std::move(listener); }

 private:
  // Phase one: checks the rule against the payment as it is now (row locked) and
  // records the operation as processing, reserving its amount.
  Result<Operation> begin_operation(const Principal& principal, uint64_t payment_id, OperationType type, int64_t amount,
                                    const std::optional<int64_t>& expected_refunded, const std::string& step_up);
  // Phase two: the processor's answer, the payment's totals and status, the ledger: one transaction.
  Result<PaymentView> finish_operation(const Principal& principal, const Operation& operation, const ProcessorResult& result);
  // Phase two's work inside a transaction (also the whole of a payment made with an in-process connector).
  Result<PaymentView> finish_in(db::Connection& c, const audit::Actor& actor, const Operation& operation, const ProcessorResult& result);
  // The processor's answer applied to the operation and its payment, in memory (the fee plan is read in `c`).
  void apply_result(db::Connection& c, Payment& payment, Operation& operation, const ProcessorResult& result) const;
  // What every decided operation writes besides its own rows: the webhook outbox, the ledger
  // posting and the audit event. The operation is stored after it, with its change number.
  void record_outcome(db::Connection& c, const audit::Actor& actor, const PaymentView& view, const Operation& operation);

  std::function<void()> on_change_;
  db::Database& database_;
  IdGenerator& ids_;
  const Clock& clock_;
  Connector& connector_;
  ledger::LedgerService& ledger_;
  audit::AuditService& audit_;
  org::OrgService& org_;
  identity::IdentityService& identity_;
  webhooks::WebhookService& webhooks_;
  std::string card_key_;
};

}  // namespace kassa::payments
