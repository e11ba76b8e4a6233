#pragma once
// The processor connector: what a real acquirer integration implements. The
// sandbox processor is the one used in tests and demos.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "payments/card.hpp"
#include "payments/payment.hpp"

namespace kassa::payments {

struct ProcessorRequest {
  OperationType type = OperationType::sale;
  int64_t amount = 0;
  std::string currency;
  std::string method;                    // card, apple_pay, google_pay, sepa
  const CardInput* card = nullptr;       // first operations with card details (in memory only)
  std::string wallet_token;              // apple_pay / google_pay
  std::string iban;                      // sepa
  std::string processor_reference;       // follow-ups: the first operation's reference
};

struct ProcessorResult {
  OperationStatus status = OperationStatus::error;
  std::string processor_reference;
  std::string decline_code;     // ISO 8583-style response code ("05", "51") or a sandbox code
  std::string decline_message;
  bool three_ds_required = false;  // the customer must pass a challenge before the result is final
};

class Connector {
 public:
  virtual ~Connector() = default;
  virtual std::string_view name() const = 0;
  virtual ProcessorResult process(const ProcessorRequest& request) = 0;
  // True when deciding has no effect outside this process (the sandbox without
  // simulated latency): a new payment is then asked first and written in one
  // transaction. A remote acquirer answers false: the payment is recorded as
  // processing before the call, so a crash mid-call leaves a trace to reconcile.
  virtual bool in_process() const { return false; }
};

struct SandboxOptions {
  std::chrono::milliseconds latency{0};        // added to every call
  std::chrono::milliseconds timeout_card_wait{2000};  // how long the "timeout" test card hangs
};

// Decides like an acquirer would, by test card number (see docs/sandbox.md).
class SandboxProcessor final : public Connector {
 public:
  explicit SandboxProcessor(SandboxOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "sandbox"; }
  ProcessorResult process(const ProcessorRequest& request) override;
  bool in_process() const override { return options_.latency.count() == 0; }

 private:
  SandboxOptions options_;
};

}  // namespace kassa::payments
