// Fees and ledger postings as data: integer arithmetic, rounding, balance.
#include <gtest/gtest.h>

#include "payments/card.hpp"
#include "payments/payments.hpp"

namespace kassa::payments {
namespace {

TEST(Fees, PercentPlusFixedRoundedHalfUpNeverAboveTheAmount) {
  struct Case {
    FeePlan plan;
    int64_t amount;
    int64_t fee;
  };
  for (const auto& c : {Case{{140, 25}, 10000, 165},   // 1.40 % of 100.00 + 0.25
                        Case{{140, 25}, 1999, 53},     // 27.986 → 28, + 25
                        Case{{140, 25}, 1, 1},         // never more than the amount
                        Case{{35, 10}, 100000, 360},   // SEPA: 0.35 % + 0.10
                        Case{{0, 0}, 5000, 0},
                        Case{{50, 0}, 100, 1},         // 0.5 → 1 (half up)
                        // No overflow near the int64 limit: 1.4 % of 9.2e17 computed in 128 bits.
                        Case{{140, 25}, 922337203685477580, 12912720851596711}}) {
    EXPECT_EQ(fee_for(c.plan, c.amount), c.fee) << c.amount;
  }
}

TEST(Postings, EveryOperationBalances) {
  for (const auto type : {OperationType::sale, OperationType::capture, OperationType::refund, OperationType::chargeback,
                          OperationType::reversal, OperationType::auth, OperationType::cancel}) {
    Operation op;
    op.type = type;
    op.status = OperationStatus::success;
    op.amount = 12345;
    op.fee = 198;
    op.currency = "EUR";
    const auto posting = posting_for(op);
    int64_t sum = 0;
    for (const auto& line : posting.lines) sum += line.amount;
    EXPECT_EQ(sum, 0) << to_string(type);
    const bool moves_money = type != OperationType::auth && type != OperationType::cancel;
    EXPECT_EQ(!posting.lines.empty(), moves_money) << to_string(type);
  }
}

TEST(Cards, TokenisedWithoutTheNumber) {
  const auto token = tokenize({"4242 4242 4242 4242", 12, 2030, "123", "A"}, "key", 2026, 11);
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->first6, "424242");
  EXPECT_EQ(token->last4, "4242");
  EXPECT_EQ(token->brand, "visa");
  EXPECT_EQ(token->token.find("4242424242424242"), std::string::npos);
  EXPECT_EQ(tokenize({"4242424242424242", 1, 2031, "", ""}, "key", 2026, 11)->token, token->token);  // stable
  EXPECT_NE(tokenize({"4242424242424242", 1, 2031, "", ""}, "other key", 2026, 11)->token, token->token);  // keyed
  EXPECT_FALSE(tokenize({"4242424242424241", 12, 2030, "", ""}, "key", 2026, 11).ok());  // Luhn
  EXPECT_FALSE(tokenize({"4242424242424242", 10, 2026, "", ""}, "key", 2026, 11).ok());  // expired
  EXPECT_TRUE(tokenize({"4242424242424242", 11, 2026, "", ""}, "key", 2026, 11).ok());   // valid this month
  EXPECT_FALSE(tokenize({"4242424242424242", 12, 2030, "12", ""}, "key", 2026, 11).ok());  // CVC
  EXPECT_EQ(card_brand("5555555555554444"), "mastercard");
  EXPECT_EQ(card_brand("2223003122003222"), "mastercard");
  EXPECT_EQ(card_brand("378282246310005"), "amex");
  EXPECT_EQ(card_brand("6011111111111117"), "discover");
}

}  // namespace
}  // namespace kassa::payments
