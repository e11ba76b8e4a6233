#pragma once
// Payments and their operations: the domain types and the one state machine.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace kassa::payments {

enum class OperationType { sale, auth, capture, cancel, refund, chargeback, reversal };
enum class OperationStatus { processing, success, decline, error };
enum class PaymentStatus {
  processing,          // the first operation is still with the processor
  awaiting_capture,    // authorised, nothing captured yet
  success,             // captured (fully or partly), nothing refunded or charged back
  partially_refunded,
  refunded,            // everything captured was refunded
  partially_charged_back,
  charged_back,        // everything not refunded was charged back
  declined,            // the first operation was declined or failed
  cancelled,           // the authorisation was released
};

std::string_view to_string(OperationType type);
std::string_view to_string(OperationStatus status);
std::string_view to_string(PaymentStatus status);
std::optional<OperationType> operation_type_from(std::string_view text);
std::optional<OperationStatus> operation_status_from(std::string_view text);
std::optional<PaymentStatus> payment_status_from(std::string_view text);

// The money position of one payment, from its successful operations.
struct Totals {
  std::optional<OperationType> first;  // sale or auth
  OperationStatus first_status = OperationStatus::processing;
  int64_t authorized = 0;    // auth amount (sale: the sale amount)
  int64_t captured = 0;      // sale amount, or the sum of captures
  int64_t refunded = 0;
  int64_t charged_back = 0;  // chargebacks minus reversals
  bool cancelled = false;

  // What may still be refunded: captured minus refunded minus charged back.
  int64_t refundable() const { return captured - refunded - charged_back; }
  int64_t capturable() const;
};

PaymentStatus derive_status(const Totals& totals);

// Whether an operation of this type and amount may start now; the error names the rule.
// Amount is ignored for cancel. Checked before the processor is asked and again,
// inside the write transaction, against the totals as they are then.
Status check_operation(const Totals& totals, OperationType type, int64_t amount);

// Applies a finished operation to the totals (success only changes money).
Totals apply(Totals totals, OperationType type, OperationStatus status, int64_t amount);

}  // namespace kassa::payments
