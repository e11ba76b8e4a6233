#include <array>
#include <utility>

#include "payments/payment.hpp"

namespace kassa::payments {
namespace {

template <class E, size_t N>
std::string_view from_value(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table) if (v == value) return name;
  return "unknown";
}

template <class E, size_t N>
std::optional<E> from_text(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) {
  for (const auto& [value, name] : table) if (name == text) return value;
  return std::nullopt;
}

constexpr std::array<std::pair<OperationType, std::string_view>, 7> kTypes{{
    {OperationType::sale, "sale"}, {OperationType::auth, "auth"}, {OperationType::capture, "capture"},
    {OperationType::cancel, "cancel"}, {OperationType::refund, "refund"}, {OperationType::chargeback, "chargeback"},
    {OperationType::reversal, "reversal"},
}};
constexpr std::array<std::pair<OperationStatus, std::string_view>, 4> kOperationStatuses{{
    {OperationStatus::processing, "processing"}, {OperationStatus::success, "success"},
    {OperationStatus::decline, "decline"}, {OperationStatus::error, "error"},
}};
constexpr std::array<std::pair<PaymentStatus, std::string_view>, 9> kPaymentStatuses{{
    {PaymentStatus::processing, "processing"}, {PaymentStatus::awaiting_capture, "awaiting_capture"},
    {PaymentStatus::success, "success"}, {PaymentStatus::partially_refunded, "partially_refunded"},
    {PaymentStatus::refunded, "refunded"}, {PaymentStatus::partially_charged_back, "partially_charged_back"},
    {PaymentStatus::charged_back, "charged_back"}, {PaymentStatus::declined, "declined"},
    {PaymentStatus::cancelled, "cancelled"},
}};

Error refused(std::string type, std::string detail) {
  return Error::make(ErrorCode::unprocessable, std::move(type), std::move(detail));
}

}  // namespace

std::string_view to_string(OperationType t) { return from_value(kTypes, t); }
std::string_view to_string(OperationStatus s) { return from_value(kOperationStatuses, s); }
std::string_view to_string(PaymentStatus s) { return from_value(kPaymentStatuses, s); }
std::optional<OperationType> operation_type_from(std::string_view text) { return from_text(kTypes, text); }
std::optional<OperationStatus> operation_status_from(std::string_view text) { return from_text(kOperationStatuses, text); }
std::optional<PaymentStatus> payment_status_from(std::string_view text) { return from_text(kPaymentStatuses, text); }

int64_t Totals::capturable() const {
  if (first != OperationType::auth || first_status != OperationStatus::success || cancelled || captured > 0) return 0;
  return authorized;
}

PaymentStatus derive_status(const Totals& t) {
  if (!t.first) return PaymentStatus::processing;
  switch (t.first_status) {
    case OperationStatus::processing: return PaymentStatus::processing;
    case OperationStatus::decline:
    case OperationStatus::error: return PaymentStatus::declined;
    case OperationStatus::success: break;
  }
  if (t.cancelled) return PaymentStatus::cancelled;
  if (t.captured == 0) return PaymentStatus::awaiting_capture;
  if (t.charged_back > 0) {
    return t.refundable() == 0 ? PaymentStatus::charged_back : PaymentStatus::partially_charged_back;
  }
  if (t.refunded > 0) return t.refunded == t.captured ? PaymentStatus::refunded : PaymentStatus::partially_refunded;
  return PaymentStatus::success;
}

Status check_operation(const Totals& t, OperationType type, int64_t amount) {
  const bool started = t.first.has_value();
  const bool settled_ok = started && t.first_status == OperationStatus::success;
  // The state rules first: "already captured" says more than "amount 0" when nothing is left.
  const auto positive = [&]() -> Status {
    if (amount <= 0) return Error::invalid("invalid-amount", "the amount must be positive");
    return Ok{};
  };
  switch (type) {
    case OperationType::sale:
    case OperationType::auth:
      if (started) return refused("payment-exists", "a payment has one sale or authorisation");
      return positive();
    case OperationType::capture:
      if (!settled_ok || t.first != OperationType::auth) return refused("not-capturable", "only an authorised payment can be captured");
      if (t.cancelled) return refused("payment-cancelled", "the authorisation was released");
      if (t.captured > 0) return refused("already-captured", "the payment was captured already");
      if (amount > t.authorized) return refused("capture-exceeds-authorized", "the capture is larger than the authorised amount");
      return positive();
    case OperationType::cancel:
      if (!settled_ok || t.first != OperationType::auth) return refused("not-cancellable", "only an authorisation can be cancelled");
      if (t.cancelled) return refused("payment-cancelled", "the authorisation was released already");
      if (t.captured > 0) return refused("already-captured", "a captured payment is refunded, not cancelled");
      return Ok{};
    case OperationType::refund:
      if (!settled_ok || t.captured == 0) return refused("not-refundable", "only captured money can be refunded");
      if (amount > t.refundable()) {
        return refused("refund-exceeds-captured", "the refund is larger than what is left to refund (captured minus refunded minus charged back)");
      }
      if (amount == 0) return refused("nothing-to-refund", "everything captured was refunded or charged back already");
      return positive();
    case OperationType::chargeback:
      if (!settled_ok || t.captured == 0) return refused("not-chargeable", "only captured money can be charged back");
      if (amount > t.refundable()) return refused("chargeback-exceeds-captured", "the chargeback is larger than what is left of the payment");
      return positive();
    case OperationType::reversal:
      if (amount > t.charged_back) return refused("reversal-exceeds-chargebacks", "the reversal is larger than what was charged back");
      return positive();
  }
  return refused("unknown-operation", "unknown operation");
}

Totals apply(Totals t, OperationType type, OperationStatus status, int64_t amount) {
  if (type == OperationType::sale || type == OperationType::auth) {
    t.first = type;
    t.first_status = status;
    if (status == OperationStatus::success) {
      t.authorized = amount;
      if (type == OperationType::sale) t.captured = amount;
    }
    return t;
  }
  if (status != OperationStatus::success) return t;
  switch (type) {
    case OperationType::capture: t.captured += amount; break;
    case OperationType::cancel: t.cancelled = true; break;
    case OperationType::refund: t.refunded += amount; break;
    case OperationType::chargeback: t.charged_back += amount; break;
    case OperationType::reversal: t.charged_back -= amount; break;
    case OperationType::sale:
    case OperationType::auth: break;
  }
  return t;
}

}  // namespace kassa::payments
