#pragma once
// Money is an integer count of minor units with an ISO 4217 currency; never a double.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace kassa {

class Currency {
 public:
  // Known ISO 4217 codes only; lookup is case-sensitive (upper case), as in the standard.
  static std::optional<Currency> from_code(std::string_view code);

  std::string_view code() const { return {code_, 3}; }
  int exponent() const { return exponent_; }  // minor-unit digits: EUR 2, JPY 0, KWD 3
  int64_t minor_per_major() const;

  friend bool operator==(const Currency& a, const Currency& b) { return a.code() == b.code(); }

 private:
  Currency(const char* code, int exponent) : exponent_(exponent) {
    code_[0] = code[0]; code_[1] = code[1]; code_[2] = code[2];
  }
  char code_[3];
  int exponent_;
};

class Money {
 public:
  Money(int64_t amount_minor, Currency currency) : amount_minor_(amount_minor), currency_(currency) {}

  // Parses a decimal major-unit string ("12.34", "-0.5", "1000") exactly, without
  // floating point. More fraction digits than the currency has is an error, not rounding.
  static Result<Money> parse(std::string_view text, Currency currency);
  static Result<Money> parse(std::string_view text, std::string_view currency_code);

  int64_t amount_minor() const { return amount_minor_; }
  const Currency& currency() const { return currency_; }

  // "12.34" (no currency symbol; the UI localises with Intl).
  std::string to_decimal_string() const;
  // "12.34 EUR"
  std::string to_string() const;

  // Checked arithmetic: an error on overflow or mixed currencies.
  Result<Money> plus(const Money& other) const;
  Result<Money> minus(const Money& other) const;
  Result<Money> negated() const;

  friend bool operator==(const Money& a, const Money& b) {
    return a.amount_minor_ == b.amount_minor_ && a.currency_ == b.currency_;
  }

 private:
  int64_t amount_minor_;
  Currency currency_;
};

}  // namespace kassa
