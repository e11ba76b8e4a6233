#pragma once
// Secrets at rest (TOTP secrets, webhook secrets): XSalsa20-Poly1305 secret boxes
// (libsodium) under the master key, stored as base64 of nonce || ciphertext.
#include <optional>
#include <string>
#include <string_view>

namespace kassa {

class SecretBox {
 public:
  explicit SecretBox(std::string key);  // 32 bytes; throws otherwise
  std::string seal(std::string_view plaintext) const;
  std::optional<std::string> open(std::string_view sealed) const;  // nullopt if tampered or wrong key

 private:
  std::string key_;
};

}  // namespace kassa
