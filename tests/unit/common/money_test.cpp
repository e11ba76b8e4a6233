#include <gtest/gtest.h>

#include <limits>

#include "common/money.hpp"

namespace kassa {
namespace {

Currency currency(std::string_view code) { return *Currency::from_code(code); }

TEST(Currency, KnowsExponents) {
  EXPECT_EQ(currency("EUR").exponent(), 2);
  EXPECT_EQ(currency("JPY").exponent(), 0);
  EXPECT_EQ(currency("KWD").exponent(), 3);
  EXPECT_EQ(currency("KWD").minor_per_major(), 1000);
  EXPECT_FALSE(Currency::from_code("eur"));
  EXPECT_FALSE(Currency::from_code("XXX"));
  EXPECT_FALSE(Currency::from_code("EURO"));
  EXPECT_FALSE(Currency::from_code(""));
}

struct ParseCase {
  std::string_view text;
  std::string_view code;
  std::optional<int64_t> minor;  // nullopt: must be refused
};

class MoneyParse : public ::testing::TestWithParam<ParseCase> {};

TEST_P(MoneyParse, ParsesExactlyOrRefuses) {
  const auto& c = GetParam();
  const auto parsed = Money::parse(c.text, c.code);
  if (c.minor) {
    ASSERT_TRUE(parsed.ok()) << c.text << " " << parsed.error().detail;
    EXPECT_EQ(parsed->amount_minor(), *c.minor);
  } else {
    EXPECT_FALSE(parsed.ok()) << c.text << " parsed as " << parsed->amount_minor();
  }
}

INSTANTIATE_TEST_SUITE_P(Table, MoneyParse, ::testing::Values(
    ParseCase{"12.34", "EUR", 1234}, ParseCase{"12.3", "EUR", 1230}, ParseCase{"12", "EUR", 1200},
    ParseCase{"0.01", "EUR", 1}, ParseCase{"-0.5", "EUR", -50}, ParseCase{"+7", "EUR", 700},
    ParseCase{"1000", "JPY", 1000}, ParseCase{"1.234", "KWD", 1234}, ParseCase{"0.1", "KWD", 100},
    ParseCase{"92233720368547758.07", "EUR", std::nullopt},  // 19 digits: refused, not wrapped
    ParseCase{"9999999999999999.99", "EUR", 999999999999999999},
    ParseCase{"12.345", "EUR", std::nullopt}, ParseCase{"1.5", "JPY", std::nullopt},
    ParseCase{"", "EUR", std::nullopt}, ParseCase{".5", "EUR", std::nullopt}, ParseCase{"5.", "EUR", std::nullopt},
    ParseCase{"1e3", "EUR", std::nullopt}, ParseCase{"1,00", "EUR", std::nullopt}, ParseCase{" 1", "EUR", std::nullopt},
    ParseCase{"--1", "EUR", std::nullopt}, ParseCase{"12.34", "ABC", std::nullopt}));

TEST(Money, FormatsWithTheCurrencyExponent) {
  EXPECT_EQ(Money(1234, currency("EUR")).to_decimal_string(), "12.34");
  EXPECT_EQ(Money(5, currency("EUR")).to_decimal_string(), "0.05");
  EXPECT_EQ(Money(-5, currency("EUR")).to_decimal_string(), "-0.05");
  EXPECT_EQ(Money(1000, currency("JPY")).to_string(), "1000 JPY");
  EXPECT_EQ(Money(1, currency("KWD")).to_decimal_string(), "0.001");
  EXPECT_EQ(Money(std::numeric_limits<int64_t>::min(), currency("EUR")).to_decimal_string(), "-92233720368547758.08");
}

TEST(Money, RoundTripsThroughText) {
  for (const int64_t minor : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{99}, int64_t{100}, int64_t{123456789}}) {
    const Money m(minor, currency("EUR"));
    EXPECT_EQ(Money::parse(m.to_decimal_string(), "EUR")->amount_minor(), minor);
  }
}

TEST(Money, ArithmeticIsCheckedForOverflowAndCurrency) {
  const Money max(std::numeric_limits<int64_t>::max(), currency("EUR"));
  const Money one(1, currency("EUR"));
  EXPECT_FALSE(max.plus(one).ok());
  EXPECT_EQ(max.plus(one).error().type, "amount-overflow");
  EXPECT_FALSE(Money(std::numeric_limits<int64_t>::min(), currency("EUR")).minus(one).ok());
  EXPECT_FALSE(Money(std::numeric_limits<int64_t>::min(), currency("EUR")).negated().ok());
  EXPECT_EQ(one.plus(one)->amount_minor(), 2);
  EXPECT_EQ(one.minus(Money(3, currency("EUR")))->amount_minor(), -2);
  const auto mixed = one.plus(Money(1, currency("USD")));
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.error().type, "currency-mismatch");
}

}  // namespace
}  // namespace kassa
