// The payment state machine as data: each row is a history of operations, the
// status it must derive, and which next operations are legal.
#include <gtest/gtest.h>

#include "payments/payment.hpp"

namespace kassa::payments {
namespace {

using enum OperationType;
using S = OperationStatus;

struct Step {
  OperationType type;
  S status;
  int64_t amount;
};

Totals replay(const std::vector<Step>& steps) {
  Totals t;
  for (const auto& s : steps) t = apply(t, s.type, s.status, s.amount);
  return t;
}

struct StatusCase {
  std::string name;
  std::vector<Step> history;
  PaymentStatus expected;
  int64_t refundable;
};

class DerivedStatus : public ::testing::TestWithParam<StatusCase> {};

TEST_P(DerivedStatus, FollowsTheHistory) {
  const auto& c = GetParam();
  const Totals t = replay(c.history);
  EXPECT_EQ(derive_status(t), c.expected) << to_string(derive_status(t));
  EXPECT_EQ(t.refundable(), c.refundable);
}

INSTANTIATE_TEST_SUITE_P(Table, DerivedStatus, ::testing::Values(
    StatusCase{"nothing", {}, PaymentStatus::processing, 0},
    StatusCase{"sale_processing", {{sale, S::processing, 1000}}, PaymentStatus::processing, 0},
    StatusCase{"sale", {{sale, S::success, 1000}}, PaymentStatus::success, 1000},
    StatusCase{"sale_declined", {{sale, S::decline, 1000}}, PaymentStatus::declined, 0},
    StatusCase{"sale_error", {{sale, S::error, 1000}}, PaymentStatus::declined, 0},
    StatusCase{"auth", {{auth, S::success, 1000}}, PaymentStatus::awaiting_capture, 0},
    StatusCase{"auth_cancel", {{auth, S::success, 1000}, {cancel, S::success, 0}}, PaymentStatus::cancelled, 0},
    StatusCase{"auth_capture_partial", {{auth, S::success, 1000}, {capture, S::success, 600}}, PaymentStatus::success, 600},
    StatusCase{"capture_declined", {{auth, S::success, 1000}, {capture, S::decline, 1000}}, PaymentStatus::awaiting_capture, 0},
    StatusCase{"partial_refund", {{sale, S::success, 1000}, {refund, S::success, 300}}, PaymentStatus::partially_refunded, 700},
    StatusCase{"two_refunds_full", {{sale, S::success, 1000}, {refund, S::success, 300}, {refund, S::success, 700}}, PaymentStatus::refunded, 0},
    StatusCase{"refund_declined", {{sale, S::success, 1000}, {refund, S::decline, 300}}, PaymentStatus::success, 1000},
    StatusCase{"chargeback_full", {{sale, S::success, 1000}, {chargeback, S::success, 1000}}, PaymentStatus::charged_back, 0},
    StatusCase{"chargeback_partial", {{sale, S::success, 1000}, {chargeback, S::success, 400}}, PaymentStatus::partially_charged_back, 600},
    StatusCase{"refund_then_chargeback_rest", {{sale, S::success, 1000}, {refund, S::success, 400}, {chargeback, S::success, 600}}, PaymentStatus::charged_back, 0},
    StatusCase{"chargeback_reversed", {{sale, S::success, 1000}, {chargeback, S::success, 1000}, {reversal, S::success, 1000}}, PaymentStatus::success, 1000}),
    [](const auto& info) { return info.param.name; });

struct RuleCase {
  std::string name;
  std::vector<Step> history;
  OperationType next;
  int64_t amount;
  std::string refusal;  // empty: allowed
};

class OperationRules : public ::testing::TestWithParam<RuleCase> {};

TEST_P(OperationRules, AllowOrRefuseWithTheRuleName) {
  const auto& c = GetParam();
  const Status s = check_operation(replay(c.history), c.next, c.amount);
  if (c.refusal.empty()) {
    EXPECT_TRUE(s.ok()) << s.error().type;
  } else {
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().type, c.refusal);
  }
}

INSTANTIATE_TEST_SUITE_P(Table, OperationRules, ::testing::Values(
    RuleCase{"first_sale", {}, sale, 100, ""},
    RuleCase{"second_sale", {{sale, S::success, 100}}, sale, 100, "payment-exists"},
    RuleCase{"zero_amount", {}, sale, 0, "invalid-amount"},
    RuleCase{"capture_auth", {{auth, S::success, 1000}}, capture, 1000, ""},
    RuleCase{"capture_more", {{auth, S::success, 1000}}, capture, 1001, "capture-exceeds-authorized"},
    RuleCase{"capture_twice", {{auth, S::success, 1000}, {capture, S::success, 500}}, capture, 100, "already-captured"},
    RuleCase{"capture_sale", {{sale, S::success, 1000}}, capture, 100, "not-capturable"},
    RuleCase{"capture_declined_auth", {{auth, S::decline, 1000}}, capture, 100, "not-capturable"},
    RuleCase{"capture_cancelled", {{auth, S::success, 1000}, {cancel, S::success, 0}}, capture, 100, "payment-cancelled"},
    RuleCase{"cancel_auth", {{auth, S::success, 1000}}, cancel, 0, ""},
    RuleCase{"cancel_captured", {{auth, S::success, 1000}, {capture, S::success, 1000}}, cancel, 0, "already-captured"},
    RuleCase{"cancel_sale", {{sale, S::success, 1000}}, cancel, 0, "not-cancellable"},
    RuleCase{"refund_all", {{sale, S::success, 1000}}, refund, 1000, ""},
    RuleCase{"refund_over", {{sale, S::success, 1000}}, refund, 1001, "refund-exceeds-captured"},
    RuleCase{"refund_over_after_partial", {{sale, S::success, 1000}, {refund, S::success, 600}}, refund, 401, "refund-exceeds-captured"},
    RuleCase{"refund_rest", {{sale, S::success, 1000}, {refund, S::success, 600}}, refund, 400, ""},
    RuleCase{"refund_after_chargeback", {{sale, S::success, 1000}, {chargeback, S::success, 700}}, refund, 301, "refund-exceeds-captured"},
    RuleCase{"refund_auth", {{auth, S::success, 1000}}, refund, 100, "not-refundable"},
    RuleCase{"refund_partial_capture", {{auth, S::success, 1000}, {capture, S::success, 600}}, refund, 601, "refund-exceeds-captured"},
    RuleCase{"refund_declined", {{sale, S::decline, 1000}}, refund, 100, "not-refundable"},
    RuleCase{"chargeback_over", {{sale, S::success, 1000}, {refund, S::success, 500}}, chargeback, 501, "chargeback-exceeds-captured"},
    RuleCase{"reversal_over", {{sale, S::success, 1000}, {chargeback, S::success, 500}}, reversal, 501, "reversal-exceeds-chargebacks"}),
    [](const auto& info) { return info.param.name; });

TEST(StatusNames, RoundTrip) {
  for (const auto s : {PaymentStatus::processing, PaymentStatus::awaiting_capture, PaymentStatus::success,
                       PaymentStatus::partially_refunded, PaymentStatus::refunded, PaymentStatus::partially_charged_back,
                       PaymentStatus::charged_back, PaymentStatus::declined, PaymentStatus::cancelled}) {
    EXPECT_EQ(payment_status_from(to_string(s)), s);
  }
  for (const auto t : {sale, auth, capture, cancel, refund, chargeback, reversal}) EXPECT_EQ(operation_type_from(to_string(t)), t);
  EXPECT_FALSE(operation_type_from("bogus"));
}

}  // namespace
}  // namespace kassa::payments
