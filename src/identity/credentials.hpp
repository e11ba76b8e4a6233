#pragma once
// Passwords (argon2id), TOTP (RFC 6238), recovery codes and QR codes: the pure
// functions of sign-in, testable without a database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kassa::identity {

inline constexpr size_t kPasswordLengthMin = 12;   // characters (code points), not bytes
inline constexpr size_t kPasswordLengthMax = 128;
inline constexpr int kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
inline constexpr int kTotpWindowSteps = 1;         // accept the previous and next step too
inline constexpr int kRecoveryCodeCount = 10;

// Checks the rules that need no history: length, a letter and a digit, valid
// UTF-8, not one of the 10,000 most common passwords. Field errors on "/password".
Status check_password_rules(std::string_view password);
bool is_common_password(std::string_view password);

std::string hash_password(std::string_view password);  // argon2id, libsodium's encoded form
bool verify_password(std::string_view hash, std::string_view password);
// Spends the same time as a real verification (for unknown e-mail addresses).
void verify_dummy_password(std::string_view password);

// TOTP secrets are 20 random bytes, shown as base32 (RFC 4648, no padding).
std::string new_totp_secret();
std::string base32_encode(std::string_view bytes);
std::optional<std::string> base32_decode(std::string_view text);
int64_t totp_step_at(int64_t unix_ms);
std::string totp_code(std::string_view secret, int64_t step);
// The step that the code matches within the window around now, if any.
std::optional<int64_t> totp_match(std::string_view secret, std::string_view code, int64_t unix_ms);
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret);
std::string qr_svg(std::string_view text);

// "abcd-efgh-jk" style codes from an unambiguous alphabet.
std::vector<std::string> new_recovery_codes();
std::string normalize_recovery_code(std::string_view code);

// A random token for cookies and links (base64url of 32 bytes) and its stored hash.
std::string new_token();
std::string token_hash(std::string_view token);

}  // namespace kassa::identity
