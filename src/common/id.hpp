#pragma once
// Time-ordered 64-bit ids, shown with a type prefix ("pay_01jd8x4k2m3n0").
//
// Layout (most significant first): 42 bits milliseconds since 2024-01-01 UTC
// (good until 2163), 10 bits node, 12 bits sequence. Ids from one node are
// strictly increasing; across nodes they are ordered by millisecond. The text
// form is 13 Crockford base32 digits (lower case), fixed width so that text
// order equals numeric order.
#include <algorithm>
#include <atomic>
#include <compare>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace kassa {

inline constexpr int64_t kIdEpochMs = 1704067200000;  // 2024-01-01T00:00:00Z
inline constexpr int kIdNodeBits = 10;
inline constexpr int kIdSequenceBits = 12;
inline constexpr uint32_t kIdNodeMax = (1u << kIdNodeBits) - 1;

std::string encode_id_digits(uint64_t value);                          // 13 characters
std::optional<uint64_t> decode_id_digits(std::string_view digits);     // nullopt if malformed

// A strong id type: Id<PaymentTag> and Id<RefundTag> do not mix.
// Tag must provide `static constexpr std::string_view prefix`.
template <class Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(uint64_t value) : value_(value) {}

  static std::optional<Id> parse(std::string_view text) {
    constexpr std::string_view prefix = Tag::prefix;
    if (text.size() != prefix.size() + 1 + 13) return std::nullopt;
    if (text.substr(0, prefix.size()) != prefix || text[prefix.size()] != '_') return std::nullopt;
    const auto value = decode_id_digits(text.substr(prefix.size() + 1));
    if (!value) return std::nullopt;
    return Id(*value);
  }

  uint64_t value() const { return value_; }
  std::string to_string() const { return std::string(Tag::prefix) + "_" + encode_id_digits(value_); }

  friend constexpr auto operator<=>(const Id&, const Id&) = default;

 private:
  uint64_t value_ = 0;
};

class IdGenerator {
 public:
  IdGenerator(const Clock& clock, uint32_t node);

  uint64_t next();
  template <class Tag>
  Id<Tag> next_id() { return Id<Tag>(next()); }

  uint32_t node() const { return node_; }
  // An id for a given time (historical data: imports, the demo seed). The caller
  // keeps (ms, sequence) pairs unique for its node.
  static uint64_t compose(int64_t unix_ms, uint32_t node, uint32_t sequence) {
    return (static_cast<uint64_t>(unix_ms - kIdEpochMs) << (kIdNodeBits + kIdSequenceBits)) |
           (static_cast<uint64_t>(node & kIdNodeMax) << kIdSequenceBits) | (sequence & ((1u << kIdSequenceBits) - 1));
  }
  // The smallest id of a millisecond (clamped to the id time range): time ranges as id ranges.
  static uint64_t lowest_at(int64_t unix_ms) {
    // Ids are stored as signed BIGINT: the top time bit (reached in 2093) stays clear.
    const int64_t max_ms = kIdEpochMs + (int64_t{1} << 41) - 1;
    return compose(std::clamp(unix_ms, kIdEpochMs, max_ms), 0, 0);
  }
  static int64_t timestamp_ms_of(uint64_t id) { return static_cast<int64_t>(id >> (kIdNodeBits + kIdSequenceBits)) + kIdEpochMs; }

 private:
  const Clock& clock_;
  const uint32_t node_;
  std::mutex mutex_;
  int64_t last_ms_ = 0;
  uint32_t sequence_ = 0;
};

}  // namespace kassa
