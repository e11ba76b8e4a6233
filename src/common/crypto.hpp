#pragma once
// Small wrappers over OpenSSL for randomness, digests and encodings.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kassa::crypto {

// Cryptographically secure random bytes (OpenSSL RAND_bytes); throws if the RNG fails.
std::string random_bytes(size_t count);
uint64_t random_u64();

std::string to_hex(std::string_view bytes);
std::optional<std::string> from_hex(std::string_view hex);

std::string sha256(std::string_view data);  // 32 raw bytes
std::string sha256_hex(std::string_view data);

}  // namespace kassa::crypto
