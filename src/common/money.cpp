#include "common/money.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace kassa {
namespace {

struct CurrencyRow {
  const char* code;
  int exponent;
};

// ISO 4217 active codes with their minor-unit exponent (2024 list; funds codes left out).
constexpr std::array kCurrencies = std::to_array<CurrencyRow>({
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2},
    {"AWG", 2}, {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2}, {"BHD", 3}, {"BIF", 0},
    {"BMD", 2}, {"BND", 2}, {"BOB", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2},
    {"BZD", 2}, {"CAD", 2}, {"CDF", 2}, {"CHF", 2}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CRC", 2},
    {"CUP", 2}, {"CVE", 2}, {"CZK", 2}, {"DJF", 0}, {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2},
    {"ERN", 2}, {"ETB", 2}, {"EUR", 2}, {"FJD", 2}, {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2},
    {"GIP", 2}, {"GMD", 2}, {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2},
    {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2}, {"ISK", 0}, {"JMD", 2},
    {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0}, {"KPW", 2}, {"KRW", 0},
    {"KWD", 3}, {"KYD", 2}, {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2}, {"LRD", 2}, {"LSL", 2},
    {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2}, {"MKD", 2}, {"MMK", 2}, {"MNT", 2}, {"MOP", 2},
    {"MRU", 2}, {"MUR", 2}, {"MVR", 2}, {"MWK", 2}, {"MXN", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2},
    {"NGN", 2}, {"NIO", 2}, {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2},
    {"PGK", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2},
    {"RUB", 2}, {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2}, {"SGD", 2},
    {"SHP", 2}, {"SLE", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2}, {"SVC", 2}, {"SYP", 2},
    {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3}, {"TOP", 2}, {"TRY", 2}, {"TTD", 2},
    {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"UYU", 2}, {"UZS", 2}, {"VES", 2},
    {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAF", 0}, {"XCD", 2}, {"XOF", 0}, {"XPF", 0}, {"YER", 2},
    {"ZAR", 2}, {"ZMW", 2}, {"ZWL", 2},
});

constexpr bool sorted_codes() {
  for (size_t i = 1; i < kCurrencies.size(); ++i) {
    if (std::string_view(kCurrencies[i - 1].code) >= std::string_view(kCurrencies[i].code)) return false;
  }
  return true;
}
static_assert(sorted_codes(), "kCurrencies must stay sorted for binary search");

constexpr int kDigitsMax = 18;  // int64 holds every 18-digit number

}  // namespace

std::optional<Currency> Currency::from_code(std::string_view code) {
  if (code.size() != 3) return std::nullopt;
  const auto it = std::lower_bound(kCurrencies.begin(), kCurrencies.end(), code,
                                   [](const CurrencyRow& row, std::string_view c) { return std::string_view(row.code) < c; });
  if (it == kCurrencies.end() || std::string_view(it->code) != code) return std::nullopt;
  return Currency(it->code, it->exponent);
}

int64_t Currency::minor_per_major() const {
  int64_t factor = 1;
  for (int i = 0; i < exponent_; ++i) factor *= 10;
  return factor;
}

Result<Money> Money::parse(std::string_view text, std::string_view currency_code) {
  const auto currency = Currency::from_code(currency_code);
  if (!currency) return Error::invalid("unknown-currency", "unknown ISO 4217 currency code");
  return parse(text, *currency);
}

Result<Money> Money::parse(std::string_view text, Currency currency) {
  const auto bad = [](std::string detail) { return Error::invalid("invalid-amount", std::move(detail)); };
  if (text.empty()) return bad("amount is empty");
  bool negative = false;
  if (text.front() == '-' || text.front() == '+') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty()) return bad("amount needs digits before the decimal point");
  if (dot != std::string_view::npos && fraction.empty()) return bad("amount needs digits after the decimal point");
  const auto all_digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(whole) || !all_digits(fraction)) return bad("amount must be a decimal number");
  if (static_cast<int>(fraction.size()) > currency.exponent()) {
    return bad("amount has more decimal places than " + std::string(currency.code()) + " allows");
  }
  if (static_cast<int>(whole.size()) + currency.exponent() > kDigitsMax) return bad("amount is too large");

  int64_t minor = 0;
  for (char c : whole) minor = minor * 10 + (c - '0');
  for (int i = 0; i < currency.exponent(); ++i) {
    const int digit = i < static_cast<int>(fraction.size()) ? fraction[static_cast<size_t>(i)] - '0' : 0;
    minor = minor * 10 + digit;
  }
  return Money(negative ? -minor : minor, currency);
}

std::string Money::to_decimal_string() const {
  // Work in unsigned to format INT64_MIN without overflow.
  const bool negative = amount_minor_ < 0;
  const uint64_t magnitude = negative ? uint64_t{0} - static_cast<uint64_t>(amount_minor_) : static_cast<uint64_t>(amount_minor_);
  std::string digits = std::to_string(magnitude);
  const auto exponent = static_cast<size_t>(currency_.exponent());
  if (exponent > 0) {
    if (digits.size() <= exponent) digits.insert(0, exponent - digits.size() + 1, '0');
    digits.insert(digits.size() - exponent, 1, '.');
  }
  return negative ? "-" + digits : digits;
}

std::string Money::to_string() const { return to_decimal_string() + " " + std::string(currency_.code()); }

Result<Money> Money::plus(const Money& other) const {
  if (!(currency_ == other.currency_)) return Error::make(ErrorCode::unprocessable, "currency-mismatch", "cannot add amounts in different currencies");
  int64_t sum = 0;
  if (__builtin_add_overflow(amount_minor_, other.amount_minor_, &sum)) return Error::make(ErrorCode::unprocessable, "amount-overflow", "amount overflows");
  return Money(sum, currency_);
}

Result<Money> Money::minus(const Money& other) const {
  if (!(currency_ == other.currency_)) return Error::make(ErrorCode::unprocessable, "currency-mismatch", "cannot subtract amounts in different currencies");
  int64_t difference = 0;
  if (__builtin_sub_overflow(amount_minor_, other.amount_minor_, &difference)) return Error::make(ErrorCode::unprocessable, "amount-overflow", "amount overflows");
  return Money(difference, currency_);
}

Result<Money> Money::negated() const {
  if (amount_minor_ == std::numeric_limits<int64_t>::min()) return Error::make(ErrorCode::unprocessable, "amount-overflow", "amount overflows");
  return Money(-amount_minor_, currency_);
}

}  // namespace kassa
