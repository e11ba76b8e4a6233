#include "identity/credentials.hpp"

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <unordered_set>

#include "common/crypto.hpp"

extern const char* const kassa_common_passwords_text;  // generated from data/common_passwords.txt

namespace kassa::identity {
namespace {

constexpr unsigned long long kArgonOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kArgonMemory = crypto_pwhash_MEMLIMIT_INTERACTIVE;  // 64 MiB

void init_libraries() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath failed to initialise");
  });
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const std::unordered_set<std::string>& common_passwords() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> s;
    const std::string_view text(kassa_common_passwords_text);
    size_t start = 0;
    while (start < text.size()) {
      const size_t end = std::min(text.find('\n', start), text.size());
      const std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.front() != '#') s.insert(lower_ascii(line));
      start = end + 1;
    }
    return s;
  }();
  return set;
}

// Counts code points; nullopt for invalid UTF-8.
std::optional<size_t> utf8_length(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t extra = 0;
    if (c < 0x80) extra = 0;
    else if ((c & 0xE0) == 0xC0 && c >= 0xC2) extra = 1;
    else if ((c & 0xF0) == 0xE0) extra = 2;
    else if ((c & 0xF8) == 0xF0 && c <= 0xF4) extra = 3;
    else return std::nullopt;
    if (extra > 0 && i + extra >= s.size()) return std::nullopt;
    for (size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return std::nullopt;
    }
    i += extra + 1;
    ++count;
  }
  return count;
}

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kRecoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

}  // namespace

bool is_common_password(std::string_view password) { return common_passwords().contains(lower_ascii(password)); }

Status check_password_rules(std::string_view password) {
  std::vector<FieldError> errors;
  const auto length = utf8_length(password);
  if (!length) {
    errors.push_back({"/password", "the password is not valid UTF-8"});
  } else {
    if (*length < kPasswordLengthMin) errors.push_back({"/password", "use at least 12 characters"});
    if (*length > kPasswordLengthMax) errors.push_back({"/password", "use at most 128 characters"});
  }
  const bool has_digit = std::any_of(password.begin(), password.end(), [](char c) { return c >= '0' && c <= '9'; });
  // Any letter counts, in any script: ASCII letters and every non-ASCII character.
  const bool has_letter = std::any_of(password.begin(), password.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
  if (!has_letter || !has_digit) errors.push_back({"/password", "use letters and digits"});
  if (is_common_password(password)) errors.push_back({"/password", "this password is one of the most common ones; choose another"});
  if (!errors.empty()) return Error::invalid("invalid-password", "the password does not meet the rules", std::move(errors));
  return Ok{};
}

std::string hash_password(std::string_view password) {
  init_libraries();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kArgonOps, kArgonMemory, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id hashing failed (out of memory)");
  }
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  init_libraries();
  const std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

void verify_dummy_password(std::string_view password) {
  static const std::string dummy = hash_password("kassa-dummy-password-for-timing-1");
  verify_password(dummy, password);
}

std::string base32_encode(std::string_view bytes) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32[(buffer << (5 - bits)) & 31]);
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == ' ') continue;
    const size_t v = kBase32.find(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (v == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

std::string new_totp_secret() { return crypto::random_bytes(20); }

int64_t totp_step_at(int64_t unix_ms) { return unix_ms / 1000 / kTotpStepSeconds; }

std::string totp_code(std::string_view secret, int64_t step) {
  init_libraries();
  char out[kTotpDigits + 1];
  if (oath_hotp_generate(secret.data(), secret.size(), static_cast<uint64_t>(step), kTotpDigits, false,
                         OATH_HOTP_DYNAMIC_TRUNCATION, out) != OATH_OK) {
    throw std::runtime_error("TOTP generation failed");
  }
  return std::string(out, kTotpDigits);
}

std::optional<int64_t> totp_match(std::string_view secret, std::string_view code, int64_t unix_ms) {
  if (code.size() != kTotpDigits || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const int64_t now = totp_step_at(unix_ms);
  std::optional<int64_t> matched;
  // Check every step of the window (no early exit) so timing does not tell which matched.
  for (int64_t step = now - kTotpWindowSteps; step <= now + kTotpWindowSteps; ++step) {
    const std::string expected = totp_code(secret, step);
    if (sodium_memcmp(expected.data(), code.data(), kTotpDigits) == 0 && !matched) matched = step;
  }
  return matched;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret) {
  const auto escape = [](std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') out.push_back(static_cast<char>(c));
      else {
        static constexpr char kHex[] = "0123456789ABCDEF";
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
    return out;
  };
  return "otpauth://totp/" + escape(issuer) + ":" + escape(account) + "?secret=" + base32_encode(secret) +
         "&issuer=" + escape(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

std::string qr_svg(std::string_view text) {
  const std::string input(text);
  QRcode* code = QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!code) throw std::runtime_error("QR encoding failed");
  const int width = code->width;
  constexpr int kMargin = 4;
  const int size = width + 2 * kMargin;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
                    std::to_string(size) + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if (code->data[y * width + x] & 1) {
        svg += "M" + std::to_string(x + kMargin) + " " + std::to_string(y + kMargin) + "h1v1h-1z";
      }
    }
  }
  svg += "\"/></svg>";
  QRcode_free(code);
  return svg;
}

std::vector<std::string> new_recovery_codes() {
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    const std::string bytes = crypto::random_bytes(12);
    std::string code;
    for (size_t k = 0; k < bytes.size(); ++k) {
      if (k == 4 || k == 8) code.push_back('-');
      code.push_back(kRecoveryAlphabet[static_cast<unsigned char>(bytes[k]) % kRecoveryAlphabet.size()]);
    }
    codes.push_back(code);
  }
  return codes;
}

std::string normalize_recovery_code(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::string new_token() {
  init_libraries();
  const std::string bytes = crypto::random_bytes(32);
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string token_hash(std::string_view token) { return crypto::sha256_hex(token); }

}  // namespace kassa::identity
