#pragma once
// Card data at the edge: a full card number is tokenised as soon as it arrives
// (a keyed HMAC fingerprint, the first six and last four digits, the brand) and
// never stored or logged; security codes are never stored.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace kassa::payments {

struct CardInput {
  std::string number;
  int exp_month = 0;
  int exp_year = 0;
  std::string cvc;
  std::string holder;
};

struct CardToken {
  std::string token;  // "card_" + HMAC-SHA256(key, number), hex: the same card gives the same token
  std::string first6;
  std::string last4;
  std::string brand;  // visa, mastercard, amex, discover, jcb, unionpay, diners, maestro, unknown
  int exp_month = 0;
  int exp_year = 0;
  std::string issuer_country;  // ISO 3166-1 alpha-2, from the BIN (sandbox table)
};

bool luhn_valid(std::string_view digits);
std::string card_brand(std::string_view digits);

// Validates (digits, Luhn, 13–19 long, expiry not past, CVC shape) and tokenises.
// now_year/now_month: the current UTC month, for the expiry check.
Result<CardToken> tokenize(const CardInput& card, std::string_view fingerprint_key, int now_year, int now_month);

}  // namespace kassa::payments
