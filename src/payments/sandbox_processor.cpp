#include <thread>

#include "common/crypto.hpp"
#include "payments/connector.hpp"

namespace kassa::payments {
namespace {

struct TestCard {
  std::string_view number;
  OperationStatus status;
  std::string_view code;
  std::string_view message;
  bool three_ds = false;
  bool hangs = false;
};

// Listed in docs/sandbox.md and on the hosted payment page in test mode.
constexpr TestCard kTestCards[] = {
    {"4000000000000002", OperationStatus::decline, "05", "Do not honour"},
    {"4000000000009995", OperationStatus::decline, "51", "Insufficient funds"},
    {"4000000000009979", OperationStatus::decline, "43", "Stolen card, pick up"},
    {"4000000000000069", OperationStatus::decline, "54", "Expired card"},
    {"4000000000000127", OperationStatus::decline, "82", "Incorrect CVC"},
    {"4000000000000119", OperationStatus::error, "timeout", "The issuer did not answer in time", false, true},
    {"4000000000003220", OperationStatus::processing, "", "", true},
};

std::string digits_of(const std::string& number) {
  std::string d;
  for (char c : number) if (c >= '0' && c <= '9') d.push_back(c);
  return d;
}

}  // namespace

ProcessorResult SandboxProcessor::process(const ProcessorRequest& request) {
  if (options_.latency.count() > 0) std::this_thread::sleep_for(options_.latency);
  ProcessorResult result;
  result.processor_reference = "sbx_" + crypto::to_hex(crypto::random_bytes(8));
  result.status = OperationStatus::success;
  const bool first = request.type == OperationType::sale || request.type == OperationType::auth;
  if (!first) return result;  // captures, cancels and refunds of sandbox payments succeed
  if (request.method == "card" && request.card) {
    const std::string number = digits_of(request.card->number);
    for (const auto& card : kTestCards) {
      if (number != card.number) continue;
      if (card.hangs) std::this_thread::sleep_for(options_.timeout_card_wait);
      result.status = card.status;
      result.decline_code = std::string(card.code);
      result.decline_message = std::string(card.message);
      result.three_ds_required = card.three_ds;
      return result;
    }
    return result;
  }
  if (request.method == "sepa" && request.iban.starts_with("DE62370400440532013001")) {
    result.status = OperationStatus::decline;
    result.decline_code = "AM04";
    result.decline_message = "Insufficient funds (SEPA)";
  }
  return result;
}

}  // namespace kassa::payments
