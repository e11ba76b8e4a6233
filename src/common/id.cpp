#include "common/id.hpp"

#include <cassert>
#include <stdexcept>
#include <thread>

namespace kassa {
namespace {
constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford base32
constexpr int kDigits = 13;
constexpr uint32_t kSequenceMax = (1u << kIdSequenceBits) - 1;
constexpr int64_t kTimeMax = (int64_t{1} << 42) - 1;
}  // namespace

std::string encode_id_digits(uint64_t value) {
  std::string out(kDigits, '0');
  for (int i = kDigits - 1; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kAlphabet[value & 31u];
    value >>= 5;
  }
  return out;
}

std::optional<uint64_t> decode_id_digits(std::string_view digits) {
  if (digits.size() != kDigits) return std::nullopt;
  // The first digit carries only the top 4 bits (13 * 5 = 65).
  uint64_t value = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    const size_t pos = kAlphabet.find(digits[i]);
    if (pos == std::string_view::npos) return std::nullopt;
    if (i == 0 && pos > 15) return std::nullopt;
    value = (value << 5) | pos;
  }
  return value;
}

IdGenerator::IdGenerator(const Clock& clock, uint32_t node) : clock_(clock), node_(node) {
  if (node > kIdNodeMax) throw std::invalid_argument("id node out of range");
}

uint64_t IdGenerator::next() {
  std::lock_guard lock(mutex_);
  int64_t ms = clock_.now_ms() - kIdEpochMs;
  if (ms < 0 || ms > kTimeMax) throw std::runtime_error("clock outside the id time range");
  // A clock that steps back must not produce smaller ids: stay on the last millisecond.
  if (ms < last_ms_) ms = last_ms_;
  if (ms == last_ms_) {
    if (sequence_ == kSequenceMax) {
      // 4096 ids in one millisecond: borrow the next millisecond.
      ++ms;
      sequence_ = 0;
    } else {
      ++sequence_;
    }
  } else {
    sequence_ = 0;
  }
  last_ms_ = ms;
  const uint64_t id = (static_cast<uint64_t>(ms) << (kIdNodeBits + kIdSequenceBits)) |
                      (static_cast<uint64_t>(node_) << kIdSequenceBits) | sequence_;
  return id;
}

}  // namespace kassa
