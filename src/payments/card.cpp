#include "payments/card.hpp"

#include <openssl/hmac.h>

#include <algorithm>

#include "common/crypto.hpp"

namespace kassa::payments {

bool luhn_valid(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it < '0' || *it > '9') return false;
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return !digits.empty() && sum % 10 == 0;
}

std::string card_brand(std::string_view d) {
  const auto prefix = [&](size_t n) { return d.size() >= n ? std::stoi(std::string(d.substr(0, n))) : -1; };
  if (d.starts_with("4")) return "visa";
  if ((prefix(2) >= 51 && prefix(2) <= 55) || (prefix(4) >= 2221 && prefix(4) <= 2720)) return "mastercard";
  if (d.starts_with("34") || d.starts_with("37")) return "amex";
  if (d.starts_with("6011") || d.starts_with("65") || (prefix(3) >= 644 && prefix(3) <= 649)) return "discover";
  if (prefix(4) >= 3528 && prefix(4) <= 3589) return "jcb";
  if (d.starts_with("62")) return "unionpay";
  if (d.starts_with("36") || d.starts_with("38") || (prefix(3) >= 300 && prefix(3) <= 305)) return "diners";
  if (d.starts_with("50") || (prefix(2) >= 56 && prefix(2) <= 69)) return "maestro";
  return "unknown";
}

namespace {

// The sandbox's BIN table: issuer countries by prefix (longest match wins).
std::string issuer_country(std::string_view digits) {
  static constexpr std::pair<std::string_view, std::string_view> kTable[] = {
      {"4000002760", "DE"}, {"4000002500", "FR"}, {"4000008260", "GB"}, {"4000007240", "ES"},
      {"4000003800", "IT"}, {"4000005280", "NL"}, {"4000006430", "RU"}, {"4000000760", "BR"},
  };
  for (const auto& [prefix, country] : kTable) if (digits.starts_with(prefix)) return std::string(country);
  return "US";
}

std::string hmac_hex(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), out, &length);
  return crypto::to_hex(std::string_view(reinterpret_cast<const char*>(out), length));
}

}  // namespace

Result<CardToken> tokenize(const CardInput& card, std::string_view fingerprint_key, int now_year, int now_month) {
  std::vector<FieldError> errors;
  std::string digits;
  for (char c : card.number) {
    if (c == ' ' || c == '-') continue;
    digits.push_back(c);
  }
  const bool all_digits = std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!all_digits || digits.size() < 13 || digits.size() > 19 || !luhn_valid(digits)) {
    errors.push_back({"/card/number", "is not a valid card number"});
  }
  if (card.exp_month < 1 || card.exp_month > 12) errors.push_back({"/card/exp_month", "1..12"});
  if (card.exp_year < 2000 || card.exp_year > 2100) errors.push_back({"/card/exp_year", "a four-digit year"});
  else if (card.exp_year < now_year || (card.exp_year == now_year && card.exp_month < now_month)) {
    errors.push_back({"/card/exp_year", "the card has expired"});
  }
  if (!card.cvc.empty() && (card.cvc.size() < 3 || card.cvc.size() > 4 ||
                            !std::all_of(card.cvc.begin(), card.cvc.end(), [](char c) { return c >= '0' && c <= '9'; }))) {
    errors.push_back({"/card/cvc", "3 or 4 digits"});
  }
  if (!errors.empty()) return Error::invalid("invalid-card", "the card details are invalid", errors);
  CardToken t;
  t.token = "card_" + hmac_hex(fingerprint_key, digits).substr(0, 40);
  t.first6 = digits.substr(0, 6);
  t.last4 = digits.substr(digits.size() - 4);
  t.brand = card_brand(digits);
  t.exp_month = card.exp_month;
  t.exp_year = card.exp_year;
  t.issuer_country = issuer_country(digits);
  return t;
}

}  // namespace kassa::payments
